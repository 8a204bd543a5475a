/** Amounts and quantities compared as the exact decimals they are, never through floating point. */

const SCALE = 6;

/** A non-negative decimal string as an integer of millionths; undefined if it is not such a number. */
export function scaled(text: string): bigint | undefined {
  const match = /^(\d+)(?:[.,](\d*))?$/.exec(text.trim());
  if (match === null) return undefined;
  const fraction = (match[2] ?? '').slice(0, SCALE).padEnd(SCALE, '0');
  return BigInt(match[1] ?? '0') * 10n ** BigInt(SCALE) + BigInt(fraction);
}

/** Millionths written back plainly, without trailing zeros: 2500000n → "2.5". */
export function unscaled(value: bigint): string {
  const unit = 10n ** BigInt(SCALE);
  const whole = value / unit;
  const fraction = (value % unit).toString().padStart(SCALE, '0').replace(/0+$/, '');
  return fraction === '' ? whole.toString() : `${whole.toString()}.${fraction}`;
}

/** The smaller of two decimal strings, as written; the first when either is not a number. */
export function smallerDecimal(left: string, right: string): string {
  const a = scaled(left);
  const b = scaled(right);
  return a === undefined || b === undefined || a <= b ? left : right;
}

export function isPositiveDecimal(text: string): boolean {
  const value = scaled(text);
  return value !== undefined && value > 0n;
}
