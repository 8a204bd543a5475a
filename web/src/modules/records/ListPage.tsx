import { Alert, Badge, Button, CloseButton, Code, Group, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { IconFilter, IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { toDsl } from '@/lib/filter';
import { isRecord } from '@/lib/json';
import { defaultColumns, findField, formCanCreate, type EntityDefinition, type FieldDefinition } from '@/lib/metadata';
import { recordSlots } from '@/lib/recordSlots';
import { listRecords, type ArchivedMode } from '@/lib/records';
import { EmptyState } from '@/ui/EmptyState';
import { FullPageLoader } from '@/ui/FullPageLoader';
import { NotFoundPage } from '@/ui/NotFoundPage';
import { ColumnChooser } from './ColumnChooser';
import { ExportMenu } from './ExportMenu';
import { ImportButton } from './ImportButton';
import { loadColumns, saveColumns } from './columnStore';
import { FilterBuilder } from './FilterBuilder';
import { filterableFields, rowsToConditions } from './filterFields';
import { combinedFilter, isBareList, readListParams, sortText, writeListParams, type ListParams } from './listParams';
import { RecordTable } from './RecordTable';
import { listOfView, listViews, viewKeys, viewToOpen } from './savedViews';
import { SavedViewMenu, type ListMessage } from './SavedViewMenu';
import { recordKeys, useEntity } from './useEntity';

const PAGE_SIZE = 50;
/** Marks the list's own changes of its address, which are not openings of the list. */
const LIST_CHANGE = { listChange: true };

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
  const location = useLocation();
  const state = readListParams(params);
  const [search, setSearch] = useState(state.search);
  const [debouncedSearch] = useDebouncedValue(search, 300);
  const [filtersOpen, setFiltersOpen] = useState(state.rows.length > 0);
  // The columns shown: the address's (a view's), else this browser's choice. Held here, so
  // the column chooser answers at once while the address follows.
  const [chosen, setChosen] = useState(() => state.columns ?? loadColumns(entity.name));
  const [message, setMessage] = useState<ListMessage | undefined>();
  // The list marks the addresses it writes itself. The one it was mounted with is an
  // opening, as is any later one it did not write (a link followed, Back, a default view).
  const ownChange = isRecord(location.state) && location.state.listChange === true;
  const [mountedAt] = useState(location.key);
  const opened = location.key === mountedAt || !ownChange;
  const [seenAt, setSeenAt] = useState(location.key);
  if (location.key !== seenAt) {
    setSeenAt(location.key);
    if (!ownChange) {
      setSearch(state.search);
      setChosen(state.columns ?? loadColumns(entity.name));
    }
  }

  const apply = (next: ListParams) => {
    setParams(writeListParams(next), { replace: true, state: LIST_CHANGE });
  };
  const update = (change: Partial<ListParams>) => {
    apply({ ...readListParams(params), ...change });
  };
  const open = (next: ListParams) => {
    setSearch(next.search);
    setChosen(next.columns ?? loadColumns(entity.name));
    apply(next);
  };
  useEffect(() => {
    if (debouncedSearch !== readListParams(params).search) update({ search: debouncedSearch });
    // Only a settled search text updates the address.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debouncedSearch]);

  const views = useQuery({
    queryKey: viewKeys.list(entity.plural),
    queryFn: ({ signal }) => listViews(entity.plural, signal),
  });
  const defaultView = viewToOpen(params, opened, views.data);
  useEffect(() => {
    // Not marked as the list's own change: the columns and search follow the address.
    if (defaultView !== undefined) setParams(writeListParams(listOfView(entity, defaultView, state.archived)), { replace: true });
    // Once per opening: the view's address is no longer bare.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [defaultView?.id, location.key]);
  // A bare list waits for the user's views, so a default view does not flash the whole list first.
  const waitingForView = defaultView !== undefined || (opened && isBareList(params) && views.isPending);

  const columns = (chosen ?? defaultColumns(entity))
    .map((name) => findField(entity, name))
    .filter((field): field is FieldDefinition => field !== undefined);
  const columnNames = columns.map((column) => column.name);
  const builderDsl = toDsl(rowsToConditions(state.rows, filterableFields(entity)));
  const filter = combinedFilter(entity.title_field, state.search, builderDsl, state.filter);
  const sort = sortText(state.sort);
  const fields = [...new Set([...columnNames, entity.title_field, 'archived_at'])];
  const query = { filter, sort, archived: state.archived, fields };

  const records = useInfiniteQuery({
    queryKey: recordKeys.list(entity.plural, query),
    queryFn: ({ pageParam, signal }) =>
      listRecords(entity.plural, { ...query, limit: PAGE_SIZE, cursor: pageParam, count: pageParam === null }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor,
    placeholderData: keepPreviousData,
    enabled: !waitingForView,
  });
  const rows = records.data?.pages.flatMap((page) => page.data) ?? [];
  const total = records.data?.pages[0]?.total;

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <Title order={1}>{entity.label_plural}</Title>
        {!formCanCreate(entity) ? null : (
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
        <SavedViewMenu
          entity={entity}
          views={views.data}
          state={state}
          columns={columnNames}
          onApply={open}
          onMessage={setMessage}
        />
        <ColumnChooser
          entity={entity}
          columns={columnNames}
          onChange={(next) => {
            saveColumns(entity.name, next);
            setChosen(next);
            update({ columns: next });
          }}
        />
        <ExportMenu entity={entity} query={{ filter, sort, fields: columnNames, archived: state.archived }} />
        <ImportButton entity={entity} />
        {recordSlots('listActions').map((Slot, index) => (
          <Slot key={index} entity={entity} />
        ))}
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
      {message === undefined ? null : (
        <Alert color={message.color} variant="light" role="status" withCloseButton closeButtonLabel="Dismiss" onClose={() => { setMessage(undefined); }}>
          {message.text}
        </Alert>
      )}
      {state.filter === '' ? null : (
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Text size="sm" style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
            Also filtered by <Code data-testid="view-filter">{state.filter}</Code>
          </Text>
          <CloseButton
            size="sm"
            aria-label="Remove this condition"
            onClick={() => {
              update({ filter: '' });
            }}
          />
        </Group>
      )}
      {filtersOpen ? (
        <FilterBuilder
          key={JSON.stringify(state.rows)}
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
          sort={state.sort[0]}
          onSort={(field) => {
            const first = state.sort[0];
            const descending = first?.field === field && !first.descending;
            update({ sort: [{ field, descending }] });
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
