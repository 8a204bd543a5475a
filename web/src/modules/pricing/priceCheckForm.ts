/**
 * The price check form's state, the request it becomes, and the errors that come back,
 * placed on the inputs they name. Kept apart from the page so each can be tested alone.
 */
import { isApiError } from '@/lib/api';
import type { FieldDefinition } from '@/lib/metadata';
import type { QuoteLineInput, QuoteRequest } from './pricingApi';

/** The inputs of one line, as typed: amounts stay text so no digit is lost to floating point. */
export interface LineDraft {
  /** Stable across edits and removals, so an error stays on its line when another goes. */
  key: string;
  product: string | null;
  quantity: string;
  unitPrice: string;
  discount: string;
}

export interface PriceCheckDraft {
  account: string | null;
  date: string;
  currency: string;
  priceList: string | null;
  lines: LineDraft[];
}

export type LinePart = 'product' | 'quantity' | 'unit_price' | 'discount';
export type FormPart = 'account' | 'date' | 'currency' | 'price_list' | 'lines';

export interface QuoteErrors {
  fields: Partial<Record<FormPart, string>>;
  /** By line key. */
  lines: Record<string, Partial<Record<LinePart, string>>>;
  /** Problems no input can show. */
  general: string[];
}

export const noQuoteErrors: QuoteErrors = { fields: {}, lines: {}, general: [] };

let lastKey = 0;

export function newLine(): LineDraft {
  lastKey += 1;
  return { key: `line-${String(lastKey)}`, product: null, quantity: '1', unitPrice: '', discount: '' };
}

/** The browser's local date as YYYY-MM-DD: the day the user means by "today". */
export function localDate(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function initialDraft(now: Date = new Date()): PriceCheckDraft {
  return { account: null, date: localDate(now), currency: '', priceList: null, lines: [newLine()] };
}

/**
 * The request for the draft. Optional inputs left empty are left out, so the server applies
 * its defaults (its today, the customer's currency and price list, the pricing rules);
 * every line is sent in order, so `lines[i]` in an answer is the form's line i + 1.
 */
export function buildQuoteRequest(draft: PriceCheckDraft): QuoteRequest {
  const request: QuoteRequest = {
    account: draft.account ?? '',
    lines: draft.lines.map((line) => {
      const input: QuoteLineInput = { product: line.product ?? '', quantity: line.quantity.trim() };
      const unitPrice = line.unitPrice.trim();
      const discount = line.discount.trim().replace(/\s*%$/, '');
      if (unitPrice !== '') input.unit_price = unitPrice;
      if (discount !== '') input.discount = discount;
      return input;
    }),
  };
  const date = draft.date.trim();
  const currency = draft.currency.trim().toUpperCase();
  if (date !== '') request.date = date;
  if (currency !== '') request.currency = currency;
  if (draft.priceList !== null && draft.priceList !== '') request.price_list = draft.priceList;
  return request;
}

/** What can be told without asking the server: the choices and the quantity that must be there. */
export function checkDraft(draft: PriceCheckDraft): QuoteErrors {
  const errors: QuoteErrors = { fields: {}, lines: {}, general: [] };
  if (draft.account === null || draft.account === '') errors.fields.account = 'Choose a customer.';
  for (const line of draft.lines) {
    const problems: Partial<Record<LinePart, string>> = {};
    if (line.product === null || line.product === '') problems.product = 'Choose a product.';
    if (line.quantity.trim() === '') problems.quantity = 'Enter a quantity.';
    if (Object.keys(problems).length > 0) errors.lines[line.key] = problems;
  }
  return errors;
}

export function hasErrors(errors: QuoteErrors): boolean {
  return Object.keys(errors.fields).length > 0 || Object.keys(errors.lines).length > 0 || errors.general.length > 0;
}

const FORM_PARTS: readonly string[] = ['account', 'date', 'currency', 'price_list', 'lines'] satisfies FormPart[];
const LINE_PART = /^lines\[(\d+)\]\.(product|quantity|unit_price|discount)$/;

function append(current: string | undefined, message: string): string {
  return current === undefined ? message : `${current} ${message}`;
}

/**
 * The server's field errors on the inputs they name: `lines[1].quantity` on the second line's
 * Quantity (the lines as they were sent), `currency` on Currency. Anything else is general.
 */
export function quoteErrorsFrom(error: unknown, sentLines: readonly LineDraft[]): QuoteErrors {
  if (!isApiError(error)) {
    return { fields: {}, lines: {}, general: [error instanceof Error ? error.message : 'The lines could not be priced.'] };
  }
  const errors: QuoteErrors = { fields: {}, lines: {}, general: [] };
  for (const entry of error.fields) {
    const match = LINE_PART.exec(entry.field);
    const line = match === null ? undefined : sentLines[Number(match[1])];
    if (match !== null && line !== undefined) {
      const part = match[2] as LinePart;
      const problems = errors.lines[line.key] ?? {};
      problems[part] = append(problems[part], entry.message);
      errors.lines[line.key] = problems;
    } else if (FORM_PARTS.includes(entry.field)) {
      const part = entry.field as FormPart;
      errors.fields[part] = append(errors.fields[part], entry.message);
    } else {
      errors.general.push(`${entry.field}: ${entry.message}`);
    }
  }
  if (error.fields.length === 0 || errors.general.length > 0) errors.general.unshift(error.message);
  return errors;
}

/** A link field for the shared record picker, which searches the entity's titles as you type. */
export function linkField(name: string, entity: string, label: string): FieldDefinition {
  return {
    name,
    field: name,
    type: 'link',
    label,
    entity,
    required: false,
    numbered: false,
    unique: false,
    read_only: false,
    searchable: false,
    sortable: false,
    operators: [],
    values: [],
  };
}
