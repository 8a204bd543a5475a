import { api } from '@/lib/api';
import type { EntityRecord } from '@/lib/records';

export type DuplicateReason = 'name' | 'email' | 'phone';

/** A record that looks like the one being entered or checked. */
export interface DuplicateCandidate {
  id: string;
  title: string;
  /** 0–100: how likely the two are one party. */
  score: number;
  reasons: DuplicateReason[];
}

export interface DuplicateGroup {
  reason: DuplicateReason;
  records: DuplicateCandidate[];
}

export interface DuplicateGroupPage {
  data: DuplicateGroup[];
  next_cursor: string | null;
}

export interface MergeSummary {
  id: string;
  entity: string;
  survivor_id: string;
  merged_ids: string[];
  moved_count: number;
  merged_by_id: string;
  merged_at: string;
  undone_at: string | null;
  undone_by_id: string | null;
  undoable: boolean;
}

export interface MergeResult {
  merge: MergeSummary;
  survivor: EntityRecord;
}

/** The entities whose definitions declare duplicate detection. */
export const DUPLICATE_ENTITIES = new Set(['account', 'contact']);

export function checkDuplicates(plural: string, values: Record<string, unknown>, signal?: AbortSignal) {
  return api.post<{ data: DuplicateCandidate[] }>(`/${plural}/duplicates/check`, values, { signal });
}

export function listDuplicateGroups(plural: string, cursor: string | undefined, signal?: AbortSignal) {
  const query = new URLSearchParams({ limit: '20' });
  if (cursor !== undefined) query.set('cursor', cursor);
  return api.get<DuplicateGroupPage>(`/${plural}/duplicates?${query.toString()}`, { signal });
}

export function mergeRecords(
  plural: string,
  survivorId: string,
  mergedIds: string[],
  values: Record<string, string>,
) {
  return api.post<MergeResult>(`/${plural}/merge`, { survivor_id: survivorId, merged_ids: mergedIds, values });
}

export function listMerges(signal?: AbortSignal) {
  return api.get<{ data: MergeSummary[] }>('/merges?limit=100', { signal });
}

export function undoMerge(id: string) {
  return api.post<MergeSummary>(`/merges/${encodeURIComponent(id)}/undo`);
}

/** The address of a contact's card, for a plain download link. */
export function vcardUrl(plural: string, id: string): string {
  return `/api/v1/${plural}/${encodeURIComponent(id)}/vcard`;
}
