import { Alert, Badge, Button, Group, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { IconFilter, IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { toDsl } from '@/lib/filter';
import { defaultColumns, findField, type EntityDefinition, type FieldDefinition } from '@/lib/metadata';
import { listRecords, type ArchivedMode } from '@/lib/records';
import { EmptyState } from '@/ui/EmptyState';
import { FullPageLoader } from '@/ui/FullPageLoader';
import { NotFoundPage } from '@/ui/NotFoundPage';
import { ColumnChooser } from './ColumnChooser';
import { loadColumns, saveColumns } from './columnStore';
import { FilterBuilder } from './FilterBuilder';
import { filterableFields, rowsToConditions } from './filterFields';
import { combinedFilter, readListParams, writeListParams, type ListParams } from './listParams';
import { RecordTable } from './RecordTable';
import { recordKeys, useEntity } from './useEntity';

const PAGE_SIZE = 50;

/** `/:plural`: the list of any entity, rendered from its definition. */
export function ListPage() {
  const { plural } = useParams();
  const { status, entity } = useEntity(plural);
  if (status === 'pending') return <FullPageLoader label="Loading the definitions" />;
  if (entity === undefined) return <NotFoundPage />;
  return <EntityList key={entity.name} entity={entity} />;
}

function EntityList({ entity }: { entity: EntityDefinition }) {
  const [params, setParams] = useSearchParams();
  const state = readListParams(params);
  const [search, setSearch] = useState(state.search);
  const [debouncedSearch] = useDebouncedValue(search, 300);
  const [filtersOpen, setFiltersOpen] = useState(state.rows.length > 0);
  const [chosen, setChosen] = useState(() => loadColumns(entity.name));

  const update = (change: Partial<ListParams>) => {
    setParams(writeListParams({ ...readListParams(params), ...change }), { replace: true });
  };
  useEffect(() => {
    if (debouncedSearch !== readListParams(params).search) update({ search: debouncedSearch });
    // Only a settled search text updates the address.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debouncedSearch]);

  const columns = useMemo(
    () =>
      (chosen ?? defaultColumns(entity))
        .map((name) => findField(entity, name))
        .filter((field): field is FieldDefinition => field !== undefined),
    [chosen, entity],
  );
  const builderDsl = toDsl(rowsToConditions(state.rows, filterableFields(entity)));
  const filter = combinedFilter(entity.title_field, state.search, builderDsl);
  const sort = state.sort === undefined ? '' : `${state.sort.descending ? '-' : ''}${state.sort.field}`;
  const fields = [...new Set([...columns.map((column) => column.name), entity.title_field, 'archived_at'])];
  const query = { filter, sort, archived: state.archived, fields };

  const records = useInfiniteQuery({
    queryKey: recordKeys.list(entity.plural, query),
    queryFn: ({ pageParam, signal }) =>
      listRecords(entity.plural, { ...query, limit: PAGE_SIZE, cursor: pageParam, count: pageParam === null }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor,
    placeholderData: keepPreviousData,
  });
  const rows = records.data?.pages.flatMap((page) => page.data) ?? [];
  const total = records.data?.pages[0]?.total;

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <Title order={1}>{entity.label_plural}</Title>
        {entity.rights.create === false ? null : (
          <Button component={Link} to={`/${entity.plural}/new`} leftSection={<IconPlus size={16} aria-hidden="true" />}>
            New {entity.label.toLowerCase()}
          </Button>
        )}
      </Group>
      <Group gap="sm" wrap="wrap">
        <TextInput
          type="search"
          aria-label={`Search ${entity.label_plural.toLowerCase()}`}
          placeholder={`Search ${entity.label_plural.toLowerCase()}`}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
          }}
          style={{ flex: '1 1 200px', minWidth: 0 }}
        />
        <Button
          variant={filtersOpen ? 'light' : 'default'}
          leftSection={<IconFilter size={16} aria-hidden="true" />}
          aria-expanded={filtersOpen}
          onClick={() => {
            setFiltersOpen(!filtersOpen);
          }}
          rightSection={state.rows.length > 0 ? <Badge size="sm" circle>{state.rows.length}</Badge> : null}
        >
          Filters
        </Button>
        <ColumnChooser
          entity={entity}
          columns={columns.map((column) => column.name)}
          onChange={(next) => {
            saveColumns(entity.name, next);
            setChosen(next);
          }}
        />
        <SegmentedControl
          size="sm"
          aria-label="Archived records"
          value={state.archived}
          onChange={(value) => {
            update({ archived: value as ArchivedMode });
          }}
          data={[
            { value: 'exclude', label: 'Active' },
            { value: 'include', label: 'All' },
            { value: 'only', label: 'Archived' },
          ]}
        />
      </Group>
      {filtersOpen ? (
        <FilterBuilder
          entity={entity}
          applied={state.rows}
          onApply={(rowsApplied) => {
            update({ rows: rowsApplied });
          }}
        />
      ) : null}
      <Text size="sm" c="dimmed" role="status" aria-live="polite">
        {total === undefined ? (records.isPending ? 'Loading…' : '') : `${String(total)} ${total === 1 ? entity.label.toLowerCase() : entity.label_plural.toLowerCase()}`}
      </Text>
      {records.isError ? (
        <Alert color="red" variant="light" title="The list could not be loaded">
          {records.error.message}
        </Alert>
      ) : records.isPending ? null : rows.length === 0 ? (
        <EmptyState title="No records">Nothing matches. Change the search or the filters.</EmptyState>
      ) : (
        <RecordTable
          entity={entity}
          columns={columns}
          records={rows}
          caption={entity.label_plural}
          sort={state.sort}
          onSort={(field) => {
            const descending = state.sort?.field === field && !state.sort.descending;
            update({ sort: { field, descending } });
          }}
        />
      )}
      {records.hasNextPage ? (
        <Group justify="center">
          <Button
            variant="default"
            loading={records.isFetchingNextPage}
            onClick={() => {
              void records.fetchNextPage();
            }}
          >
            Load more
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
