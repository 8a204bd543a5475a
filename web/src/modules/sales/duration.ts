/**
 * "+2 d 4 h": how long after the step before it a step of the sales chain came. Two units
 * at most, the larger first, because the second decimal place of a wait tells nothing.
 */
export function formatSince(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '';
  const sign = seconds < 0 ? '−' : '+';
  let rest = Math.round(Math.abs(seconds));
  const days = Math.floor(rest / 86400);
  rest -= days * 86400;
  const hours = Math.floor(rest / 3600);
  rest -= hours * 3600;
  const minutes = Math.floor(rest / 60);
  const secs = rest - minutes * 60;
  const parts: [number, string][] = [
    [days, 'd'],
    [hours, 'h'],
    [minutes, 'min'],
    [secs, 's'],
  ];
  const first = parts.findIndex(([value]) => value > 0);
  if (first < 0) return `${sign}0 s`;
  const shown = parts.slice(first, first + 2).filter(([value]) => value > 0);
  return `${sign}${shown.map(([value, unit]) => `${String(value)} ${unit}`).join(' ')}`;
}

/** The same span spoken out for screen readers: "2 days 4 hours after the previous step". */
export function spokenSince(seconds: number | null | undefined): string {
  const short = formatSince(seconds);
  if (short === '') return '';
  const words: Record<string, [string, string]> = { d: ['day', 'days'], h: ['hour', 'hours'], min: ['minute', 'minutes'], s: ['second', 'seconds'] };
  const body = short
    .slice(1)
    .replace(/(\d+) (d|h|min|s)\b/g, (_match, value: string, unit: string) => {
      const [one, many] = words[unit] ?? [unit, unit];
      return `${value} ${value === '1' ? one : many}`;
    });
  return short.startsWith('−') ? `${body} before the previous step` : `${body} after the previous step`;
}
