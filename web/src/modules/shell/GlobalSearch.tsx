import { TextInput } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { IconSearch } from '@tabler/icons-react';
import { useId, useRef, useState, type SubmitEvent } from 'react';
import { useNavigate } from 'react-router';
import { useMetadata } from '@/lib/metadata';
import { searchRecords, type SearchHit } from '@/lib/records';
import { SearchResults } from './SearchResults';

const MINIMUM_LENGTH = 2;
const RESULT_LIMIT = 8;

function hitPath(hit: SearchHit): string {
  return `/${encodeURIComponent(hit.entity)}/${encodeURIComponent(hit.id)}`;
}

/**
 * The header's search box; Ctrl+K (Cmd+K on a Mac) jumps to it from anywhere. Results
 * appear as you type; arrows move through them, Enter opens one (or the full results).
 */
export function GlobalSearch() {
  const navigate = useNavigate();
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [debounced] = useDebouncedValue(query.trim(), 200);
  const metadata = useMetadata();

  const results = useQuery({
    queryKey: ['search', 'quick', debounced],
    queryFn: ({ signal }) => searchRecords(debounced, RESULT_LIMIT, signal),
    enabled: debounced.length >= MINIMUM_LENGTH,
    retry: false,
    staleTime: 10 * 1000,
  });
  const hits = debounced.length >= MINIMUM_LENGTH ? (results.data?.data ?? []) : [];
  const expanded = open && query.trim().length >= MINIMUM_LENGTH;

  // An empty ignore list keeps the shortcut working while another field has focus.
  useHotkeys(
    [
      [
        'mod+K',
        () => {
          input.current?.focus();
          input.current?.select();
          setOpen(true);
        },
      ],
    ],
    [],
  );

  const close = () => {
    setOpen(false);
    setActive(-1);
  };
  const openHit = (hit: SearchHit) => {
    close();
    setQuery('');
    input.current?.blur();
    void navigate(hitPath(hit));
  };
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const chosen = hits[active];
    if (expanded && chosen !== undefined) {
      openHit(chosen);
      return;
    }
    const text = query.trim();
    if (text !== '') {
      close();
      void navigate(`/search?q=${encodeURIComponent(text)}`);
    }
  };
  const labels = new Map((metadata.data?.entities ?? []).map((entity) => [entity.plural, entity.label]));

  return (
    <form role="search" onSubmit={submit} style={{ flex: '1 1 auto', minWidth: 0, maxWidth: 480, position: 'relative' }}>
      <TextInput
        ref={input}
        type="search"
        role="combobox"
        aria-label="Search"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${String(active)}` : undefined}
        autoComplete="off"
        placeholder="Search (Ctrl+K)"
        leftSection={<IconSearch size={16} aria-hidden="true" />}
        value={query}
        onChange={(event) => {
          setQuery(event.currentTarget.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => {
          setOpen(true);
        }}
        onBlur={close}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            if (expanded) close();
            else event.currentTarget.blur();
          } else if (event.key === 'ArrowDown' && hits.length > 0) {
            event.preventDefault();
            setOpen(true);
            setActive((active + 1) % hits.length);
          } else if (event.key === 'ArrowUp' && hits.length > 0) {
            event.preventDefault();
            setActive(active <= 0 ? hits.length - 1 : active - 1);
          }
        }}
      />
      <SearchResults
        id={listId}
        open={expanded}
        hits={hits}
        active={active}
        loading={results.isFetching || debounced !== query.trim()}
        failed={results.isError}
        entityLabel={(plural) => labels.get(plural) ?? plural}
        onHover={setActive}
        onChoose={openHit}
      />
    </form>
  );
}
