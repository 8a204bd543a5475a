import { describe, expect, it } from 'vitest';
import { conditionToDsl, quote, toDsl } from './filter';

describe('filter DSL', () => {
  it('quotes strings with escaped quotes and backslashes', () => {
    expect(quote('say "hi" \\ bye')).toBe('"say \\"hi\\" \\\\ bye"');
  });

  it('joins complete conditions with and, writing each value by its kind', () => {
    expect(
      toDsl([
        { field: 'area', operator: 'eq', value: 'north', literal: 'string' },
        { field: 'credit_limit', operator: 'ge', value: '1000', literal: 'number' },
        { field: 'do_not_contact', operator: 'eq', value: false, literal: 'boolean' },
        { field: 'billing_address.city', operator: 'starts', value: 'Kö', literal: 'string' },
      ]),
    ).toBe('area eq "north" and credit_limit ge 1000 and do_not_contact eq false and billing_address.city starts "Kö"');
  });

  it('writes empty, not empty and in lists', () => {
    expect(conditionToDsl({ field: 'email', operator: 'empty', value: null, literal: 'string' })).toBe('email empty');
    expect(conditionToDsl({ field: 'email', operator: 'not_empty', value: null, literal: 'string' })).toBe('email not empty');
    expect(conditionToDsl({ field: 'area', operator: 'in', value: ['north', 'south'], literal: 'string' })).toBe('area in ["north", "south"]');
  });

  it('leaves out incomplete conditions, bad numbers and paths that are not names', () => {
    expect(
      toDsl([
        { field: 'name', operator: 'contains', value: '', literal: 'string' },
        { field: 'credit_limit', operator: 'gt', value: '12 or 1', literal: 'number' },
        { field: 'name or 1', operator: 'eq', value: 'x', literal: 'string' },
        { field: 'area', operator: 'in', value: [], literal: 'string' },
      ]),
    ).toBe('');
  });
});
