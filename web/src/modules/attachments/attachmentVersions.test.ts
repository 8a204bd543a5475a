import { describe, expect, it } from 'vitest';
import { groupByReference, previewKindOf, readAttachment, type AttachmentVersion } from './attachmentVersions';

function version(reference: string, fileVersion: number, createdAt: string, latest = false): AttachmentVersion {
  return readAttachment({
    id: `${reference}-${String(fileVersion)}`,
    reference,
    file_name: `${reference}.pdf`,
    content_type: 'application/pdf',
    size: 100,
    file_version: fileVersion,
    latest,
    created_at: createdAt,
  });
}

describe('readAttachment', () => {
  it('reads the record and falls back to the file name for a missing reference', () => {
    const read = readAttachment({ id: 'f1', file_name: 'logo.png', size: 'x', created_by_id: 'u1', source: 'upload' });
    expect(read).toMatchObject({ reference: 'logo.png', fileName: 'logo.png', size: null, fileVersion: 1, latest: false, createdById: 'u1' });
  });
});

describe('groupByReference', () => {
  it('puts each reference under its latest version with the earlier ones newest first', () => {
    const groups = groupByReference([
      version('Contract', 1, '2026-11-01T08:00:00Z'),
      version('Contract', 3, '2026-11-03T08:00:00Z', true),
      version('Contract', 2, '2026-11-02T08:00:00Z'),
      version('Logo', 1, '2026-11-02T09:00:00Z', true),
    ]);
    expect(groups.map((group) => group.reference)).toEqual(['Contract', 'Logo']);
    expect(groups[0]?.latest.fileVersion).toBe(3);
    expect(groups[0]?.earlier.map((entry) => entry.fileVersion)).toEqual([2, 1]);
    expect(groups[1]?.earlier).toEqual([]);
  });

  it('takes the highest version when none is marked latest', () => {
    const [group] = groupByReference([version('Offer', 1, '2026-11-01T08:00:00Z'), version('Offer', 2, '2026-11-02T08:00:00Z')]);
    expect(group?.latest.fileVersion).toBe(2);
    expect(group?.earlier.map((entry) => entry.fileVersion)).toEqual([1]);
  });

  it('lists the reference changed last first, equal times by name', () => {
    const groups = groupByReference([
      version('B', 1, '2026-11-01T08:00:00Z', true),
      version('A', 1, '2026-11-01T08:00:00Z', true),
      version('C', 1, '2026-11-05T08:00:00Z', true),
    ]);
    expect(groups.map((group) => group.reference)).toEqual(['C', 'A', 'B']);
  });

  it('is empty for no attachments', () => {
    expect(groupByReference([])).toEqual([]);
  });
});

describe('previewKindOf', () => {
  it('previews PDFs and images only', () => {
    expect(previewKindOf('application/pdf')).toBe('pdf');
    expect(previewKindOf('image/png')).toBe('image');
    expect(previewKindOf('IMAGE/JPEG; foo=bar')).toBe('image');
    expect(previewKindOf('text/html')).toBeUndefined();
    expect(previewKindOf('')).toBeUndefined();
  });
});
