import { Stack } from '@mantine/core';
import { useState } from 'react';
import { useMetadata } from '@/lib/metadata';
import type { RecordActionSlotProps } from '@/lib/recordSlots';
import { DocumentPreview } from '@/ui/DocumentPreview';
import { asText } from '@/ui/fields/values';
import { LineEditor } from '@/ui/lines/LineEditor';
import { ChecklistPanel } from './ChecklistPanel';
import { AllocationsPanel, InvoicePaymentsPanel } from './PaymentsPanels';
import { invoiceLines, invoicePdf, orderLines } from './salesApi';

/** An order's lines and checklist, an invoice's lines and payments, or a payment's allocations. */
export function SalesPanels({ entity, record }: RecordActionSlotProps) {
  const metadata = useMetadata();
  const [previewing, setPreviewing] = useState(false);
  const entities = metadata.data?.entities ?? [];
  const find = (name: string) => entities.find((candidate) => candidate.name === name);
  if (entity.name === 'payment') return <AllocationsPanel payment={record} />;
  const kind = entity.name === 'sales_order' ? orderLines : invoiceLines;
  const lineEntity = find(kind.lineEntity);
  const invoice = entity.name === 'invoice';
  return (
    <Stack gap="md">
      {lineEntity === undefined ? null : (
        <LineEditor
          kind={kind}
          document={record}
          lineEntity={lineEntity}
          onPreview={
            invoice
              ? () => {
                  setPreviewing(true);
                }
              : undefined
          }
        />
      )}
      {entity.name === 'sales_order' ? <ChecklistPanel order={record} itemEntity={find('order_checklist_item')} /> : null}
      {invoice && asText(record.kind) === 'invoice' ? <InvoicePaymentsPanel invoice={record} /> : null}
      {invoice ? (
        <DocumentPreview
          shown={previewing ? invoicePdf(record) : undefined}
          onClose={() => {
            setPreviewing(false);
          }}
        />
      ) : null}
    </Stack>
  );
}
