import { Alert, Anchor, Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { Link } from 'react-router';
import { findField, type ChildSource, type EntityDefinition, type FieldDefinition, type Metadata } from '@/lib/metadata';
import { createRecord, listRelated, recordTitle } from '@/lib/records';
import { FieldInput } from '@/ui/fields/FieldView';
import { formatDateTime } from '@/ui/fields/values';
import { defaultValues, errorsFrom, filledValues, noErrors, type FormErrors } from './formState';
import { actionLabelOf, formFieldsOf, mergeTimeline, orderSources, startingValues, timeFieldOf, timelineSourcesOf, timelineTitle, type TimelineEntry } from './timeline';

const TIMELINE_LIMIT = 50;

/** Query keys of one source's records under one parent, so a create refreshes them. */
const timelineKey = (source: EntityDefinition, entity: EntityDefinition, id: string) =>
  ['records', source.plural, 'related', entity.plural, id, 'timeline'] as const;

/**
 * Notes and activities of a record (whatever hangs under it through a `parent` field),
 * merged newest first with pinned notes on top, and inline forms to add them.
 */
export function Timeline({ entity, metadata, id }: { entity: EntityDefinition; metadata: Metadata; id: string }) {
  const sources = orderSources(timelineSourcesOf(entity, metadata.entities));
  const [open, setOpen] = useState<string | null>(null);
  const results = useQueries({
    queries: sources.map(({ source }) => ({
      queryKey: timelineKey(source, entity, id),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        listRelated(entity.plural, id, source.plural, { sort: `-${timeFieldOf(source)}`, limit: TIMELINE_LIMIT }, signal),
    })),
  });
  if (sources.length === 0) return null;
  const title = timelineTitle(sources.map(({ source }) => source));
  const failed = results.find((result) => result.isError)?.error;
  const pending = results.some((result) => result.isPending);
  const entries = mergeTimeline(sources.map(({ source }, index) => ({ source, records: results[index]?.data?.data ?? [] })));
  const truncated = results.some((result) => (result.data?.next_cursor ?? null) !== null);
  const openSource = sources.find(({ source }) => source.name === open);

  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Group justify="space-between" gap="sm" mb="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        <Group gap="xs">
          {sources
            .filter(({ source }) => source.rights.create === true)
            .map(({ source }) => (
              <Button
                key={source.name}
                size="xs"
                variant={open === source.name ? 'filled' : 'light'}
                aria-expanded={open === source.name}
                onClick={() => {
                  setOpen(open === source.name ? null : source.name);
                }}
              >
                {actionLabelOf(source)}
              </Button>
            ))}
        </Group>
      </Group>
      {openSource === undefined ? null : (
        <EntryForm
          key={openSource.source.name}
          entity={entity}
          id={id}
          child={openSource}
          onDone={() => {
            setOpen(null);
          }}
        />
      )}
      {failed === undefined ? null : (
        <Alert color="red" variant="light" mb="sm">
          {failed.message}
        </Alert>
      )}
      {pending ? (
        <Loader size="sm" aria-label={`Loading ${title.toLowerCase()}`} />
      ) : entries.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing yet.
        </Text>
      ) : (
        <Stack component="ol" gap="xs" m={0} p={0} aria-label={title} style={{ listStyle: 'none' }}>
          {entries.map((entry) => (
            <TimelineItem key={`${entry.source.name}:${entry.record.id}`} entry={entry} />
          ))}
        </Stack>
      )}
      {truncated ? (
        <Text size="xs" c="dimmed" mt="xs">
          Only the latest {TIMELINE_LIMIT} of each kind are shown; the lists of {title.toLowerCase()} have them all.
        </Text>
      ) : null}
    </Paper>
  );
}

/** The label of an entry's kind: an activity's `kind` choice, else its entity's label. */
function kindLabel(entry: TimelineEntry): string {
  const kind = findField(entry.source, 'kind');
  const value = entry.record.kind;
  return kind?.values.find((choice) => choice.key === value)?.label ?? entry.source.label;
}

