import { Alert, Anchor, Badge, Button, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '@/ui/EmptyState';
import { PageHeader } from '@/ui/PageHeader';
import { actionLabel, describeTrigger, useAutomationRules } from './automationApi';

/** `/admin/automation-rules`: what happens by itself when records change, dates come or on schedules. */
export function AutomationRulesPage() {
  const rules = useAutomationRules();
  return (
    <Stack gap="md">
      <PageHeader
        title="Automation rules"
        back={{ to: '/admin', label: 'Administration' }}
        actions={
          <Button component={Link} to="/admin/automation-rules/new" leftSection={<IconPlus size={16} aria-hidden="true" />}>
            New rule
          </Button>
        }
      />
      {rules.isError ? (
        <Alert color="red" variant="light" title="The automation rules could not be loaded">
          {rules.error.message}
        </Alert>
      ) : rules.isPending ? (
        <Text size="sm" c="dimmed" role="status">
          Loading…
        </Text>
      ) : rules.data.length === 0 ? (
        <EmptyState title="No automation rules yet">
          A rule creates follow-ups, notifies, sends e-mails or sets fields when a record is written, a date comes or
          on a schedule.
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={320} type="native">
          <Table striped="even" verticalSpacing="xs" aria-label="Automation rules">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>When</Table.Th>
                <Table.Th>Does</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rules.data.map((rule) => (
                <Table.Tr key={rule.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/admin/automation-rules/${encodeURIComponent(rule.id)}`} size="sm" fw={600}>
                      {rule.name}
                    </Anchor>{' '}
                    {rule.active ? null : <Badge color="gray">Inactive</Badge>}
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    {rule.entity}: {describeTrigger(rule.trigger)}
                    {rule.condition === '' ? null : (
                      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                        if {rule.condition}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{rule.actions.map((action) => actionLabel(action.type)).join(', ')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
