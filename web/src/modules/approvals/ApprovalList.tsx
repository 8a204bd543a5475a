import { Badge, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { EmptyState } from '@/ui/EmptyState';
import { approvalTitle, formatInstant, waitingText, type Approval } from './approvalsApi';

interface ApprovalListProps {
  approvals: readonly Approval[];
  selected: string | undefined;
  onSelect: (id: string) => void;
  empty: string;
}

/** Approvals as a column of cards; the selected one is marked. */
export function ApprovalList({ approvals, selected, onSelect, empty }: ApprovalListProps) {
  if (approvals.length === 0) return <EmptyState title={empty}>Nothing to show here.</EmptyState>;
  return (
    <Stack gap="xs">
      {approvals.map((approval) => (
        <UnstyledButton
          key={approval.id}
          onClick={() => { onSelect(approval.id); }}
          aria-label={`${approvalTitle(approval)}, requested by ${approval.requested_by_name ?? 'someone'}`}
          aria-current={approval.id === selected ? 'true' : undefined}
        >
          <Paper
            withBorder
            p="sm"
            style={approval.id === selected ? { background: 'var(--mantine-color-blue-light)' } : {}}
          >
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                {approvalTitle(approval)}
              </Text>
              <Badge variant="light">{approval.status}</Badge>
            </Group>
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {approval.kind} · {approval.entity} · by {approval.requested_by_name ?? 'someone'} ·{' '}
              {formatInstant(approval.requested_at)}
            </Text>
            {approval.status === 'pending' ? (
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                Waiting for {waitingText(approval)}
              </Text>
            ) : null}
          </Paper>
        </UnstyledButton>
      ))}
    </Stack>
  );
}
