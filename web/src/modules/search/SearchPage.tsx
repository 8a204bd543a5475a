import { Alert, Anchor, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '@/lib/api';
import { useMetadata } from '@/lib/metadata';
import { searchRecords } from '@/lib/records';
import { EmptyState } from '@/ui/EmptyState';
import { HighlightedText } from '@/ui/HighlightedText';

const RESULT_LIMIT = 20;

/** Results of the global search, at `/search?q=…`. */
export function SearchPage() {
  const [params] = useSearchParams();
  const query = (params.get('q') ?? '').trim();
  const metadata = useMetadata();
  const results = useQuery({
    queryKey: ['search', query],
    queryFn: ({ signal }) => searchRecords(query, RESULT_LIMIT, signal),
    enabled: query !== '',
    retry: false,
  });

  // Hits name their entity by its plural, as in the record addresses.
  const entityByPlural = new Map(
    (metadata.data?.entities ?? []).map((entity) => [entity.plural, entity]),
  );

  return (
    <Stack gap="md" maw={800}>
      <Title order={1} style={{ overflowWrap: 'anywhere' }}>
        {query === '' ? 'Search' : `Search: ${query}`}
      </Title>
      {query === '' ? (
        <EmptyState title="Nothing to search for">
          Type a name, number or word in the search box above.
        </EmptyState>
      ) : results.isPending ? (
        <Loader aria-label="Searching" />
      ) : results.isError ? (
        <Alert color="red" variant="light">
          {isApiError(results.error) && results.error.status === 404
            ? 'Search is not available on this server yet.'
            : results.error.message}
        </Alert>
      ) : results.data.data.length === 0 ? (
        <EmptyState title="No matches">Nothing you can see matches “{query}”.</EmptyState>
      ) : (
        <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {results.data.data.map((hit) => {
            const entity = entityByPlural.get(hit.entity);
            return (
              <li key={`${hit.entity}:${hit.id}`}>
                {entity === undefined ? (
                  <Text fw={600}>{hit.title}</Text>
                ) : (
                  <Anchor
                    component={Link}
                    to={`/${encodeURIComponent(entity.plural)}/${encodeURIComponent(hit.id)}`}
                    fw={600}
                  >
                    <HighlightedText html={hit.title_highlighted ?? hit.title.replace(/&/g, '&amp;').replace(/</g, '&lt;')} />
                  </Anchor>
                )}
                <Text size="xs" c="dimmed">
                  {entity?.label ?? hit.entity}
                </Text>
                {hit.snippet === undefined || hit.snippet === '' ? null : (
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    <HighlightedText html={hit.snippet} />
                  </Text>
                )}
              </li>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}
