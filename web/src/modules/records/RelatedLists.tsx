import { Alert, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { defaultColumns, findField, relationsOf, type EntityDefinition, type FieldDefinition, type Relation } from '@/lib/metadata';
import { listRelated } from '@/lib/records';
import { EmptyState } from '@/ui/EmptyState';
import { RecordTable } from './RecordTable';

const RELATED_LIMIT = 20;

/** The lists of records that link to this one, derived from the definitions. */
export function RelatedLists({ entity, entities, id }: { entity: EntityDefinition; entities: EntityDefinition[]; id: string }) {
  const relations = relationsOf(entity, entities);
  if (relations.length === 0) return <EmptyState title="No related records">Nothing links to this kind of record.</EmptyState>;
  return (
    <Stack gap="md">
      {relations.map((relation) => (
        <RelatedList key={relation.target.plural} entity={entity} relation={relation} id={id} />
      ))}
    </Stack>
  );
}

function RelatedList({ entity, relation, id }: { entity: EntityDefinition; relation: Relation; id: string }) {
  const { target } = relation;
  const related = useQuery({
    queryKey: ['records', target.plural, 'related', entity.plural, id],
    queryFn: ({ signal }) => listRelated(entity.plural, id, target.plural, { limit: RELATED_LIMIT, count: true }, signal),
  });
  // The link back to this record says nothing on its own page.
  const columns = defaultColumns(target)
    .map((name) => findField(target, name))
    .filter((field): field is FieldDefinition => field !== undefined && !(field.type === 'link' && field.entity === entity.name && target.name !== entity.name));
  const total = related.data?.total ?? related.data?.data.length;
  return (
    <Paper withBorder p="md" component="section" aria-label={relation.label}>
      <Title order={2} size="h4" mb="sm">
        {relation.label}
        {total === undefined ? '' : ` (${String(total)})`}
      </Title>
      {related.isPending ? (
        <Loader size="sm" aria-label={`Loading ${relation.label.toLowerCase()}`} />
      ) : related.isError ? (
        <Alert color="red" variant="light">
          {related.error.message}
        </Alert>
      ) : related.data.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          None.
        </Text>
      ) : (
        <RecordTable entity={target} columns={columns} records={related.data.data} caption={relation.label} />
      )}
    </Paper>
  );
}
