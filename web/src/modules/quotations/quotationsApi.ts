/** Typed calls of a quotation's own API: its lines, its frozen revisions and their differences, its PDF. */
import { api, API_BASE } from '@/lib/api';
import type { EntityRecord } from '@/lib/records';
import type { DocumentLine, LineDocumentKind, Money } from '@/ui/lines/documentLines';

export type { Money };

/** A quotation line as the records API sends it; the computed parts are read-only. */
export interface QuotationLine extends DocumentLine {
  quotation_id: string;
}

/** Where a quotation keeps its lines, and why they are locked outside a draft. */
export const quotationLines: LineDocumentKind = {
  plural: 'quotations',
  lineEntity: 'quotation_line',
  linePlural: 'quotation_lines',
  parentField: 'quotation_id',
  dateField: 'quotation_date',
  noun: 'quotation',
  tableLabel: 'Quotation lines',
  lockedNotes: {
    pending_approval: 'Locked while the approval is pending.',
    approved: 'Approved as it is: take New revision to change it.',
    sent: 'Sent to the customer: take New revision to change it.',
    accepted: 'Accepted by the customer.',
    rejected: 'Rejected by the customer: take New revision to offer another.',
    expired: 'Expired: take New revision to offer it again.',
  },
};

/** One frozen revision in the list, with the totals it was sent with. */
export interface RevisionSummary {
  revision: number;
  reason: string | null;
  frozen_at: string;
  frozen_by_id: string | null;
  net_total?: Money;
  tax_total?: Money;
  total?: Money;
  line_count?: number;
  status?: string;
}

export interface RevisionList {
  data: RevisionSummary[];
  /** The quotation's revision as it stands (frozen already once it is sent). */
  current: number;
  status: string;
}

/** A revision's snapshot: the quotation's fields and its lines as they were. */
export interface RevisionSnapshot {
  revision: number;
  quotation: EntityRecord;
  lines: QuotationLine[];
  frozen_at?: string;
}

/** `current` compares with the quotation as it stands. */
export type RevisionChoice = number | 'current';

/** Query keys under the records' own, so a transition's invalidation of the quotation refreshes them too. */
export const quotationKeys = {
  lines: (quotationId: string) => ['records', 'quotation_lines', 'of', quotationId] as const,
  revisions: (quotationId: string) => ['records', 'quotations', 'revisions', quotationId] as const,
};

const quotationPath = (id: string) => `/quotations/${encodeURIComponent(id)}`;

export function fetchRevisions(quotationId: string, signal?: AbortSignal) {
  return api.get<RevisionList>(`${quotationPath(quotationId)}/revisions`, { signal });
}

export function fetchRevision(quotationId: string, revision: number, signal?: AbortSignal) {
  return api.get<RevisionSnapshot>(`${quotationPath(quotationId)}/revisions/${String(revision)}`, { signal });
}

export function fetchDiff(quotationId: string, from: number, to: RevisionChoice, signal?: AbortSignal) {
  const query = new URLSearchParams({ from: String(from), to: String(to) });
  return api.get<unknown>(`${quotationPath(quotationId)}/revisions/diff?${query.toString()}`, { signal });
}

/** The address of the printed quotation: as it stands, or a frozen revision as it was sent. */
export function pdfUrl(quotationId: string, revision: RevisionChoice): string {
  const base = `${API_BASE}${quotationPath(quotationId)}/pdf`;
  return revision === 'current' ? base : `${base}?revision=${String(revision)}`;
}
