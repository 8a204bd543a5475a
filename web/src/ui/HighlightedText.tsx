import { Fragment } from 'react';
import { highlightParts } from '@/lib/highlight';

/**
 * Renders the server's highlighted text (escaped text with `<mark>` around hits) as text
 * nodes and <mark> elements only, so no markup from a record can ever reach the page.
 */
export function HighlightedText({ html }: { html: string }) {
  return (
    <>
      {highlightParts(html).map((part, index) =>
        part.marked ? <mark key={index}>{part.text}</mark> : <Fragment key={index}>{part.text}</Fragment>,
      )}
    </>
  );
}
