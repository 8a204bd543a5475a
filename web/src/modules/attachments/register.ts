import { addRecordSlot } from '@/lib/recordSlots';
import { AttachmentsSlot } from './AttachmentsSlot';

/** Puts the attachments panel on the page of every record files may hang under. */
export function registerAttachmentSlots(): void {
  addRecordSlot('recordPanels', AttachmentsSlot);
}
