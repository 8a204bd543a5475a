import { describe, expect, it } from 'vitest';
import { intervalsText, parseIntervals } from './routingApi';

describe('working intervals as the calendar form edits them', () => {
  it('reads several intervals a day, with short hours', () => {
    expect(parseIntervals('8:00-12:00, 13:00 – 17:00')).toEqual([
      ['08:00', '12:00'],
      ['13:00', '17:00'],
    ]);
  });

  it('reads an empty day as no work', () => {
    expect(parseIntervals('  ')).toEqual([]);
  });

  it('refuses what is not an interval', () => {
    expect(parseIntervals('8 am to 5 pm')).toBeUndefined();
    expect(parseIntervals('08:00-12:00,')).toBeUndefined();
  });

  it('writes intervals back as they are read', () => {
    const intervals: [string, string][] = [
      ['08:00', '12:00'],
      ['13:00', '24:00'],
    ];
    expect(parseIntervals(intervalsText(intervals))).toEqual(intervals);
  });
});
