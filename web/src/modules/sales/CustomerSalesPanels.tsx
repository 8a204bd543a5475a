import { Alert, Anchor, Badge, Group, Loader, Paper, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { quote } from '@/lib/filter';
import { useMetadata } from '@/lib/metadata';
import type { RecordActionSlotProps } from '@/lib/recordSlots';
import { listRecords } from '@/lib/records';
import { EmptyState } from '@/ui/EmptyState';
import { asObject, asText, formatDate, formatDateTime, formatDecimal } from '@/ui/fields/values';
import { BUCKETS, isZero } from './buckets';
import { chainTimeline } from './chain';
import { spokenSince } from './duration';
import { type CurrencyBalance, fetchBalance, fetchChain } from './salesApi';

/** The customer's balance and the chains of their documents, on the Customer 360° page. */
export function CustomerSalesPanels({ record }: RecordActionSlotProps) {
  return (
    <Stack gap="md">
      <BalancePanel accountId={record.id} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {DOCUMENT_KINDS.map((kind) => (
          <LatestDocuments key={kind.entity} entity={kind.entity} accountId={record.id} />
        ))}
      </SimpleGrid>
      <ChainPanel accountId={record.id} />
    </Stack>
  );
}

// The customer's documents, newest first: the few a person looks for without opening a list.
const DOCUMENT_KINDS = [{ entity: 'enquiry' }, { entity: 'quotation' }, { entity: 'sales_order' }, { entity: 'invoice' }] as const;
const LATEST_LIMIT = 5;

function LatestDocuments({ entity, accountId }: { entity: string; accountId: string }) {
  const metadata = useMetadata();
  const definition = metadata.data?.entities.find((candidate) => candidate.name === entity);
  const plural = definition?.plural ?? '';
  const latest = useQuery({
    queryKey: ['records', plural, 'of-account', accountId],
    queryFn: ({ signal }) =>
      listRecords(plural, { filter: `account_id eq ${quote(accountId)}`, sort: '-created_at', limit: LATEST_LIMIT, count: true }, signal),
    enabled: plural !== '',
  });
  if (definition === undefined) return null;
  const statuses = definition.fields.find((field) => field.name === 'status')?.values ?? [];
  const rows = latest.data?.data ?? [];
  const total = latest.data?.total ?? rows.length;
  const listHref = `/${encodeURIComponent(plural)}?filter=${encodeURIComponent(`account_id eq ${quote(accountId)}`)}`;
  return (
    <Paper withBorder p="sm" component="section" aria-label={definition.label_plural}>
      <Group justify="space-between" gap="xs" mb="xs" align="baseline">
        <Title order={2} size="h5">
          {definition.label_plural}
          {latest.data === undefined ? '' : ` (${String(total)})`}
        </Title>
        {total > rows.length ? (
          <Anchor component={Link} to={listHref} size="xs">
            All {String(total)}
          </Anchor>
        ) : null}
      </Group>
      {latest.isPending ? (
        <Loader size="xs" aria-label={`Loading ${definition.label_plural.toLowerCase()}`} />
      ) : latest.isError ? (
        <Text size="sm" c="red.8">
          {latest.error.message}
        </Text>
      ) : rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          None yet.
        </Text>
      ) : (
        <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }}>
          {rows.map((row) => {
            const status = asText(row.status);
            const sum = asObject(row.total);
            return (
              <Group key={row.id} component="li" gap={6} wrap="wrap" justify="space-between">
                <Group gap={6} wrap="wrap" style={{ minWidth: 0 }}>
                  <Anchor component={Link} to={`/${encodeURIComponent(plural)}/${encodeURIComponent(row.id)}`} size="sm" fw={600}>
                    {asText(row.number) || row.id}
                  </Anchor>
                  {status === '' ? null : (
                    <Badge size="xs" variant="light" color="gray">
                      {statuses.find((choice) => choice.key === status)?.label ?? status}
                    </Badge>
                  )}
                </Group>
                {asText(sum.amount) === '' ? null : (
                  <Text size="sm" style={amount}>
                    {formatDecimal(asText(sum.amount))} {asText(sum.currency)}
                  </Text>
                )}
              </Group>
            );
          })}
        </Stack>
      )}
    </Paper>
  );
}

const amount = { fontVariantNumeric: 'tabular-nums', overflowWrap: 'anywhere' } as const;

function Figure({ label, value, strong = false }: { label: string; value: string | undefined; strong?: boolean }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Text component="dt" size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fw={strong ? 700 : 500} {...(isZero(value) && !strong ? { c: 'dimmed' } : {})} style={amount}>
        {formatDecimal(value ?? '0.00')}
      </Text>
    </div>
  );
}

