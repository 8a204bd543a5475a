import { Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { RecordActionSlotProps } from '@/lib/recordSlots';

// Loaded with the first quotation opened, so the other record pages carry none of it.
const QuotationPanels = lazy(async () => ({ default: (await import('./QuotationPanels')).QuotationPanels }));

/** On a quotation's page only: its lines, revisions and PDF. */
export function QuotationSlot(props: RecordActionSlotProps) {
  if (props.entity.name !== 'quotation') return null;
  return (
    <Suspense fallback={<Loader size="sm" aria-label="Loading the lines" />}>
      <QuotationPanels {...props} />
    </Suspense>
  );
}
