import { ActionIcon, Alert, Button, Group, NumberInput, Paper, SegmentedControl, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '@/lib/api';
import { useMetadata } from '@/lib/metadata';
import { FullPageLoader } from '@/ui/FullPageLoader';
import { NotFoundPage } from '@/ui/NotFoundPage';
import { PageHeader } from '@/ui/PageHeader';
import {
  routingApi,
  routingKeys,
  useCalendars,
  useRoleNames,
  useUserNames,
  type RoutingPath,
  type RoutingPathInput,
  type RoutingStep,
} from './routingApi';

/** `/admin/routing-paths/:id` (or `new`): a path's records, calendar, SLAs and steps. */
export function RoutingPathEditPage() {
  const { id = 'new' } = useParams();
  const creating = id === 'new';
  const path = useQuery({
    queryKey: routingKeys.path(id),
    queryFn: ({ signal }) => routingApi.getPath(id, signal),
    enabled: !creating,
  });
  if (!creating && path.isPending) return <FullPageLoader label="Loading the routing path" />;
  if (!creating && path.isError) {
    return isApiError(path.error) && path.error.status === 404 ? (
      <NotFoundPage />
    ) : (
      <Alert color="red" variant="light" title="The routing path could not be loaded">
        {path.error.message}
      </Alert>
    );
  }
  return <PathForm key={path.data?.version ?? 0} path={creating ? undefined : path.data} />;
}

const emptyStep: RoutingStep = { name: '', user_id: null, role_id: null, sla_hours: 8, on_overdue: 'next_step' };

function PathForm({ path }: { path: RoutingPath | undefined }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const metadata = useMetadata();
  const calendars = useCalendars();
  const users = useUserNames();
  const roles = useRoleNames();
  const [input, setInput] = useState<RoutingPathInput>(() =>
    path === undefined
      ? { name: '', entity: 'task', field: 'kind', value: '', calendar_id: '', steps: [{ ...emptyStep }], overall_sla_hours: null, active: true }
      : { ...path },
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | undefined>();
  const entities = metadata.data?.entities ?? [];
  const entity = entities.find((candidate) => candidate.name === input.entity);
  const typeFields = (entity?.fields ?? []).filter((field) => field.type === 'enum' || field.type === 'text');
  const typeField = typeFields.find((field) => field.name === input.field);

  const save = useMutation({
    mutationFn: (body: RoutingPathInput) =>
      path === undefined ? routingApi.createPath(body) : routingApi.updatePath(path.id, { ...body, version: path.version }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: routingKeys.paths });
      setErrors({});
      setGeneral(undefined);
      void navigate(`/admin/routing-paths/${encodeURIComponent(saved.id)}`, { replace: true });
    },
    onError: (error) => {
      if (!isApiError(error)) {
        setGeneral('The routing path could not be saved.');
        return;
      }
      const fields: Record<string, string> = {};
      for (const entry of error.fields) fields[entry.field] = entry.message;
      setErrors(fields);
      setGeneral(error.fields.length === 0 ? error.message : undefined);
    },
  });
  const remove = useMutation({
    mutationFn: () => routingApi.deletePath(path?.id ?? ''),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: routingKeys.paths });
      void navigate('/admin/routing-paths');
    },
    onError: (error) => { setGeneral(error.message); },
  });
  const setStep = (index: number, change: Partial<RoutingStep>) => {
    setInput((current) => ({
      ...current,
      steps: current.steps.map((step, at) => (at === index ? { ...step, ...change } : step)),
    }));
  };

  return (
    <Stack gap="md">
      <PageHeader title={path?.name ?? 'New routing path'} back={{ to: '/admin/routing-paths', label: 'Routing paths' }} />
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
            <Select label="Records of" required data={entities.map((candidate) => ({ value: candidate.name, label: candidate.label_plural }))}
              value={input.entity} error={errors.entity}
              onChange={(value) => { setInput((current) => ({ ...current, entity: value ?? '', field: '', value: '' })); }} />
            <Select label="Whose field" required data={typeFields.map((field) => ({ value: field.name, label: field.label }))}
              value={input.field === '' ? null : input.field} error={errors.field}
              onChange={(value) => { setInput((current) => ({ ...current, field: value ?? '', value: '' })); }} />
            {typeField !== undefined && typeField.values.length > 0 ? (
              <Select label="Is" required data={typeField.values.map((choice) => ({ value: choice.key, label: choice.label }))}
                value={input.value === '' ? null : input.value} error={errors.value}
                onChange={(value) => { setInput((current) => ({ ...current, value: value ?? '' })); }} />
            ) : (
              <TextInput label="Is" required value={input.value} error={errors.value}
                onChange={(event) => { const value = event.currentTarget.value; setInput((current) => ({ ...current, value })); }} />
            )}
          </Group>
          <Group grow align="flex-start" wrap="wrap">
            <Select label="Business calendar" required data={(calendars.data ?? []).map((calendar) => ({ value: calendar.id, label: calendar.name }))}
              value={input.calendar_id === '' ? null : input.calendar_id} error={errors.calendar_id}
              onChange={(value) => { setInput((current) => ({ ...current, calendar_id: value ?? '' })); }} />
            <NumberInput label="Overall SLA (working hours)" min={0} decimalScale={2} value={input.overall_sla_hours ?? ''}
              error={errors.overall_sla_hours}
              onChange={(value) => { setInput((current) => ({ ...current, overall_sla_hours: typeof value === 'number' && value > 0 ? value : null })); }} />
          </Group>
          <Switch label="Active" checked={input.active}
            onChange={(event) => { const active = event.currentTarget.checked; setInput((current) => ({ ...current, active })); }} />
          <Text fw={600} size="sm">Steps, in order</Text>
          {errors.steps === undefined ? null : <Text size="sm" c="red">{errors.steps}</Text>}
          {input.steps.map((step, index) => {
            const byRole = step.role_id !== null;
            return (
              <Paper key={index} withBorder p="sm" aria-label={`Step ${String(index + 1)}`}>
                <Stack gap="xs">
                  <Group justify="space-between" gap="xs">
                    <Text size="sm" fw={600}>Step {index + 1}</Text>
                    <ActionIcon variant="subtle" color="red" aria-label={`Remove step ${String(index + 1)}`} disabled={input.steps.length === 1}
                      onClick={() => { setInput((current) => ({ ...current, steps: current.steps.filter((_, at) => at !== index) })); }}>
                      <IconTrash size={16} aria-hidden="true" />
                    </ActionIcon>
                  </Group>
                  <TextInput label="Step name" required value={step.name} error={errors[`steps[${String(index)}].name`]}
                    onChange={(event) => { setStep(index, { name: event.currentTarget.value }); }} />
                  <SegmentedControl aria-label="Handled by" data={[{ value: 'user', label: 'A user' }, { value: 'role', label: 'A role' }]}
                    value={byRole ? 'role' : 'user'}
                    onChange={(value) => { setStep(index, value === 'role' ? { user_id: null, role_id: '' } : { role_id: null, user_id: '' }); }} />
                  {byRole ? (
                    <Select label="Role (its member with the fewest open items)" required data={(roles.data ?? []).map((role) => ({ value: role.id, label: role.name }))}
                      value={step.role_id === '' ? null : step.role_id} error={errors[`steps[${String(index)}].role_id`] ?? errors[`steps[${String(index)}].user_id`]}
                      onChange={(value) => { setStep(index, { role_id: value ?? '' }); }} />
                  ) : (
                    <Select label="User" required searchable data={(users.data ?? []).map((user) => ({ value: user.id, label: user.name === '' ? user.username : user.name }))}
                      value={step.user_id === '' ? null : step.user_id} error={errors[`steps[${String(index)}].user_id`]}
                      onChange={(value) => { setStep(index, { user_id: value ?? '' }); }} />
                  )}
                  <Group grow align="flex-start" wrap="wrap">
                    <NumberInput label="SLA (working hours)" required min={0.1} decimalScale={2} value={step.sla_hours}
                      error={errors[`steps[${String(index)}].sla_hours`]}
                      onChange={(value) => { setStep(index, { sla_hours: typeof value === 'number' ? value : 0 }); }} />
                    <Select label="When overdue" data={[{ value: 'next_step', label: 'Next step' }, { value: 'manager', label: 'Assignee’s manager' }]}
                      value={step.on_overdue} allowDeselect={false}
                      onChange={(value) => { setStep(index, { on_overdue: value === 'manager' ? 'manager' : 'next_step' }); }} />
                  </Group>
                </Stack>
              </Paper>
            );
          })}
          <Group gap="sm">
            <Button variant="default" leftSection={<IconPlus size={16} aria-hidden="true" />}
              onClick={() => { setInput((current) => ({ ...current, steps: [...current.steps, { ...emptyStep }] })); }}>
              Add step
            </Button>
            <Button type="submit" loading={save.isPending}>Save</Button>
            {path === undefined ? null : (
              <Button variant="default" color="red" loading={remove.isPending} onClick={() => { remove.mutate(); }}>Delete</Button>
            )}
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
