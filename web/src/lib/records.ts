/** Calls of the generic record API, shared by every entity (records are metadata-driven). */
import { api } from './api';

/** A record as the server sends it: standard fields plus the entity's own. */
export type EntityRecord = Record<string, unknown> & { id: string; version?: number };

export interface RecordPage {
  data: EntityRecord[];
  next_cursor: string | null;
  total?: number;
}

export type ArchivedMode = 'exclude' | 'include' | 'only';

export interface ListQuery {
  filter?: string;
  /** Comma-separated, `-` for descending: `name,-created_at`. */
  sort?: string;
  limit?: number;
  cursor?: string | null;
  fields?: string[];
  count?: boolean;
  archived?: ArchivedMode;
}

/** The query string of a list call; empty parts are left out. */
export function listSearch(query: ListQuery): string {
  const params = new URLSearchParams();
  if (query.filter !== undefined && query.filter.trim() !== '') params.set('filter', query.filter);
  if (query.sort !== undefined && query.sort !== '') params.set('sort', query.sort);
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  if (query.cursor !== undefined && query.cursor !== null) params.set('cursor', query.cursor);
  if (query.fields !== undefined && query.fields.length > 0) params.set('fields', query.fields.join(','));
  if (query.count === true) params.set('count', 'true');
  if (query.archived !== undefined && query.archived !== 'exclude') params.set('archived', query.archived);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

function recordPath(plural: string, id?: string): string {
  const base = `/${encodeURIComponent(plural)}`;
  return id === undefined ? base : `${base}/${encodeURIComponent(id)}`;
}

export function listRecords(plural: string, query: ListQuery, signal?: AbortSignal) {
  return api.get<RecordPage>(`${recordPath(plural)}${listSearch(query)}`, { signal });
}

/** A related list: `GET /{plural}/{id}/{related}`. */
export function listRelated(
  plural: string,
  id: string,
  related: string,
  query: ListQuery,
  signal?: AbortSignal,
) {
  return api.get<RecordPage>(
    `${recordPath(plural, id)}/${encodeURIComponent(related)}${listSearch(query)}`,
    { signal },
  );
}

export function getRecord(plural: string, id: string, signal?: AbortSignal) {
  return api.get<EntityRecord>(recordPath(plural, id), { signal });
}

export function createRecord(plural: string, values: Record<string, unknown>) {
  return api.post<EntityRecord>(recordPath(plural), values);
}

/** Sends only the changed fields, guarded by the version the user saw. */
export function updateRecord(
  plural: string,
  id: string,
  version: number | undefined,
  changes: Record<string, unknown>,
) {
  const headers: Record<string, string> = version === undefined ? {} : { 'If-Match': `"${String(version)}"` };
  return api.patch<EntityRecord>(recordPath(plural, id), changes, { headers });
}

export function archiveRecord(plural: string, id: string) {
  return api.post<EntityRecord>(`${recordPath(plural, id)}/archive`);
}

export function restoreRecord(plural: string, id: string) {
  return api.post<EntityRecord>(`${recordPath(plural, id)}/restore`);
}

/** Resolves `undefined` for a direct deletion (204) and the approval for master data (202). */
export function deleteRecord(plural: string, id: string) {
  return api.delete<Record<string, unknown> | undefined>(recordPath(plural, id));
}

/** A transition as the caller sees it from the record's current state. */
export interface TransitionOption {
  name: string;
  label: string;
  to: string;
  allowed: boolean;
  reason?: { code: string; message: string };
}

export function listTransitions(plural: string, id: string, signal?: AbortSignal) {
  return api.get<{ data: TransitionOption[] }>(`${recordPath(plural, id)}/transitions`, { signal });
}

/** Takes a transition, with the fields it needs set in the same step. */
export function takeTransition(
  plural: string,
  id: string,
  name: string,
  version: number | undefined,
  values: Record<string, unknown>,
) {
  const headers: Record<string, string> = version === undefined ? {} : { 'If-Match': `"${String(version)}"` };
  return api.post<EntityRecord>(`${recordPath(plural, id)}/transitions/${encodeURIComponent(name)}`, values, {
    headers,
  });
}

export interface HistoryChange {
  field: string;
  old: unknown;
  new: unknown;
}

export interface HistoryEntry {
  sequence: number;
  action: string;
  user_id: string | null;
  at: string;
  changes: HistoryChange[];
}

export function getHistory(plural: string, id: string, signal?: AbortSignal) {
  return api.get<{ data: HistoryEntry[] }>(`${recordPath(plural, id)}/history`, { signal });
}

/** One hit of `GET /api/v1/search`; `entity` is the plural. */
export interface SearchHit {
  entity: string;
  id: string;
  title: string;
  title_highlighted?: string;
  snippet?: string;
  score?: number;
}

export function searchRecords(text: string, limit: number, signal?: AbortSignal) {
  const params = new URLSearchParams({ q: text, limit: String(limit) });
  return api.get<{ data: SearchHit[] }>(`/search?${params.toString()}`, { signal });
}

/** The text a record is known by: its title field, else its number or code, else its id. */
export function recordTitle(record: EntityRecord, titleField: string): string {
  for (const candidate of [record[titleField], record.name, record.number, record.code]) {
    if (typeof candidate === 'string' && candidate.trim() !== '') {
      return candidate;
    }
  }
  return record.id;
}
