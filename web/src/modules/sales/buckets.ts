/** The ageing buckets in the order they are read, with the words shown for each. */
export const BUCKETS = [
  ['current', 'Not yet due'],
  ['days_1_30', '1–30 days'],
  ['days_31_60', '31–60 days'],
  ['days_61_90', '61–90 days'],
  ['days_over_90', 'Over 90 days'],
] as const;

/** Zero as the server writes it in any scale ("0.00", "0"), so an empty bucket can be muted. */
export function isZero(amount: string | undefined): boolean {
  return amount === undefined || /^-?0*(\.0*)?$/.test(amount.trim());
}
