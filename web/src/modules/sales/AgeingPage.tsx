import { Alert, Anchor, Loader, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { CSSProperties } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '@/ui/EmptyState';
import { formatDate, formatDecimal } from '@/ui/fields/values';
import { PageHeader } from '@/ui/PageHeader';
import { BUCKETS, isZero } from './buckets';
import { type Buckets, fetchAgeing } from './salesApi';

const amount: CSSProperties = { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' };

function Amount({ value, strong = false }: { value: string | undefined; strong?: boolean }) {
  return (
    <Table.Td style={amount} {...(strong ? { fw: 700 } : {})} {...(isZero(value) ? { c: 'dimmed' } : {})}>
      {formatDecimal(value ?? '0.00')}
    </Table.Td>
  );
}

function AmountCells({ sums }: { sums: Buckets }) {
  return (
    <>
      <Amount value={sums.open} strong />
      <Amount value={sums.overdue} />
      {BUCKETS.map(([key]) => (
        <Amount key={key} value={sums[key]} />
      ))}
    </>
  );
}

/** `/reports/ageing`: every customer with open invoices, what is overdue and by how long. */
export function AgeingPage() {
  const report = useQuery({ queryKey: ['records', 'reports', 'ageing'], queryFn: ({ signal }) => fetchAgeing(signal) });
  const rows = (report.data?.data ?? [])
    .flatMap((row) => Object.entries(row.currencies).map(([currency, sums]) => ({ row, currency, sums })))
    // The most overdue first: they are the ones to call.
    .sort((left, right) => Number(right.sums.overdue ?? 0) - Number(left.sums.overdue ?? 0) || left.row.account_name.localeCompare(right.row.account_name));
  const totals = Object.entries(report.data?.totals ?? {});

  return (
    <Stack gap="md">
      <PageHeader title="Ageing" />
      <Text size="sm" c="dimmed">
        Open invoices by customer and by how long they are overdue
        {report.data === undefined ? '' : `, as of ${formatDate(report.data.as_of)}`}.
      </Text>
      {report.data?.truncated === true ? (
        <Alert color="orange" variant="light">
          There are more invoices than one report reads: the sums are incomplete.
        </Alert>
      ) : null}
      {report.isPending ? (
        <Loader size="sm" aria-label="Loading the report" />
      ) : report.isError ? (
        <Alert color="red" variant="light" title="The report could not be loaded">
          {report.error.message}
        </Alert>
      ) : rows.length === 0 ? (
        <EmptyState title="Nothing open">No customer owes anything on an issued invoice.</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={900} type="native">
          <Table verticalSpacing="xs" striped highlightOnHover aria-label="Ageing by customer">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Customer</Table.Th>
                <Table.Th style={amount}>Invoices</Table.Th>
                <Table.Th>Currency</Table.Th>
                <Table.Th style={amount}>Open</Table.Th>
                <Table.Th style={amount}>Overdue</Table.Th>
                {BUCKETS.map(([key, label]) => (
                  <Table.Th key={key} style={amount}>
                    {label}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ row, currency, sums }) => (
                <Table.Tr key={`${row.account_id}:${currency}`}>
                  <Table.Td>
                    <Anchor component={Link} to={`/accounts/${encodeURIComponent(row.account_id)}/360`} size="sm">
                      {row.account_name === '' ? row.account_id : row.account_name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td style={amount}>{row.invoices}</Table.Td>
                  <Table.Td>{currency}</Table.Td>
                  <AmountCells sums={sums} />
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              {totals.map(([currency, sums]) => (
                <Table.Tr key={currency} fw={700}>
                  <Table.Th scope="row">Total</Table.Th>
                  <Table.Td />
                  <Table.Td>{currency}</Table.Td>
                  <AmountCells sums={sums} />
                </Table.Tr>
              ))}
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