/** The longer text of an entry: its first long-text field with a value (a note's body, an activity's outcome). */
function bodyOf(entry: TimelineEntry): string {
  for (const field of entry.source.fields) {
    const value = entry.record[field.name];
    if (field.type === 'long_text' && typeof value === 'string' && value.trim() !== '') return value;
  }
  return '';
}

function TimelineItem({ entry }: { entry: TimelineEntry }) {
  const { source, record } = entry;
  const title = recordTitle(record, source.title_field);
  const body = bodyOf(entry);
  const duration = record.duration_minutes;
  return (
    <Paper component="li" withBorder p="sm" radius="sm" data-entry={source.name} style={{ minWidth: 0 }}>
      <Group gap="xs" justify="space-between" align="flex-start" wrap="wrap">
        <Group gap="xs" wrap="wrap" style={{ minWidth: 0 }}>
          <Badge variant="light" color={source.name === 'note' ? 'yellow' : 'blue'}>
            {kindLabel(entry)}
          </Badge>
          {entry.pinned ? (
            <Badge variant="outline" color="gray">
              Pinned
            </Badge>
          ) : null}
          <Anchor component={Link} to={`/${encodeURIComponent(source.plural)}/${encodeURIComponent(record.id)}`} size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
            {title}
          </Anchor>
        </Group>
        <Text component="time" dateTime={entry.at} size="xs" c="dimmed">
          {formatDateTime(entry.at)}
          {typeof duration === 'number' ? ` · ${String(duration)} min` : ''}
        </Text>
      </Group>
      {body === '' ? null : (
        <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {body}
        </Text>
      )}
    </Paper>
  );
}

/** The inline form of one source, with the parent preset and the API's field errors on the fields. */
function EntryForm({ entity, id, child, onDone }: { entity: EntityDefinition; id: string; child: ChildSource; onDone: () => void }) {
  const { source, field: parentField } = child;
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<string, unknown>>(() => startingValues(source, defaultValues(source), new Date()));
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const fields = formFieldsOf(source, parentField.name)
    .map((name) => findField(source, name))
    .filter((field): field is FieldDefinition => field !== undefined);
  const create = useMutation({
    mutationFn: () => createRecord(source.plural, { ...filledValues(source, values), [parentField.name]: { entity: entity.name, id } }),
    onSuccess: async () => {
      setErrors(noErrors);
      await queryClient.invalidateQueries({ queryKey: ['records', source.plural] });
      onDone();
    },
    onError: (error) => {
      setErrors(errorsFrom(error, source));
    },
  });
  const action = actionLabelOf(source);
  const formRef = useRef<HTMLFormElement>(null);
  // The form opens where the user wants to type: its first field.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input, textarea')?.focus();
  }, []);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <Paper component="form" ref={formRef} withBorder p="sm" mb="md" bg="var(--mantine-color-gray-0)" aria-label={action} noValidate onSubmit={submit}>
      <Stack gap="sm">
        {errors.general.length === 0 ? null : (
          <Alert color="red" variant="light" role="alert">
            {errors.general.join(' ')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {fields.map((field) => (
            <div key={field.name} style={{ gridColumn: field.type === 'long_text' ? '1 / -1' : undefined, minWidth: 0 }}>
              <FieldInput
                field={field}
                label={field.label}
                value={values[field.name] ?? null}
                required={field.required}
                error={errors.fields[field.name]}
                onChange={(next) => {
                  setValues((current) => ({ ...current, [field.name]: next }));
                }}
              />
            </div>
          ))}
        </SimpleGrid>
        <Group gap="xs">
          <Button type="submit" size="sm" loading={create.isPending}>
            Save {source.label.toLowerCase()}
          </Button>
          <Button type="button" size="sm" variant="default" onClick={onDone}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
