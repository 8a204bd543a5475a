import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api';
import {
  changedValues,
  checkLine,
  createValues,
  draftFromLine,
  hasLineErrors,
  lineErrorsFrom,
  liveQuoteRequest,
  newLineDraft,
  plainDecimal,
} from './lineForm';
import type { DocumentLine } from './documentLines';

function storedLine(change: Partial<DocumentLine> = {}): DocumentLine {
  return {
    id: 'l1',
    version: 4,
    quotation_id: 'q1',
    position: 1,
    product_id: 'p1',
    description: 'Gate valve',
    quantity: '2.000',
    manual_unit_price: null,
    manual_discount: null,
    unit_price: { amount: '250.00', currency: 'EUR' },
    discount_percent: '0.00',
    net_amount: { amount: '500.00', currency: 'EUR' },
    tax_rate: '20.000',
    tax_amount: { amount: '100.00', currency: 'EUR' },
    line_total: { amount: '600.00', currency: 'EUR' },
    price_source: 'list_price',
    pricing_explanation: [],
    ...change,
  };
}

const quotation = { id: 'q1', account_id: 'a1', quotation_date: '2027-03-01', currency: 'EUR', price_list_id: null };

describe('a line being typed', () => {
  it('shows a stored line as a person would have typed it', () => {
    const draft = draftFromLine(
      storedLine({ quantity: '2.500', manual_unit_price: { amount: '199.90', currency: 'EUR' }, manual_discount: '15.00' }),
    );
    expect(draft).toEqual({ id: 'l1', version: 4, product: 'p1', quantity: '2.5', unitPrice: '199.90', discount: '15' });
    expect(plainDecimal('10.000')).toBe('10');
    expect(plainDecimal('0.050')).toBe('0.05');
    expect(plainDecimal('12')).toBe('12');
  });

  it('asks for a product and a quantity before saving', () => {
    const errors = checkLine({ ...newLineDraft(), quantity: ' ' });
    expect(errors.parts).toEqual({ product: 'Choose a product.', quantity: 'Enter a quantity.' });
    expect(hasLineErrors(errors)).toBe(true);
    expect(hasLineErrors(checkLine({ ...newLineDraft(), product: 'p1' }))).toBe(false);
  });

  it("creates a line with the quotation's currency on a typed price, leaving out what is empty", () => {
    expect(createValues({ ...newLineDraft(), product: 'p1', quantity: ' 3 ' }, { field: 'quotation_id', id: 'q1' }, 'EUR')).toEqual({
      quotation_id: 'q1',
      product_id: 'p1',
      quantity: '3',
    });
    expect(createValues({ product: 'p1', quantity: '3', unitPrice: '99.50', discount: '12.5 %' }, { field: 'quotation_id', id: 'q1' }, 'CHF')).toEqual({
      quotation_id: 'q1',
      product_id: 'p1',
      quantity: '3',
      manual_unit_price: { amount: '99.50', currency: 'CHF' },
      manual_discount: '12.5',
    });
  });

  it('sends nothing for a line opened and saved unchanged, though the server writes 2.000 for 2', () => {
    const line = storedLine({ manual_discount: '5.00', manual_unit_price: { amount: '10.00', currency: 'EUR' } });
    expect(changedValues(draftFromLine(line), line, 'EUR')).toEqual({});
    expect(changedValues({ ...draftFromLine(line), quantity: '2.0', discount: '5', unitPrice: '10' }, line, 'EUR')).toEqual({});
  });

  it('sends only the changed quantity, and null for an emptied price or discount, handing it back to the rules', () => {
    const line = storedLine({ manual_discount: '5.00', manual_unit_price: { amount: '10.00', currency: 'EUR' } });
    expect(changedValues({ ...draftFromLine(line), quantity: '5' }, line, 'EUR')).toEqual({ quantity: '5' });
    expect(changedValues({ ...draftFromLine(line), unitPrice: '', discount: ' ' }, line, 'EUR')).toEqual({
      manual_unit_price: null,
      manual_discount: null,
    });
    expect(changedValues({ ...draftFromLine(storedLine()), unitPrice: '12', discount: '7%' }, storedLine(), 'EUR')).toEqual({
      manual_unit_price: { amount: '12', currency: 'EUR' },
      manual_discount: '7',
    });
    expect(changedValues({ ...draftFromLine(storedLine()), product: 'p2' }, storedLine(), 'EUR')).toEqual({ product_id: 'p2' });
  });
});

describe('the live price question', () => {
  it("is asked only once the line has a product and a quantity", () => {
    expect(liveQuoteRequest(newLineDraft(), quotation, 'quotation_date')).toBeUndefined();
    expect(liveQuoteRequest({ ...newLineDraft(), product: 'p1', quantity: '' }, quotation, 'quotation_date')).toBeUndefined();
  });

  it("prices the line for the quotation's customer, date and currency, with what was typed by hand", () => {
    expect(liveQuoteRequest({ product: 'p1', quantity: '10', unitPrice: '', discount: '' }, quotation, 'quotation_date')).toEqual({
      account: 'a1',
      date: '2027-03-01',
      currency: 'EUR',
      lines: [{ product: 'p1', quantity: '10' }],
    });
    expect(
      liveQuoteRequest({ product: 'p1', quantity: '10', unitPrice: '9.90', discount: '3 %' }, { ...quotation, price_list_id: 'pl1' }, 'quotation_date'),
    ).toEqual({
      account: 'a1',
      date: '2027-03-01',
      currency: 'EUR',
      price_list: 'pl1',
      lines: [{ product: 'p1', quantity: '10', unit_price: '9.90', discount: '3' }],
    });
  });
});

describe("the server's errors on a line", () => {
  it('puts the fields of the records API and of the pricing function on the same inputs', () => {
    const saved = lineErrorsFrom(
      new ApiError({
        status: 422,
        code: 'VALIDATION_FAILED',
        message: 'The request has errors.',
        fields: [
          { field: 'quantity', code: 'FIELD_TOO_SMALL', message: 'at least 0.001' },
          { field: 'manual_discount', code: 'FIELD_OUT_OF_RANGE', message: 'between 0 and 100' },
          { field: 'product_id', code: 'PRICE_NOT_FOUND', message: 'no price' },
        ],
      }),
    );
    expect(saved).toEqual({
      parts: { quantity: 'at least 0.001', discount: 'between 0 and 100', product: 'no price' },
      general: [],
    });
    const live = lineErrorsFrom(
      new ApiError({
        status: 422,
        code: 'VALIDATION_FAILED',
        message: 'The request has errors.',
        fields: [{ field: 'lines[0].unit_price', code: 'FIELD_INVALID_DECIMAL', message: 'not a decimal number' }],
      }),
    );
    expect(live.parts).toEqual({ unit_price: 'not a decimal number' });
  });

  it('says why a locked quotation refuses a line, and what to do about a conflict', () => {
    const locked = lineErrorsFrom(
      new ApiError({
        status: 409,
        code: 'CONFLICT',
        message: 'conflict',
        fields: [{ field: 'quotation_id', code: 'QUOTATION_LOCKED', message: 'quotation QUO-1 is sent: only a new revision changes it' }],
      }),
    );
    expect(locked).toEqual({ parts: {}, general: ['quotation QUO-1 is sent: only a new revision changes it'] });
    const conflict = lineErrorsFrom(new ApiError({ status: 412, code: 'VERSION_CONFLICT', message: 'stale' }));
    expect(conflict.general[0]).toMatch(/changed by someone else/);
    expect(lineErrorsFrom(new Error('offline')).general).toEqual(['offline']);
  });
});
