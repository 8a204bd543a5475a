import { Alert, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { findField, type EntityDefinition } from '@/lib/metadata';
import { getHistory, type HistoryChange } from '@/lib/records';
import { EmptyState } from '@/ui/EmptyState';
import { FieldDisplay } from '@/ui/fields/FieldView';
import { formatDateTime } from '@/ui/fields/values';
import { recordKeys } from './useEntity';

const ACTIONS: Record<string, string> = {
  create: 'Created',
  update: 'Changed',
  archive: 'Archived',
  restore: 'Restored',
  delete: 'Deleted',
};

/** The record's audit trail, newest first. */
export function HistoryTab({ entity, id }: { entity: EntityDefinition; id: string }) {
  const history = useQuery({
    queryKey: recordKeys.history(entity.plural, id),
    queryFn: ({ signal }) => getHistory(entity.plural, id, signal),
  });
  if (history.isPending) return <Loader aria-label="Loading the history" />;
  if (history.isError) {
    return (
      <Alert color="red" variant="light">
        {history.error.message}
      </Alert>
    );
  }
  const entries = [...history.data.data].sort((left, right) => right.sequence - left.sequence);
  if (entries.length === 0) return <EmptyState title="No history">Nothing has been recorded yet.</EmptyState>;
  return (
    <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {entries.map((entry) => (
        <Paper key={entry.sequence} withBorder p="sm" component="li">
          <Text size="sm" fw={600}>
            {ACTIONS[entry.action] ?? entry.action} · {formatDateTime(entry.at)}
          </Text>
          {entry.changes.length === 0 ? null : (
            <Table.ScrollContainer minWidth={320} type="native">
              <Table verticalSpacing={4} fz="sm" aria-label={`Changes of ${formatDateTime(entry.at)}`}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Field</Table.Th>
                    <Table.Th>Before</Table.Th>
                    <Table.Th>After</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {entry.changes.map((change) => (
                    <ChangeRow key={change.field} entity={entity} change={change} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      ))}
    </Stack>
  );
}

function ChangeRow({ entity, change }: { entity: EntityDefinition; change: HistoryChange }) {
  const field = findField(entity, change.field) ?? findField(entity, `${change.field}_id`);
  const show = (value: unknown) =>
    field === undefined ? (value === null || value === undefined ? '' : JSON.stringify(value)) : <FieldDisplay field={field} value={value} />;
  return (
    <Table.Tr>
      <Table.Td>{field?.label ?? change.field}</Table.Td>
      <Table.Td>{show(change.old)}</Table.Td>
      <Table.Td>{show(change.new)}</Table.Td>
    </Table.Tr>
  );
}
