/** The address of a list's export file: `GET /{plural}/export` with the list's query. */
import { API_BASE } from './api';
import type { ArchivedMode } from './records';

export type ExportFormat = 'csv' | 'csv-bom' | 'xlsx';

export interface ExportQuery {
  filter?: string;
  sort?: string;
  /** The visible columns, in order. */
  fields?: string[];
  archived?: ArchivedMode;
}

/**
 * A plain GET the browser downloads itself (streamed to disk, the session cookie sent
 * along; a GET needs no CSRF token). `csv-bom` is CSV that spreadsheet programs open as UTF-8.
 */
export function exportUrl(plural: string, query: ExportQuery, format: ExportFormat): string {
  const params = new URLSearchParams();
  params.set('format', format === 'xlsx' ? 'xlsx' : 'csv');
  if (format === 'csv-bom') params.set('bom', 'true');
  if (query.filter !== undefined && query.filter.trim() !== '') params.set('filter', query.filter);
  if (query.sort !== undefined && query.sort !== '') params.set('sort', query.sort);
  if (query.fields !== undefined && query.fields.length > 0) params.set('fields', query.fields.join(','));
  if (query.archived !== undefined && query.archived !== 'exclude') params.set('archived', query.archived);
  return `${API_BASE}/${encodeURIComponent(plural)}/export?${params.toString()}`;
}
