import { Button, Group, Stack, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { quote } from '@/lib/filter';
import type { RecordActionSlotProps } from '@/lib/recordSlots';
import { listRecords, type EntityRecord } from '@/lib/records';
import { asText } from '@/ui/fields/values';
import { AllocateDialog } from './AllocateDialog';
import { CreditNoteDialog } from './CreditNoteDialog';
import { plainError } from './errors';
import { conversions } from './salesApi';
import { ScheduleDeliveryDialog } from './ScheduleDeliveryDialog';

const OPEN_ENQUIRY = new Set(['new', 'allocated']);
const INVOICEABLE_ORDER = new Set(['confirmed', 'dispatched', 'delivered', 'returned', 'closed']);
/** An order ships while it is confirmed, in one delivery or several. */
const DELIVERABLE_ORDER = new Set(['confirmed', 'dispatched']);
/** What is shipped is invoiced, once (the server answers ALREADY_CONVERTED after that). */
const INVOICEABLE_DELIVERY = new Set(['shipped', 'delivered']);
const CREDITABLE_INVOICE = new Set(['issued', 'partly_paid', 'paid']);

interface ConvertProps {
  label: string;
  /** The plural of what the conversion makes, where the new record opens. */
  makes: string;
  run: () => Promise<EntityRecord>;
  onError: (message: string | undefined) => void;
}

/** One conversion: asks the server, then opens the document it made. */
function ConvertButton({ label, makes, run, onError }: ConvertProps) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const convert = useMutation({
    mutationFn: run,
    onMutate: () => {
      onError(undefined);
    },
    onSuccess: async (made) => {
      // The source's status and links moved with the conversion.
      await queryClient.invalidateQueries({ queryKey: ['records'] });
      await navigate(`/${makes}/${encodeURIComponent(made.id)}`);
    },
    onError: (error) => {
      onError(plainError(error));
    },
  });
  return (
    <Button
      variant="filled"
      leftSection={<IconArrowRight size={16} aria-hidden="true" />}
      loading={convert.isPending}
      onClick={() => {
        convert.mutate();
      }}
    >
      {label}
    </Button>
  );
}

/** The conversions open from this record, and the reason the last one was refused. */
export function SalesActions({ entity, record }: RecordActionSlotProps) {
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const archived = record.archived_at !== null && record.archived_at !== undefined;
  const actions = archived ? null : actionsFor(entity, record, setProblem);
  if (actions === null) return null;
  return (
    <Stack gap={4} align="flex-end" style={{ maxWidth: '100%' }}>
      <Group gap="xs" role="group" aria-label="Sales actions" wrap="wrap">
        {actions}
      </Group>
      {problem === undefined ? null : (
        <Text size="sm" c="red.8" role="alert" maw={360} style={{ overflowWrap: 'anywhere' }}>
          {problem}
        </Text>
      )}
    </Stack>
  );
}

/** The buttons open from this record's kind and state; null when there are none, so no empty group shows. */
function actionsFor(
  entity: RecordActionSlotProps['entity'],
  record: EntityRecord,
  onError: (message: string | undefined) => void,
): ReactNode {
  const status = asText(record.status);
  switch (entity.name) {
    case 'enquiry':
      return OPEN_ENQUIRY.has(status) || asText(record.quotation_id) !== '' ? (
        <EnquiryActions entity={entity} record={record} status={status} onError={onError} />
      ) : null;
    case 'enquiry_line':
      return asText(record.requested_changes).trim() !== '' && asText(record.variant_id) === '' ? (
        <ConvertButton label="Make variant" makes="products" run={() => conversions.lineToVariant(record.id)} onError={onError} />
      ) : null;
    case 'quotation':
      return status === 'accepted' ? <QuotationOrder record={record} onError={onError} /> : null;
    case 'sales_order':
      return INVOICEABLE_ORDER.has(status) ? (
        <>
          {DELIVERABLE_ORDER.has(status) ? <ScheduleDeliveryDialog order={record} /> : null}
          <ConvertButton label="Invoice" makes="invoices" run={() => conversions.orderToInvoice(record.id)} onError={onError} />
        </>
      ) : null;
    case 'delivery':
      return INVOICEABLE_DELIVERY.has(status) ? (
        <ConvertButton label="Invoice" makes="invoices" run={() => conversions.deliveryToInvoice(record.id)} onError={onError} />
      ) : null;
    case 'invoice':
      return asText(record.kind) === 'invoice' && CREDITABLE_INVOICE.has(status) ? <CreditNoteDialog invoice={record} /> : null;
    default:
      return null;
  }
}

function EnquiryActions({
  entity,
  record,
  status,
  onError,
}: RecordActionSlotProps & { status: string; onError: (message: string | undefined) => void }) {
  const quotationId = asText(record.quotation_id);
  if (!OPEN_ENQUIRY.has(status)) {
    return quotationId === '' ? null : (
      <Button component={Link} to={`/quotations/${encodeURIComponent(quotationId)}`} variant="light">
        Open the quotation
      </Button>
    );
  }
  return (
    <>
      {entity.rights.edit === false ? null : <AllocateDialog enquiry={entity} record={record} />}
      <ConvertButton label="Make quotation" makes="quotations" run={() => conversions.enquiryToQuotation(record.id)} onError={onError} />
      <ConvertButton label="Make order" makes="orders" run={() => conversions.enquiryToOrder(record.id)} onError={onError} />
    </>
  );
}

/** An accepted quotation becomes one order; once made, the button opens it instead. */
function QuotationOrder({ record, onError }: { record: EntityRecord; onError: (message: string | undefined) => void }) {
  const made = useQuery({
    queryKey: ['records', 'orders', 'from-quotation', record.id],
    queryFn: ({ signal }) => listRecords('orders', { filter: `quotation_id eq ${quote(record.id)}`, limit: 1 }, signal),
  });
  const order = made.data?.data[0];
  if (made.isPending) return null;
  if (order !== undefined) {
    return (
      <Button component={Link} to={`/orders/${encodeURIComponent(order.id)}`} variant="light">
        Open order {asText(order.number)}
      </Button>
    );
  }
  return <ConvertButton label="Make order" makes="orders" run={() => conversions.quotationToOrder(record.id)} onError={onError} />;
}
