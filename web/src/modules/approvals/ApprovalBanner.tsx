import { Alert, Anchor, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { RecordActionSlotProps } from '@/lib/recordSlots';
import { approvalKeys, approvalsApi, approvalTitle, waitingText } from './approvalsApi';

/** Above a record's details while it waits for an approval: who must decide, and that it is locked until then. */
export function ApprovalBanner({ entity, record }: RecordActionSlotProps) {
  const pending = useQuery({
    // The record's version is in the key: a save that starts an approval shows it at once.
    queryKey: [...approvalKeys.record(entity.name, record.id), record.version],
    queryFn: ({ signal }) => approvalsApi.pendingForRecord(entity.name, record.id, signal),
  });
  const approvals = pending.data ?? [];
  if (approvals.length === 0) return null;
  return (
    <>
      {approvals.map((approval) => (
        <Alert
          key={approval.id}
          color="yellow"
          icon={<IconLock size={18} aria-hidden="true" />}
          title={`Waiting for approval: ${approvalTitle(approval)}`}
          role="status"
          aria-label="Pending approval"
        >
          <Text size="sm">
            Locked for editing until {waitingText(approval)} {approval.waiting_for !== undefined && approval.waiting_for.length > 1 ? 'decide' : 'decides'}{' '}
            (level {approval.current_level + 1} of {approval.level_count}).{' '}
            <Anchor component={Link} to={`/approvals?approval=${approval.id}`} size="sm">
              See the approval
            </Anchor>
          </Text>
        </Alert>
      ))}
    </>
  );
}
