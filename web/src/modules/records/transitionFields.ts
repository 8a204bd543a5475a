import type { TransitionDefinition } from '@/lib/metadata';
import type { EntityRecord } from '@/lib/records';

/** The fields a step requires that the record does not have yet: asked for before it is taken. */
export function missingFields(step: TransitionDefinition | undefined, record: EntityRecord): string[] {
  if (step === undefined) {
    return [];
  }
  return step.requires.filter((name) => {
    const value = record[name];
    return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
  });
}

