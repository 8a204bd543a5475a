import { Alert, Badge, Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '@/lib/api';
import { formatTime } from './formatTime';
import { listSessions, revokeSession, securityQueryKeys } from './securityApi';

/** Where the user is signed in, with a way to end any other session. */
export function SessionsSection() {
  const queryClient = useQueryClient();
  const sessions = useQuery({
    queryKey: securityQueryKeys.sessions,
    queryFn: ({ signal }) => listSessions(signal),
  });
  const revoke = useMutation({
    mutationFn: revokeSession,
    onSettled: () => queryClient.invalidateQueries({ queryKey: securityQueryKeys.sessions }),
  });

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="sessions-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="sessions-heading">
          Sessions
        </Title>
        {sessions.isError ? (
          <Alert color="red" variant="light">
            {isApiError(sessions.error) ? sessions.error.message : 'The sessions could not be loaded.'}
          </Alert>
        ) : null}
        {isApiError(revoke.error) ? (
          <Alert color="red" variant="light">
            {revoke.error.message}
          </Alert>
        ) : null}
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label="Sessions" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Browser</Table.Th>
                <Table.Th>Address</Table.Th>
                <Table.Th>Signed in</Table.Th>
                <Table.Th>Last seen</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(sessions.data ?? []).map((session) => (
                <Table.Tr key={session.id}>
                  <Table.Td>
                    <Text size="sm" lineClamp={1} title={session.user_agent ?? ''}>
                      {session.user_agent ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>{session.remote_address ?? '—'}</Table.Td>
                  <Table.Td>{formatTime(session.created_at)}</Table.Td>
                  <Table.Td>{formatTime(session.last_seen_at)}</Table.Td>
                  <Table.Td ta="right">
                    {session.current ? (
                      <Badge variant="light">This session</Badge>
                    ) : (
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        loading={revoke.isPending && revoke.variables === session.id}
                        onClick={() => { revoke.mutate(session.id); }}
                      >
                        Sign out
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}
