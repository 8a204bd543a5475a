/** One run of highlighted text: plain, or a hit the server wrapped in <mark>. */
export interface HighlightPart {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'" };

/** Undoes the server's HTML escaping; unknown entities stay as written. */
export function unescapeHtml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#39|#x27);/g, (whole, name: string) => ENTITIES[name] ?? whole);
}

/**
 * Splits escaped text with `<mark>…</mark>` into parts. Only those two exact tags have a
 * meaning; anything else that looks like markup is kept as literal text.
 */
export function highlightParts(html: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  let marked = false;
  for (const piece of html.split(/(<mark>|<\/mark>)/)) {
    if (piece === '<mark>') {
      marked = true;
    } else if (piece === '</mark>') {
      marked = false;
    } else if (piece !== '') {
      parts.push({ text: unescapeHtml(piece), marked });
    }
  }
  return parts;
}
