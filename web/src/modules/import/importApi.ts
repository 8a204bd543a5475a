/** The import endpoints: upload with progress, imports, their error report, templates. */
import { api, API_BASE, ApiError, ClientErrorCode, getCsrfToken } from '@/lib/api';
import { isRecord } from '@/lib/json';

export type ImportMode = 'create' | 'update' | 'upsert';
export type DuplicateHandling = 'skip' | 'update' | 'create';
export type DecimalSeparator = '.' | ',';
export const DATE_FORMATS = ['YYYY-MM-DD', 'DD.MM.YYYY', 'MM/DD/YYYY', 'DD/MM/YYYY', 'YYYY/MM/DD'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export interface ImportTarget {
  name: string;
  label: string;
  type: string;
  required: boolean;
  /** Unique or indexed: usable as the key of updates. */
  key: boolean;
}

export interface ImportFile {
  id: string;
  name: string;
  size: number;
  format: 'csv' | 'xlsx';
  separator: string | null;
  byte_order_mark: boolean;
  sheets: string[];
  header: string[];
  rows: string[][];
  targets: ImportTarget[];
  suggested_mapping: Record<string, string | null>;
  preset: string | null;
}

export interface ImportSettings {
  mapping: Record<string, string>;
  date_format: DateFormat;
  decimal_separator: DecimalSeparator;
  mode: ImportMode;
  key_field: string | null;
  duplicates: DuplicateHandling;
}

export type ImportStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface ImportRun {
  id: string;
  entity: string;
  dry_run: boolean;
  status: ImportStatus;
  rows_total: number | null;
  rows_done: number;
  rows_failed: number;
  created: number;
  updated: number;
  skipped: number;
  message: string | null;
  errors: { row: number; error: string }[];
}

export interface ImportTemplate {
  id: string;
  entity: string;
  name: string;
  settings: Partial<ImportSettings>;
}

/**
 * Sends the file as the request body, reporting the share sent (0–1). XMLHttpRequest,
 * because fetch does not report upload progress.
 */
export function uploadImportFile(
  plural: string,
  file: File,
  onProgress: (share: number) => void,
): Promise<ImportFile> {
  const query = new URLSearchParams({ entity: plural, name: file.name });
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `${API_BASE}/import-files?${query.toString()}`);
    request.withCredentials = true;
    request.setRequestHeader('Accept', 'application/json');
    request.setRequestHeader('Content-Type', file.type === '' ? 'text/csv' : file.type);
    const token = getCsrfToken();
    if (token !== undefined) request.setRequestHeader('X-CSRF-Token', token);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onerror = () => {
      reject(new ApiError({ status: 0, code: ClientErrorCode.networkUnavailable, message: 'The upload failed: the server could not be reached.' }));
    };
    request.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(request.responseText) as unknown;
      } catch {
        body = undefined;
      }
      if (request.status >= 200 && request.status < 300 && isRecord(body)) {
        resolve(body as unknown as ImportFile);
        return;
      }
      const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
      const fields = Array.isArray(error?.fields) ? error.fields.filter(isRecord) : [];
      reject(
        new ApiError({
          status: request.status,
          code: typeof error?.code === 'string' ? error.code : ClientErrorCode.unexpectedResponse,
          message: typeof error?.message === 'string' ? error.message : `The server answered ${String(request.status)}.`,
          fields: fields.map((field) => ({
            field: String(field.field),
            code: String(field.code),
            message: String(field.message),
          })),
        }),
      );
    };
    request.send(file);
  });
}

export function startImport(body: ImportSettings & { file_id: string; entity: string; dry_run: boolean }) {
  return api.post<ImportRun>('/imports', body);
}

export function getImport(id: string, signal?: AbortSignal) {
  return api.get<ImportRun>(`/imports/${encodeURIComponent(id)}`, { signal });
}

export function cancelImport(id: string) {
  return api.post<ImportRun>(`/imports/${encodeURIComponent(id)}/cancel`);
}

export function errorReportUrl(id: string): string {
  return `${API_BASE}/imports/${encodeURIComponent(id)}/errors`;
}

export async function listTemplates(plural: string, signal?: AbortSignal) {
  const answer = await api.get<{ data: ImportTemplate[] }>(`/import-templates?entity=${encodeURIComponent(plural)}`, { signal });
  return answer.data;
}

export function saveTemplate(plural: string, name: string, settings: ImportSettings) {
  return api.post<ImportTemplate>('/import-templates', { entity: plural, name, ...settings });
}

export function deleteTemplate(id: string) {
  return api.delete<undefined>(`/import-templates/${encodeURIComponent(id)}`);
}
