import { describe, expect, it } from 'vitest';
import { parseValue } from './actionValue';

describe('parseValue', () => {
  it('reads numbers, booleans, null and objects as JSON', () => {
    expect(parseValue('42')).toBe(42);
    expect(parseValue('true')).toBe(true);
    expect(parseValue('null')).toBeNull();
    expect(parseValue('{"amount":"10.00","currency":"EUR"}')).toEqual({ amount: '10.00', currency: 'EUR' });
  });

  it('keeps anything else as the text typed', () => {
    expect(parseValue('checked by the rule')).toBe('checked by the rule');
    expect(parseValue('"quoted"')).toBe('"quoted"');
    expect(parseValue('')).toBe('');
  });
});
