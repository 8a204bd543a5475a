import { isApiError } from '@/lib/api';
import type { EntityDefinition } from '@/lib/metadata';

/** Field errors keyed by top-level field (`billing_address.city` lands on `billing_address`). */
export interface FormErrors {
  fields: Record<string, string>;
  /** Problems no field on the form can show. */
  general: string[];
}

export const noErrors: FormErrors = { fields: {}, general: [] };

export function errorsFrom(error: unknown, entity: EntityDefinition): FormErrors {
  if (!isApiError(error)) {
    return { fields: {}, general: [error instanceof Error ? error.message : 'The record could not be saved.'] };
  }
  const fields: Record<string, string> = {};
  const general: string[] = [];
  const known = new Set(entity.fields.map((field) => field.name));
  for (const entry of error.fields) {
    const name = entry.field.split('.')[0] ?? entry.field;
    if (known.has(name)) {
      fields[name] = fields[name] === undefined ? entry.message : `${fields[name]} ${entry.message}`;
    } else {
      general.push(`${entry.field}: ${entry.message}`);
    }
  }
  if (error.fields.length === 0 || general.length > 0) {
    general.unshift(error.message);
  }
  return { fields, general };
}

function same(left: unknown, right: unknown): boolean {
  return JSON.stringify(left ?? null) === JSON.stringify(right ?? null);
}

/** The editable fields whose value differs from the original: what a PATCH sends. */
export function changedValues(
  entity: EntityDefinition,
  original: Record<string, unknown>,
  values: Record<string, unknown>,
): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const field of entity.fields) {
    if (!field.read_only && field.name in values && !same(original[field.name], values[field.name])) {
      changes[field.name] = values[field.name] ?? null;
    }
  }
  return changes;
}

/** A new record's starting values: the definition's defaults. */
export function defaultValues(entity: EntityDefinition): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of entity.fields) {
    if (field.default !== undefined) values[field.name] = field.default;
  }
  return values;
}

/** What a create sends: the filled-in fields only, so the server applies its own defaults and numbering. */
export function filledValues(entity: EntityDefinition, values: Record<string, unknown>): Record<string, unknown> {
  const filled: Record<string, unknown> = {};
  for (const field of entity.fields) {
    const value = values[field.name];
    if (field.read_only || value === undefined || value === null || value === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    filled[field.name] = value;
  }
  return filled;
}
