import { describe, expect, it } from 'vitest';
import { DEFAULT_CHOICE, describeRrule, fromRrule, toRrule } from './recurrence';

describe('the recurrence builder', () => {
  it('writes nothing for a one-off reminder', () => {
    expect(toRrule(DEFAULT_CHOICE)).toBe('');
  });

  it('writes weekly days in weekday order with the interval and a count', () => {
    expect(
      toRrule({ ...DEFAULT_CHOICE, frequency: 'weekly', interval: 2, weekdays: ['WE', 'MO'], end: 'after', count: 5 }),
    ).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=5');
  });

  it('writes the last day of the month and an end date', () => {
    expect(toRrule({ ...DEFAULT_CHOICE, frequency: 'monthly', monthDay: -1, end: 'on', until: '2030-06-30' })).toBe(
      'FREQ=MONTHLY;BYMONTHDAY=-1;UNTIL=20300630',
    );
  });

  it('reads back what it writes', () => {
    for (const rule of ['FREQ=DAILY', 'FREQ=YEARLY;INTERVAL=4', 'FREQ=WEEKLY;BYDAY=MO,FR;UNTIL=20300101', 'FREQ=MONTHLY;BYMONTHDAY=31;COUNT=3']) {
      expect(toRrule(fromRrule(rule))).toBe(rule);
    }
  });

  it('keeps rules it cannot show as custom', () => {
    const choice = fromRrule('RRULE:FREQ=MONTHLY;BYDAY=1MO');
    expect(choice.frequency).toBe('custom');
    expect(toRrule(choice)).toBe('FREQ=MONTHLY;BYDAY=1MO');
    expect(fromRrule('FREQ=WEEKLY;BYDAY=XX').frequency).toBe('custom');
  });

  it('describes a rule in words', () => {
    expect(describeRrule('')).toBe('Once');
    expect(describeRrule('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=5')).toBe('Every 2 weeks on Monday, Wednesday, 5 times');
    expect(describeRrule('FREQ=MONTHLY;BYMONTHDAY=-1')).toBe('Every month on the last day');
  });
});
