import { Alert, Anchor, Badge, Button, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '@/ui/EmptyState';
import { PageHeader } from '@/ui/PageHeader';
import { useRoutingPaths } from './routingApi';

/** `/admin/routing-paths`: which records go along which path of people. */
export function RoutingPathsPage() {
  const paths = useRoutingPaths();
  return (
    <Stack gap="md">
      <PageHeader
        title="Routing paths"
        back={{ to: '/admin', label: 'Administration' }}
        actions={
          <Button component={Link} to="/admin/routing-paths/new" leftSection={<IconPlus size={16} aria-hidden="true" />}>
            New path
          </Button>
        }
      />
      {paths.isError ? (
        <Alert color="red" variant="light" title="The routing paths could not be loaded">
          {paths.error.message}
        </Alert>
      ) : paths.isPending ? (
        <Text size="sm" c="dimmed" role="status">
          Loading…
        </Text>
      ) : paths.data.length === 0 ? (
        <EmptyState title="No routing paths yet">
          A path sends the records of one type (a task’s kind, a ticket’s type) from person to person, each with an SLA.
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={360} type="native">
          <Table striped="even" verticalSpacing="xs" aria-label="Routing paths">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Records</Table.Th>
                <Table.Th>Steps</Table.Th>
                <Table.Th>Overall SLA</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {paths.data.map((path) => (
                <Table.Tr key={path.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/admin/routing-paths/${encodeURIComponent(path.id)}`} size="sm" fw={600}>
                      {path.name}
                    </Anchor>{' '}
                    {path.active ? null : <Badge color="gray">Inactive</Badge>}
                  </Table.Td>
                  <Table.Td>
                    {path.entity}.{path.field} = {path.value}
                  </Table.Td>
                  <Table.Td>{path.steps.map((step) => step.name).join(' → ')}</Table.Td>
                  <Table.Td>{path.overall_sla_hours === null ? '—' : `${String(path.overall_sla_hours)} h`}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
