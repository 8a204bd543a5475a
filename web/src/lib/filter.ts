/**
 * Builds the server's filter DSL (`area eq "north" and name contains "gmbh"`) from
 * conditions chosen in the filter builder. Values are written as DSL literals, so user
 * input can never change the shape of the expression.
 */

/** `empty` and `not_empty` take no value; `in` takes a list. */
export type FilterOperator =
  | 'eq'
  | 'ne'
  | 'lt'
  | 'le'
  | 'gt'
  | 'ge'
  | 'in'
  | 'contains'
  | 'starts'
  | 'empty'
  | 'not_empty';

export type FilterValue = string | number | boolean | null | string[];

export interface FilterCondition {
  /** The API name or a dotted path (`billing_address.city`). */
  field: string;
  operator: FilterOperator;
  value: FilterValue;
  /** How to write the value: numbers and booleans bare, everything else quoted. */
  literal: 'string' | 'number' | 'boolean';
}

const PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** A string literal with `"` and `\` escaped. */
export function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function literal(value: FilterValue, kind: FilterCondition['literal']): string | undefined {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    const items = value.map((item) => literal(item, kind));
    return items.some((item) => item === undefined) || items.length === 0
      ? undefined
      : `[${items.join(', ')}]`;
  }
  if (kind === 'boolean') {
    return value === true || value === 'true' ? 'true' : 'false';
  }
  if (kind === 'number') {
    const text = String(value).trim();
    return NUMBER.test(text) ? text : undefined;
  }
  return quote(String(value));
}

/** One condition as DSL text, or `undefined` while it is incomplete or invalid. */
export function conditionToDsl(condition: FilterCondition): string | undefined {
  if (!PATH.test(condition.field)) {
    return undefined;
  }
  if (condition.operator === 'empty') {
    return `${condition.field} empty`;
  }
  if (condition.operator === 'not_empty') {
    return `${condition.field} not empty`;
  }
  const { value } = condition;
  if (value === '' || (Array.isArray(value) && value.length === 0)) {
    return undefined;
  }
  const listValue = condition.operator === 'in' && !Array.isArray(value) ? [String(value)] : value;
  const written = literal(listValue, condition.literal);
  return written === undefined ? undefined : `${condition.field} ${condition.operator} ${written}`;
}

/** All complete conditions joined with `and`; an empty string when there are none. */
export function toDsl(conditions: readonly FilterCondition[]): string {
  return conditions
    .map(conditionToDsl)
    .filter((text): text is string => text !== undefined)
    .join(' and ');
}
