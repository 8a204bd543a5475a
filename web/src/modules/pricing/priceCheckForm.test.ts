import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api';
import {
  buildQuoteRequest,
  checkDraft,
  hasErrors,
  initialDraft,
  type LineDraft,
  localDate,
  newLine,
  type PriceCheckDraft,
  quoteErrorsFrom,
} from './priceCheckForm';

function line(change: Partial<LineDraft>): LineDraft {
  return { ...newLine(), ...change };
}

function draft(change: Partial<PriceCheckDraft>): PriceCheckDraft {
  return { ...initialDraft(new Date(2027, 5, 1)), ...change };
}

function validation(fields: { field: string; code: string; message: string }[]) {
  return new ApiError({ status: 422, code: 'VALIDATION_FAILED', message: 'The request has errors.', fields });
}

describe('the price check request', () => {
  it('starts on the local date with one line of quantity 1', () => {
    const start = initialDraft(new Date(2027, 0, 9, 23, 30));
    expect(start.date).toBe('2027-01-09');
    expect(start.lines).toHaveLength(1);
    expect(start.lines[0]?.quantity).toBe('1');
    expect(localDate(new Date(2030, 11, 31))).toBe('2030-12-31');
  });

  it('leaves out the optional inputs left empty, so the server applies its defaults', () => {
    const request = buildQuoteRequest(
      draft({ account: 'a1', date: ' ', currency: '', priceList: null, lines: [line({ product: 'p1', quantity: ' 2 ' })] }),
    );
    expect(request).toEqual({ account: 'a1', lines: [{ product: 'p1', quantity: '2' }] });
    expect(JSON.stringify(request)).not.toContain('unit_price');
  });

  it('sends the typed values as exact text, currency in capitals, and a discount without its % sign', () => {
    const request = buildQuoteRequest(
      draft({
        account: 'a1',
        date: '2027-06-01',
        currency: 'eur ',
        priceList: 'pl1',
        lines: [line({ product: 'p1', quantity: '10', unitPrice: '0.10', discount: '12.5 %' })],
      }),
    );
    expect(request).toEqual({
      account: 'a1',
      date: '2027-06-01',
      currency: 'EUR',
      price_list: 'pl1',
      lines: [{ product: 'p1', quantity: '10', unit_price: '0.10', discount: '12.5' }],
    });
  });

  it('sends every line in the order shown, so lines[i] in an answer is the form line i + 1', () => {
    const lines = [line({ product: 'p1' }), line({ product: 'p2', quantity: '3' }), line({ product: 'p3' })];
    const request = buildQuoteRequest(draft({ account: 'a1', lines }));
    expect(request.lines.map((entry) => entry.product)).toEqual(['p1', 'p2', 'p3']);
    expect(request.lines[1]?.quantity).toBe('3');
  });

  it('asks for the customer, each product and each quantity before calling the server', () => {
    const second = line({ product: null, quantity: '' });
    const errors = checkDraft(draft({ account: null, lines: [line({ product: 'p1' }), second] }));
    expect(errors.fields).toEqual({ account: 'Choose a customer.' });
    expect(errors.lines).toEqual({ [second.key]: { product: 'Choose a product.', quantity: 'Enter a quantity.' } });
    expect(hasErrors(errors)).toBe(true);
    expect(hasErrors(checkDraft(draft({ account: 'a1', lines: [line({ product: 'p1' })] })))).toBe(false);
  });

  it('gives every new line a key of its own', () => {
    expect(newLine().key).not.toBe(newLine().key);
  });
});

describe('errors of a price check', () => {
  const sent = [line({ product: 'p1' }), line({ product: 'p2' }), line({ product: 'p3' })];

  it("puts lines[1].quantity on the second line's quantity and nowhere else", () => {
    const errors = quoteErrorsFrom(
      validation([{ field: 'lines[1].quantity', code: 'FIELD_TOO_SMALL', message: 'must be more than 0' }]),
      sent,
    );
    expect(errors.lines).toEqual({ [sent[1]?.key ?? '']: { quantity: 'must be more than 0' } });
    expect(errors.fields).toEqual({});
    expect(errors.general).toEqual([]);
  });

  it('places each part of a line and the form fields, joining two messages on one input', () => {
    const errors = quoteErrorsFrom(
      validation([
        { field: 'lines[0].product', code: 'PRICE_NOT_FOUND', message: 'no price for this product in GBP on 2027-06-01' },
        { field: 'lines[2].unit_price', code: 'FIELD_INVALID_DECIMAL', message: 'not a decimal number' },
        { field: 'lines[2].discount', code: 'FIELD_OUT_OF_RANGE', message: 'between 0 and 100' },
        { field: 'currency', code: 'FIELD_INVALID', message: 'three capital letters' },
        { field: 'currency', code: 'FIELD_INVALID', message: 'not a known currency' },
        { field: 'account', code: 'LINK_NOT_FOUND', message: 'no such customer' },
      ]),
      sent,
    );
    expect(errors.lines[sent[0]?.key ?? '']).toEqual({ product: 'no price for this product in GBP on 2027-06-01' });
    expect(errors.lines[sent[2]?.key ?? '']).toEqual({ unit_price: 'not a decimal number', discount: 'between 0 and 100' });
    expect(errors.fields).toEqual({ currency: 'three capital letters not a known currency', account: 'no such customer' });
    expect(errors.general).toEqual([]);
  });

  it('keeps what no input shows as a general message, after the summary', () => {
    const errors = quoteErrorsFrom(
      validation([
        { field: 'lines[7].quantity', code: 'FIELD_TOO_SMALL', message: 'must be more than 0' },
        { field: 'lines[0].colour', code: 'FIELD_INVALID', message: 'unknown' },
      ]),
      sent,
    );
    expect(errors.lines).toEqual({});
    expect(errors.general).toEqual([
      'The request has errors.',
      'lines[7].quantity: must be more than 0',
      'lines[0].colour: unknown',
    ]);
  });

  it('shows the message of an answer without field errors, or of a failure that is no answer', () => {
    expect(quoteErrorsFrom(new ApiError({ status: 500, code: 'INTERNAL', message: 'Something broke.' }), sent).general).toEqual([
      'Something broke.',
    ]);
    expect(quoteErrorsFrom(new Error('offline'), sent).general).toEqual(['offline']);
  });
});
