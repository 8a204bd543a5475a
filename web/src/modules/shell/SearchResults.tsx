import { Paper, Text } from '@mantine/core';
import type { SearchHit } from '@/lib/records';
import { HighlightedText } from '@/ui/HighlightedText';

interface SearchResultsProps {
  id: string;
  open: boolean;
  hits: SearchHit[];
  active: number;
  loading: boolean;
  failed: boolean;
  entityLabel: (plural: string) => string;
  onHover: (index: number) => void;
  onChoose: (hit: SearchHit) => void;
}

/** The listbox under the header's search box, with the server's highlighted hits. */
export function SearchResults({ id, open, hits, active, loading, failed, entityLabel, onHover, onChoose }: SearchResultsProps) {
  return (
    <Paper
      shadow="md"
      withBorder
      style={{
        display: open ? 'block' : 'none',
        position: 'absolute',
        top: 'calc(100% + 4px)',
        left: 0,
        right: 0,
        minWidth: 'min(360px, calc(100vw - 24px))',
        zIndex: 300,
        maxHeight: '70vh',
        overflowY: 'auto',
      }}
    >
      <ul id={id} role="listbox" aria-label="Search results" style={{ listStyle: 'none', margin: 0, padding: 4 }}>
        {hits.map((hit, index) => (
          <li
            key={`${hit.entity}:${hit.id}`}
            id={`${id}-${String(index)}`}
            role="option"
            aria-selected={index === active}
            onMouseDown={(event) => {
              // Keeps the focus in the box, so the click lands before it closes.
              event.preventDefault();
            }}
            onMouseEnter={() => {
              onHover(index);
            }}
            onClick={() => {
              onChoose(hit);
            }}
            style={{
              padding: '6px 8px',
              borderRadius: 6,
              cursor: 'pointer',
              background: index === active ? 'var(--mantine-color-indigo-light)' : undefined,
            }}
          >
            <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
              <HighlightedText html={hit.title_highlighted ?? escapeText(hit.title)} />
            </Text>
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {entityLabel(hit.entity)}
              {hit.snippet === undefined || hit.snippet === '' ? null : (
                <>
                  {' · '}
                  <HighlightedText html={hit.snippet} />
                </>
              )}
            </Text>
          </li>
        ))}
      </ul>
      {hits.length > 0 ? null : (
        <Text size="sm" c="dimmed" p="sm" role="status">
          {loading ? 'Searching…' : failed ? 'Search is not available right now.' : 'No matches.'}
        </Text>
      )}
    </Paper>
  );
}

/** A plain title goes through the same safe renderer as a highlighted one. */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
