import { Alert, Anchor, Badge, Button, Card, Group, Modal, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconBell, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMetadata } from '@/lib/metadata';
import { EmptyState } from '@/ui/EmptyState';
import { ReminderForm } from './ReminderForm';
import { describeRrule } from './recurrence';
import { formatInZone } from './zonedTime';
import {
  type Reminder,
  type ReminderPeriod,
  useCancelReminder,
  useReminder,
  useReminders,
} from './remindersApi';

/** `/reminders`: the caller's upcoming and past reminders, and the form to set or change one. */
export function RemindersPage() {
  const [period, setPeriod] = useState<ReminderPeriod>('upcoming');
  // undefined: closed; null: a new reminder; otherwise the one being changed.
  const [editing, setEditing] = useState<Reminder | null | undefined>(undefined);
  const reminders = useReminders(period);

  return (
    <Stack gap="md" maw={900}>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Title order={1} size="h2">
          Reminders
        </Title>
        <Button
          leftSection={<IconPlus size={16} aria-hidden="true" />}
          onClick={() => {
            setEditing(null);
          }}
        >
          New reminder
        </Button>
      </Group>
      <Tabs
        value={period}
        onChange={(value) => {
          if (value === 'upcoming' || value === 'past') setPeriod(value);
        }}
      >
        <Tabs.List>
          <Tabs.Tab value="upcoming">Upcoming</Tabs.Tab>
          <Tabs.Tab value="past">Past</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {reminders.isError ? (
        <Alert color="red" variant="light" title="The reminders could not be loaded">
          {reminders.error.message}
        </Alert>
      ) : reminders.isPending ? (
        <Text size="sm" c="dimmed" role="status">
          Loading…
        </Text>
      ) : reminders.data.data.length === 0 ? (
        <EmptyState title={period === 'upcoming' ? 'No reminders to come' : 'No past reminders'}>
          {period === 'upcoming'
            ? 'Set one for yourself or someone else: once, or repeating daily, weekly, monthly or yearly.'
            : 'Reminders that ended or were cancelled appear here.'}
        </EmptyState>
      ) : (
        <Stack gap="sm" component="ul" aria-label={period === 'upcoming' ? 'Upcoming reminders' : 'Past reminders'} p={0} m={0} style={{ listStyle: 'none' }}>
          {reminders.data.data.map((reminder) => (
            <ReminderCard
              key={reminder.id}
              reminder={reminder}
              onEdit={() => {
                setEditing(reminder);
              }}
            />
          ))}
        </Stack>
      )}
      <Modal
        opened={editing !== undefined}
        onClose={() => {
          setEditing(undefined);
        }}
        title={editing === null ? 'New reminder' : 'Change reminder'}
        size="lg"
      >
        {editing !== undefined ? (
          <ReminderForm
            key={editing?.id ?? 'new'}
            reminder={editing ?? undefined}
            onSaved={() => {
              setEditing(undefined);
            }}
            onCancel={() => {
              setEditing(undefined);
            }}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}

function ReminderCard({ reminder, onEdit }: { reminder: Reminder; onEdit: () => void }) {
  const [showHistory, setShowHistory] = useState(false);
  const cancel = useCancelReminder();
  const metadata = useMetadata();
  const entity = metadata.data?.entities.find((candidate) => candidate.name === reminder.entity);
  const when =
    reminder.next_at !== null
      ? `Next: ${formatInZone(reminder.next_at, reminder.time_zone)}`
      : reminder.last_fired_at !== null
        ? `Last: ${formatInZone(reminder.last_fired_at, reminder.time_zone)}`
        : 'Never delivered';

  return (
    <Card component="li" withBorder padding="sm" aria-label={reminder.title}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <IconBell size={18} aria-hidden="true" />
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {reminder.title}
            </Text>
          </Group>
          {reminder.status === 'active' ? null : (
            <Badge color={reminder.status === 'cancelled' ? 'gray' : 'blue'} variant="light">
              {reminder.status === 'cancelled' ? 'Cancelled' : 'Ended'}
            </Badge>
          )}
        </Group>
        <Text size="sm">
          {when} <Text span c="dimmed" size="sm">({reminder.time_zone})</Text>
        </Text>
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {describeRrule(reminder.rrule)} · For {reminder.recipients.map((recipient) => recipient.name).join(', ')} ·{' '}
          {reminder.channels.map((channel) => (channel === 'in_app' ? 'in the app' : 'by e-mail')).join(' and ')}
          {reminder.create_task ? ' · creates a task' : ''}
        </Text>
        {reminder.notes === '' ? null : (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {reminder.notes}
          </Text>
        )}
        {entity !== undefined && reminder.record_id !== null ? (
          <Anchor component={Link} to={`/${encodeURIComponent(entity.plural)}/${encodeURIComponent(reminder.record_id)}`} size="sm">
            Open the {entity.label.toLowerCase()}
          </Anchor>
        ) : null}
        <Group gap="xs" wrap="wrap">
          {reminder.can_edit && reminder.status !== 'cancelled' ? (
            <Button size="xs" variant="light" onClick={onEdit}>
              Edit
            </Button>
          ) : null}
          {reminder.can_edit && reminder.status === 'active' ? (
            <Button
              size="xs"
              variant="subtle"
              color="red"
              loading={cancel.isPending}
              onClick={() => {
                cancel.mutate(reminder.id);
              }}
            >
              Cancel reminder
            </Button>
          ) : null}
          <Button
            size="xs"
            variant="subtle"
            aria-expanded={showHistory}
            onClick={() => {
              setShowHistory(!showHistory);
            }}
          >
            {showHistory ? 'Hide history' : `History (${String(reminder.fired_count)})`}
          </Button>
        </Group>
        {cancel.isError ? (
          <Text size="sm" c="red">
            {cancel.error.message}
          </Text>
        ) : null}
        {showHistory ? <ReminderHistory id={reminder.id} timeZone={reminder.time_zone} /> : null}
      </Stack>
    </Card>
  );
}

function ReminderHistory({ id, timeZone }: { id: string; timeZone: string }) {
  const reminder = useReminder(id);
  if (reminder.isPending) {
    return (
      <Text size="sm" c="dimmed" role="status">
        Loading…
      </Text>
    );
  }
  if (reminder.isError) {
    return (
      <Text size="sm" c="red">
        {reminder.error.message}
      </Text>
    );
  }
  const occurrences = reminder.data.occurrences ?? [];
  const upcoming = reminder.data.upcoming ?? [];
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        Delivered
      </Text>
      {occurrences.length === 0 ? (
        <Text size="sm" c="dimmed">
          Not yet.
        </Text>
      ) : (
        <Stack gap={2} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Delivered">
          {occurrences.map((occurrence) => (
            <Text key={occurrence.occurrence_at} size="sm" component="li">
              {formatInZone(occurrence.occurrence_at, timeZone)} — {occurrence.recipients} notified
              {occurrence.emails > 0 ? `, ${String(occurrence.emails)} e-mailed` : ''}
              {occurrence.tasks > 0 ? `, ${String(occurrence.tasks)} tasks` : ''}
            </Text>
          ))}
        </Stack>
      )}
      {upcoming.length === 0 ? null : (
        <>
          <Text size="sm" fw={600}>
            Next
          </Text>
          <Stack gap={2} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Next">
            {upcoming.map((time) => (
              <Text key={time} size="sm" component="li">
                {formatInZone(time, timeZone)}
              </Text>
            ))}
          </Stack>
        </>
      )}
    </Stack>
  );
}
