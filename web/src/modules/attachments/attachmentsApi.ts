/** Calls of a record's attachments: the list, an upload, a version's content. */
import { api, API_BASE } from '@/lib/api';
import { listRelated, type EntityRecord } from '@/lib/records';

/** Every version of every attachment, by reference and newest version first (the related list). */
export function listAttachments(plural: string, id: string, signal?: AbortSignal) {
  return listRelated(plural, id, 'attachments', { sort: 'reference,-file_version', limit: 200 }, signal);
}

export interface UploadRequest {
  /** The singular entity name of the record the file goes on (`quotation`). */
  parentEntity: string;
  parentId: string;
  file: File;
  /** The document the file is a new version of; the server takes the file's name without it. */
  reference?: string | undefined;
}

/** Sends the file as the request's body, typed as the browser knows it; answers the attachment record. */
export function uploadAttachment({ parentEntity, parentId, file, reference }: UploadRequest) {
  const query = new URLSearchParams({ parent_type: parentEntity, parent_id: parentId, file_name: file.name });
  if (reference !== undefined && reference !== '') query.set('reference', reference);
  return api.postFile<EntityRecord>(
    `/attachment-files?${query.toString()}`,
    file,
    file.type === '' ? 'application/octet-stream' : file.type,
  );
}

/** A version's file: to save (`attachment`), or to show in the page (`inline`, PDFs and images only). */
export function contentUrl(id: string, disposition: 'attachment' | 'inline'): string {
  const base = `${API_BASE}/attachments/${encodeURIComponent(id)}/content`;
  return disposition === 'inline' ? `${base}?disposition=inline` : base;
}
