import { TextInput } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useRef, useState, type SubmitEvent } from 'react';
import { useNavigate } from 'react-router';

/** The header's search box; Ctrl+K (Cmd+K on a Mac) jumps to it from anywhere. */
export function GlobalSearch() {
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');

  // An empty ignore list keeps the shortcut working while another field has focus.
  useHotkeys(
    [
      [
        'mod+K',
        () => {
          input.current?.focus();
          input.current?.select();
        },
      ],
    ],
    [],
  );

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = query.trim();
    if (text !== '') {
      void navigate(`/search?q=${encodeURIComponent(text)}`);
    }
  };

  return (
    <form role="search" onSubmit={submit} style={{ flex: '1 1 auto', minWidth: 0, maxWidth: 480 }}>
      <TextInput
        ref={input}
        type="search"
        aria-label="Search"
        placeholder="Search (Ctrl+K)"
        leftSection={<IconSearch size={16} aria-hidden="true" />}
        value={query}
        onChange={(event) => {
          setQuery(event.currentTarget.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.currentTarget.blur();
          }
        }}
      />
    </form>
  );
}
