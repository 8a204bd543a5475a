import { Alert, Button, Code, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { isApiError } from '@/lib/api';
import { formatTime } from './formatTime';
import { createToken, listTokens, revokeToken, securityQueryKeys, type NewApiToken } from './securityApi';

/** API tokens for scripts: create (the secret shown once), list, revoke. */
export function TokensSection() {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<NewApiToken | undefined>();
  const tokens = useQuery({ queryKey: securityQueryKeys.tokens, queryFn: ({ signal }) => listTokens(signal) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: securityQueryKeys.tokens });
  const create = useMutation({
    mutationFn: () => createToken(name.trim()),
    onSuccess: (token) => {
      setCreated(token);
      setName('');
    },
    onSettled: refresh,
  });
  const revoke = useMutation({ mutationFn: revokeToken, onSettled: refresh });
  const createError = isApiError(create.error) ? create.error : undefined;

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setCreated(undefined);
    create.mutate();
  };

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="tokens-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="tokens-heading">
          API tokens
        </Title>
        <Text size="sm" c="dimmed">
          A token acts as you in scripts and integrations: send it as <Code>Authorization: Bearer …</Code>.
        </Text>
        <form onSubmit={submit} noValidate aria-label="New API token">
          <Group align="flex-start" gap="sm">
            <TextInput
              label="Token name"
              placeholder="e.g. nightly export"
              required
              value={name}
              error={createError?.fieldMessage('name')}
              onChange={(event) => { setName(event.currentTarget.value); }}
              style={{ flex: '1 1 240px', maxWidth: 360 }}
            />
            <Button type="submit" mt={25} loading={create.isPending}>
              Create token
            </Button>
          </Group>
        </form>
        {created === undefined ? null : (
          <Alert color="yellow" variant="light" title="Copy the token now: it is not shown again">
            <Code block aria-label="New API token value" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
              {created.token}
            </Code>
          </Alert>
        )}
        {isApiError(revoke.error) ? (
          <Alert color="red" variant="light">
            {revoke.error.message}
          </Alert>
        ) : null}
        {tokens.data?.length === 0 ? (
          <Text size="sm" c="dimmed">
            No API tokens yet.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={600}>
            <Table aria-label="API tokens" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Created</Table.Th>
                  <Table.Th>Last used</Table.Th>
                  <Table.Th>Expires</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(tokens.data ?? []).map((token) => (
                  <Table.Tr key={token.id}>
                    <Table.Td>{token.name}</Table.Td>
                    <Table.Td>{formatTime(token.created_at)}</Table.Td>
                    <Table.Td>{token.last_used_at === null ? 'Never' : formatTime(token.last_used_at)}</Table.Td>
                    <Table.Td>{token.expires_at === null ? 'Never' : formatTime(token.expires_at)}</Table.Td>
                    <Table.Td ta="right">
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        aria-label={`Revoke ${token.name}`}
                        loading={revoke.isPending && revoke.variables === token.id}
                        onClick={() => { revoke.mutate(token.id); }}
                      >
                        Revoke
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
