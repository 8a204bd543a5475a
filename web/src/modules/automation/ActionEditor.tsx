import { ActionIcon, Group, NumberInput, Paper, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { FieldDefinition } from '@/lib/metadata';
import { parseValue } from './actionValue';
import { actionLabel, actionTypes, type ActionType, type AutomationAction } from './automationApi';

interface ActionEditorProps {
  index: number;
  action: AutomationAction;
  entity: string;
  fields: readonly FieldDefinition[];
  users: readonly { id: string; name: string }[];
  templates: readonly { id: string; name: string }[];
  /** Field errors by path (`actions[0].title`). */
  errors: Record<string, string>;
  onChange: (action: AutomationAction) => void;
  onRemove: () => void;
}

const recipients = [
  { value: 'owner', label: 'The record’s owner' },
  { value: 'owner_manager', label: 'The owner’s manager' },
  { value: 'user', label: 'A user' },
];

/** One action of a rule: its type and the settings that type takes. */
export function ActionEditor({ index, action, entity, fields, users, templates, errors, onChange, onRemove }: ActionEditorProps) {
  const at = `actions[${String(index)}].`;
  const number = index + 1;
  const set = (change: Partial<AutomationAction>) => { onChange({ ...action, ...change }); };
  const userPicker = (member: 'assignee' | 'to') =>
    (member === 'assignee' ? action.assignee : action.to) === 'user' ? (
      <Select label={`Action ${String(number)}: user`} searchable required
        data={users.map((user) => ({ value: user.id, label: user.name }))}
        value={action.user_id ?? null} error={errors[`${at}user_id`]}
        onChange={(value) => { set({ user_id: value ?? '' }); }} />
    ) : null;
  return (
    <Paper withBorder p="sm" role="group" aria-label={`Action ${String(number)}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-end" wrap="nowrap">
          <Select label={`Action ${String(number)}`} allowDeselect={false} style={{ flex: 1 }}
            data={actionTypes.map((type) => ({ value: type, label: actionLabel(type) }))}
            value={action.type} error={errors[`${at}type`]}
            onChange={(value) => { onChange({ type: (value ?? 'notify') as ActionType, assignee: 'owner' }); }} />
          <ActionIcon variant="subtle" color="red" size="lg" aria-label={`Remove action ${String(number)}`} onClick={onRemove}>
            <IconTrash size={18} aria-hidden="true" />
          </ActionIcon>
        </Group>
        {action.type === 'create_task' || action.type === 'create_follow_up' || action.type === 'notify' ? (
          <>
            <TextInput label={`Action ${String(number)}: title`} required value={action.title ?? ''}
              description={`A template: {{ ${entity}.name }}`} error={errors[`${at}title`]}
              onChange={(event) => { set({ title: event.currentTarget.value }); }} />
            {action.type === 'notify' ? (
              <Textarea label={`Action ${String(number)}: text`} autosize minRows={2} value={action.body ?? ''}
                error={errors[`${at}body`]} onChange={(event) => { set({ body: event.currentTarget.value }); }} />
            ) : (
              <Group grow align="flex-start" wrap="wrap">
                <NumberInput label={`Action ${String(number)}: due in days`} min={0} max={3650} value={action.due_in_days ?? 0}
                  error={errors[`${at}due_in_days`]}
                  onChange={(value) => { set({ due_in_days: typeof value === 'number' ? value : 0 }); }} />
                <Select label={`Action ${String(number)}: priority`} clearable value={action.priority ?? null}
                  data={['low', 'normal', 'high', 'urgent']} error={errors[`${at}priority`]}
                  onChange={(value) => { set({ priority: value ?? '' }); }} />
              </Group>
            )}
            <Select label={`Action ${String(number)}: for`} allowDeselect={false} data={recipients}
              value={action.assignee ?? 'owner'} error={errors[`${at}assignee`]}
              onChange={(value) => { set({ assignee: value ?? 'owner' }); }} />
            {userPicker('assignee')}
          </>
        ) : null}
        {action.type === 'send_email' ? (
          <>
            <Select label={`Action ${String(number)}: template`} required searchable
              data={templates.map((template) => ({ value: template.id, label: template.name }))}
              value={action.template_id ?? null} error={errors[`${at}template_id`]}
              onChange={(value) => { set({ template_id: value ?? '' }); }} />
            <Select label={`Action ${String(number)}: to`} allowDeselect={false}
              data={[{ value: 'record', label: 'The record’s e-mail address' }, ...recipients]}
              value={action.to ?? 'record'} error={errors[`${at}to`]}
              onChange={(value) => { set({ to: value ?? 'record' }); }} />
            {(action.to ?? 'record') === 'record' ? (
              <Select label={`Action ${String(number)}: e-mail field`}
                data={fields.filter((field) => field.type === 'email').map((field) => ({ value: field.name, label: field.label }))}
                value={action.email_field ?? 'email'} error={errors[`${at}email_field`]}
                onChange={(value) => { set({ email_field: value ?? 'email' }); }} />
            ) : null}
            {userPicker('to')}
          </>
        ) : null}
        {action.type === 'set_field' ? (
          <Group grow align="flex-start" wrap="wrap">
            <Select label={`Action ${String(number)}: field`} required searchable
              data={fields.filter((field) => !field.read_only).map((field) => ({ value: field.name, label: field.label }))}
              value={action.field ?? null} error={errors[`${at}field`]}
              onChange={(value) => { set({ field: value ?? '' }); }} />
            <TextInput label={`Action ${String(number)}: value`}
              description="Text as typed; JSON (numbers, true, null, objects) when it parses as JSON"
              value={typeof action.value === 'string' ? action.value : JSON.stringify(action.value ?? '')}
              error={errors[`${at}value`]}
              onChange={(event) => { set({ value: parseValue(event.currentTarget.value) }); }} />
          </Group>
        ) : null}
        {action.type === 'start_approval' ? (
          <TextInput label={`Action ${String(number)}: approval rule id`} required value={action.approval_rule_id ?? ''}
            error={errors[`${at}approval_rule_id`]}
            onChange={(event) => { set({ approval_rule_id: event.currentTarget.value }); }} />
        ) : null}
        {action.type === 'webhook' ? (
          <TextInput label={`Action ${String(number)}: URL`} required placeholder="http://host:8080/hook" value={action.url ?? ''}
            error={errors[`${at}url`]} onChange={(event) => { set({ url: event.currentTarget.value }); }} />
        ) : null}
      </Stack>
    </Paper>
  );
}
