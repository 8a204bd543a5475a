import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useMetadata } from '@/lib/metadata';
import type { RecordActionSlotProps } from '@/lib/recordSlots';
import { LineEditor } from '@/ui/lines/LineEditor';
import { PdfPreview } from './PdfPreview';
import { fetchRevisions, quotationKeys, quotationLines, type RevisionChoice } from './quotationsApi';
import { RevisionsPanel } from './RevisionsPanel';

/** A quotation's own parts on its record page: the line editor, its revisions and the PDF preview. */
export function QuotationPanels({ entity, record }: RecordActionSlotProps) {
  const metadata = useMetadata();
  const [preview, setPreview] = useState<RevisionChoice | undefined>(undefined);
  // The version is in the key: a transition (send, revise) freezes a revision and moves it.
  const revisions = useQuery({
    queryKey: [...quotationKeys.revisions(record.id), 'list', record.version],
    queryFn: ({ signal }) => fetchRevisions(record.id, signal),
  });
  const lineEntity = metadata.data?.entities.find((candidate) => candidate.name === 'quotation_line');
  if (lineEntity === undefined) return null;
  const number = typeof record.number === 'string' && record.number !== '' ? record.number : record.id;
  const current = revisions.data?.current ?? (typeof record.revision === 'number' ? record.revision : 1);

  return (
    <Stack gap="md">
      <LineEditor
        kind={quotationLines}
        document={record}
        lineEntity={lineEntity}
        onPreview={() => {
          setPreview('current');
        }}
      />
      <RevisionsPanel
        quotation={record}
        revisions={revisions.data}
        error={revisions.error}
        quotationEntity={entity}
        lineEntity={lineEntity}
        onPreview={setPreview}
      />
      <PdfPreview
        quotationId={record.id}
        number={number}
        version={record.version}
        current={current}
        revisions={revisions.data?.data ?? []}
        shown={preview}
        onShow={setPreview}
        onClose={() => {
          setPreview(undefined);
        }}
      />
    </Stack>
  );
}