function CurrencyCard({ currency, sums }: { currency: string; sums: CurrencyBalance }) {
  return (
    <Paper withBorder p="sm" component="section" aria-label={`Balance in ${currency}`}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" align="baseline">
          <Text fw={600}>{currency}</Text>
          <Text size="xs" c="dimmed">
            {sums.balance?.startsWith('-') === true ? 'in the customer’s favour' : ''}
          </Text>
        </Group>
        <SimpleGrid component="dl" m={0} cols={{ base: 2, xs: 3, md: 6 }} spacing="sm" verticalSpacing="xs">
          <Figure label="Balance" value={sums.balance} strong />
          <Figure label="Open" value={sums.open} />
          <Figure label="Overdue" value={sums.overdue} />
          <Figure label="Invoiced" value={sums.invoiced} />
          <Figure label="Credited" value={sums.credited} />
          <Figure label="Paid" value={sums.paid} />
        </SimpleGrid>
        <Text size="xs" c="dimmed" fw={600} tt="uppercase">
          Open by age
        </Text>
        <SimpleGrid component="dl" m={0} cols={{ base: 2, xs: 3, md: 5 }} spacing="sm" verticalSpacing="xs" aria-label={`Ageing in ${currency}`}>
          {BUCKETS.map(([key, label]) => (
            <Figure key={key} label={label} value={sums[key]} />
          ))}
        </SimpleGrid>
        {isZero(sums.unallocated) ? null : (
          <Text size="sm" c="dimmed">
            {formatDecimal(sums.unallocated ?? '')} {currency} received and not yet allocated to an invoice.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function BalancePanel({ accountId }: { accountId: string }) {
  const balance = useQuery({
    queryKey: ['records', 'accounts', 'balance', accountId],
    queryFn: ({ signal }) => fetchBalance(accountId, signal),
  });
  const currencies = Object.entries(balance.data?.currencies ?? {});
  return (
    <Paper withBorder p="md" component="section" aria-label="Balance">
      <Group justify="space-between" gap="xs" mb="sm" align="baseline">
        <Title order={2} size="h4">
          Balance
        </Title>
        {balance.data === undefined ? null : (
          <Text size="xs" c="dimmed">
            as of {formatDate(balance.data.as_of)}
          </Text>
        )}
      </Group>
      {balance.isPending ? (
        <Loader size="sm" aria-label="Loading the balance" />
      ) : balance.isError ? (
        <Alert color="red" variant="light">
          {balance.error.message}
        </Alert>
      ) : currencies.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing invoiced or paid yet.
        </Text>
      ) : (
        <Stack gap="sm">
          {currencies.map(([currency, sums]) => (
            <CurrencyCard key={currency} currency={currency} sums={sums} />
          ))}
        </Stack>
      )}
    </Paper>
  );
}

const KIND_COLORS: Record<string, string> = {
  enquiry: 'grape',
  quotation: 'blue',
  quotation_revision: 'indigo',
  order: 'teal',
  delivery: 'cyan',
  invoice: 'orange',
  credit_note: 'red',
  payment: 'green',
};

function ChainPanel({ accountId }: { accountId: string }) {
  const chain = useQuery({
    queryKey: ['records', 'accounts', 'chain', accountId],
    queryFn: ({ signal }) => fetchChain(accountId, signal),
  });
  const chains = chainTimeline(chain.data?.chains ?? []);
  return (
    <Paper withBorder p="md" component="section" aria-label="Sales chain">
      <Title order={2} size="h4" mb="sm">
        Sales chain
      </Title>
      {chain.isPending ? (
        <Loader size="sm" aria-label="Loading the sales chain" />
      ) : chain.isError ? (
        <Alert color="red" variant="light">
          {chain.error.message}
        </Alert>
      ) : chains.length === 0 ? (
        <EmptyState title="No documents yet">Enquiries, quotations, orders, invoices and payments appear here in order.</EmptyState>
      ) : (
        <Stack gap="md">
          {chains.map((entry) => (
            <Stack key={entry.key} gap="xs" component="section" aria-label={`Chain from ${entry.title}`}>
              <Group gap="xs" align="baseline">
                <Title order={3} size="h5" style={{ overflowWrap: 'anywhere' }}>
                  {entry.title}
                </Title>
                {entry.span === '' ? null : (
                  <Text size="xs" c="dimmed">
                    {entry.span} from first to last step
                  </Text>
                )}
              </Group>
              <Timeline bulletSize={14} lineWidth={2} active={entry.steps.length - 1} aria-label={`Steps of ${entry.title}`} component="ol" styles={{ root: { listStyle: 'none', margin: 0 } }}>
                {entry.steps.map((step) => (
                  <Timeline.Item
                    key={step.key}
                    component="li"
                    color={KIND_COLORS[step.kind] ?? 'gray'}
                    title={
                      step.href === undefined ? (
                        step.label
                      ) : (
                        <Anchor component={Link} to={step.href} size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                          {step.label}
                        </Anchor>
                      )
                    }
                  >
                    <Group gap={6} wrap="wrap">
                      <Badge size="xs" variant="light" color={KIND_COLORS[step.kind] ?? 'gray'}>
                        {step.kindLabel}
                      </Badge>
                      {step.status === '' ? null : (
                        <Badge size="xs" variant="outline" color="gray">
                          {step.status.replace(/_/g, ' ')}
                        </Badge>
                      )}
                      <Text size="xs" c="dimmed">
                        {formatDateTime(step.at)}
                      </Text>
                      {step.since === '' ? null : (
                        <Text size="xs" fw={600} c="blue.8" title={spokenSince(step.seconds)} aria-label={spokenSince(step.seconds)}>
                          {step.since}
                        </Text>
                      )}
                    </Group>
                  </Timeline.Item>
                ))}
              </Timeline>
            </Stack>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
