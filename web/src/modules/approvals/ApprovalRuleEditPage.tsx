import { ActionIcon, Alert, Button, Group, MultiSelect, NumberInput, Paper, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '@/lib/api';
import { useMetadata } from '@/lib/metadata';
import { PageHeader } from '@/ui/PageHeader';
import { approvalKeys, approvalsApi, type ApprovalLevel, type ApprovalRuleInput, type ApprovalTrigger } from './approvalsApi';

const emptyRule: ApprovalRuleInput = {
  entity: '',
  name: '',
  trigger: 'on_update',
  condition: '',
  levels: [{ kind: 'manager', mode: 'any', depth: 1 }],
  active: true,
};

/** `/admin/approval-rules/:id` (or `new`): a rule's entity, trigger, condition and chain of levels. */
export function ApprovalRuleEditPage() {
  const { id = 'new' } = useParams();
  const creating = id === 'new';
  const rule = useQuery({ queryKey: approvalKeys.rule(id), queryFn: ({ signal }) => approvalsApi.rule(id, signal), enabled: !creating });
  if (!creating && rule.isPending) return <Text c="dimmed">Loading…</Text>;
  if (!creating && rule.isError) return <Alert color="red">The rule could not be read.</Alert>;
  const initial: ApprovalRuleInput =
    creating || rule.data === undefined
      ? emptyRule
      : {
          entity: rule.data.entity,
          name: rule.data.name,
          trigger: rule.data.trigger,
          condition: rule.data.condition,
          levels: rule.data.levels,
          active: rule.data.active,
          version: rule.data.version,
        };
  return <RuleForm key={`${id}-${String(initial.version ?? 0)}`} id={id} initial={initial} />;
}

function RuleForm({ id, initial }: { id: string; initial: ApprovalRuleInput }) {
  const creating = id === 'new';
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const metadata = useMetadata();
  const roles = useQuery({ queryKey: approvalKeys.roles, queryFn: ({ signal }) => approvalsApi.roles(signal) });
  const people = useQuery({ queryKey: approvalKeys.delegates, queryFn: ({ signal }) => approvalsApi.delegates(signal) });
  const [form, setForm] = useState<ApprovalRuleInput>(initial);
  const [errors, setErrors] = useState<{ field: string; message: string }[]>([]);
  const [general, setGeneral] = useState<string | undefined>();

  const save = useMutation({
    mutationFn: () => (creating ? approvalsApi.createRule(form) : approvalsApi.updateRule(id, form)),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: approvalKeys.rules });
      await navigate('/admin/approval-rules');
    },
    onError: (error) => {
      if (isApiError(error)) {
        setErrors(error.fields.map((field) => ({ field: field.field, message: field.message })));
        setGeneral(error.message);
      } else {
        setGeneral('The rule could not be saved.');
      }
    },
  });
  const remove = useMutation({
    mutationFn: () => approvalsApi.deleteRule(id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: approvalKeys.rules });
      await navigate('/admin/approval-rules');
    },
  });

  const errorOf = (field: string) => errors.filter((error) => error.field === field).map((error) => error.message).join(' ') || undefined;
  const setLevel = (index: number, change: Partial<ApprovalLevel>) => { setForm((current) => ({
      ...current,
      levels: current.levels.map((level, at) => (at === index ? { ...level, ...change } : level)),
    })); };
  const entities = (metadata.data?.entities ?? []).map((entity) => ({ value: entity.name, label: entity.label_plural }));

  return (
    <Stack gap="md">
      <PageHeader
        title={creating ? 'New approval rule' : initial.name}
        back={{ to: '/admin/approval-rules', label: 'Approval rules' }}
        actions={
          creating ? null : (
            <Button color="red" variant="light" loading={remove.isPending} onClick={() => { remove.mutate(); }}>
              Delete rule
            </Button>
          )
        }
      />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setErrors([]);
          setGeneral(undefined);
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label="Name"
            required
            maxLength={200}
            value={form.name}
            error={errorOf('name')}
            onChange={(event) => { setForm({ ...form, name: event.currentTarget.value }); }}
          />
          <Select
            label="Entity"
            required
            searchable
            data={entities}
            value={form.entity === '' ? null : form.entity}
            error={errorOf('entity')}
            onChange={(value) => { setForm({ ...form, entity: value ?? '' }); }}
          />
          <Select
            label="Trigger"
            required
            allowDeselect={false}
            data={[
              { value: 'on_create', label: 'When a record is created' },
              { value: 'on_update', label: 'When a record is changed' },
              { value: 'on_delete', label: 'When deleting is asked for' },
              { value: 'manual', label: 'Started by hand' },
            ]}
            value={form.trigger}
            error={errorOf('trigger')}
            onChange={(value) => { setForm({ ...form, trigger: (value ?? 'on_update') as ApprovalTrigger }); }}
          />
          <TextInput
            label="Condition"
            description='In the list filter language, e.g. credit_limit gt 50000 or area eq "north"; empty: every record.'
            maxLength={4000}
            value={form.condition}
            error={errorOf('condition')}
            onChange={(event) => { setForm({ ...form, condition: event.currentTarget.value }); }}
          />
          <Switch label="Active" checked={form.active} onChange={(event) => { setForm({ ...form, active: event.currentTarget.checked }); }} />
          <Text fw={600}>Levels, decided one after the other</Text>
          {form.levels.map((level, index) => (
            <Paper key={index} withBorder p="sm" aria-label={`Level ${String(index + 1)}`}>
              <Stack gap="xs">
                <Group justify="space-between">
                  <Text fw={600}>Level {index + 1}</Text>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Remove level ${String(index + 1)}`}
                    disabled={form.levels.length === 1}
                    onClick={() => { setForm({ ...form, levels: form.levels.filter((_, at) => at !== index) }); }}
                  >
                    <IconTrash size={16} aria-hidden="true" />
                  </ActionIcon>
                </Group>
                <Group grow align="flex-start" wrap="wrap">
                  <Select
                    label="Who decides"
                    allowDeselect={false}
                    miw={180}
                    data={[
                      { value: 'manager', label: "The requester's manager" },
                      { value: 'role', label: 'Members of a role' },
                      { value: 'users', label: 'Named users' },
                    ]}
                    value={level.kind}
                    onChange={(value) => { setLevel(index, { kind: (value ?? 'manager') as ApprovalLevel['kind'] }); }}
                  />
                  <Select
                    label="Decision"
                    allowDeselect={false}
                    miw={180}
                    data={[
                      { value: 'any', label: 'One of them decides' },
                      { value: 'all', label: 'All of them must approve' },
                    ]}
                    value={level.mode}
                    error={errorOf(`levels[${String(index)}].mode`)}
                    onChange={(value) => { setLevel(index, { mode: (value ?? 'any') as ApprovalLevel['mode'] }); }}
                  />
                </Group>
                {level.kind === 'role' ? (
                  <Select
                    label="Role"
                    searchable
                    data={(roles.data ?? []).map((role) => role.name)}
                    value={level.role ?? null}
                    error={errorOf(`levels[${String(index)}].role`)}
                    onChange={(value) => { setLevel(index, { role: value ?? '' }); }}
                  />
                ) : null}
                {level.kind === 'manager' ? (
                  <NumberInput
                    label="Levels up the reporting line"
                    min={1}
                    max={10}
                    value={level.depth ?? 1}
                    error={errorOf(`levels[${String(index)}].depth`)}
                    onChange={(value) => { setLevel(index, { depth: typeof value === 'number' ? value : 1 }); }}
                  />
                ) : null}
                {level.kind === 'users' ? (
                  <MultiSelect
                    label="Users"
                    searchable
                    data={(people.data ?? []).map((person) => ({ value: person.id, label: person.name }))}
                    value={level.user_ids ?? []}
                    error={errorOf(`levels[${String(index)}].user_ids`)}
                    onChange={(value) => { setLevel(index, { user_ids: value }); }}
                  />
                ) : null}
              </Stack>
            </Paper>
          ))}
          <Group>
            <Button
              variant="light"
              disabled={form.levels.length >= 10}
              onClick={() => { setForm({ ...form, levels: [...form.levels, { kind: 'role', mode: 'any', role: '' }] }); }}
            >
              Add level
            </Button>
          </Group>
          {general !== undefined ? (
            <Alert color="red" title={general}>
              {errors
                .filter((error) => !['name', 'entity', 'trigger', 'condition'].includes(error.field) && !error.field.startsWith('levels['))
                .map((error) => `${error.field}: ${error.message}`)
                .join(' ')}
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save rule
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
