import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useSession } from '@/lib/session';
import { EmptyState } from '@/ui/EmptyState';
import { FullPageLoader } from '@/ui/FullPageLoader';
import { NotFoundPage } from '@/ui/NotFoundPage';
import { useEntityOf } from './entityOf';
import { DUPLICATE_ENTITIES, listDuplicateGroups } from './duplicatesApi';

const REASON_LABELS: Record<string, string> = { name: 'Same name', email: 'Same e-mail', phone: 'Same phone' };

/** `/:plural/duplicates`: groups of records that look like one party, each with a way to merge them. */
export function DuplicatesPage() {
  const { plural } = useParams();
  const { status, entity } = useEntityOf(plural);
  const administrator = useSession().data?.user.is_admin === true;
  // The cursors of the pages seen, so "Previous" needs no second request shape.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const groups = useQuery({
    queryKey: ['duplicates', plural, 'groups', cursor],
    queryFn: ({ signal }) => listDuplicateGroups(plural ?? '', cursor, signal),
    enabled: entity !== undefined && DUPLICATE_ENTITIES.has(entity.name),
  });
  if (status === 'pending') return <FullPageLoader label="Loading the definitions" />;
  if (entity === undefined || !DUPLICATE_ENTITIES.has(entity.name)) return <NotFoundPage />;

  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/${entity.plural}`} size="sm">
        ← {entity.label_plural}
      </Anchor>
      <Group justify="space-between" gap="sm">
        <Title order={1}>{`Duplicate ${entity.label_plural.toLowerCase()}`}</Title>
        {administrator ? (
          <Button component={Link} to="/admin/merges" variant="default" size="sm">
            Merges
          </Button>
        ) : null}
      </Group>
      <Text size="sm" c="dimmed">
        Records with the same name (ignoring case, accents and legal forms), e-mail or phone number.
      </Text>
      {groups.isPending ? <FullPageLoader label="Looking for duplicates" /> : null}
      {groups.isError ? (
        <Alert color="red" variant="light" title="The duplicates could not be loaded">
          {groups.error.message}
        </Alert>
      ) : null}
      {groups.data?.data.length === 0 ? <EmptyState title="No duplicates">No two records look alike.</EmptyState> : null}
      {groups.data?.data.map((group) => (
        <Paper
          key={`${group.reason}:${group.records.map((record) => record.id).join(',')}`}
          withBorder
          p="md"
          component="section"
          aria-label={`${REASON_LABELS[group.reason] ?? group.reason}: ${group.records.map((record) => record.title).join(', ')}`}
        >
          <Group justify="space-between" align="flex-start" gap="sm">
            <Stack gap={4} style={{ minWidth: 0 }}>
              <Badge variant="light">{REASON_LABELS[group.reason] ?? group.reason}</Badge>
              {group.records.map((record) => (
                <Anchor
                  key={record.id}
                  component={Link}
                  to={`/${entity.plural}/${encodeURIComponent(record.id)}`}
                  style={{ overflowWrap: 'anywhere' }}
                >
                  {record.title === '' ? record.id : record.title}
                </Anchor>
              ))}
            </Stack>
            {entity.rights.edit === true ? (
              <Button
                component={Link}
                to={`/${entity.plural}/merge?ids=${group.records.map((record) => encodeURIComponent(record.id)).join(',')}`}
                size="sm"
              >
                Merge
              </Button>
            ) : null}
          </Group>
        </Paper>
      ))}
      <Group gap="sm">
        {cursors.length > 1 ? (
          <Button variant="default" onClick={() => { setCursors(cursors.slice(0, -1)); }}>
            Previous
          </Button>
        ) : null}
        {typeof groups.data?.next_cursor === 'string' ? (
          <Button
            variant="default"
            onClick={() => {
              const next = groups.data?.next_cursor ?? undefined;
              setCursors([...cursors, next]);
            }}
          >
            Next
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
