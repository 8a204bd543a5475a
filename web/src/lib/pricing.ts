/**
 * What the pricing function answers (`POST /api/v1/pricing/quote`): shared by the price check
 * and by the quotation lines, which show the same explanation for a line being typed.
 */
import { api } from './api';

/** Where a line's unit price came from, first match wins in this order on the server. */
export type PriceSource = 'manual_price' | 'special_price' | 'customer_price' | 'price_list' | 'list_price';

/** One step of a line's explanation; `skipped` is a source passed over, with the reason in `text`. */
export type StepKind = PriceSource | 'discount' | 'tax' | 'rounding' | 'skipped';

export interface QuoteLineInput {
  product: string;
  /** A decimal string above zero. */
  quantity: string;
  /** A price typed by hand, replacing every rule. */
  unit_price?: string;
  /** A discount percent typed by hand (0–100), replacing the discount rules. */
  discount?: string;
}

export interface QuoteRequest {
  account: string;
  /** YYYY-MM-DD; the server's today when left out. */
  date?: string;
  /** ISO 4217; the account's currency when left out. */
  currency?: string;
  /** Prices with this list instead of the customer's. */
  price_list?: string;
  lines: QuoteLineInput[];
}

export interface PricingStep {
  kind: StepKind | (string & {});
  /** The entity of the record that decided, e.g. `price_list_rate`; empty for rounding. */
  source: string;
  source_id: string;
  /** Set for a special price, whose use waits on an approval. */
  approval_id: string;
  text: string;
}

/** Every amount is a decimal string, shown as the server wrote it and never computed with here. */
export interface PricedLine {
  product: string;
  product_name: string;
  quantity: string;
  unit_price: string;
  discount_percent: string;
  gross_amount: string;
  discount_amount: string;
  net_amount: string;
  tax_rate: string;
  tax_amount: string;
  total: string;
  price_source: PriceSource | (string & {});
  explanation: PricingStep[];
}

export interface Quote {
  account: string;
  date: string;
  currency: string;
  lines: PricedLine[];
  totals: { net_amount: string; tax_amount: string; total: string };
}

/** Prices lines for a customer; every amount in the answer is the server's exact text. */
export function requestQuote(request: QuoteRequest, signal?: AbortSignal) {
  return api.post<Quote>('/pricing/quote', request, { signal });
}

const SOURCE_LABELS: Record<PriceSource, string> = {
  manual_price: 'Typed by hand',
  special_price: 'Special price',
  customer_price: 'Customer price',
  price_list: 'Price list',
  list_price: 'List price',
};

/** The badge text of a price source; an unknown one (a newer server) shows as written. */
export function priceSourceLabel(source: string): string {
  return source in SOURCE_LABELS ? SOURCE_LABELS[source as PriceSource] : source.replace(/_/g, ' ');
}
