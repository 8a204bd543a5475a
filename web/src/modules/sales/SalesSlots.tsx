import { Loader, Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { RecordActionSlotProps } from '@/lib/recordSlots';

// Each part is loaded with the first record that shows it, so other pages carry none of it.
const SalesActions = lazy(async () => ({ default: (await import('./SalesActions')).SalesActions }));
const SalesPanels = lazy(async () => ({ default: (await import('./SalesPanels')).SalesPanels }));
const CustomerSalesPanels = lazy(async () => ({ default: (await import('./CustomerSalesPanels')).CustomerSalesPanels }));

const WITH_ACTIONS = new Set(['enquiry', 'enquiry_line', 'quotation', 'sales_order', 'delivery', 'invoice']);
const WITH_PANELS = new Set(['sales_order', 'invoice', 'payment']);

/** The conversions beside the title of an enquiry, its lines, a quotation, an order, a delivery or an invoice. */
export function SalesActionSlot(props: RecordActionSlotProps) {
  if (!WITH_ACTIONS.has(props.entity.name)) return null;
  return (
    <Suspense fallback={null}>
      <SalesActions {...props} />
    </Suspense>
  );
}

/** An order's lines and checklist, an invoice's lines and payments, a payment's allocations. */
export function SalesPanelSlot(props: RecordActionSlotProps) {
  if (!WITH_PANELS.has(props.entity.name)) return null;
  return (
    <Suspense fallback={<Loader size="sm" aria-label="Loading the lines" />}>
      <SalesPanels {...props} />
    </Suspense>
  );
}

function Placeholder({ title }: { title: string }) {
  return (
    <Paper withBorder p="sm" component="section" aria-label={title}>
      <Title order={2} size="h5" mb="xs">
        {title}
      </Title>
      <Loader size="xs" aria-label={`Loading ${title.toLowerCase()}`} />
    </Paper>
  );
}

/** The panels' places while their code loads, so the page does not jump when they arrive. */
function CustomerSalesPlaceholders() {
  return (
    <Stack gap="md">
      <Placeholder title="Balance" />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {['Enquiries', 'Quotations', 'Orders', 'Invoices'].map((title) => (
          <Placeholder key={title} title={title} />
        ))}
      </SimpleGrid>
      <Placeholder title="Sales chain" />
    </Stack>
  );
}

/** The customer's balance, latest documents and sales chain on the Customer 360° page. */
export function CustomerSalesSlot(props: RecordActionSlotProps) {
  return (
    <Suspense fallback={<CustomerSalesPlaceholders />}>
      <CustomerSalesPanels {...props} />
    </Suspense>
  );
}
