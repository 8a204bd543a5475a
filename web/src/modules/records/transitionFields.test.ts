import { describe, expect, it } from 'vitest';
import type { TransitionDefinition } from '@/lib/metadata';
import { missingFields } from './transitionFields';

const complete: TransitionDefinition = {
  name: 'complete',
  label: 'Mark done',
  from: ['open'],
  to: 'done',
  roles: [],
  requires: ['outcome', 'tags'],
};

describe('missingFields', () => {
  it('asks for required fields the record lacks', () => {
    expect(missingFields(complete, { id: 'a', outcome: '', tags: [] })).toEqual(['outcome', 'tags']);
    expect(missingFields(complete, { id: 'a', outcome: null })).toEqual(['outcome', 'tags']);
  });

  it('asks for nothing when the record has them', () => {
    expect(missingFields(complete, { id: 'a', outcome: 'Sent.', tags: ['x'] })).toEqual([]);
  });

  it('asks for nothing without a step', () => {
    expect(missingFields(undefined, { id: 'a' })).toEqual([]);
  });
});
