import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconUserShare } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { isApiError } from '@/lib/api';
import type { EntityDefinition } from '@/lib/metadata';
import type { EntityRecord } from '@/lib/records';
import { LinkInput } from '@/ui/fields/LinkFields';
import { asText } from '@/ui/fields/values';
import { plainError } from './errors';
import { allocateEnquiry, type Allocation, findPeople } from './salesApi';

interface AllocateDialogProps {
  enquiry: EntityDefinition;
  record: EntityRecord;
}

/**
 * Gives an enquiry to a colleague, a dealer, or both; the server makes a task for the
 * colleague (or for the dealer account's owner) due when the quotation is.
 */
export function AllocateDialog({ enquiry, record }: AllocateDialogProps) {
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [user, setUser] = useState<string | null>(null);
  const [userName, setUserName] = useState('');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const [dealer, setDealer] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const dealerField = enquiry.fields.find((field) => field.name === 'dealer_id');
  const people = useQuery({
    queryKey: ['people', debounced],
    queryFn: ({ signal }) => findPeople(debounced, signal),
    enabled: opened,
  });
  const allocate = useMutation({
    mutationFn: (allocation: Allocation) => allocateEnquiry(record.id, allocation),
    onSuccess: (updated) => {
      queryClient.setQueryData(['records', enquiry.plural, 'detail', record.id], updated);
      void queryClient.invalidateQueries({ queryKey: ['records', enquiry.plural] });
      void queryClient.invalidateQueries({ queryKey: ['records', 'tasks'] });
      setOpened(false);
    },
  });
  const fieldError = (name: string) =>
    isApiError(allocate.error) ? allocate.error.fields.find((entry) => entry.field === name)?.message : undefined;

  const open = () => {
    allocate.reset();
    setMissing(false);
    const current = asText(record.allocated_user_id);
    setUser(current === '' ? null : current);
    setUserName(asText(record.allocated_to));
    setSearch(asText(record.allocated_to));
    const currentDealer = asText(record.dealer_id);
    setDealer(currentDealer === '' ? null : currentDealer);
    setNote('');
    setOpened(true);
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (user === null && dealer === null) {
      setMissing(true);
      return;
    }
    const allocation: Allocation = {};
    if (user !== null) allocation.user_id = user;
    if (dealer !== null) allocation.dealer_id = dealer;
    if (note.trim() !== '') allocation.note = note.trim();
    allocate.mutate(allocation);
  };
  const options = [
    ...(user === null || people.data?.data.some((person) => person.id === user) === true ? [] : [{ value: user, label: userName }]),
    ...(people.data?.data ?? []).map((person) => ({ value: person.id, label: person.name })),
  ];

  return (
    <>
      <Button variant="light" leftSection={<IconUserShare size={16} aria-hidden="true" />} onClick={open}>
        Allocate…
      </Button>
      <Modal
        opened={opened}
        onClose={() => {
          setOpened(false);
        }}
        title="Allocate the enquiry"
      >
        <form onSubmit={submit} noValidate aria-label="Allocate the enquiry">
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              Choose who handles it: a colleague, a dealer, or both. The colleague (or the dealer&apos;s account owner) gets
              a task due when the quotation is.
            </Text>
            <Select
              label="Colleague"
              placeholder="Type a name"
              data={options}
              value={user}
              onChange={(next, option) => {
                setUser(next);
                setUserName(option.label);
                setMissing(false);
              }}
              searchable
              searchValue={search}
              onSearchChange={setSearch}
              filter={({ options: all }) => all}
              clearable
              nothingFoundMessage="Nobody by that name"
              comboboxProps={{ withinPortal: true }}
              error={fieldError('user_id') ?? (missing ? 'Choose a colleague or a dealer.' : undefined)}
            />
            {dealerField === undefined ? null : (
              <LinkInput
                field={dealerField}
                label="Dealer"
                value={dealer}
                error={fieldError('dealer_id')}
                onChange={(next) => {
                  setDealer(typeof next === 'string' && next !== '' ? next : null);
                  setMissing(false);
                }}
              />
            )}
            <Textarea
              label="Note for the task"
              autosize
              minRows={2}
              maxLength={2000}
              value={note}
              error={fieldError('note')}
              onChange={(event) => {
                setNote(event.currentTarget.value);
              }}
            />
            {allocate.isError && fieldError('user_id') === undefined && fieldError('dealer_id') === undefined ? (
              <Alert color="red" variant="light" title="Not allocated" role="alert">
                {plainError(allocate.error)}
              </Alert>
            ) : null}
            <Group justify="flex-end" gap="xs">
              <Button
                variant="default"
                onClick={() => {
                  setOpened(false);
                }}
              >
                Cancel
              </Button>
              <Button type="submit" loading={allocate.isPending}>
                Allocate
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
