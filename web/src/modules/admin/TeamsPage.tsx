import { Alert, Anchor, Button, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '@/ui/EmptyState';
import { PageHeader } from '@/ui/PageHeader';
import { useTeams } from './adminApi';

/** `/admin/teams`: every team with its size. */
export function TeamsPage() {
  const teams = useTeams();
  return (
    <Stack gap="md">
      <PageHeader
        title="Teams"
        back={{ to: '/admin', label: 'Administration' }}
        actions={
          <Button component={Link} to="/admin/teams/new" leftSection={<IconPlus size={16} aria-hidden="true" />}>
            New team
          </Button>
        }
      />
      {teams.isError ? (
        <Alert color="red" variant="light" title="The teams could not be loaded">
          {teams.error.message}
        </Alert>
      ) : teams.isPending ? (
        <Text size="sm" c="dimmed" role="status">
          Loading…
        </Text>
      ) : teams.data.length === 0 ? (
        <EmptyState title="No teams yet">Teams group users, so a right with the scope “team” lets them share records.</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={360} type="native">
          <Table striped="even" verticalSpacing="xs" aria-label="Teams">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Description</Table.Th>
                <Table.Th>Members</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {teams.data.map((team) => (
                <Table.Tr key={team.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/admin/teams/${encodeURIComponent(team.id)}`} size="sm" fw={600}>
                      {team.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{team.description ?? ''}</Table.Td>
                  <Table.Td>{team.members.length}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
