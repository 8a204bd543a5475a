/** A record's attachments as the panel shows them: one entry per reference, its latest version on top. */
import type { EntityRecord } from '@/lib/records';
import { asText } from '@/ui/fields/values';

/** The parts of an attachment record the panel reads, from the records API's JSON. */
export interface AttachmentVersion {
  id: string;
  /** The document's name on its record; uploads under the same one are its versions. */
  reference: string;
  fileName: string;
  contentType: string;
  size: number | null;
  fileVersion: number;
  latest: boolean;
  source: string;
  description: string;
  createdAt: string;
  createdById: string;
}

export function readAttachment(record: EntityRecord): AttachmentVersion {
  const fileName = asText(record.file_name);
  return {
    id: record.id,
    reference: asText(record.reference) || fileName,
    fileName,
    contentType: asText(record.content_type),
    size: typeof record.size === 'number' ? record.size : null,
    fileVersion: typeof record.file_version === 'number' ? record.file_version : 1,
    latest: record.latest === true,
    source: asText(record.source),
    description: asText(record.description),
    createdAt: asText(record.created_at),
    createdById: asText(record.created_by_id) || asText(record.created_by),
  };
}

export interface AttachmentGroup {
  reference: string;
  latest: AttachmentVersion;
  /** The versions before the latest, newest first. */
  earlier: AttachmentVersion[];
}

const byVersionDescending = (left: AttachmentVersion, right: AttachmentVersion) => right.fileVersion - left.fileVersion;

/**
 * One group per reference. The latest is the version the server marks so, else the
 * highest number (a list cut short may miss the marked one). Groups come newest first, so
 * what was just uploaded or saved is on top.
 */
export function groupByReference(versions: readonly AttachmentVersion[]): AttachmentGroup[] {
  const byReference = new Map<string, AttachmentVersion[]>();
  for (const version of versions) {
    const list = byReference.get(version.reference) ?? [];
    list.push(version);
    byReference.set(version.reference, list);
  }
  const groups = [...byReference.entries()].flatMap(([reference, list]): AttachmentGroup[] => {
    const sorted = [...list].sort(byVersionDescending);
    const latest = sorted.find((version) => version.latest) ?? sorted[0];
    if (latest === undefined) return [];
    return [{ reference, latest, earlier: sorted.filter((version) => version !== latest) }];
  });
  return groups.sort(
    (left, right) =>
      right.latest.createdAt.localeCompare(left.latest.createdAt) || left.reference.localeCompare(right.reference),
  );
}

export type PreviewKind = 'image' | 'pdf';

/** What the browser can show inline, as the server sends inline: PDFs and images only. */
export function previewKindOf(contentType: string): PreviewKind | undefined {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/pdf') return 'pdf';
  if (type.startsWith('image/')) return 'image';
  return undefined;
}
