import { Alert, Anchor, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api, isApiError } from '@/lib/api';
import { useMetadata } from '@/lib/metadata';
import { EmptyState } from '@/ui/EmptyState';

/** One hit of `GET /api/v1/search`. */
interface SearchHit {
  entity: string;
  id: string;
  title: string;
  snippet?: string;
  score?: number;
}

interface SearchAnswer {
  data: SearchHit[];
}

const RESULT_LIMIT = 20;

/** Results of the global search, at `/search?q=…`. */
export function SearchPage() {
  const [params] = useSearchParams();
  const query = (params.get('q') ?? '').trim();
  const metadata = useMetadata();
  const results = useQuery({
    queryKey: ['search', query],
    queryFn: ({ signal }) =>
      api.get<SearchAnswer>(
        `/search?q=${encodeURIComponent(query)}&limit=${String(RESULT_LIMIT)}`,
        { signal },
      ),
    enabled: query !== '',
    retry: false,
  });

  const entityByName = new Map(
    (metadata.data?.entities ?? []).map((entity) => [entity.name, entity]),
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
            const entity = entityByName.get(hit.entity);
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
                    {hit.title}
                  </Anchor>
                )}
                <Text size="xs" c="dimmed">
                  {entity?.label ?? hit.entity}
                </Text>
                {hit.snippet === undefined || hit.snippet === '' ? null : (
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {hit.snippet}
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
