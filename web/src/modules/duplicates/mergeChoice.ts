import type { EntityDefinition, FieldDefinition } from '@/lib/metadata';
import type { EntityRecord } from '@/lib/records';

/** Field name → the id of the record whose value the survivor takes. */
export type MergeChoices = Record<string, string>;

function same(left: unknown, right: unknown): boolean {
  return JSON.stringify(left ?? null) === JSON.stringify(right ?? null);
}

function empty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** The fields a merge can choose: editable, and not the same in every record. */
export function differingFields(entity: EntityDefinition, records: EntityRecord[]): FieldDefinition[] {
  return entity.fields.filter((field) => {
    // Unique values (codes, numbers) stay with their record: two records cannot hold one.
    if (field.read_only || field.unique || field.numbered) return false;
    const first = records[0]?.[field.name];
    return records.some((record) => !same(record[field.name], first));
  });
}

/**
 * The starting choice per differing field: the survivor's value, unless it is empty and
 * another record has one (a merge should not lose a known e-mail or phone).
 */
export function defaultChoices(entity: EntityDefinition, survivorId: string, records: EntityRecord[]): MergeChoices {
  const survivor = records.find((record) => record.id === survivorId);
  const choices: MergeChoices = {};
  for (const field of differingFields(entity, records)) {
    if (survivor !== undefined && !empty(survivor[field.name])) {
      choices[field.name] = survivorId;
      continue;
    }
    const filled = records.find((record) => !empty(record[field.name]));
    choices[field.name] = filled?.id ?? survivorId;
  }
  return choices;
}

/** When the survivor changes, fields that followed the old survivor follow the new one. */
export function withSurvivor(choices: MergeChoices, previousSurvivorId: string, survivorId: string): MergeChoices {
  const next: MergeChoices = {};
  for (const [field, id] of Object.entries(choices)) next[field] = id === previousSurvivorId ? survivorId : id;
  return next;
}

/** The survivor as it will be: its own values with the chosen ones from the others. */
export function previewOf(survivorId: string, records: EntityRecord[], choices: MergeChoices): Record<string, unknown> {
  const survivor = records.find((record) => record.id === survivorId);
  const preview: Record<string, unknown> = { ...(survivor ?? {}) };
  for (const [field, id] of Object.entries(choices)) {
    const source = records.find((record) => record.id === id);
    if (source !== undefined) preview[field] = source[field] ?? null;
  }
  return preview;
}

/** The request's `values`: only the fields that come from a record other than the survivor. */
export function mergeValues(survivorId: string, choices: MergeChoices): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [field, id] of Object.entries(choices)) {
    if (id !== survivorId) values[field] = id;
  }
  return values;
}
