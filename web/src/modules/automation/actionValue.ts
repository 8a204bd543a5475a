/** What a value box of a set_field action holds: JSON where it parses (42, true, null, {...}), the text otherwise. */
export function parseValue(text: string): unknown {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' || typeof parsed === 'number' || typeof parsed === 'boolean' ? parsed : text;
  } catch {
    return text;
  }
}
