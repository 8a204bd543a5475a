/**
 * Where a record's attachments live in the query cache. Shared because more than the
 * attachments panel adds to them: a quotation's "Save PDF" stores a new version there.
 */
export function attachmentsKey(plural: string, id: string) {
  // Under the records' own keys, so whatever refreshes a record's related lists refreshes these.
  return ['records', 'attachments', 'related', plural, id, 'panel'] as const;
}
