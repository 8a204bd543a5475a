import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { isApiError } from '@/lib/api';
import { approvalKeys, approvalsApi, approvalTitle, formatInstant, levelText, waitingText, type Approval } from './approvalsApi';

const statusColours: Record<string, string> = {
  pending: 'yellow',
  waiting: 'yellow',
  approved: 'green',
  rejected: 'red',
  not_reached: 'gray',
  closed: 'gray',
};

interface ApprovalDetailProps {
  id: string;
  /** Whether the caller may decide it (it waits for them). */
  decidable: boolean;
}

/** One approval: what it is about, its levels with their approvers, every decision, and the caller's decision. */
export function ApprovalDetail({ id, decidable }: ApprovalDetailProps) {
  const queryClient = useQueryClient();
  const [remarks, setRemarks] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const approval = useQuery({ queryKey: approvalKeys.one(id), queryFn: ({ signal }) => approvalsApi.get(id, signal) });
  const decide = useMutation({
    mutationFn: (decision: 'approve' | 'reject') => approvalsApi.decide(id, decision, remarks.trim()),
    onSuccess: async (answer) => {
      setRemarks('');
      setProblem(undefined);
      queryClient.setQueryData(approvalKeys.one(id), answer);
      await queryClient.invalidateQueries({ queryKey: approvalKeys.all });
      // The record may be editable again (or deleted).
      await queryClient.invalidateQueries({ queryKey: ['records'] });
    },
    onError: (error) => {
      setProblem(isApiError(error) ? (error.fields[0]?.message ?? error.message) : 'The decision was not saved.');
    },
  });

  if (approval.isPending) return <Text c="dimmed">Loading the approval…</Text>;
  if (approval.isError) return <Alert color="red">The approval could not be read.</Alert>;
  const data: Approval = approval.data;
  const title = typeof data.title === 'string' && data.title !== '' ? data.title : data.record_id;
  return (
    <Paper withBorder p="md" aria-label="Approval history">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h3" style={{ overflowWrap: 'anywhere' }}>
            {approvalTitle(data)}
          </Title>
          <Badge color={statusColours[data.status] ?? 'gray'}>{data.status}</Badge>
        </Group>
        <Text size="sm">
          {data.kind === 'delete' ? 'Deleting ' : 'Changes to '}
          {data.entity_plural !== undefined && data.kind !== 'delete' ? (
            <Anchor component={Link} to={`/${data.entity_plural}/${data.record_id}`}>
              {title}
            </Anchor>
          ) : (
            title
          )}
          {`, requested by ${data.requested_by_name ?? 'someone'} on ${formatInstant(data.requested_at)}`}
        </Text>
        {data.status === 'pending' ? (
          <Text size="sm">
            Waiting for: <strong>{waitingText(data)}</strong> (level {data.current_level + 1} of {data.level_count})
          </Text>
        ) : null}
        <Title order={3} size="h4">
          Levels
        </Title>
        <Stack gap={4}>
          {(data.levels ?? []).map((level) => (
            <Group key={level.level} gap="xs" wrap="wrap">
              <Badge variant="light" color={statusColours[level.status] ?? 'gray'}>
                {level.level}. {level.status.replace('_', ' ')}
              </Badge>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {levelText(level)}
                {level.approvers.length > 0
                  ? `: ${level.approvers.map((step) => `${step.name ?? step.user_id} (${step.status})`).join(', ')}`
                  : ''}
              </Text>
            </Group>
          ))}
        </Stack>
        <Title order={3} size="h4">
          History
        </Title>
        {(data.decisions ?? []).length === 0 ? (
          <Text size="sm" c="dimmed">
            No decision yet.
          </Text>
        ) : (
          <Timeline bulletSize={14} lineWidth={2}>
            {(data.decisions ?? []).map((decision, index) => (
              <Timeline.Item
                key={index}
                color={decision.decision === 'approved' ? 'green' : 'red'}
                title={`${decision.decision === 'approved' ? 'Approved' : 'Rejected'} by ${decision.name ?? decision.user_id ?? ''}${
                  decision.on_behalf_of_name !== null ? ` on behalf of ${decision.on_behalf_of_name}` : ''
                } (level ${String(decision.level)})`}
              >
                <Text size="xs" c="dimmed">
                  {formatInstant(decision.at)}
                </Text>
                {decision.remarks !== null ? <Text size="sm">“{decision.remarks}”</Text> : null}
              </Timeline.Item>
            ))}
          </Timeline>
        )}
        {decidable && data.status === 'pending' ? (
          <Stack gap="xs">
            <Textarea
              label="Remarks"
              description="Why you decide as you do; the requester sees it."
              value={remarks}
              maxLength={2000}
              autosize
              minRows={2}
              onChange={(event) => { setRemarks(event.currentTarget.value); }}
            />
            {problem !== undefined ? <Alert color="red">{problem}</Alert> : null}
            <Group gap="sm">
              <Button color="green" loading={decide.isPending} onClick={() => { decide.mutate('approve'); }}>
                Approve
              </Button>
              <Button color="red" variant="light" loading={decide.isPending} onClick={() => { decide.mutate('reject'); }}>
                Reject
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}
