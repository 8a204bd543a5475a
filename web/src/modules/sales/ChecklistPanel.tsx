import { Alert, Badge, Box, Button, Card, Checkbox, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import type { EntityDefinition } from '@/lib/metadata';
import { listRelated, type EntityRecord, updateRecord } from '@/lib/records';
import { EmptyState } from '@/ui/EmptyState';
import { formatDateTime } from '@/ui/fields/values';
import { type ChecklistItem, groupChecklist, heldBack, heldBackHint } from './checklist';
import { plainError } from './errors';

// An order has a handful of checks; this is far above any order type's list.
const ITEM_LIMIT = 200;

interface ChecklistPanelProps {
  order: EntityRecord;
  itemEntity: EntityDefinition | undefined;
}

/**
 * The order's checks, grouped by the step each holds back. Ticking one writes who and when
 * on the server, and the order's counters (which its transitions' guards read) follow.
 */
export function ChecklistPanel({ order, itemEntity }: ChecklistPanelProps) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<{ id: string; text: string } | undefined>(undefined);
  const [problem, setProblem] = useState<{ id: string; text: string } | undefined>(undefined);
  // Ticks sent and not yet answered, by item: each item has its own version, so several may be on their way.
  const [ticks, setTicks] = useState<Record<string, boolean>>({});
  // The order's version is in the key: a tick moves its counters, and a transition its state.
  const items = useQuery({
    queryKey: ['records', 'order_checklist_items', 'of', order.id, order.version],
    queryFn: async ({ signal }) =>
      (await listRelated('orders', order.id, 'order_checklist_items', { sort: 'position', limit: ITEM_LIMIT }, signal))
        .data as ChecklistItem[],
  });
  const save = useMutation({
    mutationFn: ({ item, changes }: { item: ChecklistItem; changes: Record<string, unknown> }) =>
      updateRecord('order_checklist_items', item.id, item.version, changes),
    onMutate: ({ item, changes }) => {
      setProblem(undefined);
      const done = changes.done;
      if (typeof done === 'boolean') setTicks((current) => ({ ...current, [item.id]: done }));
    },
    onSettled: async (_answer, _error, { item }) => {
      // The list is read again before the tick is let go, so the box never flickers back.
      await queryClient.invalidateQueries({ queryKey: ['records', 'order_checklist_items'] });
      setTicks((current) => Object.fromEntries(Object.entries(current).filter(([id]) => id !== item.id)));
    },
    onSuccess: async () => {
      setEditing(undefined);
      // The order's counters moved, and with them the transitions its guards allow.
      await queryClient.invalidateQueries({ queryKey: ['records', 'orders', 'detail', order.id] });
    },
    onError: (error, { item }) => {
      setProblem({ id: item.id, text: plainError(error) });
    },
  });
  const editable = itemEntity?.rights.edit !== false;
  const categories = itemEntity?.fields.find((field) => field.name === 'category')?.values ?? [];
  const categoryLabel = (key: string | null) => categories.find((choice) => choice.key === key)?.label ?? key ?? '';
  const held = heldBack(order);
  const groups = groupChecklist(items.data ?? []);

  const submitRemarks = (item: ChecklistItem) => (event: SyntheticEvent) => {
    event.preventDefault();
    if (editing === undefined) return;
    const text = editing.text.trim();
    if (text === (item.remarks ?? '')) {
      setEditing(undefined);
      return;
    }
    save.mutate({ item, changes: { remarks: text === '' ? null : text } });
  };

  return (
    <Card withBorder padding="sm" component="section" aria-label="Order checklist">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Checklist
        </Title>
        {/* A status of its own (not an alert's title) so the hint is read out as it changes. */}
        <Box
          role="status"
          aria-label="Steps held back"
          p="sm"
          bg={held.length === 0 ? 'var(--mantine-color-green-light)' : 'var(--mantine-color-orange-light)'}
          style={{ borderRadius: 'var(--mantine-radius-sm)' }}
        >
          <Text size="sm" fw={held.length === 0 ? 400 : 600}>
            {heldBackHint(held)}
          </Text>
        </Box>
        {items.isError ? (
          <Alert color="red" variant="light" title="The checklist could not be loaded">
            {items.error.message}
          </Alert>
        ) : null}
        {items.isPending ? (
          <Text size="sm" c="dimmed">
            Loading the checklist…
          </Text>
        ) : groups.length === 0 ? (
          <EmptyState title="No checks">This order type has no checklist.</EmptyState>
        ) : (
          groups.map((group) => (
            <Stack key={group.guard} gap={6} component="section" aria-label={`Before ${group.step.toLowerCase()}`}>
              <Group gap="xs">
                <Title order={3} size="h5">
                  Before {group.step.toLowerCase()}
                </Title>
                <Badge size="sm" variant="light" color={group.open === 0 ? 'green' : 'orange'}>
                  {group.open === 0 ? 'all done' : `${String(group.open)} open`}
                </Badge>
              </Group>
              <Stack component="ul" gap={8} p={0} m={0} style={{ listStyle: 'none' }}>
                {group.items.map((item) => {
                  // The tick shows at once; the server's answer (or its refusal) settles it.
                  const done = ticks[item.id] ?? item.done;
                  const who = done
                    ? `Done${item.done_by === null ? '' : ` by ${item.done_by}`}${item.done_at === null ? '' : `, ${formatDateTime(item.done_at)}`}`
                    : 'Open';
                  return (
                    <Stack key={item.id} component="li" gap={4} style={{ minWidth: 0 }}>
                      <Checkbox
                        checked={done}
                        disabled={!editable}
                        label={item.label}
                        description={`${categoryLabel(item.category)} · ${who}`}
                        styles={{ label: { overflowWrap: 'anywhere' }, description: { overflowWrap: 'anywhere' } }}
                        onChange={(event) => {
                          save.mutate({ item, changes: { done: event.currentTarget.checked } });
                        }}
                      />
                      <div style={{ paddingLeft: 32, minWidth: 0 }}>
                        {editing?.id === item.id ? (
                          <form onSubmit={submitRemarks(item)} aria-label={`Remarks on ${item.label}`}>
                            <Group gap="xs" align="flex-end" wrap="wrap">
                              <TextInput
                                label={`Remarks on ${item.label}`}
                                size="xs"
                                style={{ flex: '1 1 180px', minWidth: 0 }}
                                value={editing.text}
                                autoFocus
                                onChange={(event) => {
                                  setEditing({ id: item.id, text: event.currentTarget.value });
                                }}
                              />
                              <Button type="submit" size="xs" loading={save.isPending}>
                                Save remarks
                              </Button>
                              <Button
                                size="xs"
                                variant="default"
                                onClick={() => {
                                  setEditing(undefined);
                                }}
                              >
                                Cancel
                              </Button>
                            </Group>
                          </form>
                        ) : (
                          <Group gap="xs" wrap="wrap">
                            {item.remarks === null || item.remarks === '' ? null : (
                              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                                {item.remarks}
                              </Text>
                            )}
                            {editable ? (
                              <Button
                                size="compact-xs"
                                variant="subtle"
                                aria-label={`${item.remarks === null || item.remarks === '' ? 'Add remarks' : 'Change remarks'} on ${item.label}`}
                                onClick={() => {
                                  setEditing({ id: item.id, text: item.remarks ?? '' });
                                }}
                              >
                                {item.remarks === null || item.remarks === '' ? 'Add remarks' : 'Change remarks'}
                              </Button>
                            ) : null}
                          </Group>
                        )}
                        {problem?.id === item.id ? (
                          <Text size="sm" c="red.8" role="alert">
                            {problem.text}
                          </Text>
                        ) : null}
                      </div>
                    </Stack>
                  );
                })}
              </Stack>
            </Stack>
          ))
        )}
      </Stack>
    </Card>
  );
}
