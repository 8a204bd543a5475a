import { Alert, Anchor, Badge, Button, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMetadata } from '@/lib/metadata';
import { EmptyState } from '@/ui/EmptyState';
import { FullPageLoader } from '@/ui/FullPageLoader';
import { listMerges, undoMerge, type MergeSummary } from './duplicatesApi';

/** `/admin/merges`: every merge, newest first, with an undo for 30 days. Administrators only. */
export function MergesPage() {
  const queryClient = useQueryClient();
  const metadata = useMetadata();
  const [message, setMessage] = useState<{ color: string; text: string } | undefined>();
  const merges = useQuery({ queryKey: ['merges'], queryFn: ({ signal }) => listMerges(signal) });
  const undo = useMutation({
    mutationFn: (merge: MergeSummary) => undoMerge(merge.id),
    onSuccess: () => {
      setMessage({ color: 'green', text: 'The merge was undone: the merged records and their references are back.' });
      void queryClient.invalidateQueries({ queryKey: ['merges'] });
      void queryClient.invalidateQueries({ queryKey: ['records'] });
    },
    onError: (error) => {
      setMessage({ color: 'red', text: error.message });
    },
  });
  const pluralOf = (entity: string) => metadata.data?.entities.find((candidate) => candidate.name === entity)?.plural ?? entity;

  return (
    <Stack gap="md">
      <Title order={1}>Merges</Title>
      {message === undefined ? null : (
        <Alert color={message.color} variant="light" role="status" withCloseButton onClose={() => { setMessage(undefined); }}>
          {message.text}
        </Alert>
      )}
      {merges.isPending ? <FullPageLoader label="Loading the merges" /> : null}
      {merges.isError ? (
        <Alert color="red" variant="light" title="The merges could not be loaded">
          {merges.error.message}
        </Alert>
      ) : null}
      {merges.data?.data.length === 0 ? <EmptyState title="No merges">No records were merged yet.</EmptyState> : null}
      {merges.data !== undefined && merges.data.data.length > 0 ? (
        <Table.ScrollContainer minWidth={0}>
          <Table striped aria-label="Merges">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Kept</Table.Th>
                <Table.Th>Merged</Table.Th>
                <Table.Th>State</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {merges.data.data.map((merge) => (
                <Table.Tr key={merge.id}>
                  <Table.Td>
                    <Text size="sm">{new Date(merge.merged_at).toLocaleString()}</Text>
                    <Text size="xs" c="dimmed">{`${String(merge.moved_count)} references moved`}</Text>
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    <Anchor component={Link} to={`/${pluralOf(merge.entity)}/${encodeURIComponent(merge.survivor_id)}`}>
                      {`${merge.entity} ${merge.survivor_id}`}
                    </Anchor>
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    {merge.merged_ids.map((id) => (
                      <div key={id}>
                        <Anchor component={Link} to={`/${pluralOf(merge.entity)}/${encodeURIComponent(id)}`}>
                          {id}
                        </Anchor>
                      </div>
                    ))}
                  </Table.Td>
                  <Table.Td>
                    {merge.undone_at !== null ? <Badge color="gray">Undone</Badge> : null}
                    {merge.undoable ? (
                      <Button
                        size="xs"
                        variant="default"
                        loading={undo.isPending && undo.variables.id === merge.id}
                        aria-label={`Undo the merge into ${merge.survivor_id}`}
                        onClick={() => { undo.mutate(merge); }}
                      >
                        Undo
                      </Button>
                    ) : null}
                    {merge.undone_at === null && !merge.undoable ? <Badge color="gray">Final</Badge> : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}
