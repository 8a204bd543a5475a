import { lazy, Suspense } from 'react';
import { useMetadata } from '@/lib/metadata';
import type { RecordActionSlotProps } from '@/lib/recordSlots';

// Loaded with the first quotation or invoice opened, so other pages carry none of it.
const DocumentActions = lazy(async () => ({ default: (await import('./DocumentActions')).DocumentActions }));

const PRINTED = new Set(['quotation', 'invoice']);

/**
 * Save PDF and E-mail to customer beside a quotation's or an invoice's title, for users who
 * may add attachments (both keep the PDF as one); not on archived documents.
 */
export function DocumentActionSlot(props: RecordActionSlotProps) {
  const metadata = useMetadata();
  const attachment = metadata.data?.entities.find((candidate) => candidate.name === 'attachment');
  const archived = props.record.archived_at !== null && props.record.archived_at !== undefined;
  if (!PRINTED.has(props.entity.name) || attachment?.rights.create !== true || archived) return null;
  return (
    <Suspense fallback={null}>
      <DocumentActions {...props} />
    </Suspense>
  );
}
