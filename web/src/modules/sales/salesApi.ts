/** Typed calls of the sales cycle's own routes: conversions, allocation, balance, chain and ageing. */
import { api, API_BASE } from '@/lib/api';
import type { EntityRecord } from '@/lib/records';
import type { PreviewedDocument } from '@/ui/DocumentPreview';
import type { LineDocumentKind } from '@/ui/lines/documentLines';

const path = (plural: string, id: string, action: string) =>
  `/${encodeURIComponent(plural)}/${encodeURIComponent(id)}/${action}`;

export interface Allocation {
  user_id?: string;
  dealer_id?: string;
  note?: string;
}

export function allocateEnquiry(id: string, allocation: Allocation) {
  return api.post<EntityRecord>(path('enquiries', id, 'allocate'), allocation);
}

/** The conversions that make one document from another; each answers the new record. */
export const conversions = {
  enquiryToQuotation: (id: string) => api.post<EntityRecord>(path('enquiries', id, 'quotation'), {}),
  enquiryToOrder: (id: string) => api.post<EntityRecord>(path('enquiries', id, 'order'), {}),
  lineToVariant: (id: string) => api.post<EntityRecord>(path('enquiry_lines', id, 'variant'), {}),
  quotationToOrder: (id: string) => api.post<EntityRecord>(path('quotations', id, 'order'), {}),
  orderToInvoice: (id: string) => api.post<EntityRecord>(path('orders', id, 'invoice'), {}),
  deliveryToInvoice: (id: string) => api.post<EntityRecord>(path('deliveries', id, 'invoice'), {}),
};

export interface CreditNoteRequest {
  lines?: { invoice_line_id: string; quantity: string }[];
  reason?: string;
}

export function makeCreditNote(invoiceId: string, request: CreditNoteRequest) {
  return api.post<EntityRecord>(path('invoices', invoiceId, 'credit_note'), request);
}

/** Amounts per currency, each a decimal string as the server wrote it. */
export type Buckets = Partial<
  Record<'open' | 'overdue' | 'current' | 'days_1_30' | 'days_31_60' | 'days_61_90' | 'days_over_90', string>
>;

export interface CurrencyBalance extends Buckets {
  invoiced?: string;
  credited?: string;
  paid?: string;
  unallocated?: string;
  balance?: string;
}

export interface Balance {
  as_of: string;
  currencies: Record<string, CurrencyBalance>;
}

export function fetchBalance(accountId: string, signal?: AbortSignal) {
  return api.get<Balance>(path('accounts', accountId, 'balance'), { signal });
}

export type ChainKind =
  | 'enquiry'
  | 'quotation'
  | 'quotation_revision'
  | 'order'
  | 'delivery'
  | 'invoice'
  | 'credit_note'
  | 'payment';

export interface ChainStep {
  kind: ChainKind | (string & {});
  id: string;
  number: string;
  label: string;
  status: string;
  at: string;
  seconds_since_previous: number | null;
  revision?: number;
  invoice_id?: string;
}

export interface Chain {
  steps: ChainStep[];
  seconds_total: number | null;
}

export function fetchChain(accountId: string, signal?: AbortSignal) {
  return api.get<{ chains: Chain[] }>(path('accounts', accountId, 'chain'), { signal });
}

export interface AgeingRow {
  account_id: string;
  account_name: string;
  invoices: number;
  currencies: Record<string, Buckets>;
}

export interface AgeingReport {
  as_of: string;
  data: AgeingRow[];
  totals: Record<string, Buckets>;
  truncated: boolean;
}

export function fetchAgeing(signal?: AbortSignal) {
  return api.get<AgeingReport>('/reports/ageing', { signal });
}

/** An order's lines: locked once it is confirmed. */
export const orderLines: LineDocumentKind = {
  plural: 'orders',
  lineEntity: 'order_line',
  linePlural: 'order_lines',
  parentField: 'sales_order_id',
  dateField: 'order_date',
  noun: 'order',
  tableLabel: 'Order lines',
  lockedNotes: {
    pending_approval: 'Locked while the approval is pending.',
    confirmed: 'Confirmed: take Back to draft to change the lines.',
    dispatched: 'Dispatched as it is.',
    delivered: 'Delivered as it is.',
    returned: 'Returned.',
    closed: 'Closed.',
    cancelled: 'Cancelled.',
  },
};

/** An invoice's (or a credit note's) lines: fixed once it is issued. */
export const invoiceLines: LineDocumentKind = {
  plural: 'invoices',
  lineEntity: 'invoice_line',
  linePlural: 'invoice_lines',
  parentField: 'invoice_id',
  dateField: 'invoice_date',
  noun: 'invoice',
  tableLabel: 'Invoice lines',
  lockedNotes: {
    issued: 'Issued: an issued invoice is corrected by a credit note.',
    partly_paid: 'Issued and partly paid: corrected by a credit note.',
    paid: 'Paid.',
    cancelled: 'Cancelled.',
  },
};

/** A purchase order file (UBL XML or EDIFACT) made into a draft order; answers the order. */
export function importOrderFile(file: File, contentType: string) {
  return api.postFile<EntityRecord>('/orders/import', file, contentType);
}

/** The printed invoice (or credit note) as it stands, shown in the page. */
export function invoicePdf(invoice: EntityRecord): PreviewedDocument {
  const number = typeof invoice.number === 'string' && invoice.number !== '' ? invoice.number : invoice.id;
  const url = `${API_BASE}${path('invoices', invoice.id, 'pdf')}`;
  return { title: `PDF of ${number}`, inlineUrl: url, downloadUrl: url, fileName: `${number}.pdf`, kind: 'pdf' };
}

export interface Person {
  id: string;
  name: string;
}

/** Colleagues by name, as every signed-in user may look them up. */
export function findPeople(query: string, signal?: AbortSignal) {
  return api.get<{ data: Person[] }>(`/people?q=${encodeURIComponent(query)}`, { signal });
}

export interface DeliveryRequestBody {
  scheduled_date: string;
  carrier?: string;
  tracking_number?: string;
  lines: { order_line_id: string; quantity: string }[];
}

/** An order's lines in their order, each with what has been delivered of it. */
export function fetchOrderLinesToDeliver(orderId: string, signal?: AbortSignal) {
  return api.get<{ data: (Record<string, unknown> & { id: string })[] }>(
    `${path('orders', orderId, 'order_lines')}?sort=position&limit=500`,
    { signal },
  );
}

/** Schedules a delivery of some or all of what the order has left to deliver; answers the delivery. */
export function scheduleDelivery(orderId: string, request: DeliveryRequestBody) {
  return api.post<EntityRecord>(path('orders', orderId, 'delivery'), request);
}
