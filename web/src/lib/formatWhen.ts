/** "5 min ago", "3 h ago", else the local date and time: how recent news reads best. */
export function formatWhen(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) {
    return iso;
  }
  const minutes = Math.round((now.getTime() - at.getTime()) / 60_000);
  if (minutes >= 0 && minutes < 1) {
    return 'just now';
  }
  if (minutes >= 1 && minutes < 60) {
    return `${String(minutes)} min ago`;
  }
  if (minutes >= 60 && minutes < 24 * 60) {
    return `${String(Math.round(minutes / 60))} h ago`;
  }
  return at.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
