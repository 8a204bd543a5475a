/** Typed call of `POST /api/v1/pricing/quote`: what a customer pays for products on a date, and why. */
import { useMutation } from '@tanstack/react-query';
import { type QuoteRequest, requestQuote } from '@/lib/pricing';

export {
  priceSourceLabel,
  type PriceSource,
  type PricedLine,
  type PricingStep,
  type Quote,
  type QuoteLineInput,
  type QuoteRequest,
  type StepKind,
} from '@/lib/pricing';

/** The most lines one quote may ask for. */
export const MAX_LINES = 200;

export function useQuote() {
  // Nothing is cached: a quote is a question asked on demand, and the rules behind it change.
  return useMutation({
    mutationFn: (request: QuoteRequest) => requestQuote(request),
  });
}
