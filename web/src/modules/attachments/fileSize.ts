const UNITS = ['KB', 'MB', 'GB', 'TB'] as const;

/**
 * A byte count as people read it: "820 bytes", "1.5 KB", "12 MB" (powers of 1024, one
 * decimal only below ten, where it still says something).
 */
export function formatFileSize(bytes: number | null): string {
  if (bytes === null || !Number.isFinite(bytes) || bytes < 0) return 'size unknown';
  if (bytes < 1024) return bytes === 1 ? '1 byte' : `${String(Math.round(bytes))} bytes`;
  let value = bytes / 1024;
  let unit = 0;
  // Rounding may reach 1024 of a unit: that is one of the next.
  while (unit < UNITS.length - 1 && Math.round(value * 10) / 10 >= 1024) {
    value /= 1024;
    unit += 1;
  }
  const shown = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  return `${String(shown)} ${UNITS[unit] ?? 'TB'}`;
}
