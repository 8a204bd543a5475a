import { Alert, Badge, Group, List, Select, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '@/lib/api';
import type { EntityDefinition } from '@/lib/metadata';
import { useSession } from '@/lib/session';

interface ExplainedRight {
  role: string;
  scope: string;
  rule?: string;
  matches: boolean;
  problem?: string;
}

interface AccessExplanation {
  administrator: boolean;
  roles: string[];
  actions: Record<string, { allowed: boolean; rights: ExplainedRight[]; reason?: string }>;
  parent: { entity: string; id: string; readable: boolean } | null;
  fields: Record<string, string>;
}

const ACTIONS = ['read', 'edit', 'delete', 'create', 'export', 'approve', 'admin'];

/** For administrators: which role and rule grant or deny each action on this record, for any user. */
export function AccessTab({ entity, id }: { entity: EntityDefinition; id: string }) {
  const session = useSession();
  const [chosen, setUserId] = useState<string | null>(null);
  // The administrator themself until someone else is chosen.
  const userId = chosen ?? session.data?.user.id ?? null;
  const users = useQuery({
    queryKey: ['records', 'access', 'users'],
    queryFn: ({ signal }) => api.get<{ data: { id: string; username: string; name: string }[] }>('/users', { signal }),
    select: (page) => page.data,
  });
  const explanation = useQuery({
    queryKey: ['records', entity.plural, 'access', id, userId],
    queryFn: ({ signal }) =>
      api.get<AccessExplanation>(
        `/${encodeURIComponent(entity.plural)}/${encodeURIComponent(id)}/access?user_id=${encodeURIComponent(userId ?? '')}`,
        { signal },
      ),
    enabled: userId !== null,
  });
  const label = (field: string) => entity.fields.find((candidate) => candidate.name === field)?.label ?? field;

  return (
    <Stack gap="md">
      <Select
        label="Explain for"
        searchable
        maw={420}
        data={(users.data ?? []).map((user) => ({ value: user.id, label: user.name === '' ? user.username : `${user.name} (${user.username})` }))}
        value={userId}
        onChange={setUserId}
        nothingFoundMessage="No user matches"
      />
      {explanation.isError ? (
        <Alert color="red" variant="light" title="The access could not be explained">
          {explanation.error.message}
        </Alert>
      ) : explanation.data === undefined ? null : (
        <>
          <Text size="sm">
            {explanation.data.administrator
              ? 'An administrator: every action is allowed.'
              : explanation.data.roles.length === 0
                ? 'This user has no roles.'
                : `Roles: ${explanation.data.roles.join(', ')}.`}
            {explanation.data.parent === null
              ? ''
              : ` The parent record is ${explanation.data.parent.readable ? 'readable' : 'not readable'} for them.`}
          </Text>
          <Table.ScrollContainer minWidth={480} type="native">
            <Table verticalSpacing="xs" aria-label="Access by action">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Action</Table.Th>
                  <Table.Th>Verdict</Table.Th>
                  <Table.Th>Why</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {ACTIONS.filter((action) => action in explanation.data.actions).map((action) => {
                  const verdict = explanation.data.actions[action];
                  return verdict === undefined ? null : (
                    <Table.Tr key={action}>
                      <Table.Td>{action.charAt(0).toUpperCase() + action.slice(1)}</Table.Td>
                      <Table.Td>
                        <Badge color={verdict.allowed ? 'green' : 'red'} variant="light">
                          {verdict.allowed ? 'Allowed' : 'Denied'}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <List size="sm" spacing={2} listStyleType="none">
                          {verdict.rights.map((right, index) => (
                            <List.Item key={index}>
                              <Group gap={6} wrap="wrap">
                                <Text size="sm" fw={600}>
                                  {right.role}
                                </Text>
                                <Text size="sm">
                                  {right.scope}
                                  {right.rule === undefined ? '' : `: ${right.rule}`}
                                </Text>
                                <Text size="sm" c={right.matches ? 'green' : 'dimmed'}>
                                  {right.matches ? 'matches' : (right.problem ?? 'does not match')}
                                </Text>
                              </Group>
                            </List.Item>
                          ))}
                          {verdict.reason === undefined ? null : (
                            <List.Item>
                              <Text size="sm" c="dimmed">
                                {verdict.reason}
                              </Text>
                            </List.Item>
                          )}
                        </List>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {Object.keys(explanation.data.fields).length === 0 ? null : (
            <Text size="sm">
              Restricted fields:{' '}
              {Object.entries(explanation.data.fields)
                .map(([field, mode]) => `${label(field)} (${mode === 'hidden' ? 'hidden' : 'read only'})`)
                .join(', ')}
              .
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}
