import { Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { RecordActionSlotProps } from '@/lib/recordSlots';

// Each part is loaded with the first record that shows it, so other pages carry none of it.
const SalesActions = lazy(async () => ({ default: (await import('./SalesActions')).SalesActions }));
const SalesPanels = lazy(async () => ({ default: (await import('./SalesPanels')).SalesPanels }));
const CustomerSalesPanels = lazy(async () => ({ default: (await import('./CustomerSalesPanels')).CustomerSalesPanels }));

const WITH_ACTIONS = new Set(['enquiry', 'enquiry_line', 'quotation', 'sales_order', 'invoice']);
const WITH_PANELS = new Set(['sales_order', 'invoice', 'payment']);

/** The conversions beside the title of an enquiry, its lines, a quotation, an order or an invoice. */
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

/** The customer's balance and sales chain on the Customer 360° page. */
export function CustomerSalesSlot(props: RecordActionSlotProps) {
  return (
    <Suspense fallback={<Loader size="sm" aria-label="Loading the balance" />}>
      <CustomerSalesPanels {...props} />
    </Suspense>
  );
}
