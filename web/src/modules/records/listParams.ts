import { quote } from '@/lib/filter';
import type { ArchivedMode } from '@/lib/records';
import { isRecord } from '@/lib/json';
import type { FilterRow } from './filterFields';
import type { SortState } from './RecordTable';

/** The list's state lives in the address, so Back, reload and shared links keep it. */
export interface ListParams {
  search: string;
  sort: SortState | undefined;
  rows: FilterRow[];
  archived: ArchivedMode;
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
  const sortText = params.get('sort') ?? '';
  const archived = params.get('archived');
  return {
    search: params.get('q') ?? '',
    sort: sortText === '' ? undefined : { field: sortText.replace(/^-/, ''), descending: sortText.startsWith('-') },
    rows: readRows(params.get('filters')),
    archived: archived === 'include' || archived === 'only' ? archived : 'exclude',
  };
}

export function writeListParams(state: ListParams): URLSearchParams {
  const params = new URLSearchParams();
  if (state.search !== '') params.set('q', state.search);
  if (state.sort !== undefined) params.set('sort', `${state.sort.descending ? '-' : ''}${state.sort.field}`);
  if (state.rows.length > 0) {
    params.set('filters', JSON.stringify(state.rows.map(({ path, operator, value }) => ({ path, operator, value }))));
  }
  if (state.archived !== 'exclude') params.set('archived', state.archived);
  return params;
}

/** The quick search and the builder's conditions, joined with "and". */
export function combinedFilter(titleField: string, search: string, builderDsl: string): string {
  const parts: string[] = [];
  if (search.trim() !== '') parts.push(`${titleField} contains ${quote(search.trim())}`);
  if (builderDsl !== '') parts.push(builderDsl);
  return parts.length > 1 ? parts.map((part) => `(${part})`).join(' and ') : (parts[0] ?? '');
}
