import { Alert, Anchor, Button, Group, Paper, Radio, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { EntityDefinition } from '@/lib/metadata';
import { getRecord, recordTitle, type EntityRecord } from '@/lib/records';
import { FieldDisplay } from '@/ui/fields/FieldView';
import { FullPageLoader } from '@/ui/FullPageLoader';
import { NotFoundPage } from '@/ui/NotFoundPage';
import { recordQueryKeys as recordKeys, useEntityOf } from './entityOf';
import { mergeRecords, type MergeResult } from './duplicatesApi';
import { defaultChoices, differingFields, mergeValues, previewOf, withSurvivor, type MergeChoices } from './mergeChoice';

/** `/:plural/merge?ids=a,b`: choose the survivor and, per field, whose value wins; then merge. */
export function MergePage() {
  const { plural } = useParams();
  const [search] = useSearchParams();
  const ids = (search.get('ids') ?? '').split(',').filter((id) => id !== '');
  const { status, entity } = useEntityOf(plural);
  if (status === 'pending') return <FullPageLoader label="Loading the definitions" />;
  if (entity === undefined || ids.length < 2) return <NotFoundPage />;
  return <MergeLoader key={ids.join(',')} entity={entity} ids={ids} />;
}

function MergeLoader({ entity, ids }: { entity: EntityDefinition; ids: string[] }) {
  const records = useQueries({
    queries: ids.map((id) => ({
      queryKey: recordKeys.detail(entity.plural, id),
      queryFn: ({ signal }: { signal: AbortSignal }) => getRecord(entity.plural, id, signal),
    })),
  });
  const failed = records.find((query) => query.isError);
  if (failed !== undefined) {
    return (
      <Alert color="red" variant="light" title="A record could not be loaded">
        {failed.error.message}
      </Alert>
    );
  }
  const loaded = records.map((query) => query.data).filter((record): record is EntityRecord => record !== undefined);
  if (loaded.length < ids.length) return <FullPageLoader label="Loading the records" />;
  return <MergeForm entity={entity} records={loaded} />;
}

function MergeForm({ entity, records }: { entity: EntityDefinition; records: EntityRecord[] }) {
  const queryClient = useQueryClient();
  const [survivorId, setSurvivorId] = useState(records[0]?.id ?? '');
  const [choices, setChoices] = useState<MergeChoices>(() => defaultChoices(entity, survivorId, records));
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<MergeResult | undefined>();
  const fields = differingFields(entity, records);
  const preview = previewOf(survivorId, records, choices);
  const titleOf = (record: EntityRecord) => recordTitle(record, entity.title_field);
  const merge = useMutation({
    mutationFn: () =>
      mergeRecords(
        entity.plural,
        survivorId,
        records.filter((record) => record.id !== survivorId).map((record) => record.id),
        mergeValues(survivorId, choices),
      ),
    onSuccess: (merged) => {
      setResult(merged);
      setConfirming(false);
      void queryClient.invalidateQueries({ queryKey: recordKeys.all(entity.plural) });
      void queryClient.invalidateQueries({ queryKey: ['duplicates', entity.plural] });
    },
  });

  if (result !== undefined) {
    return (
      <Stack gap="md">
        <Title order={1}>{`${entity.label_plural} merged`}</Title>
        <Alert color="green" variant="light" role="status" title="Merged">
          {`${String(result.merge.merged_ids.length)} ${result.merge.merged_ids.length === 1 ? 'record was' : 'records were'} merged into ${titleOf(result.survivor)} and archived; ${String(result.merge.moved_count)} references moved.`}
        </Alert>
        <Group gap="sm">
          <Button component={Link} to={`/${entity.plural}/${encodeURIComponent(result.survivor.id)}`}>
            {`Open ${titleOf(result.survivor)}`}
          </Button>
          <Button component={Link} to={`/${entity.plural}/duplicates`} variant="default">
            Back to duplicates
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/${entity.plural}/duplicates`} size="sm">
        ← Duplicate {entity.label_plural.toLowerCase()}
      </Anchor>
      <Title order={1}>{`Merge ${entity.label_plural.toLowerCase()}`}</Title>
      <Radio.Group
        label="The record that stays"
        description="The others are archived; everything that refers to them moves to this one."
        value={survivorId}
        onChange={(next) => {
          setChoices(withSurvivor(choices, survivorId, next));
          setSurvivorId(next);
        }}
      >
        <Stack gap="xs" mt="xs">
          {records.map((record) => (
            <Radio key={record.id} value={record.id} label={`${titleOf(record)} (${typeof record.code === 'string' ? record.code : record.id})`} />
          ))}
        </Stack>
      </Radio.Group>
      <Paper withBorder p="md" component="section" aria-label="Values">
        <Title order={2} size="h4" mb="sm">
          Values
        </Title>
        {fields.length === 0 ? (
          <Text size="sm" c="dimmed">
            The records have the same values.
          </Text>
        ) : null}
        <Stack gap="md">
          {fields.map((field) => (
            <Radio.Group
              key={field.name}
              label={field.label}
              value={choices[field.name] ?? survivorId}
              onChange={(id) => {
                setChoices({ ...choices, [field.name]: id });
              }}
            >
              <SimpleGrid cols={{ base: 1, sm: records.length }} spacing="xs" mt={4}>
                {records.map((record) => (
                  <Radio
                    key={record.id}
                    value={record.id}
                    aria-label={`${field.label} from ${titleOf(record)}`}
                    label={
                      <Text size="sm" component="span" style={{ overflowWrap: 'anywhere' }}>
                        <FieldDisplay field={field} value={record[field.name]} />
                      </Text>
                    }
                  />
                ))}
              </SimpleGrid>
            </Radio.Group>
          ))}
        </Stack>
      </Paper>
      <Paper withBorder p="md" component="section" aria-label="Result">
        <Title order={2} size="h4" mb="sm">
          Result
        </Title>
        <Table.ScrollContainer minWidth={0}>
          <Table>
            <Table.Tbody>
              {fields.map((field) => (
                <Table.Tr key={field.name}>
                  <Table.Th scope="row">{field.label}</Table.Th>
                  <Table.Td style={{ overflowWrap: 'anywhere' }} data-field={field.name}>
                    <FieldDisplay field={field} value={preview[field.name]} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {merge.isError ? (
        <Alert color="red" variant="light" role="alert" title="Not merged">
          {merge.error.message}
        </Alert>
      ) : null}
      {confirming ? (
        <Alert color="orange" variant="light" title="Merge now?">
          <Text size="sm" mb="sm">
            {`${String(records.length - 1)} ${records.length - 1 === 1 ? 'record' : 'records'} will be archived and merged into the one that stays. An administrator can undo this within 30 days.`}
          </Text>
          <Group gap="sm">
            <Button color="orange" loading={merge.isPending} onClick={() => { merge.mutate(); }}>
              Confirm merge
            </Button>
            <Button variant="default" disabled={merge.isPending} onClick={() => { setConfirming(false); }}>
              Cancel
            </Button>
          </Group>
        </Alert>
      ) : (
        <Group gap="sm">
          <Button onClick={() => { setConfirming(true); }}>Merge</Button>
          <Button component={Link} to={`/${entity.plural}/duplicates`} variant="default">
            Cancel
          </Button>
        </Group>
      )}
    </Stack>
  );
}
