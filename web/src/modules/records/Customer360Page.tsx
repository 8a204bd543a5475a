import { Alert, Anchor, Badge, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { isApiError } from '@/lib/api';
import { defaultColumns, findField, useMetadata, type EntityDefinition, type FieldDefinition, type Metadata } from '@/lib/metadata';
import { recordSlots } from '@/lib/recordSlots';
import { getRecord, listRelated, recordTitle, type EntityRecord } from '@/lib/records';
import { FieldDisplay } from '@/ui/fields/FieldView';
import { FullPageLoader } from '@/ui/FullPageLoader';
import { NotFoundPage } from '@/ui/NotFoundPage';
import { RecordTable } from './RecordTable';
import { Timeline } from './Timeline';

const CONTACTS_LIMIT = 50;

/**
 * What later modules put on this page; until then each is a labelled, empty slot. The sales
 * cycle (enquiries to payments, the balance) comes through the `customerPanels` slots.
 */
const SLOTS: { title: string; module: string }[] = [
  { title: 'Complaints', module: 'service' },
  { title: 'Documents', module: 'documents' },
];

/** `/accounts/:id/360`: one customer at a glance: key fields, contacts, timeline, and what other modules add. */
export function Customer360Page() {
  const { id = '' } = useParams();
  const metadata = useMetadata();
  const account = metadata.data?.entities.find((entity) => entity.name === 'account');
  if (metadata.isPending) return <FullPageLoader label="Loading the definitions" />;
  if (account === undefined || metadata.data === undefined) return <NotFoundPage />;
  return <Customer360 key={id} account={account} metadata={metadata.data} id={id} />;
}

function Customer360({ account, metadata, id }: { account: EntityDefinition; metadata: Metadata; id: string }) {
  const record = useQuery({
    queryKey: ['records', account.plural, 'detail', id],
    queryFn: ({ signal }) => getRecord(account.plural, id, signal),
  });
  if (record.isPending) return <FullPageLoader label="Loading the account" />;
  if (record.isError) {
    return isApiError(record.error) && record.error.status === 404 ? (
      <NotFoundPage />
    ) : (
      <Alert color="red" variant="light" title="The account could not be loaded">
        {record.error.message}
      </Alert>
    );
  }
  const current = record.data;
  const title = recordTitle(current, account.title_field);
  const href = `/${encodeURIComponent(account.plural)}/${encodeURIComponent(id)}`;
  const contact = metadata.entities.find((entity) => entity.name === 'contact');

  return (
    <Stack gap="md">
      <Anchor component={Link} to={href} size="sm">
        ← {title}
      </Anchor>
      <Stack gap={4} style={{ minWidth: 0 }}>
        <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
          Customer 360°
        </Text>
        <Title order={1} style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Title>
      </Stack>
      <KeyFields account={account} record={current} title={title} />
      {contact === undefined ? null : <Contacts account={account} contact={contact} id={id} />}
      {recordSlots('customerPanels').map((Slot, index) => (
        <Slot key={index} entity={account} record={current} />
      ))}
      <Timeline entity={account} metadata={metadata} id={id} />
      <Title order={2} size="h4">
        Coming with later modules
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        {SLOTS.map((slot) => (
          <Paper key={slot.title} withBorder p="sm" component="section" aria-label={slot.title} data-slot={slot.title.toLowerCase()} style={{ borderStyle: 'dashed' }}>
            <Title order={3} size="h5">
              {slot.title}
            </Title>
            <Text size="xs" c="dimmed" mt={4}>
              Arrives with the {slot.module} module.
            </Text>
            <Badge size="xs" variant="light" color="gray" mt="xs">
              Not available yet
            </Badge>
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

/** The account's list columns (its key fields) other than its title. */
function KeyFields({ account, record, title }: { account: EntityDefinition; record: EntityRecord; title: string }) {
  const fields = defaultColumns(account)
    .filter((name) => name !== account.title_field)
    .map((name) => findField(account, name))
    .filter((field): field is FieldDefinition => field !== undefined);
  return (
    <Paper withBorder p="md" component="section" aria-label={`${title}: key fields`}>
      <SimpleGrid component="dl" cols={{ base: 2, sm: 3, md: 5 }} spacing="md" verticalSpacing="sm" m={0}>
        {fields.map((field) => (
          <div key={field.name} style={{ minWidth: 0 }}>
            <Text component="dt" size="xs" c="dimmed" fw={600}>
              {field.label}
            </Text>
            <Text component="dd" size="sm" m={0} data-field={field.name} style={{ overflowWrap: 'anywhere' }}>
              <FieldDisplay field={field} value={record[field.name]} />
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Paper>
  );
}

function Contacts({ account, contact, id }: { account: EntityDefinition; contact: EntityDefinition; id: string }) {
  const related = useQuery({
    queryKey: ['records', contact.plural, 'related', account.plural, id],
    queryFn: ({ signal }) => listRelated(account.plural, id, contact.plural, { limit: CONTACTS_LIMIT, count: true }, signal),
  });
  const columns = defaultColumns(contact)
    .map((name) => findField(contact, name))
    .filter((field): field is FieldDefinition => field !== undefined && !(field.type === 'link' && field.entity === account.name));
  const total = related.data?.total ?? related.data?.data.length;
  return (
    <Paper withBorder p="md" component="section" aria-label={contact.label_plural}>
      <Title order={2} size="h4" mb="sm">
        {contact.label_plural}
        {total === undefined ? '' : ` (${String(total)})`}
      </Title>
      {related.isPending ? (
        <Loader size="sm" aria-label={`Loading ${contact.label_plural.toLowerCase()}`} />
      ) : related.isError ? (
        <Alert color="red" variant="light">
          {related.error.message}
        </Alert>
      ) : related.data.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          None.
        </Text>
      ) : (
        <RecordTable entity={contact} columns={columns} records={related.data.data} caption={contact.label_plural} />
      )}
    </Paper>
  );
}
