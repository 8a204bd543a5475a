import { Alert, Button, Checkbox, Group, MultiSelect, Select, Stack, Switch, TextInput, Textarea } from '@mantine/core';
import { useMemo, useState, type SyntheticEvent } from 'react';
import { isApiError } from '@/lib/api';
import { useSession } from '@/lib/session';
import { RecurrenceBuilder } from './RecurrenceBuilder';
import { fromRrule, toRrule, type RecurrenceChoice } from './recurrence';
import { browserTimeZone, timeZones } from './zonedTime';
import { type Channel, type Reminder, type ReminderInput, useRecipients, useSaveReminder } from './remindersApi';

const FIELDS = ['title', 'notes', 'starts_at', 'time_zone', 'rrule', 'recipient_ids', 'channels', 'create_task'];

/** An hour from now in the browser's zone, as the datetime-local input wants it. */
function inAnHour(): string {
  const next = new Date(Date.now() + 3_600_000);
  next.setMinutes(0, 0, 0);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${String(next.getFullYear())}-${pad(next.getMonth() + 1)}-${pad(next.getDate())}T${pad(next.getHours())}:00`;
}

interface ReminderFormProps {
  /** The reminder to change; none for a new one. */
  reminder?: Reminder | undefined;
  onSaved: (reminder: Reminder) => void;
  onCancel: () => void;
}

/** Create or change a reminder: what, when (with the recurrence builder), for whom, how. */
export function ReminderForm({ reminder, onSaved, onCancel }: ReminderFormProps) {
  const session = useSession();
  const myId = session.data?.user.id ?? '';
  const [title, setTitle] = useState(reminder?.title ?? '');
  const [notes, setNotes] = useState(reminder?.notes ?? '');
  const [startsAt, setStartsAt] = useState(reminder?.starts_at.slice(0, 16) ?? inAnHour());
  const [timeZone, setTimeZone] = useState(reminder?.time_zone ?? browserTimeZone());
  const [recurrence, setRecurrence] = useState<RecurrenceChoice>(fromRrule(reminder?.rrule ?? ''));
  const [recipients, setRecipients] = useState<string[]>(reminder?.recipient_ids ?? (myId === '' ? [] : [myId]));
  const [channels, setChannels] = useState<Channel[]>(reminder?.channels ?? ['in_app']);
  const [createTask, setCreateTask] = useState(reminder?.create_task ?? false);
  const [search, setSearch] = useState('');
  const found = useRecipients(search);
  const save = useSaveReminder();
  const zones = useMemo(() => timeZones(timeZone), [timeZone]);

  // The users found, plus those chosen already (so their names stay shown).
  const recipientOptions = useMemo(() => {
    const options = new Map<string, string>();
    for (const chosen of reminder?.recipients ?? []) options.set(chosen.id, chosen.name);
    if (myId !== '') options.set(myId, session.data?.user.name ?? 'Me');
    for (const user of found.data?.data ?? []) options.set(user.id, user.name);
    return [...options].map(([value, label]) => ({ value, label: value === myId ? `${label} (me)` : label }));
  }, [found.data, reminder?.recipients, myId, session.data?.user.name]);

  const errors: Record<string, string> = {};
  const general: string[] = [];
  if (save.error !== null) {
    if (isApiError(save.error)) {
      for (const entry of save.error.fields) {
        if (FIELDS.includes(entry.field)) errors[entry.field] = entry.message;
        else general.push(`${entry.field}: ${entry.message}`);
      }
      if (save.error.fields.length === 0) general.push(save.error.message);
    } else {
      general.push(save.error.message);
    }
  }

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const input: ReminderInput = {
      title,
      notes,
      starts_at: startsAt,
      time_zone: timeZone,
      rrule: toRrule(recurrence),
      recipient_ids: recipients,
      channels,
      create_task: createTask,
    };
    if (reminder !== undefined) input.version = reminder.version;
    save.mutate({ id: reminder?.id, input }, { onSuccess: onSaved });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={reminder === undefined ? 'New reminder' : 'Change reminder'}>
      <Stack gap="sm">
        {general.length > 0 ? (
          <Alert color="red" variant="light" title="The reminder was not saved">
            {general.join(' ')}
          </Alert>
        ) : null}
        <TextInput
          label="Title"
          required
          maxLength={200}
          value={title}
          onChange={(event) => {
            setTitle(event.currentTarget.value);
          }}
          error={errors.title}
        />
        <Textarea
          label="Notes"
          autosize
          minRows={2}
          maxLength={5000}
          value={notes}
          onChange={(event) => {
            setNotes(event.currentTarget.value);
          }}
          error={errors.notes}
        />
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            type="datetime-local"
            label="When"
            required
            value={startsAt}
            onChange={(event) => {
              setStartsAt(event.currentTarget.value);
            }}
            error={errors.starts_at}
            miw={200}
          />
          <Select
            label="Time zone"
            searchable
            data={zones}
            value={timeZone}
            allowDeselect={false}
            onChange={(zone) => {
              if (zone !== null) setTimeZone(zone);
            }}
            error={errors.time_zone}
            miw={200}
          />
        </Group>
        <RecurrenceBuilder value={recurrence} onChange={setRecurrence} error={errors.rrule} />
        <MultiSelect
          label="Remind"
          description="Yourself or anyone else; a reminder about a record needs each of them to see it."
          searchable
          data={recipientOptions}
          value={recipients}
          onChange={setRecipients}
          searchValue={search}
          onSearchChange={setSearch}
          error={errors.recipient_ids}
          nothingFoundMessage="No such user"
        />
        <Checkbox.Group
          label="How"
          value={channels}
          onChange={(value) => {
            setChannels(value as Channel[]);
          }}
          error={errors.channels}
        >
          <Group gap="md" mt={4}>
            <Checkbox value="in_app" label="In the app" />
            <Checkbox value="email" label="By e-mail" />
          </Group>
        </Checkbox.Group>
        <Switch
          label="Also create a task"
          checked={createTask}
          onChange={(event) => {
            setCreateTask(event.currentTarget.checked);
          }}
          error={errors.create_task}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {reminder === undefined ? 'Set reminder' : 'Save'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
