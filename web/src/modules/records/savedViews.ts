/**
 * Saved views: each user's named filter, sort and columns of an entity list
 * (`/api/v1/views`), and how a view maps to the list's address and back.
 */
import { api } from '@/lib/api';
import { toDsl } from '@/lib/filter';
import { defaultColumns, findField, type EntityDefinition } from '@/lib/metadata';
import type { ArchivedMode } from '@/lib/records';
import { filterableFields, rowsToConditions } from './filterFields';
import { filterToRows } from './filterRows';
import { combinedFilter, isBareList, parseSort, sortText, type ListParams } from './listParams';

/** A view as the server answers it; `entity` is the plural. */
export interface SavedView {
  id: string;
  entity: string;
  name: string;
  filter: string;
  sort: string;
  columns: string[];
  is_default: boolean;
  created_at: string;
  updated_at: string;
  version: number;
}

/** What a view holds of a list. */
export interface ViewShape {
  filter: string;
  sort: string;
  columns: string[];
}

export interface NewView extends ViewShape {
  entity: string;
  name: string;
  is_default: boolean;
}

export type ViewChanges = Partial<ViewShape & { name: string; is_default: boolean }> & { version?: number };

export const viewKeys = {
  list: (plural: string) => ['views', plural] as const,
};

export async function listViews(plural: string, signal?: AbortSignal): Promise<SavedView[]> {
  const answer = await api.get<{ data: SavedView[] }>(`/views?entity=${encodeURIComponent(plural)}`, { signal });
  return answer.data;
}

export function createView(view: NewView) {
  return api.post<SavedView>('/views', view);
}

export function updateView(id: string, changes: ViewChanges) {
  return api.patch<SavedView>(`/views/${encodeURIComponent(id)}`, changes);
}

export function deleteView(id: string) {
  return api.delete<undefined>(`/views/${encodeURIComponent(id)}`);
}

/** The filter, sort and columns of the list as it stands: what "Save view" stores. */
export function viewOfList(entity: EntityDefinition, state: ListParams, columns: readonly string[]): ViewShape {
  const builderDsl = toDsl(rowsToConditions(state.rows, filterableFields(entity)));
  return {
    filter: combinedFilter(entity.title_field, state.search, builderDsl, state.filter),
    sort: sortText(state.sort),
    columns: [...columns],
  };
}

/**
 * The list a view opens: its filter as builder rows where the builder can show them (the
 * rest stays text), its sort, and its columns (the definition's when it names none).
 */
export function listOfView(
  entity: EntityDefinition,
  view: Pick<SavedView, 'id' | 'filter' | 'sort' | 'columns'>,
  archived: ArchivedMode = 'exclude',
): ListParams {
  const { rows, rest } = filterToRows(entity, view.filter);
  const known = view.columns.filter((name) => findField(entity, name) !== undefined);
  return {
    search: '',
    sort: parseSort(view.sort),
    rows,
    filter: rest,
    archived,
    columns: known.length > 0 ? known : defaultColumns(entity),
    view: view.id,
  };
}

/** A shape as the list writes it after opening it: two ways of writing one list compare equal. */
export function normalizedShape(entity: EntityDefinition, shape: ViewShape): ViewShape {
  const list = listOfView(entity, { id: '', ...shape });
  return viewOfList(entity, list, list.columns ?? []);
}

/** Whether the list differs from the view it was opened with. */
export function differsFromView(
  entity: EntityDefinition,
  view: SavedView,
  state: ListParams,
  columns: readonly string[],
): boolean {
  const saved = normalizedShape(entity, view);
  const current = normalizedShape(entity, viewOfList(entity, state, columns));
  return (
    saved.filter !== current.filter || saved.sort !== current.sort || saved.columns.join(',') !== current.columns.join(',')
  );
}

export function defaultViewOf(views: readonly SavedView[] | undefined): SavedView | undefined {
  return views?.find((view) => view.is_default);
}

/**
 * The default-view rule: a list opened without a filter, sort, columns or view in its
 * address shows the user's default view of the entity, if there is one. `opened` tells
 * whether this address is an opening (a link followed, a reload) rather than the list's
 * own change of its address, such as clearing the last filter.
 */
export function viewToOpen(
  params: URLSearchParams,
  opened: boolean,
  views: readonly SavedView[] | undefined,
): SavedView | undefined {
  return opened && isBareList(params) ? defaultViewOf(views) : undefined;
}
