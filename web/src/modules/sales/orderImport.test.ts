import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api';
import { orderFileContentType, orderFileProblems, orderFileVerdict, placeOf } from './orderImport';

describe('orderFileContentType', () => {
  it('types UBL as XML and everything else as EDIFACT', () => {
    expect(orderFileContentType({ name: 'UBL-Order-2.1-Example.xml', type: '' })).toBe('application/xml');
    expect(orderFileContentType({ name: 'order', type: 'text/xml' })).toBe('application/xml');
    expect(orderFileContentType({ name: 'orders-d96a.edi', type: '' })).toBe('application/edifact');
    expect(orderFileContentType({ name: 'ORDERS.TXT', type: 'text/plain' })).toBe('application/edifact');
  });
});

describe('placeOf', () => {
  it('names lines, the buyer and the file in words', () => {
    expect(placeOf('/Order/OrderLine[2]/LineItem/Item')).toBe('Line 2');
    expect(placeOf('LIN 3')).toBe('Line 3');
    expect(placeOf('/Order/BuyerCustomerParty')).toBe('Buyer');
    expect(placeOf('NAD+BY')).toBe('Buyer');
    expect(placeOf('/')).toBe('The file');
    expect(placeOf('customer_reference')).toBe("Customer's order number");
    expect(placeOf('/Order/DocumentCurrencyCode')).toBe('Currency');
  });

  it('keeps any other path as the server gave it', () => {
    expect(placeOf('/Order/IssueDate')).toBe('/Order/IssueDate');
  });
});

describe('orderFileProblems', () => {
  const refusal = new ApiError({
    status: 422,
    code: 'VALIDATION_FAILED',
    message: 'the order file cannot be imported; nothing was imported',
    fields: [
      { field: '/Order/BuyerCustomerParty', code: 'ORDER_UNKNOWN_CUSTOMER', message: "no customer you can see has the code ''" },
      { field: '/Order/OrderLine[2]/LineItem/Item', code: 'ORDER_UNKNOWN_PRODUCT', message: "no product has the code 'SItemNo011'" },
    ],
  });

  it('gives one row per problem, in the order of the file', () => {
    expect(orderFileProblems(refusal)).toEqual([
      { place: 'Buyer', path: '/Order/BuyerCustomerParty', code: 'ORDER_UNKNOWN_CUSTOMER', message: "no customer you can see has the code ''" },
      { place: 'Line 2', path: '/Order/OrderLine[2]/LineItem/Item', code: 'ORDER_UNKNOWN_PRODUCT', message: "no product has the code 'SItemNo011'" },
    ]);
    expect(orderFileVerdict(refusal)).toBe('Nothing was imported: the file has 2 problems');
  });

  it('says a purchase order imported before is one', () => {
    const repeated = new ApiError({
      status: 409,
      code: 'CONFLICT',
      message: 'purchase order 34 is order SO-1 already',
      fields: [{ field: 'customer_reference', code: 'ORDER_ALREADY_IMPORTED', message: 'purchase order 34 is order SO-1 already' }],
    });
    expect(orderFileProblems(repeated)).toEqual([
      { place: "Customer's order number", path: 'customer_reference', code: 'ORDER_ALREADY_IMPORTED', message: 'purchase order 34 is order SO-1 already' },
    ]);
    expect(orderFileVerdict(repeated)).toBe('This purchase order was imported before');
  });

  it('shows a refusal without fields, or a failure without an answer, as one row', () => {
    expect(orderFileProblems(new ApiError({ status: 403, code: 'FORBIDDEN', message: 'You may not' }))).toEqual([
      { place: 'The file', path: '', code: 'FORBIDDEN', message: 'You may not' },
    ]);
    expect(orderFileProblems(new Error('offline'))).toEqual([{ place: 'The file', path: '', code: '', message: 'offline' }]);
    expect(orderFileVerdict(new Error('offline'))).toBe('Nothing was imported');
  });
});
