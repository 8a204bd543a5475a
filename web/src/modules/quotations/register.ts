import { addRecordSlot } from '@/lib/recordSlots';
import { QuotationSlot } from './QuotationSlot';

/** Puts the line editor, the revisions and the PDF preview on the quotation record page. */
export function registerQuotationSlots(): void {
  addRecordSlot('recordPanels', QuotationSlot);
}
