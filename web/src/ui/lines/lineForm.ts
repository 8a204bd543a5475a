/**
 * The state of the line being typed on a sales document, the writes it becomes, the live
 * price question it asks, and the errors that come back placed on its inputs. Kept apart
 * from the panel so each can be tested alone.
 */
import { isApiError } from '@/lib/api';
import type { QuoteRequest } from '@/lib/pricing';
import type { EntityRecord } from '@/lib/records';
import { asText } from '@/ui/fields/values';
import type { DocumentLine } from './documentLines';

/** The inputs as typed: amounts stay text, so no digit is lost to floating point. */
export interface LineDraft {
  /** The stored line being changed; a new line has none. */
  id?: string | undefined;
  version?: number | undefined;
  product: string | null;
  quantity: string;
  /** A unit price typed by hand, in the document's currency; empty lets the rules decide. */
  unitPrice: string;
  /** A discount percent typed by hand; empty lets the discount rules decide. */
  discount: string;
}

export type LinePart = 'product' | 'quantity' | 'unit_price' | 'discount';

export interface LineErrors {
  parts: Partial<Record<LinePart, string>>;
  /** What no input shows (a locked document, a conflict). */
  general: string[];
}

export const noLineErrors: LineErrors = { parts: {}, general: [] };

export function newLineDraft(): LineDraft {
  return { product: null, quantity: '1', unitPrice: '', discount: '' };
}

/** `2.500` → `2.5`, `15.00` → `15`: the number as a person would type it. */
export function plainDecimal(text: string): string {
  const trimmed = text.trim();
  if (!/^-?\d+\.\d+$/.test(trimmed)) return trimmed;
  return trimmed.replace(/0+$/, '').replace(/\.$/, '');
}

function sameDecimal(left: string, right: string): boolean {
  const normal = (text: string) => plainDecimal(text.replace(/^\+/, '')).replace(/^(-?)0+(?=\d)/, '$1');
  return normal(left) === normal(right);
}

/** A typed percent without its sign: `12.5 %` is 12.5. */
function percentText(text: string): string {
  return text.trim().replace(/\s*%$/, '');
}

export function draftFromLine(line: DocumentLine): LineDraft {
  return {
    id: line.id,
    version: line.version,
    product: line.product_id === '' ? null : line.product_id,
    quantity: plainDecimal(line.quantity),
    unitPrice: line.manual_unit_price?.amount ?? '',
    discount: line.manual_discount === null ? '' : plainDecimal(line.manual_discount),
  };
}

/** What can be told without asking the server: a product and a quantity must be there. */
export function checkLine(draft: LineDraft): LineErrors {
  const parts: LineErrors['parts'] = {};
  if (draft.product === null || draft.product === '') parts.product = 'Choose a product.';
  if (draft.quantity.trim() === '') parts.quantity = 'Enter a quantity.';
  return { parts, general: [] };
}

export function hasLineErrors(errors: LineErrors): boolean {
  return Object.keys(errors.parts).length > 0 || errors.general.length > 0;
}

function manualPrice(draft: LineDraft, currency: string) {
  const amount = draft.unitPrice.trim();
  return amount === '' ? null : { amount, currency };
}

/** The new line's fields; the hand-typed price and discount only when there are some. */
export function createValues(
  draft: LineDraft,
  parent: { field: string; id: string },
  currency: string,
): Record<string, unknown> {
  const values: Record<string, unknown> = {
    [parent.field]: parent.id,
    product_id: draft.product ?? '',
    quantity: draft.quantity.trim(),
  };
  const price = manualPrice(draft, currency);
  const discount = percentText(draft.discount);
  if (price !== null) values.manual_unit_price = price;
  if (discount !== '') values.manual_discount = discount;
  return values;
}

/**
 * Only what changed on a stored line, so a save never rewrites what someone else changed;
 * an emptied price or discount is sent as null, which hands the decision back to the rules.
 */
export function changedValues(draft: LineDraft, line: DocumentLine, currency: string): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  if ((draft.product ?? '') !== line.product_id) changes.product_id = draft.product ?? '';
  if (!sameDecimal(draft.quantity, line.quantity)) changes.quantity = draft.quantity.trim();
  const price = manualPrice(draft, currency);
  const stored = line.manual_unit_price;
  if (price === null ? stored !== null : stored === null || !sameDecimal(price.amount, stored.amount)) {
    changes.manual_unit_price = price;
  }
  const discount = percentText(draft.discount);
  const storedDiscount = line.manual_discount ?? '';
  if (discount === '' ? storedDiscount !== '' : storedDiscount === '' || !sameDecimal(discount, storedDiscount)) {
    changes.manual_discount = discount === '' ? null : discount;
  }
  return changes;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * The question for the live explanation: the line priced for the document's customer, date
 * (read from `dateField`), currency and price list, as the server will price it on saving.
 * Undefined until the line has a product and a quantity.
 */
export function liveQuoteRequest(draft: LineDraft, document: EntityRecord, dateField: string): QuoteRequest | undefined {
  const quantity = draft.quantity.trim();
  const account = text(document.account_id);
  if (draft.product === null || draft.product === '' || quantity === '' || account === '') return undefined;
  const line: QuoteRequest['lines'][number] = { product: draft.product, quantity };
  const price = draft.unitPrice.trim();
  const discount = percentText(draft.discount);
  if (price !== '') line.unit_price = price;
  if (discount !== '') line.discount = discount;
  const request: QuoteRequest = { account, lines: [line] };
  const date = text(document[dateField]);
  const currency = text(document.currency);
  const priceList = text(document.price_list_id);
  if (date !== '') request.date = date;
  if (currency !== '') request.currency = currency;
  if (priceList !== '') request.price_list = priceList;
  return request;
}

// A line's fields in the records API, and the same inputs in the pricing function's request.
const PART_OF: Record<string, LinePart> = {
  product_id: 'product',
  quantity: 'quantity',
  manual_unit_price: 'unit_price',
  manual_discount: 'discount',
  'lines[0].product': 'product',
  'lines[0].quantity': 'quantity',
  'lines[0].unit_price': 'unit_price',
  'lines[0].discount': 'discount',
};

/** The server's field errors on the inputs they name; anything else, and the summary, as general text. */
export function lineErrorsFrom(error: unknown): LineErrors {
  if (!isApiError(error)) {
    return { parts: {}, general: [error instanceof Error ? error.message : 'The line could not be saved.'] };
  }
  if (error.status === 412) {
    return {
      parts: {},
      general: ['This line was changed by someone else meanwhile. Cancel to see the change, then make yours again.'],
    };
  }
  const errors: LineErrors = { parts: {}, general: [] };
  for (const entry of error.fields) {
    const part = PART_OF[entry.field];
    if (part === undefined) {
      // A locked document (QUOTATION_LOCKED, ORDER_LOCKED) names its own link; the message says why on its own.
      errors.general.push(entry.code.endsWith('_LOCKED') ? entry.message : `${entry.field}: ${entry.message}`);
    } else {
      const current = errors.parts[part];
      errors.parts[part] = current === undefined ? entry.message : `${current} ${entry.message}`;
    }
  }
  if (error.fields.length === 0) errors.general.push(error.message);
  return errors;
}

/** The name a line is known by: its description (the product's name unless retyped). */
export function lineName(line: Record<string, unknown>): string {
  const description = asText(line.description);
  return description === '' ? 'Product' : description;
}
