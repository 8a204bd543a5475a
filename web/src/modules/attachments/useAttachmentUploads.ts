import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { attachmentsKey } from '@/lib/attachments';
import { errorText } from '@/lib/errorText';
import type { EntityDefinition } from '@/lib/metadata';
import { uploadAttachment } from './attachmentsApi';

/** A file on its way, or one the server refused (with its words why). */
export interface PendingUpload {
  key: number;
  fileName: string;
  problem?: string;
}

/**
 * Uploads files onto one record, one after another: two versions of one document sent at
 * once would otherwise race for the same version number. Each file shows while it is
 * sent and stays, with the reason, when refused; the list refreshes as each one lands.
 */
export function useAttachmentUploads(entity: EntityDefinition, recordId: string) {
  const queryClient = useQueryClient();
  const [uploads, setUploads] = useState<PendingUpload[]>([]);
  const next = useRef(0);
  const queue = useRef(Promise.resolve());

  const upload = (files: readonly File[], reference?: string) => {
    const entries = files.map((file) => {
      next.current += 1;
      return { key: next.current, file };
    });
    setUploads((current) => [...current, ...entries.map(({ key, file }) => ({ key, fileName: file.name }))]);
    for (const { key, file } of entries) {
      queue.current = queue.current.then(async () => {
        try {
          await uploadAttachment({ parentEntity: entity.name, parentId: recordId, file, reference });
          setUploads((current) => current.filter((entry) => entry.key !== key));
          await queryClient.invalidateQueries({ queryKey: attachmentsKey(entity.plural, recordId) });
        } catch (error) {
          const problem = errorText(error, 'The upload failed.');
          setUploads((current) => current.map((entry) => (entry.key === key ? { ...entry, problem } : entry)));
        }
      });
    }
  };
  const dismiss = (key: number) => {
    setUploads((current) => current.filter((entry) => entry.key !== key));
  };
  return { uploads, upload, dismiss };
}
