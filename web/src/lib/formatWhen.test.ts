import { describe, expect, it } from 'vitest';
import { formatWhen } from './formatWhen';

describe('formatWhen', () => {
  const now = new Date('2027-03-01T12:00:00Z');

  it('says just now within the minute', () => {
    expect(formatWhen('2027-03-01T11:59:40Z', now)).toBe('just now');
  });

  it('counts minutes, then hours', () => {
    expect(formatWhen('2027-03-01T11:55:00Z', now)).toBe('5 min ago');
    expect(formatWhen('2027-03-01T09:00:00Z', now)).toBe('3 h ago');
  });

  it('gives the date for older news and for times ahead of the browser', () => {
    expect(formatWhen('2027-02-20T09:00:00Z', now)).not.toMatch(/ago|just now/);
    expect(formatWhen('2027-03-02T09:00:00Z', now)).not.toMatch(/ago|just now/);
  });

  it('leaves text that is no time as it is', () => {
    expect(formatWhen('soon', now)).toBe('soon');
  });
});
