import { addRecordSlot } from '@/lib/recordSlots';
import { DocumentActionSlot } from './DocumentActionSlot';

/** Puts Save PDF and E-mail to customer on quotations and invoices. */
export function registerDocumentSlots(): void {
  addRecordSlot('recordActions', DocumentActionSlot);
}
