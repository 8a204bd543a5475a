import { describe, expect, it } from 'vitest';
import { formatSince, spokenSince } from './duration';

describe('formatSince', () => {
  it('shows nothing for the first step', () => {
    expect(formatSince(null)).toBe('');
    expect(formatSince(undefined)).toBe('');
  });

  it('keeps the two largest units, leaving out a zero', () => {
    expect(formatSince(2 * 86400 + 4 * 3600 + 17 * 60)).toBe('+2 d 4 h');
    expect(formatSince(3 * 86400 + 25 * 60)).toBe('+3 d');
    expect(formatSince(86400)).toBe('+1 d');
    expect(formatSince(3600 + 5 * 60 + 9)).toBe('+1 h 5 min');
    expect(formatSince(90)).toBe('+1 min 30 s');
    expect(formatSince(42)).toBe('+42 s');
  });

  it('says zero for steps at the same moment and marks a step before the previous one', () => {
    expect(formatSince(0)).toBe('+0 s');
    expect(formatSince(-7200)).toBe('−2 h');
  });

  it('speaks the span out in words', () => {
    expect(spokenSince(86400 + 3600)).toBe('1 day 1 hour after the previous step');
    expect(spokenSince(8640)).toBe('2 hours 24 minutes after the previous step');
    expect(spokenSince(null)).toBe('');
  });
});
