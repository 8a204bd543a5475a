import { describe, expect, it } from 'vitest';
import { readMetadata, type EntityDefinition } from '@/lib/metadata';
import type { FilterRow } from './filterFields';
import { filterToRows } from './filterRows';

const { entities } = readMetadata({
  picklists: { areas: [{ key: 'north', label: 'North' }, { key: 'south', label: 'South' }] },
  entities: [
    {
      name: 'account',
      plural: 'accounts',
      title_field: 'name',
      list_columns: ['code', 'name'],
      fields: [
        { name: 'code', type: 'text', label: 'Code', operators: ['eq', 'starts', 'empty'] },
        { name: 'name', type: 'text', label: 'Name', operators: ['eq', 'contains', 'starts', 'in', 'empty'] },
        { name: 'area', type: 'enum', label: 'Area', picklist: 'areas', operators: ['eq', 'ne', 'in', 'empty'] },
        { name: 'employees', type: 'integer', label: 'Employees', operators: ['eq', 'gt', 'lt'] },
        { name: 'revenue', type: 'decimal', label: 'Revenue', operators: ['ge'] },
        { name: 'active', type: 'boolean', label: 'Active', operators: ['eq'] },
        { name: 'billing_address', type: 'address', label: 'Billing address', parts: ['city'], operators: ['eq', 'contains'] },
        { name: 'notes', type: 'long_text', label: 'Notes', operators: [] },
      ],
    },
  ],
});
function firstEntity(list: EntityDefinition[]): EntityDefinition {
  const [first] = list;
  if (first === undefined) throw new Error('the test metadata has no entity');
  return first;
}
const account = firstEntity(entities);

function row(key: number, path: string, operator: FilterRow['operator'], value: unknown): FilterRow {
  return { key, path, operator, value };
}

describe('filterToRows', () => {
  it('reads the conditions the builder writes back into rows', () => {
    const { rows, rest } = filterToRows(
      account,
      'area eq "north" and employees gt 10 and revenue ge 12.5 and active eq true and billing_address.city contains "Ber\\"lin"',
    );
    expect(rest).toBe('');
    expect(rows).toEqual([
      row(1, 'area', 'eq', 'north'),
      row(2, 'employees', 'gt', 10),
      row(3, 'revenue', 'ge', '12.5'),
      row(4, 'active', 'eq', true),
      row(5, 'billing_address.city', 'contains', 'Ber"lin'),
    ]);
  });

  it('reads empty, not empty and lists: keys for choices, comma-separated text otherwise', () => {
    const { rows, rest } = filterToRows(account, 'code empty and name not empty and area in ["north", "south"] and name in ["A", "B"]');
    expect(rest).toBe('');
    expect(rows).toEqual([
      row(1, 'code', 'empty', null),
      row(2, 'name', 'not_empty', null),
      row(3, 'area', 'in', ['north', 'south']),
      row(4, 'name', 'in', 'A, B'),
    ]);
  });

  it('flattens the parentheses of the quick search and the builder', () => {
    const { rows, rest } = filterToRows(account, '(name contains "gmbh") and (area eq "north" and employees lt 5)');
    expect(rest).toBe('');
    expect(rows.map((entry) => entry.path)).toEqual(['name', 'area', 'employees']);
  });

  it('keeps what the builder cannot show as text, and "or" inside parentheses', () => {
    const { rows, rest } = filterToRows(
      account,
      'area eq "north" and (name starts "A" or name starts "B") and parent.area eq "south" and not active eq true',
    );
    expect(rows).toEqual([row(1, 'area', 'eq', 'north')]);
    expect(rest).toBe('(name starts "A" or name starts "B") and (parent.area eq "south") and (not active eq true)');
  });

  it('keeps a whole "or" as one condition', () => {
    expect(filterToRows(account, 'area eq "north" or area eq "south"')).toEqual({
      rows: [],
      rest: 'area eq "north" or area eq "south"',
    });
  });

  it('keeps conditions of the wrong literal, an unknown operator, a field without filtering, or user values', () => {
    for (const text of ['employees eq "many"', 'area gt "north"', 'notes contains "x"', 'area in user.areas', 'area eq null']) {
      expect(filterToRows(account, text)).toEqual({ rows: [], rest: text });
    }
  });

  it('keeps text that does not lex for the server to judge', () => {
    expect(filterToRows(account, 'name eq "open')).toEqual({ rows: [], rest: 'name eq "open' });
    expect(filterToRows(account, '  ')).toEqual({ rows: [], rest: '' });
  });
});

describe('filterable parent fields', () => {
  it('are filtered by their parts: the kind of record and its id', async () => {
    const { filterableFields } = await import('./filterFields');
    const [note] = readMetadata({
      entities: [
        {
          name: 'note',
          plural: 'notes',
          fields: [{ name: 'parent', type: 'parent', label: 'On', entities: ['account', 'contact'], operators: ['eq', 'ne', 'in', 'empty'] }],
        },
      ],
    }).entities;
    if (note === undefined) throw new Error('no note entity');
    const fields = filterableFields(note);
    expect(fields.map((field) => [field.path, field.field.type])).toEqual([
      ['parent.entity', 'enum'],
      ['parent.id', 'text'],
    ]);
    expect(fields[0]?.field.values.map((choice) => choice.key)).toEqual(['account', 'contact']);
    const { rows, rest } = filterToRows(note, 'parent.entity eq "account" and parent.id eq "01ABC"');
    expect(rest).toBe('');
    expect(rows).toEqual([row(1, 'parent.entity', 'eq', 'account'), row(2, 'parent.id', 'eq', '01ABC')]);
  });
});
