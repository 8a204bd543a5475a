import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  MultiSelect,
  NumberInput,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isApiError } from '@/lib/api';
import type { RecordActionSlotProps } from '@/lib/recordSlots';
import { useSession } from '@/lib/session';
import {
  type AssigneeStatus,
  type Assignees,
  fetchAssignees,
  findPeople,
  reportProgress,
  setAssignees,
  statusLabels,
} from './assigneesApi';

const statusColors: Record<AssigneeStatus, string> = {
  open: 'gray',
  in_progress: 'blue',
  done: 'green',
  rejected: 'red',
};

function fieldErrors(error: unknown): Record<string, string> {
  return isApiError(error) ? Object.fromEntries(error.fields.map((field) => [field.field, field.message])) : {};
}

/** The people a record is given to, each with their own status, progress and reports. */
export function AssigneesPanel({ entity, record }: RecordActionSlotProps) {
  const queryClient = useQueryClient();
  const session = useSession();
  const me = session.data?.user.id;
  const key = ['assignees', entity.plural, record.id] as const;
  const assignees = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => fetchAssignees(entity.plural, record.id, signal),
    enabled: entity.assignable === true,
  });
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const [chosen, setChosen] = useState<string[] | undefined>(undefined);
  const people = useQuery({
    queryKey: ['people', debounced],
    queryFn: ({ signal }) => findPeople(debounced, signal),
    enabled: chosen !== undefined,
  });
  const [status, setStatus] = useState<AssigneeStatus | null>(null);
  const [progress, setProgress] = useState<number | string>('');
  const [remarks, setRemarks] = useState('');

  const refresh = (data: Assignees) => {
    queryClient.setQueryData(key, data);
    // The record's own state follows its assignees.
    void queryClient.invalidateQueries({ queryKey: ['records', entity.plural] });
  };
  const assign = useMutation({
    mutationFn: (userIds: string[]) => setAssignees(entity.plural, record.id, userIds),
    onSuccess: (data) => {
      refresh(data);
      setChosen(undefined);
    },
  });
  const report = useMutation({
    mutationFn: () =>
      reportProgress(entity.plural, record.id, {
        ...(status === null ? {} : { status }),
        ...(typeof progress === 'number' ? { progress } : {}),
        ...(remarks.trim() === '' ? {} : { remarks: remarks.trim() }),
      }),
    onSuccess: (data) => {
      refresh(data);
      setStatus(null);
      setProgress('');
      setRemarks('');
    },
  });

  if (entity.assignable !== true || assignees.data === undefined) {
    return null;
  }
  const list = assignees.data.data;
  const mine = list.find((assignee) => assignee.user_id === me);
  const options = [
    ...list.map((assignee) => ({ value: assignee.user_id, label: assignee.name })),
    ...(people.data?.data ?? [])
      .filter((person) => !list.some((assignee) => assignee.user_id === person.id))
      .map((person) => ({ value: person.id, label: person.name })),
  ];
  const reportErrors = fieldErrors(report.error);

  return (
    <Card withBorder padding="sm" component="section" aria-label="Assignees">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          Assignees
        </Title>
        {chosen === undefined && entity.rights.edit === true ? (
          <Button size="xs" variant="light" onClick={() => { setChosen(list.map((assignee) => assignee.user_id)); }}>
            Change assignees
          </Button>
        ) : null}
      </Group>
      {chosen !== undefined ? (
        <Stack gap="xs" mb="sm">
          <MultiSelect
            label="Assign to"
            placeholder="Type a name"
            data={options}
            value={chosen}
            onChange={setChosen}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            nothingFoundMessage="Nobody by that name"
            error={fieldErrors(assign.error).user_ids}
          />
          {assign.isError ? <Alert color="red">{assign.error.message}</Alert> : null}
          <Group gap="xs">
            <Button size="xs" onClick={() => { assign.mutate(chosen); }} loading={assign.isPending}>
              Save assignees
            </Button>
            <Button size="xs" variant="default" onClick={() => { setChosen(undefined); }}>
              Cancel
            </Button>
          </Group>
        </Stack>
      ) : null}
      {list.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nobody is assigned yet.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={320}>
          <Table verticalSpacing={4} aria-label="Assignees and their progress">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Assignee</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Progress</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((assignee) => (
                <Table.Tr key={assignee.user_id}>
                  <Table.Td>{assignee.name}</Table.Td>
                  <Table.Td>
                    <Badge color={statusColors[assignee.status]} variant="light">
                      {statusLabels[assignee.status]}
                    </Badge>
                  </Table.Td>
                  <Table.Td miw={120}>
                    <Progress value={assignee.progress} aria-label={`${assignee.name}: ${String(assignee.progress)}%`} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {mine !== undefined ? (
        <Stack gap="xs" mt="sm" component="form" aria-label="Report on my part" onSubmit={(event) => {
          event.preventDefault();
          report.mutate();
        }}>
          <Text size="sm" fw={600}>
            My part: {statusLabels[mine.status]}, {mine.progress}%
          </Text>
          <Group grow align="flex-start">
            <Select
              label="My status"
              placeholder={statusLabels[mine.status]}
              data={Object.entries(statusLabels).map(([value, label]) => ({ value, label }))}
              value={status}
              onChange={(value) => { setStatus(value as AssigneeStatus | null); }}
              error={reportErrors.status}
              clearable
            />
            <NumberInput
              label="Progress (%)"
              min={0}
              max={100}
              value={progress}
              onChange={setProgress}
              error={reportErrors.progress}
            />
          </Group>
          <Textarea label="Report" autosize minRows={2} value={remarks} onChange={(event) => { setRemarks(event.currentTarget.value); }} error={reportErrors.remarks} />
          {report.isError && Object.keys(reportErrors).length === 0 ? <Alert color="red">{report.error.message}</Alert> : null}
          <Group>
            <Button type="submit" size="xs" loading={report.isPending}>
              Send report
            </Button>
          </Group>
        </Stack>
      ) : null}
      {assignees.data.reports.length > 0 ? (
        <Stack gap={4} mt="sm" component="ol" aria-label="Progress reports" style={{ paddingLeft: 18, margin: 0 }}>
          {assignees.data.reports.map((entry) => (
            <li key={entry.id}>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                <b>{entry.name}</b>: {statusLabels[entry.status]}, {entry.progress}%
                {entry.remarks === null ? '' : ` — ${entry.remarks}`}
              </Text>
              <Text size="xs" c="dimmed">
                {new Date(entry.created_at).toLocaleString()}
              </Text>
            </li>
          ))}
        </Stack>
      ) : null}
    </Card>
  );
}
