/** Time zones and times shown in them, for reminders set in a zone of their own. */

/** The browser's own zone, which a new reminder starts in. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Every zone the browser knows, with UTC and `current` among them, sorted. */
export function timeZones(current: string): string[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  zones.add('UTC');
  zones.add(current);
  return [...zones].sort();
}

/** "Mon, 7 Jan 2030, 09:05" in the reminder's own zone. */
export function formatInZone(instant: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat(undefined, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
    }).format(new Date(instant));
  } catch {
    return instant;
  }
}
