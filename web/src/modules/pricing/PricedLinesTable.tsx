import { Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { CSSProperties } from 'react';
import { PriceExplanation } from '@/ui/PriceExplanation';
import { priceSourceLabel, type PricedLine, type Quote } from './pricingApi';

// Amounts are shown exactly as the server wrote them, aligned on their digits.
const amount: CSSProperties = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', textAlign: 'right' };

function SourceBadge({ line }: { line: PricedLine }) {
  return (
    <Badge variant="light" color={line.price_source === 'manual_price' ? 'orange' : 'teal'} size="sm">
      {priceSourceLabel(line.price_source)}
    </Badge>
  );
}

/** A quote's lines with their amounts and totals, then how each line was priced. */
export function PricedLinesTable({ quote }: { quote: Quote }) {
  const { currency } = quote;
  return (
    <Stack gap="md">
      {/* Outside the table, whose caption would scroll away with it on a phone. */}
      <Text size="sm" c="dimmed">
        Amounts in {currency}, priced for {quote.date}.
      </Text>
      <SimpleGrid cols={3} spacing="xs" role="group" aria-label="Totals">
        {(
          [
            ['Net', quote.totals.net_amount],
            ['Tax', quote.totals.tax_amount],
            ['Total', quote.totals.total],
          ] as const
        ).map(([label, value]) => (
          <Paper key={label} withBorder p="xs">
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text fw={label === 'Total' ? 700 : 500} style={{ fontVariantNumeric: 'tabular-nums', overflowWrap: 'anywhere' }}>
              {value}{' '}
              <Text span size="xs" c="dimmed" fw={400}>
                {currency}
              </Text>
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Table.ScrollContainer minWidth={680} type="native">
        <Table verticalSpacing="xs" aria-label="Priced lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Product</Table.Th>
              <Table.Th style={amount}>Quantity</Table.Th>
              <Table.Th style={amount}>Unit price</Table.Th>
              <Table.Th style={amount}>Discount %</Table.Th>
              <Table.Th style={amount}>Net</Table.Th>
              <Table.Th style={amount}>Tax</Table.Th>
              <Table.Th style={amount}>Total</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {quote.lines.map((line, index) => (
              <Table.Tr key={`${String(index)}-${line.product}`}>
                <Table.Td>
                  <Stack gap={2} align="flex-start">
                    <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                      {line.product_name}
                    </Text>
                    <SourceBadge line={line} />
                  </Stack>
                </Table.Td>
                <Table.Td style={amount}>{line.quantity}</Table.Td>
                <Table.Td style={amount}>{line.unit_price}</Table.Td>
                <Table.Td style={amount}>{line.discount_percent}</Table.Td>
                <Table.Td style={amount}>{line.net_amount}</Table.Td>
                <Table.Td style={amount}>
                  {line.tax_amount}
                  <Text size="xs" c="dimmed">
                    {line.tax_rate}%
                  </Text>
                </Table.Td>
                <Table.Td style={amount} fw={600}>
                  {line.total}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th colSpan={4} scope="row">
                Total
              </Table.Th>
              <Table.Td style={amount}>{quote.totals.net_amount}</Table.Td>
              <Table.Td style={amount}>{quote.totals.tax_amount}</Table.Td>
              <Table.Td style={amount} fw={700}>
                {quote.totals.total}
              </Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
      <Title order={2} size="h4">
        How the prices were found
      </Title>
      {/* Below the table rather than inside it: the sentences stay readable on a phone
          while the amounts scroll sideways in their own container. */}
      <Stack gap="sm">
        {quote.lines.map((line, index) => {
          const number = String(index + 1);
          return (
            <Paper key={`${number}-${line.product}`} withBorder p="sm" component="section" aria-label={`Line ${number}: ${line.product_name}`}>
              <Stack gap="xs">
                <Group gap="xs" wrap="wrap">
                  <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                    Line {number}: {line.product_name}
                  </Text>
                  <SourceBadge line={line} />
                </Group>
                <PriceExplanation steps={line.explanation} label={`How line ${number} was priced`} />
              </Stack>
            </Paper>
          );
        })}
      </Stack>
    </Stack>
  );
}
