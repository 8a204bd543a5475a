import { describe, expect, it } from 'vitest';
import { describeTrigger } from './automationApi';

describe('describeTrigger', () => {
  it('says when a date trigger fires relative to the date', () => {
    expect(describeTrigger({ kind: 'date_reached', field: 'due_at', offset_minutes: -60 })).toBe('due_at reached 60 min before');
    expect(describeTrigger({ kind: 'date_reached', field: 'due_at', offset_minutes: 30 })).toBe('due_at reached 30 min after');
    expect(describeTrigger({ kind: 'date_reached', field: 'due_at', offset_minutes: 0 })).toBe('due_at reached');
  });

  it('names the field, the state or the schedule', () => {
    expect(describeTrigger({ kind: 'field_changed', field: 'industry' })).toBe('A field changed: industry');
    expect(describeTrigger({ kind: 'state_entered', state: 'done' })).toBe('Entered done');
    expect(describeTrigger({ kind: 'schedule', schedule: 'every day at 08:00' })).toBe('every day at 08:00');
    expect(describeTrigger({ kind: 'created' })).toBe('Created');
  });
});
