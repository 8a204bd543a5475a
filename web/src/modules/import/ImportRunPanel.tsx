import { Alert, Anchor, Button, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { cancelImport, errorReportUrl, getImport, type ImportRun } from './importApi';
import { progressPercent } from './mapping';

const FINISHED = new Set(['done', 'failed', 'cancelled']);

/** A running or finished import: live progress, counts, row errors, report and cancel. */
export function ImportRunPanel({ run, onFinished }: { run: ImportRun; onFinished?: (run: ImportRun) => void }) {
  const queryClient = useQueryClient();
  const current = useQuery({
    queryKey: ['imports', run.id],
    queryFn: async ({ signal }) => {
      const answer = await getImport(run.id, signal);
      if (FINISHED.has(answer.status)) onFinished?.(answer);
      return answer;
    },
    initialData: run,
    refetchInterval: (query) => (FINISHED.has(query.state.data?.status ?? '') ? false : 500),
  });
  const cancel = useMutation({
    mutationFn: () => cancelImport(run.id),
    onSuccess: (answer) => {
      queryClient.setQueryData(['imports', run.id], answer);
    },
  });
  const shown = current.data;
  const finished = FINISHED.has(shown.status);
  const what = shown.dry_run ? 'Dry run' : 'Import';
  return (
    <Stack gap="sm" data-testid={shown.dry_run ? 'dry-run' : 'import-run'}>
      <Text fw={500} role="status" aria-live="polite">
        {`${what}: ${shown.status}`} — {`${String(shown.rows_done)} of ${shown.rows_total === null ? '?' : String(shown.rows_total)} rows`}
      </Text>
      <Progress value={progressPercent(shown)} aria-label={`${what} progress`} color={shown.rows_failed > 0 ? 'orange' : 'blue'} />
      <Text size="sm">
        {shown.dry_run ? 'Would create' : 'Created'} {shown.created}, {shown.dry_run ? 'would update' : 'updated'} {shown.updated}, skipped{' '}
        {shown.skipped}, failed {shown.rows_failed}.
      </Text>
      {shown.message === null ? null : <Alert color="red">{shown.message}</Alert>}
      {shown.errors.length === 0 ? null : (
        <Table aria-label={`${what} errors`} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Row</Table.Th>
              <Table.Th>Error</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.errors.map((error) => (
              <Table.Tr key={error.row}>
                <Table.Td>{error.row}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{error.error}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group gap="sm">
        {shown.rows_failed > 0 ? (
          <Anchor href={errorReportUrl(shown.id)} download>
            Download the error report
          </Anchor>
        ) : null}
        {finished ? null : (
          <Button variant="default" color="red" loading={cancel.isPending} onClick={() => { cancel.mutate(); }}>
            Cancel
          </Button>
        )}
      </Group>
      {cancel.isError ? <Alert color="red">{cancel.error.message}</Alert> : null}
    </Stack>
  );
}
