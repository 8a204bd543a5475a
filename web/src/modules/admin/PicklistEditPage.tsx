import { ActionIcon, Alert, Badge, Button, Group, Paper, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useState } from 'react';
import { useParams } from 'react-router';
import { metadataQueryKey } from '@/lib/metadata';
import { FullPageLoader } from '@/ui/FullPageLoader';
import { PageHeader } from '@/ui/PageHeader';
import { adminApi, adminKeys, type Picklist, type PicklistValue } from './adminApi';
import { formErrorsFrom } from './formErrors';
import { picklistTitle } from './picklistTitle';

type Change = { key: string; change: Partial<Omit<PicklistValue, 'key'>> }[];

/** `/admin/picklists/:name`: add, relabel, reorder and deactivate a picklist's values. */
export function PicklistEditPage() {
  const { name = '' } = useParams();
  const queryClient = useQueryClient();
  const picklist = useQuery({
    queryKey: adminKeys.picklist(name),
    queryFn: ({ signal }) => adminApi.getPicklist(name, signal),
  });
  const [problem, setProblem] = useState<string | undefined>();
  const [key, setKey] = useState('');
  const [label, setLabel] = useState('');
  const [addErrors, setAddErrors] = useState<Record<string, string>>({});

  const accept = (result: Picklist) => {
    queryClient.setQueryData(adminKeys.picklist(name), result);
    void queryClient.invalidateQueries({ queryKey: metadataQueryKey });
  };
  const change = useMutation({
    mutationFn: async (changes: Change) => {
      let result: Picklist | undefined;
      for (const { key: valueKey, change: body } of changes) {
        result = await adminApi.changePicklistValue(name, valueKey, body);
      }
      return result;
    },
    onSuccess: (result) => {
      setProblem(undefined);
      if (result !== undefined) accept(result);
    },
    onError: (error) => {
      setProblem(formErrorsFrom(error, []).general.join(' '));
      void picklist.refetch();
    },
  });
  const add = useMutation({
    mutationFn: () => adminApi.addPicklistValue(name, { key: key.trim(), label: label.trim() }),
    onSuccess: (result) => {
      accept(result);
      setKey('');
      setLabel('');
      setAddErrors({});
    },
    onError: (error) => {
      const errors = formErrorsFrom(error, ['key', 'label']);
      setAddErrors({ ...errors.fields, ...(errors.general.length > 0 ? { general: errors.general.join(' ') } : {}) });
    },
  });

  if (picklist.isPending) return <FullPageLoader label="Loading the picklist" />;
  if (picklist.isError) {
    return (
      <Alert color="red" variant="light" title="The picklist could not be loaded">
        {picklist.error.message}
      </Alert>
    );
  }
  const values = picklist.data.values;
  const swap = (index: number, other: number) => {
    const first = values[index];
    const second = values[other];
    if (first === undefined || second === undefined) return;
    // Equal positions (never set) are made distinct by the order shown.
    const [low, high] =
      first.position === second.position
        ? [Math.min(index, other), Math.max(index, other)]
        : [Math.min(first.position, second.position), Math.max(first.position, second.position)];
    // The value moved takes the neighbour's place: the lower position when it moves up.
    change.mutate([
      { key: first.key, change: { position: other < index ? low : high } },
      { key: second.key, change: { position: other < index ? high : low } },
    ]);
  };

  return (
    <Stack gap="md" maw={880}>
      <PageHeader title={picklistTitle(name)} back={{ to: '/admin/picklists', label: 'Picklists' }} />
      {problem === undefined ? null : (
        <Alert color="red" variant="light" role="alert" title="Not saved" withCloseButton onClose={() => { setProblem(undefined); }}>
          {problem}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={520} type="native">
        <Table verticalSpacing="xs" aria-label={`${picklistTitle(name)} values`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Key</Table.Th>
              <Table.Th>Label</Table.Th>
              <Table.Th>Active</Table.Th>
              <Table.Th>Order</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {values.map((value, index) => (
              <Table.Tr key={value.key}>
                <Table.Td>
                  <Group gap={6}>
                    <Text size="sm" ff="monospace">
                      {value.key}
                    </Text>
                    {value.active ? null : <Badge color="gray" size="sm">Inactive</Badge>}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <LabelInput
                    key={`${value.key}:${value.label}`}
                    value={value}
                    onCommit={(next) => {
                      change.mutate([{ key: value.key, change: { label: next } }]);
                    }}
                  />
                </Table.Td>
                <Table.Td>
                  <Switch
                    aria-label={`${value.label} active`}
                    checked={value.active}
                    onChange={(event) => {
                      change.mutate([{ key: value.key, change: { active: event.currentTarget.checked } }]);
                    }}
                  />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon
                      variant="default"
                      aria-label={`Move ${value.label} up`}
                      disabled={index === 0 || change.isPending}
                      onClick={() => {
                        swap(index, index - 1);
                      }}
                    >
                      <IconArrowUp size={16} aria-hidden="true" />
                    </ActionIcon>
                    <ActionIcon
                      variant="default"
                      aria-label={`Move ${value.label} down`}
                      disabled={index === values.length - 1 || change.isPending}
                      onClick={() => {
                        swap(index, index + 1);
                      }}
                    >
                      <IconArrowDown size={16} aria-hidden="true" />
                    </ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Paper withBorder p="md" component="section" aria-labelledby="add-value-title">
        <Title order={2} size="h4" mb="sm" id="add-value-title">
          Add a value
        </Title>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            add.mutate();
          }}
        >
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label="Key"
              description="a-z, 0-9, _ and -; cannot change later"
              value={key}
              error={addErrors.key}
              onChange={(event) => {
                setKey(event.currentTarget.value);
              }}
              style={{ flex: '1 1 180px' }}
            />
            <TextInput
              label="Label"
              description="What users see"
              value={label}
              error={addErrors.label}
              onChange={(event) => {
                setLabel(event.currentTarget.value);
              }}
              style={{ flex: '1 1 220px' }}
            />
            <Button type="submit" loading={add.isPending}>
              Add value
            </Button>
          </Group>
          {addErrors.general === undefined ? null : (
            <Text size="sm" c="red" mt="xs" role="alert">
              {addErrors.general}
            </Text>
          )}
        </form>
      </Paper>
    </Stack>
  );
}

/** A label that is saved when the input loses focus or Enter is pressed. */
function LabelInput({ value, onCommit }: { value: PicklistValue; onCommit: (label: string) => void }) {
  const [text, setText] = useState(value.label);
  // What was last sent, so Enter followed by leaving the input sends it once.
  const [sent, setSent] = useState(value.label);
  const commit = () => {
    const next = text.trim();
    if (next === '') {
      setText(value.label);
    } else if (next !== sent) {
      setSent(next);
      onCommit(next);
    }
  };
  return (
    <TextInput
      size="xs"
      aria-label={`Label of ${value.key}`}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
      }}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          commit();
        }
      }}
    />
  );
}
