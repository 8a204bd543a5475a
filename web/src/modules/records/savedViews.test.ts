import { describe, expect, it } from 'vitest';
import { readMetadata, type EntityDefinition } from '@/lib/metadata';
import type { FilterRow } from './filterFields';
import { isBareList, readListParams, writeListParams, type ListParams } from './listParams';
import {
  defaultViewOf,
  differsFromView,
  listOfView,
  normalizedShape,
  viewOfList,
  viewToOpen,
  type SavedView,
} from './savedViews';

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

function list(change: Partial<ListParams> = {}): ListParams {
  return { search: '', sort: [], rows: [], filter: '', archived: 'exclude', columns: undefined, view: '', ...change };
}

function row(key: number, path: string, operator: FilterRow['operator'], value: unknown): FilterRow {
  return { key, path, operator, value };
}

function view(change: Partial<SavedView> = {}): SavedView {
  return {
    id: 'v1',
    entity: 'accounts',
    name: 'North',
    filter: '',
    sort: '',
    columns: [],
    is_default: false,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    version: 1,
    ...change,
  };
}

describe('view ↔ list', () => {
  it('saves the search, the builder rows and the other conditions as one filter, with sort and columns', () => {
    const state = list({
      search: 'gmbh',
      rows: [row(1, 'area', 'eq', 'north'), row(2, 'employees', 'gt', 10)],
      filter: 'name starts "A" or name starts "B"',
      sort: [{ field: 'name', descending: false }, { field: 'created_at', descending: true }],
    });
    expect(viewOfList(account, state, ['code', 'area'])).toEqual({
      filter: '(name contains "gmbh") and (area eq "north" and employees gt 10) and (name starts "A" or name starts "B")',
      sort: 'name,-created_at',
      columns: ['code', 'area'],
    });
  });

  it('opens a view as builder rows, the rest as text, its sort keys and its columns', () => {
    const opened = listOfView(
      account,
      view({ filter: '(area eq "north") and (name starts "A" or code eq "X")', sort: '-employees,name', columns: ['name', 'area', 'gone'] }),
      'include',
    );
    expect(opened).toEqual({
      search: '',
      rows: [row(1, 'area', 'eq', 'north')],
      filter: 'name starts "A" or code eq "X"',
      sort: [{ field: 'employees', descending: true }, { field: 'name', descending: false }],
      archived: 'include',
      columns: ['name', 'area'],
      view: 'v1',
    });
  });

  it("opens a view without columns with the definition's list columns", () => {
    expect(listOfView(account, view()).columns).toEqual(['code', 'name']);
  });

  it('round-trips through the address unchanged', () => {
    const opened = listOfView(account, view({ filter: 'area in ["north"] and (code eq "1" or code eq "2")', sort: 'name', columns: ['name'] }));
    const again = readListParams(writeListParams(opened));
    expect(again).toEqual(opened);
    expect(viewOfList(account, again, again.columns ?? [])).toEqual(normalizedShape(account, view({ filter: 'area in ["north"] and (code eq "1" or code eq "2")', sort: 'name', columns: ['name'] })));
  });

  it('tells a list changed from its view, not one written differently', () => {
    const saved = view({ filter: 'name contains "gmbh" and area eq "north"', sort: 'name', columns: ['code', 'name'] });
    const same = list({ search: 'gmbh', rows: [row(1, 'area', 'eq', 'north')], sort: [{ field: 'name', descending: false }], view: 'v1' });
    expect(differsFromView(account, saved, same, ['code', 'name'])).toBe(false);
    expect(differsFromView(account, saved, same, ['code'])).toBe(true);
    expect(differsFromView(account, saved, { ...same, sort: [] }, ['code', 'name'])).toBe(true);
    expect(differsFromView(account, saved, { ...same, rows: [row(1, 'area', 'eq', 'south')] }, ['code', 'name'])).toBe(true);
  });
});

describe('the default view', () => {
  const views = [view({ id: 'a', name: 'A' }), view({ id: 'b', name: 'B', is_default: true })];

  it('is the one marked default', () => {
    expect(defaultViewOf(views)?.id).toBe('b');
    expect(defaultViewOf([view()])).toBeUndefined();
    expect(defaultViewOf(undefined)).toBeUndefined();
  });

  it('opens with a list opened without filter, sort, columns or view in its address', () => {
    expect(viewToOpen(new URLSearchParams(''), true, views)?.id).toBe('b');
    // Archived records alone do not shape the list.
    expect(viewToOpen(new URLSearchParams('archived=include'), true, views)?.id).toBe('b');
  });

  it('does not override an address that says what to show', () => {
    for (const query of ['q=x', 'sort=name', 'filters=[]', 'filter=code%20empty', 'columns=name', 'view=none', 'view=a']) {
      expect(isBareList(new URLSearchParams(query))).toBe(false);
      expect(viewToOpen(new URLSearchParams(query), true, views)).toBeUndefined();
    }
  });

  it("does not come back when the list's own change leaves the address bare", () => {
    expect(viewToOpen(new URLSearchParams(''), false, views)).toBeUndefined();
  });

  it('is nothing while the views are unknown or none is default', () => {
    expect(viewToOpen(new URLSearchParams(''), true, undefined)).toBeUndefined();
    expect(viewToOpen(new URLSearchParams(''), true, [view()])).toBeUndefined();
  });
});
