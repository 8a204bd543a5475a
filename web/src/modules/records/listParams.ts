import { quote } from '@/lib/filter';
import type { ArchivedMode } from '@/lib/records';
import { isRecord } from '@/lib/json';
import type { FilterRow } from './filterFields';
import type { SortState } from './RecordTable';

/** The list's state lives in the address, so Back, reload and shared links keep it. */
export interface ListParams {
  search: string;
  /** Keys in order; the table's header sorts by the first. */
  sort: SortState[];
  rows: FilterRow[];
  /** Conditions the builder cannot show (from a saved view), applied next to its rows. */
  filter: string;
  archived: ArchivedMode;
  /** The columns chosen for this list; undefined: the browser's choice or the definition's. */
  columns: string[] | undefined;
  /** The saved view the list was opened with: its id, `none` for none, '' when not said. */
  view: string;
}

/** The parameters that shape a list; without any of them it opens the user's default view. */
const SHAPING = ['q', 'sort', 'filters', 'filter', 'columns', 'view'];

export function isBareList(params: URLSearchParams): boolean {
  return SHAPING.every((name) => !params.has(name));
}

/** `name,-created_at` as sort keys; empty and malformed keys are left out. */
export function parseSort(text: string): SortState[] {
  return text
    .split(',')
    .map((key) => key.trim())
    .filter((key) => /^-?[a-z_][a-z0-9_.]*$/.test(key))
    .map((key) => ({ field: key.replace(/^-/, ''), descending: key.startsWith('-') }));
}

export function sortText(sort: readonly SortState[]): string {
  return sort.map((key) => `${key.descending ? '-' : ''}${key.field}`).join(',');
}

const OPERATORS = new Set(['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'in', 'contains', 'starts', 'empty', 'not_empty']);

function readRows(text: string | null): FilterRow[] {
  if (text === null || text === '') return [];
  try {
    const parsed = JSON.parse(text) as unknown;
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(isRecord).flatMap((entry, index): FilterRow[] =>
      typeof entry.path === 'string' && typeof entry.operator === 'string' && OPERATORS.has(entry.operator)
        ? [{ key: index + 1, path: entry.path, operator: entry.operator as FilterRow['operator'], value: entry.value ?? null }]
        : [],
    );
  } catch {
    return [];
  }
}

export function readListParams(params: URLSearchParams): ListParams {
  const archived = params.get('archived');
  const columns = (params.get('columns') ?? '').split(',').filter((name) => name !== '');
  return {
    search: params.get('q') ?? '',
    sort: parseSort(params.get('sort') ?? ''),
    rows: readRows(params.get('filters')),
    filter: params.get('filter') ?? '',
    archived: archived === 'include' || archived === 'only' ? archived : 'exclude',
    columns: params.has('columns') && columns.length > 0 ? columns : undefined,
    view: params.get('view') ?? '',
  };
}

export function writeListParams(state: ListParams): URLSearchParams {
  const params = new URLSearchParams();
  if (state.view !== '') params.set('view', state.view);
  if (state.search !== '') params.set('q', state.search);
  if (state.sort.length > 0) params.set('sort', sortText(state.sort));
  if (state.rows.length > 0) {
    params.set('filters', JSON.stringify(state.rows.map(({ path, operator, value }) => ({ path, operator, value }))));
  }
  if (state.filter.trim() !== '') params.set('filter', state.filter.trim());
  if (state.columns !== undefined && state.columns.length > 0) params.set('columns', state.columns.join(','));
  if (state.archived !== 'exclude') params.set('archived', state.archived);
  return params;
}

/** The quick search, the builder's conditions and the other conditions, joined with "and". */
export function combinedFilter(titleField: string, search: string, builderDsl: string, other = ''): string {
  const parts: string[] = [];
  if (search.trim() !== '') parts.push(`${titleField} contains ${quote(search.trim())}`);
  if (builderDsl !== '') parts.push(builderDsl);
  if (other.trim() !== '') parts.push(other.trim());
  return parts.length > 1 ? parts.map((part) => `(${part})`).join(' and ') : (parts[0] ?? '');
}
