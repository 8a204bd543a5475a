import { Alert, Button, Group, NumberInput, Select, Stack, Switch, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, isApiError } from '@/lib/api';
import { useMetadata } from '@/lib/metadata';
import { FullPageLoader } from '@/ui/FullPageLoader';
import { NotFoundPage } from '@/ui/NotFoundPage';
import { PageHeader } from '@/ui/PageHeader';
import { useTemplates } from './templatesApi';
import { ActionEditor } from './ActionEditor';
import {
  automationApi,
  automationKeys,
  triggerKinds,
  triggerLabel,
  type AutomationRule,
  type AutomationRuleInput,
  type TriggerKind,
} from './automationApi';

/** `/admin/automation-rules/:id` (or `new`): a rule's trigger, condition and actions, and what it did. */
export function AutomationRuleEditPage() {
  const { id = 'new' } = useParams();
  const creating = id === 'new';
  const rule = useQuery({
    queryKey: automationKeys.one(id),
    queryFn: ({ signal }) => automationApi.get(id, signal),
    enabled: !creating,
  });
  if (!creating && rule.isPending) return <FullPageLoader label="Loading the automation rule" />;
  if (!creating && rule.isError) {
    return isApiError(rule.error) && rule.error.status === 404 ? (
      <NotFoundPage />
    ) : (
      <Alert color="red" variant="light" title="The automation rule could not be loaded">
        {rule.error.message}
      </Alert>
    );
  }
  return <RuleForm key={rule.data?.version ?? 0} rule={creating ? undefined : rule.data} />;
}

function useUsers() {
  return useQuery({
    queryKey: ['automation-rules', 'users'],
    queryFn: ({ signal }) =>
      api.get<{ data: { id: string; name: string }[] }>('/users', { signal }).then((page) => page.data),
    staleTime: 60 * 1000,
  });
}

