import { Alert, Button, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconCash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { isApiError } from '@/lib/api';
import { quote } from '@/lib/filter';
import type { EntityDefinition } from '@/lib/metadata';
import { createRecord, type EntityRecord, listRecords } from '@/lib/records';
import { asObject, asText, formatDecimal } from '@/ui/fields/values';
import { isPositiveDecimal, smallerDecimal } from './decimal';
import { plainError } from './errors';

type Source = 'new' | 'existing';

interface Draft {
  source: Source;
  amount: string;
  date: string;
  method: string | null;
  reference: string;
  payment: string | null;
}

function amountOf(value: unknown): string {
  return asText(asObject(value).amount);
}

function today(): string {
  const now = new Date();
  const pad = (part: number) => String(part).padStart(2, '0');
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Records money received for this invoice: a new payment from its customer allocated to it
 * (what is paid beyond the open amount stays unallocated, in the customer's favour), or an
 * allocation from a payment received before that still has money left.
 */
export function RecordPaymentDialog({ invoice, paymentEntity }: { invoice: EntityRecord; paymentEntity: EntityDefinition }) {
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const open = amountOf(invoice.open_amount);
  const currency = asText(asObject(invoice.total).currency) || asText(invoice.currency);
  const account = asText(invoice.account_id);
  const methods = paymentEntity.fields.find((field) => field.name === 'method')?.values ?? [];
  const fresh = (): Draft => ({
    source: 'new',
    amount: open,
    date: today(),
    method: methods[0]?.key ?? null,
    reference: '',
    payment: null,
  });
  const [draft, setDraft] = useState<Draft>(fresh);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const earlier = useQuery({
    queryKey: ['records', 'payments', 'unallocated', account],
    queryFn: ({ signal }) =>
      listRecords(
        'payments',
        { filter: `account_id eq ${quote(account)} and unallocated_amount gt 0`, sort: '-payment_date', limit: 50 },
        signal,
      ),
    enabled: opened && account !== '',
  });
  const candidates = (earlier.data?.data ?? []).filter((payment) => asText(asObject(payment.amount).currency) === currency);
  const chosen = candidates.find((payment) => payment.id === draft.payment);

  const record = useMutation({
    mutationFn: async (current: Draft) => {
      const amount = current.amount.trim().replace(',', '.');
      if (current.source === 'new') {
        // The payment and its allocation in one request: saved together or not at all.
        // Beyond what the invoice owes, the money stays on the payment for later invoices.
        await createRecord('payments', {
          account_id: account,
          payment_date: current.date,
          amount: { amount, currency },
          method: current.method,
          ...(current.reference.trim() === '' ? {} : { reference: current.reference.trim() }),
          lines: [{ invoice_id: invoice.id, amount: { amount: smallerDecimal(amount, open), currency } }],
        });
        return;
      }
      await createRecord('payment_allocations', {
        payment_id: current.payment ?? '',
        invoice_id: invoice.id,
        amount: { amount, currency },
      });
    },
    onSuccess: async () => {
      setOpened(false);
      await queryClient.invalidateQueries({ queryKey: ['records'] });
    },
    onError: (error) => {
      // The allocation's problems (lines[0].amount) belong to the dialog's own fields.
      if (isApiError(error)) {
        setProblems(Object.fromEntries(error.fields.map((entry) => [entry.field.replace(/^lines\[0\]\./, ''), entry.message])));
      }
    },
  });

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!isPositiveDecimal(draft.amount)) found.amount = 'Enter an amount above 0.';
    if (draft.source === 'new' && draft.date === '') found.payment_date = 'Enter the date it was received.';
    if (draft.source === 'existing' && draft.payment === null) found.payment_id = 'Choose a payment.';
    setProblems(found);
    if (Object.keys(found).length === 0) record.mutate(draft);
  };
  const set = (change: Partial<Draft>) => {
    setDraft({ ...draft, ...change });
  };

  return (
    <>
      <Button
        size="xs"
        leftSection={<IconCash size={16} aria-hidden="true" />}
        onClick={() => {
          setDraft(fresh());
          setProblems({});
          record.reset();
          setOpened(true);
        }}
      >
        Record payment
      </Button>
      <Modal
        opened={opened}
        onClose={() => {
          setOpened(false);
        }}
        title="Record payment"
      >
        <form onSubmit={submit} noValidate aria-label="Record payment">
          <Stack gap="sm">
            <Text size="sm">
              Open on this invoice: <b>{formatDecimal(open)} {currency}</b>
            </Text>
            {candidates.length === 0 ? null : (
              <SegmentedControl
                aria-label="Where the money comes from"
                fullWidth
                value={draft.source}
                onChange={(value) => {
                  const source = value === 'existing' ? 'existing' : 'new';
                  set({ source, payment: null, amount: open });
                }}
                data={[
                  { value: 'new', label: 'New payment' },
                  { value: 'existing', label: 'Received before' },
                ]}
              />
            )}
            {draft.source === 'existing' ? (
              <Select
                label="Payment"
                required
                data={candidates.map((payment) => ({
                  value: payment.id,
                  label: `${asText(payment.reference) || asText(payment.payment_date)}: ${formatDecimal(amountOf(payment.unallocated_amount))} ${currency} left`,
                }))}
                value={draft.payment}
                error={problems.payment_id}
                comboboxProps={{ withinPortal: true }}
                onChange={(value) => {
                  const payment = candidates.find((candidate) => candidate.id === value);
                  set({ payment: value, amount: payment === undefined ? open : smallerDecimal(amountOf(payment.unallocated_amount), open) });
                }}
              />
            ) : null}
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
              <TextInput
                label={draft.source === 'new' ? `Amount received (${currency})` : `Amount to allocate (${currency})`}
                required
                inputMode="decimal"
                autoComplete="off"
                value={draft.amount}
                error={problems.amount}
                description={
                  draft.source === 'existing' && chosen !== undefined
                    ? `At most ${formatDecimal(smallerDecimal(amountOf(chosen.unallocated_amount), open))}`
                    : undefined
                }
                onChange={(event) => {
                  set({ amount: event.currentTarget.value });
                }}
              />
              {draft.source === 'new' ? (
                <TextInput
                  label="Received on"
                  type="date"
                  required
                  value={draft.date}
                  error={problems.payment_date}
                  onChange={(event) => {
                    set({ date: event.currentTarget.value });
                  }}
                />
              ) : null}
            </SimpleGrid>
            {draft.source === 'new' ? (
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
                <Select
                  label="Method"
                  data={methods.map((choice) => ({ value: choice.key, label: choice.label }))}
                  value={draft.method}
                  error={problems.method}
                  allowDeselect={false}
                  comboboxProps={{ withinPortal: true }}
                  onChange={(value) => {
                    set({ method: value });
                  }}
                />
                <TextInput
                  label="Reference"
                  placeholder="e.g. the bank's reference"
                  value={draft.reference}
                  error={problems.reference}
                  onChange={(event) => {
                    set({ reference: event.currentTarget.value });
                  }}
                />
              </SimpleGrid>
            ) : null}
            {record.isError ? (
              <Alert color="red" variant="light" title="Not recorded" role="alert">
                {plainError(record.error)}
              </Alert>
            ) : null}
            <Group justify="flex-end" gap="xs">
              <Button
                variant="default"
                onClick={() => {
                  setOpened(false);
                }}
              >
                Cancel
              </Button>
              <Button type="submit" loading={record.isPending}>
                Record payment
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
