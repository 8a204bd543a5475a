import { Alert, Badge, Button, Group, Paper, Select, Stack, Text, Textarea, TextInput, Timeline, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isApiError } from '@/lib/api';
import type { RecordActionSlotProps } from '@/lib/recordSlots';
import { formatInstant, routingApi, routingKeys, useUserNames, type MoveKind, type RecordRouting, type RoutingMove } from './routingApi';

const moveLabels: Record<string, string> = {
  start: 'Started',
  forward: 'Forwarded',
  divert: 'Diverted',
  return: 'Sent back',
  complete: 'Completed',
  escalate: 'Escalated (SLA)',
  overdue: 'Overdue, nobody to escalate to',
  overall_breach: 'Overall SLA missed',
};

function moveText(move: RoutingMove, routing: RecordRouting): string {
  const step = move.to_step === null ? undefined : routing.steps?.[move.to_step]?.name;
  const to = move.to_user_name ?? '';
  const parts = [moveLabels[move.kind] ?? move.kind];
  if (to !== '' && move.kind !== 'overall_breach' && move.kind !== 'overdue') parts.push(`to ${to}`);
  if (step !== undefined && move.kind !== 'overall_breach') parts.push(`(${step})`);
  return parts.join(' ');
}

/** The "Routing" panel of a record page: its step, assignee, due times and history, with the moves the caller may make. */
export function RoutingPanel({ entity, record }: RecordActionSlotProps) {
  const queryClient = useQueryClient();
  const id = record.id;
  const [remarks, setRemarks] = useState('');
  const [action, setAction] = useState('');
  const [divertTo, setDivertTo] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | undefined>();
  const routing = useQuery({
    queryKey: routingKeys.record(entity.plural, id),
    queryFn: ({ signal }) => routingApi.recordRouting(entity.plural, id, signal),
  });
  const canMove = routing.data?.can_move === true;
  const users = useUserNames(canMove);
  const refresh = async (answer: RecordRouting) => {
    queryClient.setQueryData(routingKeys.record(entity.plural, id), answer);
    // A move is a new version of the record, with an entry in its history.
    await queryClient.invalidateQueries({ queryKey: ['records', entity.plural] });
  };
  const move = useMutation({
    mutationFn: (kind: MoveKind) =>
      routingApi.move(entity.plural, id, kind, {
        remarks: remarks.trim(),
        action: action.trim(),
        ...(kind === 'divert' && divertTo !== null ? { user_id: divertTo } : {}),
        ...(routing.data?.version === undefined ? {} : { version: routing.data.version }),
      }),
    onSuccess: async (answer) => {
      setRemarks('');
      setAction('');
      setDivertTo(null);
      setProblem(undefined);
      await refresh(answer);
    },
    onError: async (error) => {
      setProblem(isApiError(error) ? (error.fields[0]?.message ?? error.message) : 'The move failed.');
      await routing.refetch();
    },
  });
  const start = useMutation({
    mutationFn: () => routingApi.start(entity.plural, id),
    onSuccess: refresh,
    onError: (error) => {
      setProblem(isApiError(error) ? (error.fields[0]?.message ?? error.message) : 'The routing could not start.');
    },
  });

  if (routing.isPending || routing.isError) return null;
  const data = routing.data;
  if (data.status === 'not_started') {
    if (data.available_path === null || data.available_path === undefined) return null;
    return (
      <Paper withBorder p="md" aria-label="Routing">
        <Group justify="space-between" gap="sm">
          <Text size="sm">Not on its routing path “{data.available_path.name}” yet.</Text>
          {data.can_start === true ? (
            <Button size="xs" loading={start.isPending} onClick={() => { start.mutate(); }}>
              Start routing
            </Button>
          ) : null}
        </Group>
        {problem === undefined ? null : (
          <Text size="sm" c="red" role="alert">
            {problem}
          </Text>
        )}
      </Paper>
    );
  }
  const userOptions = (users.data ?? [])
    .filter((user) => user.id !== data.assignee?.id)
    .map((user) => ({ value: user.id, label: user.name === '' ? user.username : user.name }));
  return (
    <Paper withBorder p="md" component="section" aria-label="Routing">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4">
            Routing · {data.path?.name}
          </Title>
          <Group gap={6}>
            {data.status === 'completed' ? <Badge color="green">Completed</Badge> : null}
            {data.overdue === true ? <Badge color="red">Overdue</Badge> : null}
            {data.overall_overdue === true || (data.overall_breached_at ?? null) !== null ? (
              <Badge color="orange">Overall SLA missed</Badge>
            ) : null}
          </Group>
        </Group>
        {data.status === 'active' ? (
          <Stack gap={2}>
            <Text size="sm">
              Step <b>{data.current_step_name}</b> with <b>{data.assignee?.name ?? 'nobody'}</b>
            </Text>
            <Text size="sm" c={data.overdue === true ? 'red' : 'dimmed'}>
              Due {formatInstant(data.step_due_at)}
              {data.overall_due_at === null ? '' : ` · overall due ${formatInstant(data.overall_due_at)}`}
            </Text>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            Completed {formatInstant(data.completed_at)}
          </Text>
        )}
        <Group gap={6} wrap="wrap" aria-label="Steps">
          {(data.steps ?? []).map((step) => (
            <Badge
              key={step.index}
              variant={step.state === 'current' ? 'filled' : 'light'}
              color={step.state === 'done' ? 'gray' : 'blue'}
              title={step.due_at === null ? undefined : `due ${formatInstant(step.due_at)}`}
            >
              {step.index + 1}. {step.name} · {step.sla_hours} h
            </Badge>
          ))}
        </Group>
        {canMove ? (
          <Stack gap="xs">
            <Textarea
              label="Remarks"
              autosize
              minRows={2}
              maxLength={4000}
              value={remarks}
              onChange={(event) => { setRemarks(event.currentTarget.value); }}
            />
            <TextInput
              label="Action taken"
              maxLength={500}
              value={action}
              onChange={(event) => { setAction(event.currentTarget.value); }}
            />
            <Group gap="xs" wrap="wrap">
              <Button size="xs" loading={move.isPending && move.variables === 'forward'} onClick={() => { move.mutate('forward'); }}>
                {data.current_step !== null && data.current_step !== undefined && data.steps !== undefined &&
                data.current_step + 1 >= data.steps.length
                  ? 'Complete'
                  : 'Forward'}
              </Button>
              {(data.current_step ?? 0) > 0 ? (
                <Button size="xs" variant="default" loading={move.isPending && move.variables === 'return'} onClick={() => { move.mutate('return'); }}>
                  Send back
                </Button>
              ) : null}
            </Group>
            <Group gap="xs" align="flex-end" wrap="wrap">
              <Select
                label="Divert to"
                placeholder="Anyone"
                searchable
                data={userOptions}
                value={divertTo}
                onChange={setDivertTo}
                style={{ flex: '1 1 12rem', minWidth: 0 }}
              />
              <Button
                size="xs"
                variant="light"
                disabled={divertTo === null}
                loading={move.isPending && move.variables === 'divert'}
                onClick={() => { move.mutate('divert'); }}
              >
                Divert
              </Button>
            </Group>
          </Stack>
        ) : null}
        {problem === undefined ? null : (
          <Alert color="red" variant="light" role="alert">
            {problem}
          </Alert>
        )}
        <Timeline bulletSize={14} lineWidth={2} aria-label="Routing history">
          {(data.history ?? []).map((entry) => (
            <Timeline.Item key={entry.sequence} title={moveText(entry, data)}>
              <Text size="xs" c="dimmed">
                {formatInstant(entry.at)} · {entry.actor_name ?? 'automatic'}
              </Text>
              {entry.action === null ? null : <Text size="sm">Action: {entry.action}</Text>}
              {entry.remarks === null ? null : (
                <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
                  {entry.remarks}
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      </Stack>
    </Paper>
  );
}
