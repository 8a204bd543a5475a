import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Menu,
  Modal,
  ScrollArea,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { isApiError } from '@/lib/api';
import { formatWhen } from '@/lib/formatWhen';
import { type EntityDefinition, type TransitionDefinition, useMetadata } from '@/lib/metadata';
import { type EntityRecord, listRecords, takeTransition } from '@/lib/records';
import { useSession } from '@/lib/session';

const PER_COLUMN = 50;

interface PendingStep {
  task: EntityRecord;
  step: TransitionDefinition;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** One column of the board: the tasks in one state. */
function BoardColumn({
  entity,
  state,
  label,
  scope,
  userId,
  onStep,
}: {
  entity: EntityDefinition;
  state: string;
  label: string;
  scope: string;
  userId: string | undefined;
  onStep: (pending: PendingStep) => void;
}) {
  const filter = [`status eq "${state}"`, scope === 'mine' && userId !== undefined ? `owner_id eq "${userId}"` : '']
    .filter((part) => part !== '')
    .join(' and ');
  const tasks = useQuery({
    queryKey: ['records', entity.plural, 'board', state, scope],
    queryFn: ({ signal }) =>
      listRecords(entity.plural, { filter, sort: 'due_at', limit: PER_COLUMN, count: true }, signal),
  });
  const steps = entity.states?.transitions ?? [];
  // ISO 8601 in UTC compares as text; taken once per load, not per render.
  const now = tasks.dataUpdatedAt === 0 ? '' : new Date(tasks.dataUpdatedAt).toISOString();
  return (
    <Card withBorder padding="xs" component="section" aria-label={label} bg="var(--mantine-color-gray-light)">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5">
          {label}
        </Title>
        <Badge variant="light">{tasks.data?.total ?? tasks.data?.data.length ?? 0}</Badge>
      </Group>
      {tasks.isError ? <Alert color="red">{tasks.error.message}</Alert> : null}
      <ScrollArea.Autosize mah="70vh">
        <Stack gap="xs">
          {(tasks.data?.data ?? []).map((task) => {
            const due = text(task.due_at);
            const overdue = due !== '' && due < now && (state === 'open' || state === 'in_progress');
            const open = steps.filter((step) => step.from.length === 0 || step.from.includes(state));
            return (
              <Card key={task.id} withBorder padding="xs" radius="sm">
                <Anchor component={Link} to={`/${entity.plural}/${task.id}`} size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {text(task.title) || task.id}
                </Anchor>
                <Group gap={6} mt={4} justify="space-between" wrap="nowrap">
                  <Group gap={6}>
                    <Badge size="xs" variant="outline">
                      {text(task.priority)}
                    </Badge>
                    {due !== '' ? (
                      <Text size="xs" c={overdue ? 'red' : 'dimmed'}>
                        {overdue ? 'Overdue · ' : ''}
                        {formatWhen(due)}
                      </Text>
                    ) : null}
                  </Group>
                  {open.length > 0 ? (
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <Button size="compact-xs" variant="subtle" aria-label={`Move ${text(task.title)}`}>
                          Move
                        </Button>
                      </Menu.Target>
                      <Menu.Dropdown>
                        {open.map((step) => (
                          <Menu.Item key={step.name} onClick={() => { onStep({ task, step }); }}>
                            {step.label}
                          </Menu.Item>
                        ))}
                      </Menu.Dropdown>
                    </Menu>
                  ) : null}
                </Group>
              </Card>
            );
          })}
          {tasks.data?.data.length === 0 ? (
            <Text size="xs" c="dimmed">
              No tasks.
            </Text>
          ) : null}
        </Stack>
      </ScrollArea.Autosize>
    </Card>
  );
}

/** Tasks as a board, one column per state; a card moves by its transitions. */
export function TaskBoardPage() {
  const metadata = useMetadata();
  const session = useSession();
  const queryClient = useQueryClient();
  const [scope, setScope] = useState('all');
  const [pending, setPending] = useState<PendingStep | undefined>(undefined);
  const [values, setValues] = useState<Record<string, string>>({});
  const entity = metadata.data?.entities.find((candidate) => candidate.name === 'task');
  const take = useMutation({
    mutationFn: ({ task, step }: PendingStep) =>
      takeTransition(entity?.plural ?? 'tasks', task.id, step.name, task.version, values),
    onSuccess: () => {
      setPending(undefined);
      setValues({});
      void queryClient.invalidateQueries({ queryKey: ['records', entity?.plural ?? 'tasks'] });
    },
  });

  if (metadata.data === undefined) {
    return null;
  }
  if (entity?.states === undefined) {
    return <Alert color="gray">Tasks are not available to you.</Alert>;
  }
  const stateField = entity.fields.find((field) => field.name === entity.states?.field);
  const columns = stateField?.values ?? [];
  const labelOf = (name: string) => entity.fields.find((field) => field.name === name)?.label ?? name;
  const step = (next: PendingStep) => {
    take.reset();
    setValues({});
    if (next.step.requires.length === 0) {
      take.mutate(next);
    } else {
      setPending(next);
    }
  };
  const fieldErrors = isApiError(take.error)
    ? Object.fromEntries(take.error.fields.map((field) => [field.field, field.message]))
    : {};

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>Task board</Title>
        <Group gap="xs">
          <SegmentedControl
            aria-label="Whose tasks"
            value={scope}
            onChange={setScope}
            data={[
              { value: 'all', label: 'All I can see' },
              { value: 'mine', label: 'Owned by me' },
            ]}
          />
          <Button component={Link} to={`/${entity.plural}`} variant="default" size="sm">
            List
          </Button>
        </Group>
      </Group>
      {take.isError && pending === undefined ? <Alert color="red">{take.error.message}</Alert> : null}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: columns.length > 0 ? columns.length : 4 }} spacing="sm">
        {columns.map((choice) => (
          <BoardColumn
            key={choice.key}
            entity={entity}
            state={choice.key}
            label={choice.label}
            scope={scope}
            userId={session.data?.user.id}
            onStep={step}
          />
        ))}
      </SimpleGrid>
      <Modal opened={pending !== undefined} onClose={() => { setPending(undefined); }} title={pending?.step.label ?? ''}>
        <Stack
          component="form"
          onSubmit={(event) => {
            event.preventDefault();
            if (pending !== undefined) take.mutate(pending);
          }}
        >
          {pending?.step.requires.map((name) => (
            <Textarea
              key={name}
              label={labelOf(name)}
              required
              autosize
              minRows={2}
              value={values[name] ?? ''}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setValues((current) => ({ ...current, [name]: value }));
              }}
              error={fieldErrors[name]}
            />
          ))}
          {take.isError && Object.keys(fieldErrors).length === 0 ? <Alert color="red">{take.error.message}</Alert> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => { setPending(undefined); }}>
              Cancel
            </Button>
            <Button type="submit" loading={take.isPending}>
              {pending?.step.label}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
