import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '@/ui/EmptyState';
import { PageHeader } from '@/ui/PageHeader';
import { useUsers, type AdminUser } from './adminApi';

function matches(user: AdminUser, words: string[]): boolean {
  const text = [user.username, user.name, user.email ?? '', ...user.roles].join(' ').toLowerCase();
  return words.every((word) => text.includes(word));
}

/** `/admin/users`: every user, searchable by name, username, e-mail and role. */
export function UsersPage() {
  const users = useUsers();
  const [search, setSearch] = useState('');
  const words = search.toLowerCase().split(/\s+/).filter((word) => word !== '');
  const shown = (users.data ?? []).filter((user) => matches(user, words));

  return (
    <Stack gap="md">
      <PageHeader
        title="Users"
        back={{ to: '/admin', label: 'Administration' }}
        actions={
          <Button component={Link} to="/admin/users/new" leftSection={<IconPlus size={16} aria-hidden="true" />}>
            New user
          </Button>
        }
      />
      <TextInput
        type="search"
        aria-label="Search users"
        placeholder="Search by name, username, e-mail or role"
        leftSection={<IconSearch size={16} aria-hidden="true" />}
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
        }}
        maw={480}
      />
      <Text size="sm" c="dimmed" role="status" aria-live="polite">
        {users.isPending ? 'Loading…' : `${String(shown.length)} ${shown.length === 1 ? 'user' : 'users'}`}
      </Text>
      {users.isError ? (
        <Alert color="red" variant="light" title="The users could not be loaded">
          {users.error.message}
        </Alert>
      ) : users.isPending ? null : shown.length === 0 ? (
        <EmptyState title="No users">Nobody matches the search.</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={640} type="native">
          <Table striped="even" highlightOnHover verticalSpacing="xs" aria-label="Users">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Username</Table.Th>
                <Table.Th>Name</Table.Th>
                <Table.Th>E-mail</Table.Th>
                <Table.Th>Roles</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((user) => (
                <Table.Tr key={user.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/admin/users/${encodeURIComponent(user.id)}`} size="sm" fw={600}>
                      {user.username}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{user.name}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{user.email ?? ''}</Table.Td>
                  <Table.Td>{user.roles.join(', ')}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {user.active ? null : <Badge color="gray">Inactive</Badge>}
                      {user.is_admin ? <Badge color="grape">Administrator</Badge> : null}
                      {user.kind === 'portal' ? <Badge color="cyan">Portal</Badge> : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
