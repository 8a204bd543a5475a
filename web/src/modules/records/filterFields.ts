import type { FilterCondition, FilterOperator } from '@/lib/filter';
import type { EntityDefinition, FieldDefinition } from '@/lib/metadata';
import { fieldKind } from '@/ui/fields/registry';

/** Something the filter builder can filter on: a field, or one part of an address. */
export interface FilterableField {
  path: string;
  label: string;
  field: FieldDefinition;
  operators: FilterOperator[];
}

export const OPERATOR_LABELS: Record<FilterOperator, string> = {
  eq: 'is',
  ne: 'is not',
  lt: 'less than',
  le: 'at most',
  gt: 'greater than',
  ge: 'at least',
  in: 'is any of',
  contains: 'contains',
  starts: 'starts with',
  empty: 'is empty',
  not_empty: 'is not empty',
};

const ADDRESS_PARTS: Record<string, string> = {
  street: 'Street',
  city: 'City',
  postal_code: 'Postal code',
  region: 'Region',
  country: 'Country',
};

/** The server's operators for a field, with `empty` offered both ways. */
function operatorsOf(field: FieldDefinition): FilterOperator[] {
  const known = new Set<string>(Object.keys(OPERATOR_LABELS));
  return field.operators.flatMap((operator): FilterOperator[] => {
    if (operator === 'empty') return ['empty', 'not_empty'];
    return known.has(operator) ? [operator as FilterOperator] : [];
  });
}

/** Every field the caller may filter on, in definition order; addresses by their parts. */
export function filterableFields(entity: EntityDefinition): FilterableField[] {
  return entity.fields.flatMap((field): FilterableField[] => {
    const operators = operatorsOf(field);
    if (operators.length === 0) return [];
    if (field.type === 'address') {
      return (field.parts ?? Object.keys(ADDRESS_PARTS)).map((part) => ({
        path: `${field.name}.${part}`,
        label: `${field.label}: ${ADDRESS_PARTS[part] ?? part}`,
        field: { ...field, name: `${field.name}.${part}`, type: 'text', label: ADDRESS_PARTS[part] ?? part },
        operators,
      }));
    }
    if (field.type === 'parent') {
      // Filtered by its parts: the kind of record (an enum of the allowed entities) and its id.
      const values = (field.entities ?? []).map((name) => ({ key: name, label: name.charAt(0).toUpperCase() + name.slice(1).replace(/_/g, ' ') }));
      return [
        { path: `${field.name}.entity`, label: `${field.label}: kind of record`, field: { ...field, name: `${field.name}.entity`, type: 'enum', values, label: 'Kind of record' }, operators },
        { path: `${field.name}.id`, label: `${field.label}: record id`, field: { ...field, name: `${field.name}.id`, type: 'text', label: 'Record id' }, operators },
      ];
    }
    return [{ path: field.name, label: field.label, field, operators }];
  });
}

const LIST_TYPES: Record<string, string> = { enum: 'multi_enum', link: 'link_multiple', multi_enum: 'multi_enum' };
const SINGLE_TYPES: Record<string, string> = { multi_enum: 'enum', link_multiple: 'link', money: 'decimal', long_text: 'text' };

/** The field whose input edits the value: a list for `in`, one element for a multi-value field. */
export function valueField(filterable: FilterableField, operator: FilterOperator): FieldDefinition {
  const { field } = filterable;
  const type = operator === 'in' ? (LIST_TYPES[field.type] ?? 'text') : (SINGLE_TYPES[field.type] ?? field.type);
  return { ...field, type, required: false, read_only: false };
}

/** A row of the builder as the user left it. */
export interface FilterRow {
  key: number;
  path: string;
  operator: FilterOperator;
  value: unknown;
}

/** Turns builder rows into DSL conditions; `in` over free text takes comma-separated values. */
export function rowsToConditions(rows: readonly FilterRow[], fields: readonly FilterableField[]): FilterCondition[] {
  return rows.flatMap((row): FilterCondition[] => {
    const filterable = fields.find((candidate) => candidate.path === row.path);
    if (filterable === undefined) return [];
    const input = valueField(filterable, row.operator);
    let value: FilterCondition['value'];
    if (Array.isArray(row.value)) {
      value = row.value.map(String);
    } else if (row.operator === 'in' && typeof row.value === 'string') {
      value = row.value.split(',').map((item) => item.trim()).filter((item) => item !== '');
    } else if (typeof row.value === 'number' || typeof row.value === 'boolean' || typeof row.value === 'string') {
      value = row.value;
    } else if (input.type === 'boolean') {
      value = false;
    } else {
      value = '';
    }
    return [{ field: row.path, operator: row.operator, value, literal: fieldKind(filterable.field.type).literal }];
  });
}
