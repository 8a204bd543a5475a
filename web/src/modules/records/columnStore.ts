/** The columns a user chose per entity, remembered in this browser. */
const PREFIX = 'atrium.columns.';

export function loadColumns(entity: string): string[] | undefined {
  try {
    const stored = window.localStorage.getItem(PREFIX + entity);
    if (stored === null) return undefined;
    const parsed = JSON.parse(stored) as unknown;
    return Array.isArray(parsed) && parsed.every((item) => typeof item === 'string') ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function saveColumns(entity: string, columns: string[] | undefined): void {
  try {
    if (columns === undefined) {
      window.localStorage.removeItem(PREFIX + entity);
    } else {
      window.localStorage.setItem(PREFIX + entity, JSON.stringify(columns));
    }
  } catch {
    // Storage may be full or disabled; the choice then lasts for this page only.
  }
}
