import { Alert, Anchor, Button, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '@/ui/EmptyState';
import { PageHeader } from '@/ui/PageHeader';
import { useRoles } from './adminApi';

/** `/admin/roles`: every role with the size of its rights and its users. */
export function RolesPage() {
  const roles = useRoles();
  return (
    <Stack gap="md">
      <PageHeader
        title="Roles"
        back={{ to: '/admin', label: 'Administration' }}
        actions={
          <Button component={Link} to="/admin/roles/new" leftSection={<IconPlus size={16} aria-hidden="true" />}>
            New role
          </Button>
        }
      />
      {roles.isError ? (
        <Alert color="red" variant="light" title="The roles could not be loaded">
          {roles.error.message}
        </Alert>
      ) : roles.isPending ? (
        <Text size="sm" c="dimmed" role="status">
          Loading…
        </Text>
      ) : roles.data.length === 0 ? (
        <EmptyState title="No roles yet">
          Users without a role see nothing but what administrators grant them. Create a role to give rights.
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={480} type="native">
          <Table striped="even" verticalSpacing="xs" aria-label="Roles">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Description</Table.Th>
                <Table.Th>Rights</Table.Th>
                <Table.Th>Field rights</Table.Th>
                <Table.Th>Users</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {roles.data.map((role) => (
                <Table.Tr key={role.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/admin/roles/${encodeURIComponent(role.id)}`} size="sm" fw={600}>
                      {role.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{role.description ?? ''}</Table.Td>
                  <Table.Td>{role.rights.length}</Table.Td>
                  <Table.Td>{role.field_rights.length}</Table.Td>
                  <Table.Td>{role.users.length}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
