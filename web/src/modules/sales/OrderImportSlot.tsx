import { lazy, Suspense } from 'react';
import type { ListActionSlotProps } from '@/lib/recordSlots';

// Loaded with the order list, so other lists carry none of it.
const OrderImportDialog = lazy(async () => ({ default: (await import('./OrderImportDialog')).OrderImportDialog }));

/** "Import order file" on the order list, for users who may create orders. */
export function OrderImportSlot(props: ListActionSlotProps) {
  if (props.entity.name !== 'sales_order' || props.entity.rights.create !== true) return null;
  return (
    <Suspense fallback={null}>
      <OrderImportDialog {...props} />
    </Suspense>
  );
}
