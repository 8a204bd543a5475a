/** The sales routes' refusals in plain words: the code says what happened, the server's text says where. */
import { isApiError } from '@/lib/api';

const PLAIN: Record<string, string> = {
  ENQUIRY_CLOSED: 'This enquiry has already become a quotation or an order, or it is closed.',
  QUOTATION_NOT_ACCEPTED: 'Only a quotation the customer has accepted becomes an order.',
  ALREADY_CONVERTED: 'This has been made already; open the one made before.',
  ORDER_NOT_CONFIRMED: 'Only a confirmed order is invoiced: confirm it first.',
  NOTHING_TO_INVOICE: 'Everything on this order has been invoiced already.',
  NOTHING_TO_DELIVER: 'Everything on this order has been delivered or scheduled already.',
  DELIVERY_EXCEEDS_ORDER: 'That is more than the order has left to deliver.',
  INVOICE_NOT_ISSUED: 'Only an issued invoice can be credited or paid.',
  INVOICE_NOT_PAYABLE: 'This invoice takes no payment: issue it first.',
  ALLOCATION_EXCEEDS_PAYMENT: 'That is more than the payment has left to allocate.',
  ALLOCATION_EXCEEDS_INVOICE: 'That is more than the invoice still owes.',
  CREDIT_EXCEEDS_OPEN_AMOUNT: 'The credit note would credit more than the invoice still owes.',
  CURRENCY_MISMATCH: 'The payment and the invoice are in different currencies.',
  ACCOUNT_MISMATCH: 'The payment comes from another customer than the invoice is for.',
  ORDER_LOCKED: 'The order is locked in its present state.',
  INVOICE_LOCKED: 'An issued invoice does not change.',
  TRANSITION_GUARD_FAILED: 'A condition of this step is not met yet.',
  FORBIDDEN: 'You may not do this.',
};

/** The first code the server names (a field's or the answer's own), in words; else its message. */
export function plainError(error: unknown): string {
  if (!isApiError(error)) return error instanceof Error ? error.message : 'Something went wrong.';
  for (const field of error.fields) {
    const words = PLAIN[field.code];
    if (words !== undefined) return words;
  }
  const own = PLAIN[error.code];
  if (own !== undefined) return own;
  const details = error.fields.map((field) => field.message).filter((message) => message !== '');
  return details.length > 0 ? `${error.message}: ${details.join('; ')}` : error.message;
}
