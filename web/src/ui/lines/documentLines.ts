/**
 * Priced lines of a sales document (a quotation, an order, an invoice): every kind stores
 * its lines the same way, priced by the server on each write, so one editor serves them all
 * once it knows where the lines live.
 */
import { api } from '@/lib/api';
import { quote } from '@/lib/filter';
import type { PricingStep } from '@/lib/pricing';
import { listRecords, type EntityRecord } from '@/lib/records';

export interface Money {
  amount: string;
  currency: string;
}

/** A line as the records API sends it; the computed parts are read-only. */
export interface DocumentLine extends EntityRecord {
  position: number | null;
  product_id: string;
  description: string | null;
  quantity: string;
  manual_unit_price: Money | null;
  manual_discount: string | null;
  unit_price: Money | null;
  discount_percent: string | null;
  net_amount: Money | null;
  tax_rate: string | null;
  tax_amount: Money | null;
  line_total: Money | null;
  price_source: string | null;
  pricing_explanation: PricingStep[] | null;
}

/** Where one kind of document keeps its lines, and what its statuses mean for them. */
export interface LineDocumentKind {
  /** The document's plural in the API: `quotations`, `orders`, `invoices`. */
  plural: string;
  /** The lines' entity name and plural: `quotation_line`, `quotation_lines`. */
  lineEntity: string;
  linePlural: string;
  /** The lines' link to their document: `quotation_id`. */
  parentField: string;
  /** The document's date, which the pricing function prices on. */
  dateField: string;
  /** The document in words, lower case: `quotation`. */
  noun: string;
  /** The table's accessible name: `Quotation lines`. */
  tableLabel: string;
  /** Why the lines are read-only in each status other than draft. */
  lockedNotes: Readonly<Record<string, string>>;
}

// The server's page limit: a document has far fewer lines than this.
const LINE_LIMIT = 500;

/** Under the records' own key, so a transition's invalidation of the lines' entity refreshes them too. */
export function documentLinesKey(kind: LineDocumentKind, documentId: string) {
  return ['records', kind.linePlural, 'of', documentId] as const;
}

export async function fetchDocumentLines(kind: LineDocumentKind, documentId: string, signal?: AbortSignal) {
  const page = await listRecords(
    kind.linePlural,
    { filter: `${kind.parentField} eq ${quote(documentId)}`, sort: 'position,created_at', limit: LINE_LIMIT },
    signal,
  );
  return page.data as DocumentLine[];
}

export function archiveDocumentLine(kind: LineDocumentKind, lineId: string) {
  return api.post<DocumentLine>(`/${encodeURIComponent(kind.linePlural)}/${encodeURIComponent(lineId)}/archive`);
}
