import { Alert, Anchor, Badge, Button, Grid, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '@/lib/api';
import { relationsOf, type EntityDefinition, type Metadata } from '@/lib/metadata';
import { recordSlots } from '@/lib/recordSlots';
import { getRecord, recordTitle, updateRecord } from '@/lib/records';
import { useSession } from '@/lib/session';
import { FullPageLoader } from '@/ui/FullPageLoader';
import { NotFoundPage } from '@/ui/NotFoundPage';
import { AccessTab } from './AccessTab';
import { changedValues, errorsFrom, noErrors, type FormErrors } from './formState';
import { HistoryTab } from './HistoryTab';
import { RecordActions } from './RecordActions';
import { RecordDetails } from './RecordDetails';
import { RecordForm } from './RecordForm';
import { RelatedLists } from './RelatedLists';
import { Timeline } from './Timeline';
import { timelineSourcesOf } from './timeline';
import { recordKeys, useEntity } from './useEntity';

/** `/:plural/:id`: one record with its details, related lists and history. */
export function RecordPage() {
  const { plural, id = '' } = useParams();
  const { status, entity, metadata } = useEntity(plural);
  if (status === 'pending') return <FullPageLoader label="Loading the definitions" />;
  if (entity === undefined || metadata === undefined) return <NotFoundPage />;
  return <EntityRecordPage key={`${entity.name}:${id}`} entity={entity} metadata={metadata} id={id} />;
}

function EntityRecordPage({ entity, metadata, id }: { entity: EntityDefinition; metadata: Metadata; id: string }) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [conflict, setConflict] = useState(false);
  const [message, setMessage] = useState<{ color: string; text: string } | undefined>();
  const [tab, setTab] = useState<string | null>('details');
  const administrator = useSession().data?.user.is_admin === true;
  // Records that notes and activities hang under show them beside their details.
  const hasTimeline = timelineSourcesOf(entity, metadata.entities).length > 0;

  const record = useQuery({
    queryKey: recordKeys.detail(entity.plural, id),
    queryFn: ({ signal }) => getRecord(entity.plural, id, signal),
  });
  const save = useMutation({
    mutationFn: (changes: Record<string, unknown>) => updateRecord(entity.plural, id, record.data?.version, changes),
    onSuccess: (updated) => {
      queryClient.setQueryData(recordKeys.detail(entity.plural, id), updated);
      void queryClient.invalidateQueries({ queryKey: recordKeys.history(entity.plural, id) });
      void queryClient.invalidateQueries({ queryKey: [...recordKeys.all(entity.plural), 'list'] });
      setEditing(false);
      setErrors(noErrors);
      setMessage({ color: 'green', text: 'Saved.' });
    },
    onError: (error) => {
      if (isApiError(error) && error.status === 412) {
        setConflict(true);
        setErrors(noErrors);
      } else {
        setErrors(errorsFrom(error, entity));
      }
    },
  });

  if (record.isPending) return <FullPageLoader label={`Loading the ${entity.label.toLowerCase()}`} />;
  if (record.isError) {
    return isApiError(record.error) && record.error.status === 404 ? (
      <NotFoundPage />
    ) : (
      <Alert color="red" variant="light" title="The record could not be loaded">
        {record.error.message}
      </Alert>
    );
  }
  const current = record.data;
  const title = recordTitle(current, entity.title_field);
  const number = [current.number, current.code].find((value) => typeof value === 'string' && value !== '' && value !== title);
  const archived = current.archived_at !== null && current.archived_at !== undefined;
  const reload = async () => {
    await record.refetch();
    setConflict(false);
    setFormKey(formKey + 1);
  };

  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/${entity.plural}`} size="sm">
        ← {entity.label_plural}
      </Anchor>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
            {entity.label}
            {typeof number === 'string' ? ` · ${number}` : ''}
          </Text>
          <Group gap="xs">
            <Title order={1} style={{ overflowWrap: 'anywhere' }}>
              {title}
            </Title>
            {archived ? <Badge color="gray">Archived</Badge> : null}
          </Group>
        </Stack>
        <Group gap="xs" align="flex-start">
          {entity.name === 'account' ? (
            <Button component={Link} to={`/${entity.plural}/${encodeURIComponent(id)}/360`} variant="light">
              Customer 360°
            </Button>
          ) : null}
          {recordSlots('recordActions').map((Slot, index) => (
            <Slot key={index} entity={entity} record={current} />
          ))}
          <RecordActions
            entity={entity}
            record={current}
            title={title}
            editing={editing}
            onEdit={() => {
              setMessage(undefined);
              setEditing(true);
              setTab('details');
            }}
            onMessage={setMessage}
          />
        </Group>
      </Group>
      {message === undefined ? null : (
        <Alert color={message.color} variant="light" role="status" withCloseButton onClose={() => { setMessage(undefined); }}>
          {message.text}
        </Alert>
      )}
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="details">Details</Tabs.Tab>
          {relationsOf(entity, metadata.entities).length > 0 ? <Tabs.Tab value="related">Related</Tabs.Tab> : null}
          <Tabs.Tab value="history">History</Tabs.Tab>
          {administrator ? <Tabs.Tab value="access">Access</Tabs.Tab> : null}
        </Tabs.List>
        <Tabs.Panel value="details" pt="md">
          {/* One stack for every panel: a slot with nothing for this record leaves no gap. */}
          <Stack gap="md" mb="md">
            {recordSlots('recordPanels').map((Slot, index) => (
              <Slot key={index} entity={entity} record={current} />
            ))}
          </Stack>
          <Grid gutter="md">
            <Grid.Col span={{ base: 12, xl: hasTimeline ? 7 : 12 }}>
              {editing ? (
                <RecordForm
                  key={formKey}
                  entity={entity}
                  initial={current}
                  errors={errors}
                  saving={save.isPending}
                  submitLabel="Save"
                  notice={
                    conflict ? (
                      <Alert color="orange" variant="light" role="alert" title="Not saved">
                        This record was changed by someone else. Reload to see the changes, then make yours again.
                        <div>
                          <Button size="xs" mt="xs" variant="default" onClick={() => { void reload(); }}>
                            Reload
                          </Button>
                        </div>
                      </Alert>
                    ) : undefined
                  }
                  onSubmit={(values) => {
                    const changes = changedValues(entity, current, values);
                    if (Object.keys(changes).length === 0) {
                      setEditing(false);
                      return;
                    }
                    save.mutate(changes);
                  }}
                  onCancel={() => {
                    setEditing(false);
                    setErrors(noErrors);
                    setConflict(false);
                  }}
                />
              ) : (
                <RecordDetails entity={entity} record={current} />
              )}
            </Grid.Col>
            {hasTimeline ? (
              <Grid.Col span={{ base: 12, xl: 5 }}>
                <Timeline entity={entity} metadata={metadata} id={id} />
              </Grid.Col>
            ) : null}
          </Grid>
        </Tabs.Panel>
        <Tabs.Panel value="related" pt="md">
          <RelatedLists entity={entity} entities={metadata.entities} id={id} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <HistoryTab entity={entity} id={id} />
        </Tabs.Panel>
        {administrator ? (
          <Tabs.Panel value="access" pt="md">
            <AccessTab entity={entity} id={id} />
          </Tabs.Panel>
        ) : null}
      </Tabs>
    </Stack>
  );
}
