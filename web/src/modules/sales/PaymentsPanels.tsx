import { Alert, Card, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { CSSProperties } from 'react';
import { useMetadata } from '@/lib/metadata';
import { listRelated, type EntityRecord } from '@/lib/records';
import { EmptyState } from '@/ui/EmptyState';
import { LinkedRecord } from '@/ui/fields/LinkFields';
import { asObject, asText, formatDate, formatDecimal } from '@/ui/fields/values';
import { isPositiveDecimal } from './decimal';
import { RecordPaymentDialog } from './RecordPaymentDialog';

// A payment settles a few invoices, an invoice takes a few payments: far below this.
const ALLOCATION_LIMIT = 200;
const amountStyle: CSSProperties = { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' };

/** The amount of a money value, or an empty text. */
function moneyAmount(value: unknown): string {
  return asText(asObject(value).amount);
}

function moneyCurrency(value: unknown): string {
  return asText(asObject(value).currency);
}

/** Labelled amounts side by side; the currency beside the label keeps each amount on one line on a phone. */
function Amounts({ label, entries }: { label: string; entries: [string, unknown][] }) {
  return (
    <SimpleGrid cols={entries.length} spacing="xs" role="group" aria-label={label}>
      {entries.map(([name, value]) => {
        const currency = moneyCurrency(value);
        return (
          <Paper key={name} withBorder p="xs">
            <Text size="xs" c="dimmed">
              {name}
              {currency === '' ? '' : ` (${currency})`}
            </Text>
            <Text fw={600} style={{ fontVariantNumeric: 'tabular-nums', overflowWrap: 'anywhere' }}>
              {formatDecimal(moneyAmount(value) === '' ? '0.00' : moneyAmount(value))}
            </Text>
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}

function useAllocations(plural: string, record: EntityRecord) {
  return useQuery({
    // The record's version is in the key: an allocation moves its settled amounts.
    queryKey: ['records', 'payment_allocations', 'of', plural, record.id, record.version],
    queryFn: ({ signal }) =>
      listRelated(plural, record.id, 'payment_allocations', { sort: 'created_at', limit: ALLOCATION_LIMIT }, signal),
  });
}

/** An invoice's payments: what is settled and open, each allocation, and "Record payment" while something is open. */
export function InvoicePaymentsPanel({ invoice }: { invoice: EntityRecord }) {
  const metadata = useMetadata();
  const payment = metadata.data?.entities.find((entity) => entity.name === 'payment');
  const allocations = useAllocations('invoices', invoice);
  const status = asText(invoice.status);
  const payable = (status === 'issued' || status === 'partly_paid') && isPositiveDecimal(moneyAmount(invoice.open_amount));
  const list = allocations.data?.data ?? [];

  return (
    <Card withBorder padding="sm" component="section" aria-label="Payments">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4">
            Payments
          </Title>
          {payable && payment !== undefined ? <RecordPaymentDialog invoice={invoice} paymentEntity={payment} /> : null}
        </Group>
        {status === 'draft' ? (
          <Text size="sm" c="dimmed">
            A draft takes no payment: issue it first.
          </Text>
        ) : null}
        <Amounts
          label="Settlement"
          entries={[
            ['Total', invoice.total],
            ['Settled', invoice.settled_amount],
            ['Open', invoice.open_amount],
          ]}
        />
        {allocations.isError ? (
          <Alert color="red" variant="light" title="The payments could not be loaded">
            {allocations.error.message}
          </Alert>
        ) : allocations.isPending ? null : list.length === 0 ? (
          <EmptyState title="No payments yet" />
        ) : (
          <AllocationTable rows={list} column="payment_id" header="Payment" target={payment} label="Payments of this invoice" />
        )}
      </Stack>
    </Card>
  );
}

/** A payment's allocations: which invoices it settles and what is left to allocate. */
export function AllocationsPanel({ payment }: { payment: EntityRecord }) {
  const metadata = useMetadata();
  const invoice = metadata.data?.entities.find((entity) => entity.name === 'invoice');
  const allocations = useAllocations('payments', payment);
  const list = allocations.data?.data ?? [];
  return (
    <Card withBorder padding="sm" component="section" aria-label="Allocations">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Allocations
        </Title>
        <Amounts
          label="Allocated"
          entries={[
            ['Amount', payment.amount],
            ['Allocated', payment.allocated_amount],
            ['Unallocated', payment.unallocated_amount],
          ]}
        />
        {allocations.isError ? (
          <Alert color="red" variant="light" title="The allocations could not be loaded">
            {allocations.error.message}
          </Alert>
        ) : allocations.isPending ? null : list.length === 0 ? (
          <EmptyState title="Not allocated yet">Record it from an issued invoice&apos;s Payments panel.</EmptyState>
        ) : (
          <AllocationTable rows={list} column="invoice_id" header="Invoice" target={invoice} label="Invoices this payment settles" />
        )}
      </Stack>
    </Card>
  );
}

function AllocationTable({
  rows,
  column,
  header,
  target,
  label,
}: {
  rows: EntityRecord[];
  column: 'payment_id' | 'invoice_id';
  header: string;
  target: Parameters<typeof LinkedRecord>[0]['target'];
  label: string;
}) {
  return (
    <Table.ScrollContainer minWidth={300} type="native">
      <Table verticalSpacing="xs" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{header}</Table.Th>
            <Table.Th>Allocated on</Table.Th>
            <Table.Th style={amountStyle}>Amount</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Td>
                <LinkedRecord target={target} id={asText(row[column])} />
              </Table.Td>
              <Table.Td>{formatDate(row.created_at)}</Table.Td>
              <Table.Td style={amountStyle}>
                {formatDecimal(moneyAmount(row.amount))} {moneyCurrency(row.amount)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
