import { Badge, Button, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { EmptyState } from '@/ui/EmptyState';
import { PageHeader } from '@/ui/PageHeader';
import { approvalKeys, approvalsApi, levelText } from './approvalsApi';

const triggerLabels: Record<string, string> = {
  on_create: 'when created',
  on_update: 'when changed',
  on_delete: 'when deletion is asked',
  manual: 'started by hand',
};

/** `/admin/approval-rules`: the rules that start approvals, with their chains. */
export function ApprovalRulesPage() {
  const rules = useQuery({ queryKey: approvalKeys.rules, queryFn: ({ signal }) => approvalsApi.rules(signal) });
  const people = useQuery({ queryKey: approvalKeys.delegates, queryFn: ({ signal }) => approvalsApi.delegates(signal) });
  const names = new Map((people.data ?? []).map((person) => [person.id, person.name]));
  return (
    <Stack gap="md">
      <PageHeader
        title="Approval rules"
        back={{ to: '/admin', label: 'Administration' }}
        actions={
          <Button component={Link} to="/admin/approval-rules/new">
            New rule
          </Button>
        }
      />
      {rules.isPending ? <Text c="dimmed">Loading…</Text> : null}
      {rules.data?.length === 0 ? (
        <EmptyState title="No approval rules">Without rules, only deletions of master data wait for an approval.</EmptyState>
      ) : null}
      {(rules.data ?? []).map((rule) => (
        <UnstyledButton key={rule.id} component={Link} to={`/admin/approval-rules/${rule.id}`} aria-label={rule.name}>
          <Paper withBorder p="sm">
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {rule.name} {rule.active ? null : <Badge color="gray">off</Badge>}
            </Text>
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {rule.entity}, {triggerLabels[rule.trigger] ?? rule.trigger}
              {rule.condition !== '' ? `, if ${rule.condition}` : ''}
            </Text>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {rule.levels.map((level, index) => `${String(index + 1)}. ${levelText(level, names)}`).join(' → ')}
            </Text>
          </Paper>
        </UnstyledButton>
      ))}
    </Stack>
  );
}
