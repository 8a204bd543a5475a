import { Alert, Anchor, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useMetadata } from '@/lib/metadata';
import { EmptyState } from '@/ui/EmptyState';
import { PageHeader } from '@/ui/PageHeader';
import { picklistTitle } from './picklistTitle';

/** `/admin/picklists`: the picklists the definitions use, with where they are used. */
export function PicklistsPage() {
  const metadata = useMetadata();
  const picklists = Object.entries(metadata.data?.picklists ?? {}).sort(([left], [right]) => left.localeCompare(right));
  const usedBy = (name: string) =>
    (metadata.data?.entities ?? []).flatMap((entity) =>
      entity.fields.filter((field) => field.picklist === name).map((field) => `${entity.label} ${field.label.toLowerCase()}`),
    );

  return (
    <Stack gap="md">
      <PageHeader title="Picklists" back={{ to: '/admin', label: 'Administration' }} />
      {metadata.isError ? (
        <Alert color="red" variant="light" title="The picklists could not be loaded">
          {metadata.error.message}
        </Alert>
      ) : metadata.isPending ? (
        <Text size="sm" c="dimmed" role="status">
          Loading…
        </Text>
      ) : picklists.length === 0 ? (
        <EmptyState title="No picklists">The definitions use no picklists.</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={360} type="native">
          <Table striped="even" verticalSpacing="xs" aria-label="Picklists">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Picklist</Table.Th>
                <Table.Th>Values</Table.Th>
                <Table.Th>Used by</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {picklists.map(([name, values]) => (
                <Table.Tr key={name}>
                  <Table.Td>
                    <Anchor component={Link} to={`/admin/picklists/${encodeURIComponent(name)}`} size="sm" fw={600}>
                      {picklistTitle(name)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{values.length}</Table.Td>
                  <Table.Td>{usedBy(name).join(', ')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
