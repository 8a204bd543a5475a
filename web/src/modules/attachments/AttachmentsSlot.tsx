import { Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useMetadata } from '@/lib/metadata';
import type { RecordActionSlotProps } from '@/lib/recordSlots';

// Loaded with the first record page that has attachments, so the other pages carry none of it.
const AttachmentsPanel = lazy(async () => ({ default: (await import('./AttachmentsPanel')).AttachmentsPanel }));

/** The attachments of any record the attachment's `parent` field may point at (as the metadata says). */
export function AttachmentsSlot({ entity, record }: RecordActionSlotProps) {
  const metadata = useMetadata();
  const attachment = metadata.data?.entities.find((candidate) => candidate.name === 'attachment');
  const parent = attachment?.fields.find((field) => field.type === 'parent');
  if (attachment === undefined || !(parent?.entities ?? []).includes(entity.name)) return null;
  return (
    <Suspense fallback={<Loader size="sm" aria-label="Loading the attachments" />}>
      <AttachmentsPanel entity={entity} record={record} attachment={attachment} />
    </Suspense>
  );
}
