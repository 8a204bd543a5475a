import { Accordion, Badge, Paper, SimpleGrid, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';
import { priceSourceLabel } from '@/lib/pricing';
import { formatDecimal } from '@/ui/fields/values';
import { PriceExplanation } from '@/ui/PriceExplanation';
import { lineName, plainDecimal } from './lineForm';
import type { DocumentLine, Money } from './documentLines';

// Amounts are shown exactly as the server wrote them, aligned on their digits.
const amount: CSSProperties = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', textAlign: 'right' };

function money(value: Money | null | undefined): string {
  return value === null || value === undefined ? '' : formatDecimal(value.amount);
}

export function SourceBadge({ source, carried = false }: { source: string | null; carried?: boolean }) {
  if (source === null || source === '') return null;
  // A price carried over from the document before (the accepted quotation, the order) is
  // stored as typed, so it stays what the customer agreed to; it says where it came from.
  if (carried && source === 'manual_price') {
    return (
      <Badge variant="light" color="gray" size="sm">
        Carried over
      </Badge>
    );
  }
  return (
    <Badge variant="light" color={source === 'manual_price' ? 'orange' : 'teal'} size="sm">
      {priceSourceLabel(source)}
    </Badge>
  );
}

/** Whether a line was copied from a line of the document it was made from. */
function isCarried(line: DocumentLine): boolean {
  return [line.quotation_line_id, line.order_line_id].some((link) => typeof link === 'string' && link !== '');
}

interface LinesTableProps {
  lines: readonly DocumentLine[];
  label: string;
  /** Buttons at the end of a row (edit, remove) while the lines may change. */
  actions?: ((line: DocumentLine, number: string) => ReactNode) | undefined;
  /** The line being edited, marked so the form below is seen as belonging to it. */
  selected?: string | undefined;
}

/** A document's lines with their prices; the table scrolls inside itself on a phone, never the page. */
export function LinesTable({ lines, label, actions, selected }: LinesTableProps) {
  return (
    <Table.ScrollContainer minWidth={actions === undefined ? 640 : 760} type="native">
      <Table verticalSpacing="xs" aria-label={label} highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th style={{ width: 32 }}>#</Table.Th>
            <Table.Th>Product</Table.Th>
            <Table.Th style={amount}>Quantity</Table.Th>
            <Table.Th style={amount}>Unit price</Table.Th>
            <Table.Th style={amount}>Discount %</Table.Th>
            <Table.Th style={amount}>Net</Table.Th>
            <Table.Th style={amount}>Tax</Table.Th>
            <Table.Th style={amount}>Total</Table.Th>
            {actions === undefined ? null : (
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line, index) => {
            const number = String(index + 1);
            return (
              <Table.Tr key={line.id} {...(line.id === selected ? { bg: 'var(--mantine-color-blue-light)' } : {})}>
                <Table.Td c="dimmed">{number}</Table.Td>
                <Table.Td>
                  <Stack gap={2} align="flex-start">
                    <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                      {lineName(line)}
                    </Text>
                    <SourceBadge source={line.price_source} carried={isCarried(line)} />
                  </Stack>
                </Table.Td>
                <Table.Td style={amount}>{formatDecimal(plainDecimal(line.quantity))}</Table.Td>
                <Table.Td style={amount}>{money(line.unit_price)}</Table.Td>
                <Table.Td style={amount}>
                  {line.discount_percent === null ? '' : plainDecimal(line.discount_percent)}
                  {line.manual_discount === null ? null : (
                    <Text size="xs" c="dimmed">
                      {isCarried(line) ? 'carried' : 'typed'}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={amount}>{money(line.net_amount)}</Table.Td>
                <Table.Td style={amount}>
                  {money(line.tax_amount)}
                  {line.tax_rate === null ? null : (
                    <Text size="xs" c="dimmed">
                      {plainDecimal(line.tax_rate)}%
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={amount} fw={600}>
                  {money(line.line_total)}
                </Table.Td>
                {actions === undefined ? null : <Table.Td style={{ whiteSpace: 'nowrap' }}>{actions(line, number)}</Table.Td>}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Net, tax and total of a document (or a revision of it), as the server summed them. */
export function Totals({ net, tax, total, label = 'Totals' }: { net: unknown; tax: unknown; total: unknown; label?: string }) {
  const entries = [
    ['Net', net],
    ['Tax', tax],
    ['Total', total],
  ] as const;
  return (
    <SimpleGrid cols={3} spacing="xs" role="group" aria-label={label}>
      {entries.map(([name, value]) => {
        const sum = value !== null && typeof value === 'object' ? (value as Partial<Money>) : {};
        return (
          <Paper key={name} withBorder p="xs">
            {/* The currency beside the label: the amount keeps its line on a phone. */}
            <Text size="xs" c="dimmed">
              {name}
              {sum.currency === undefined ? '' : ` (${sum.currency})`}
            </Text>
            <Text fw={name === 'Total' ? 700 : 500} style={{ fontVariantNumeric: 'tabular-nums', overflowWrap: 'anywhere' }}>
              {formatDecimal(sum.amount ?? '0.00')}
            </Text>
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}

/** How each saved line was priced, one section per line, closed until asked for. */
export function LineExplanations({ lines }: { lines: readonly DocumentLine[] }) {
  const explained = lines.filter((line) => (line.pricing_explanation ?? []).length > 0);
  if (explained.length === 0) return null;
  return (
    <Accordion multiple variant="separated" chevronPosition="left">
      {lines.map((line, index) => {
        const number = String(index + 1);
        const steps = line.pricing_explanation ?? [];
        if (steps.length === 0) return null;
        return (
          <Accordion.Item key={line.id} value={line.id}>
            <Accordion.Control>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                How line {number} was priced: {lineName(line)}
              </Text>
            </Accordion.Control>
            <Accordion.Panel>
              <PriceExplanation steps={steps} label={`How line ${number} was priced`} />
            </Accordion.Panel>
          </Accordion.Item>
        );
      })}
    </Accordion>
  );
}
