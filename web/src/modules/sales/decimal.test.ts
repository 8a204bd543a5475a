import { describe, expect, it } from 'vitest';
import { isPositiveDecimal, scaled, smallerDecimal } from './decimal';

describe('decimals', () => {
  it('compares exactly, with a comma or a point', () => {
    expect(scaled('0.1')).toBe(100000n);
    expect(scaled('1,5')).toBe(scaled('1.500'));
    expect(scaled('-1')).toBeUndefined();
    expect(smallerDecimal('1600.00', '1492.00')).toBe('1492.00');
    expect(smallerDecimal('0.30', '0.3000001')).toBe('0.30');
    expect(isPositiveDecimal('0.00')).toBe(false);
    expect(isPositiveDecimal('0.01')).toBe(true);
    expect(isPositiveDecimal('abc')).toBe(false);
  });
});
