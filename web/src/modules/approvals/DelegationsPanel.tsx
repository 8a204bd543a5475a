import { Alert, Badge, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isApiError } from '@/lib/api';
import { useSession } from '@/lib/session';
import { approvalKeys, approvalsApi, formatInstant } from './approvalsApi';

/** "2027-01-31T09:00" (a datetime-local input, the reader's zone) → an ISO instant in UTC. */
function toInstant(local: string): string {
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The caller's stand-ins while away, and whom they stand in for. */
export function DelegationsPanel() {
  const queryClient = useQueryClient();
  const session = useSession();
  const me = session.data?.user.id;
  const [delegate, setDelegate] = useState<string | null>(null);
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [remarks, setRemarks] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const delegations = useQuery({ queryKey: approvalKeys.delegations, queryFn: ({ signal }) => approvalsApi.delegations(signal) });
  const people = useQuery({ queryKey: approvalKeys.delegates, queryFn: ({ signal }) => approvalsApi.delegates(signal) });
  const create = useMutation({
    mutationFn: () =>
      approvalsApi.delegate({
        delegate_id: delegate ?? '',
        starts_at: toInstant(startsAt),
        ends_at: toInstant(endsAt),
        ...(remarks.trim() === '' ? {} : { remarks: remarks.trim() }),
      }),
    onSuccess: async () => {
      setDelegate(null);
      setRemarks('');
      setProblem(undefined);
      await queryClient.invalidateQueries({ queryKey: approvalKeys.delegations });
    },
    onError: (error) => {
      setProblem(isApiError(error) ? (error.fields[0]?.message ?? error.message) : 'The delegation was not saved.');
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => approvalsApi.undelegate(id),
    onSuccess: async () => queryClient.invalidateQueries({ queryKey: approvalKeys.delegations }),
  });

  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            create.mutate();
          }}
        >
          <Stack gap="sm">
            <Title order={2} size="h4">
              Name a delegate while you are away
            </Title>
            <Select
              label="Delegate"
              placeholder="Who decides in your place"
              searchable
              data={(people.data ?? []).filter((person) => person.id !== me).map((person) => ({ value: person.id, label: person.name }))}
              value={delegate}
              onChange={setDelegate}
              required
            />
            <Group grow align="flex-start" wrap="wrap">
              <TextInput
                type="datetime-local"
                label="From"
                value={startsAt}
                onChange={(event) => { setStartsAt(event.currentTarget.value); }}
                required
                miw={200}
              />
              <TextInput
                type="datetime-local"
                label="Until"
                value={endsAt}
                onChange={(event) => { setEndsAt(event.currentTarget.value); }}
                required
                miw={200}
              />
            </Group>
            <TextInput label="Remarks" value={remarks} maxLength={2000} onChange={(event) => { setRemarks(event.currentTarget.value); }} />
            {problem !== undefined ? <Alert color="red">{problem}</Alert> : null}
            <Group>
              <Button type="submit" loading={create.isPending} disabled={delegate === null || startsAt === '' || endsAt === ''}>
                Save delegation
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      {(delegations.data ?? []).length === 0 ? (
        <Text c="dimmed">No delegations.</Text>
      ) : (
        <Stack gap="xs">
          {(delegations.data ?? []).map((delegation) => (
            <Paper key={delegation.id} withBorder p="sm">
              <Group justify="space-between" gap="xs">
                <Stack gap={2}>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {delegation.user_id === me
                      ? `${delegation.delegate_name ?? delegation.delegate_id} decides for you`
                      : `You decide for ${delegation.user_name ?? delegation.user_id}`}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatInstant(delegation.starts_at)} – {formatInstant(delegation.ends_at)}
                    {delegation.remarks !== null ? ` · ${delegation.remarks}` : ''}
                  </Text>
                </Stack>
                <Group gap="xs">
                  {delegation.active ? <Badge color="green">active</Badge> : null}
                  {delegation.user_id === me ? (
                    <Button size="xs" variant="subtle" color="red" onClick={() => { remove.mutate(delegation.id); }}>
                      Take back
                    </Button>
                  ) : null}
                </Group>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
