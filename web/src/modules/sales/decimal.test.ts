import { describe, expect, it } from 'vitest';
import { isPositiveDecimal, scaled, smallerDecimal, unscaled } from './decimal';

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

  it('writes millionths back without trailing zeros', () => {
    expect(unscaled(2500000n)).toBe('2.5');
    expect(unscaled(3000000n)).toBe('3');
    expect(unscaled(1n)).toBe('0.000001');
    expect(unscaled(scaled('12.340') ?? 0n)).toBe('12.34');
  });
});