function RuleForm({ rule }: { rule: AutomationRule | undefined }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const metadata = useMetadata();
  const users = useUsers();
  const templates = useTemplates();
  const [input, setInput] = useState<AutomationRuleInput>(() =>
    rule === undefined
      ? {
          name: '',
          entity: 'account',
          trigger: { kind: 'created' },
          condition: '',
          actions: [{ type: 'create_follow_up', title: '', assignee: 'owner', due_in_days: 1 }],
          active: true,
        }
      : { ...rule },
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | undefined>();
  const entities = metadata.data?.entities ?? [];
  const entity = entities.find((candidate) => candidate.name === input.entity);
  const fields = entity?.fields ?? [];
  const stateField = entity?.states === undefined ? undefined : fields.find((field) => field.name === entity.states?.field);

  const save = useMutation({
    mutationFn: (body: AutomationRuleInput) =>
      rule === undefined ? automationApi.create(body) : automationApi.update(rule.id, { ...body, version: rule.version }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: automationKeys.all });
      setErrors({});
      setGeneral(undefined);
      void navigate(`/admin/automation-rules/${encodeURIComponent(saved.id)}`, { replace: true });
    },
    onError: (error) => {
      if (!isApiError(error)) {
        setGeneral('The rule could not be saved.');
        return;
      }
      const found: Record<string, string> = {};
      for (const entry of error.fields) {
        found[entry.field] = found[entry.field] === undefined ? entry.message : `${found[entry.field]}; ${entry.message}`;
      }
      setErrors(found);
      setGeneral(error.fields.length === 0 ? error.message : undefined);
    },
  });
  const remove = useMutation({
    mutationFn: () => automationApi.remove(rule?.id ?? ''),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: automationKeys.all });
      void navigate('/admin/automation-rules');
    },
    onError: (error) => { setGeneral(error.message); },
  });
  const setTrigger = (change: Partial<AutomationRuleInput['trigger']>) => {
    setInput((current) => ({ ...current, trigger: { ...current.trigger, ...change } }));
  };
  const { trigger } = input;

  return (
    <Stack gap="md">
      <PageHeader title={rule?.name ?? 'New automation rule'} back={{ to: '/admin/automation-rules', label: 'Automation rules' }} />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(input);
        }}
      >
        <Stack gap="sm" maw={760}>
          {general === undefined ? null : (
            <Alert color="red" variant="light" role="alert">
              {general}
            </Alert>
          )}
          <TextInput label="Name" required maxLength={200} value={input.name} error={errors.name}
            onChange={(event) => { const name = event.currentTarget.value; setInput((current) => ({ ...current, name })); }} />
          <Group grow align="flex-start" wrap="wrap">
            <Select label="Records of" required allowDeselect={false} disabled={rule !== undefined}
              data={entities.map((candidate) => ({ value: candidate.name, label: candidate.label_plural }))}
              value={input.entity} error={errors.entity}
              onChange={(value) => { setInput((current) => ({ ...current, entity: value ?? current.entity, trigger: { kind: 'created' } })); }} />
            <Select label="When" required allowDeselect={false}
              data={triggerKinds.map((kind) => ({ value: kind, label: triggerLabel(kind) }))}
              value={trigger.kind} error={errors['trigger.kind']}
              onChange={(value) => { setInput((current) => ({ ...current, trigger: { kind: (value ?? 'created') as TriggerKind } })); }} />
          </Group>
          {trigger.kind === 'field_changed' || trigger.kind === 'date_reached' ? (
            <Group grow align="flex-start" wrap="wrap">
              <Select label="Field" required searchable
                data={fields
                  .filter((field) => trigger.kind === 'field_changed' || field.type === 'date' || field.type === 'datetime')
                  .map((field) => ({ value: field.name, label: field.label }))}
                value={trigger.field ?? null} error={errors['trigger.field']}
                onChange={(value) => { setTrigger({ field: value ?? '' }); }} />
              {trigger.kind === 'date_reached' ? (
                <NumberInput label="Minutes after the date (negative: before)" value={trigger.offset_minutes ?? 0}
                  error={errors['trigger.offset_minutes']}
                  onChange={(value) => { setTrigger({ offset_minutes: typeof value === 'number' ? value : 0 }); }} />
              ) : null}
            </Group>
          ) : null}
          {trigger.kind === 'state_entered' ? (
            <Select label="State" required
              data={(stateField?.values ?? []).map((choice) => ({ value: choice.key, label: choice.label }))}
              value={trigger.state ?? null} error={errors['trigger.state'] ?? errors['trigger.kind']}
              onChange={(value) => { setTrigger({ state: value ?? '' }); }} />
          ) : null}
          {trigger.kind === 'schedule' ? (
            <TextInput label="Schedule" required placeholder="every day at 08:00" value={trigger.schedule ?? ''}
              description="every N minutes, hours or days; “every day at HH:MM” (UTC)" error={errors['trigger.schedule']}
              onChange={(event) => { setTrigger({ schedule: event.currentTarget.value }); }} />
          ) : null}
          <Textarea label="Condition" autosize minRows={1} value={input.condition} error={errors.condition}
            description='The list filter language, e.g. type eq "prospect" and industry in ["energy", "water"]; empty: every record'
            onChange={(event) => { const condition = event.currentTarget.value; setInput((current) => ({ ...current, condition })); }} />
          <Switch label="Active" checked={input.active}
            onChange={(event) => { const active = event.currentTarget.checked; setInput((current) => ({ ...current, active })); }} />
          <Title order={2} size="h4">Actions, in order</Title>
          {errors.actions === undefined ? null : <Text c="red" size="sm">{errors.actions}</Text>}
          {input.actions.map((action, index) => (
            <ActionEditor key={index} index={index} action={action} entity={input.entity} fields={fields}
              users={users.data ?? []} templates={(templates.data ?? []).filter((template) => template.entity === input.entity)}
              errors={errors}
              onChange={(changed) => { setInput((current) => ({ ...current, actions: current.actions.map((old, at) => (at === index ? changed : old)) })); }}
              onRemove={() => { setInput((current) => ({ ...current, actions: current.actions.filter((_, at) => at !== index) })); }} />
          ))}
          <Group gap="sm">
            <Button variant="light" leftSection={<IconPlus size={16} aria-hidden="true" />} disabled={input.actions.length >= 10}
              onClick={() => { setInput((current) => ({ ...current, actions: [...current.actions, { type: 'notify', title: '', assignee: 'owner' }] })); }}>
              Add an action
            </Button>
          </Group>
          <Group gap="sm">
            <Button type="submit" loading={save.isPending}>Save</Button>
            {rule === undefined ? null : (
              <Button color="red" variant="light" loading={remove.isPending} onClick={() => { remove.mutate(); }}>
                Delete
              </Button>
            )}
          </Group>
        </Stack>
      </form>
      {rule === undefined ? null : <RuleRuns id={rule.id} />}
    </Stack>
  );
}

/** What the rule did lately: fired, done, or stopped by loop protection. */
function RuleRuns({ id }: { id: string }) {
  const runs = useQuery({ queryKey: automationKeys.runs(id), queryFn: ({ signal }) => automationApi.runs(id, signal) });
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">Recent runs</Title>
      {runs.isError ? (
        <Alert color="red" variant="light">{runs.error.message}</Alert>
      ) : runs.isPending ? (
        <Text size="sm" c="dimmed" role="status">Loading…</Text>
      ) : runs.data.length === 0 ? (
        <Text size="sm" c="dimmed">The rule has not fired yet.</Text>
      ) : (
        <Table.ScrollContainer minWidth={320} type="native">
          <Table striped="even" verticalSpacing="xs" aria-label="Recent runs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Event</Table.Th>
                <Table.Th>Detail</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {runs.data.map((run, index) => (
                <Table.Tr key={`${run.at}-${String(index)}`}>
                  <Table.Td>{run.at.slice(0, 16).replace('T', ' ')}</Table.Td>
                  <Table.Td>{run.event}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{run.detail}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
