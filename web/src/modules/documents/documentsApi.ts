/** A quotation's or an invoice's printed PDF kept with its attachments, or e-mailed from the outbox. */
import { api } from '@/lib/api';
import type { EntityRecord } from '@/lib/records';

const documentPath = (plural: string, id: string, action: string) =>
  `/${encodeURIComponent(plural)}/${encodeURIComponent(id)}/${action}`;

/** Prints the document as it stands into the next version of its attachment; answers that attachment. */
export function savePdf(plural: string, id: string) {
  return api.post<EntityRecord>(documentPath(plural, id, 'pdf'));
}

export interface EmailRequest {
  /** Left out, the server takes the customer's address. */
  to?: string;
  message?: string;
}

export interface EmailAnswer {
  outbox_id: string;
  to_address: string;
  /** The PDF saved with the document, which the e-mail carries. */
  attachment: EntityRecord;
}

/** Saves the PDF and queues an e-mail with it; 422 `NO_RECIPIENT` on `to` when nobody has an address. */
export function emailDocument(plural: string, id: string, request: EmailRequest) {
  return api.post<EmailAnswer>(documentPath(plural, id, 'email'), request);
}
