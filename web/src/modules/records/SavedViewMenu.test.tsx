import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderRoutes, renderWithProviders } from '@test/render';
import { errorBody, fakeApi } from '@test/server';
import { readMetadata, type EntityDefinition } from '@/lib/metadata';
import type { ListParams } from './listParams';
import { ListPage } from './ListPage';
import type { SavedView } from './savedViews';
import { SavedViewMenu } from './SavedViewMenu';

const metadata = {
  picklists: { areas: [{ key: 'north', label: 'North' }, { key: 'south', label: 'South' }] },
  entities: [
    {
      name: 'account',
      plural: 'accounts',
      label: 'Account',
      label_plural: 'Accounts',
      title_field: 'name',
      list_columns: ['code', 'name'],
      rights: { read: true, create: true },
      fields: [
        { name: 'code', type: 'text', label: 'Code', operators: ['eq', 'starts'] },
        { name: 'name', type: 'text', label: 'Name', operators: ['eq', 'contains'] },
        { name: 'area', type: 'enum', label: 'Area', picklist: 'areas', operators: ['eq', 'in'] },
      ],
    },
  ],
};
// A busy machine renders Mantine's menus slowly: wait longer than the default second.
const SLOW = { timeout: 5000 };

function firstEntity(list: EntityDefinition[]): EntityDefinition {
  const [first] = list;
  if (first === undefined) throw new Error('the test metadata has no entity');
  return first;
}
const account = firstEntity(readMetadata(metadata).entities);

const north: SavedView = {
  id: 'v1',
  entity: 'accounts',
  name: 'North',
  filter: 'area eq "north"',
  sort: '-name',
  columns: ['name', 'area'],
  is_default: true,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  version: 3,
};

const filtered: ListParams = {
  search: '',
  sort: [{ field: 'name', descending: false }],
  rows: [{ key: 1, path: 'area', operator: 'eq', value: 'north' }],
  filter: '',
  archived: 'exclude',
  columns: ['code', 'area'],
  view: '',
};

function renderMenu(views: SavedView[], state: ListParams = filtered) {
  const onApply = vi.fn();
  const onMessage = vi.fn();
  renderWithProviders(
    <SavedViewMenu entity={account} views={views} state={state} columns={['code', 'area']} onApply={onApply} onMessage={onMessage} />,
  );
  return { onApply, onMessage, user: userEvent.setup() };
}

describe('SavedViewMenu', { timeout: 20_000 }, () => {
  it('saves the current filter, sort and columns as a default view and opens it', async () => {
    const { requests } = fakeApi({
      'POST /views': (request) => ({ status: 201, body: { ...north, id: 'v9', ...(request.body as object) } }),
      'GET /views': { status: 200, body: { data: [] } },
    });
    const { onApply, user } = renderMenu([]);
    await user.click(screen.getByRole('button', { name: 'Views' }));
    await user.click(await screen.findByRole('menuitem', { name: /Save view as/ }, SLOW));
    const dialog = await screen.findByRole('dialog', { name: 'Save view' }, SLOW);
    await user.type(within(dialog).getByRole('textbox', { name: /Name/ }), 'North by name');
    await user.click(within(dialog).getByRole('checkbox', { name: /Open this view/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Save view' }));

    await waitFor(() => {
      expect(onApply).toHaveBeenCalledWith({ ...filtered, view: 'v9' });
    });
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({
      entity: 'accounts',
      name: 'North by name',
      is_default: true,
      filter: 'area eq "north"',
      sort: 'name',
      columns: ['code', 'area'],
    });
  });

  it("shows the server's field errors in the dialog and keeps it open", async () => {
    fakeApi({
      'POST /views': {
        status: 403,
        body: errorBody('FORBIDDEN', 'not allowed', [{ field: 'filter', code: 'FIELD_HIDDEN', message: 'the field area is hidden' }]),
      },
    });
    const { onApply, user } = renderMenu([]);
    await user.click(screen.getByRole('button', { name: 'Views' }));
    await user.click(await screen.findByRole('menuitem', { name: /Save view as/ }, SLOW));
    const dialog = await screen.findByRole('dialog', { name: 'Save view' }, SLOW);
    await user.click(within(dialog).getByRole('button', { name: 'Save view' }));
    expect(await within(dialog).findByText('Enter a name for the view.', {}, SLOW)).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: /Name/ }), 'Secret');
    await user.click(within(dialog).getByRole('button', { name: 'Save view' }));
    const alert = await within(dialog).findByRole('alert', {}, SLOW);
    expect(alert).toHaveTextContent('Filter: it uses a field you may not see (the field area is hidden)');
    expect(onApply).not.toHaveBeenCalled();
  });

  it('names a taken name on the name field', async () => {
    fakeApi({
      'POST /views': {
        status: 422,
        body: errorBody('VALIDATION_FAILED', 'the view is not valid', [{ field: 'name', code: 'UNIQUE_VIOLATION', message: 'taken' }]),
      },
    });
    const { user } = renderMenu([north]);
    await user.click(screen.getByRole('button', { name: 'Views' }));
    await user.click(await screen.findByRole('menuitem', { name: /Save view as/ }, SLOW));
    const dialog = await screen.findByRole('dialog', { name: 'Save view' }, SLOW);
    await user.type(within(dialog).getByRole('textbox', { name: /Name/ }), 'North');
    await user.click(within(dialog).getByRole('button', { name: 'Save view' }));
    expect(await within(dialog).findByText('You already have a view of this name.', {}, SLOW)).toBeInTheDocument();
  });

  it('opens a view as its filter rows, sort and columns', async () => {
    const { onApply, user } = renderMenu([north], { ...filtered, view: 'v1' });
    await user.click(screen.getByRole('button', { name: 'View: North (changed)' }));
    const item = await screen.findByRole('menuitem', { name: /^North/ }, SLOW);
    expect(item).toHaveAttribute('aria-current', 'true');
    await user.click(item);
    expect(onApply).toHaveBeenCalledWith({
      search: '',
      sort: [{ field: 'name', descending: true }],
      rows: [{ key: 1, path: 'area', operator: 'eq', value: 'north' }],
      filter: '',
      archived: 'exclude',
      columns: ['name', 'area'],
      view: 'v1',
    });
  });

  it('stops the current view opening by default, guarded by its version', async () => {
    const { requests } = fakeApi({
      'PATCH /views/v1': { status: 200, body: { ...north, is_default: false, version: 4 } },
      'GET /views': { status: 200, body: { data: [north] } },
    });
    const { onMessage, user } = renderMenu([north], { ...filtered, view: 'v1' });
    await user.click(screen.getByRole('button', { name: 'View: North (changed)' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Stop opening by default' }, SLOW));
    await waitFor(() => {
      expect(onMessage).toHaveBeenLastCalledWith({ color: 'green', text: '“North” is no longer your default view.' });
    });
    expect(requests.find((request) => request.method === 'PATCH')?.body).toEqual({ is_default: false, version: 3 });
  });

  it('updates the current view with the list as it stands, and says when it changed elsewhere', async () => {
    const { requests } = fakeApi({
      'PATCH /views/v1': {
        status: 412,
        body: errorBody('VERSION_CONFLICT', 'the view changed since you read it'),
      },
      'GET /views': { status: 200, body: { data: [north] } },
    });
    const { onMessage, user } = renderMenu([north], { ...filtered, view: 'v1' });
    await user.click(screen.getByRole('button', { name: 'View: North (changed)' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Update view with this list' }, SLOW));
    await waitFor(() => {
      expect(onMessage).toHaveBeenLastCalledWith({
        color: 'red',
        text: 'The view was changed elsewhere in the meantime. It has been reloaded; try again.',
      });
    });
    expect(requests.find((request) => request.method === 'PATCH')?.body).toEqual({
      filter: 'area eq "north"',
      sort: 'name',
      columns: ['code', 'area'],
      version: 3,
    });
  });

  it('offers no update while the list is the view', async () => {
    const { user } = renderMenu([{ ...north, sort: 'name', columns: ['code', 'area'] }], { ...filtered, view: 'v1' });
    await user.click(screen.getByRole('button', { name: 'View: North' }));
    expect(await screen.findByRole('menuitem', { name: 'Update view with this list' }, SLOW)).toBeDisabled();
  });

  it('renames the current view', async () => {
    const { requests } = fakeApi({
      'PATCH /views/v1': { status: 200, body: { ...north, name: 'North, by name', version: 4 } },
      'GET /views': { status: 200, body: { data: [north] } },
    });
    const { onMessage, user } = renderMenu([north], { ...filtered, view: 'v1' });
    await user.click(screen.getByRole('button', { name: 'View: North (changed)' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Rename view…' }, SLOW));
    const dialog = await screen.findByRole('dialog', { name: 'Rename view' }, SLOW);
    const name = within(dialog).getByRole('textbox', { name: /Name/ });
    await user.clear(name);
    await user.type(name, 'North, by name');
    await user.click(within(dialog).getByRole('button', { name: 'Rename' }));
    await waitFor(() => {
      expect(onMessage).toHaveBeenLastCalledWith({ color: 'green', text: 'Renamed the view to “North, by name”.' });
    });
    expect(requests.find((request) => request.method === 'PATCH')?.body).toEqual({ name: 'North, by name', version: 3 });
  });
});

describe('the list with a default view', { timeout: 20_000 }, () => {
  it('opens the default view when the address has no filter or sort', async () => {
    const { requests } = fakeApi({
      'GET /metadata': { status: 200, body: metadata },
      'GET /views': { status: 200, body: { data: [north] } },
      'GET /accounts': {
        status: 200,
        body: { data: [{ id: 'a1', version: 1, name: 'Nordwind', area: 'north' }], next_cursor: null, total: 1 },
      },
    });
    const { router } = renderRoutes([{ path: '/:plural', element: <ListPage /> }], '/accounts');
    expect(await screen.findByRole('button', { name: 'View: North' }, SLOW)).toBeInTheDocument();
    await screen.findByRole('table', { name: 'Accounts' }, SLOW);
    const lists = requests.filter((request) => request.path === '/accounts');
    // The first list call already is the view's: no flash of the whole list.
    expect(lists.length).toBeGreaterThan(0);
    expect(new URLSearchParams(router.state.location.search).get('view')).toBe('v1');
    const calls = (vi.mocked(fetch).mock.calls as [string][]).map(([url]) => url).filter((url) => url.startsWith('/api/v1/accounts'));
    for (const url of calls) {
      const query = new URL(url, 'http://atrium.test').searchParams;
      expect(query.get('filter')).toBe('area eq "north"');
      expect(query.get('sort')).toBe('-name');
    }
  });

  it('leaves an address with a sort as it is', async () => {
    fakeApi({
      'GET /metadata': { status: 200, body: metadata },
      'GET /views': { status: 200, body: { data: [north] } },
      'GET /accounts': { status: 200, body: { data: [], next_cursor: null, total: 0 } },
    });
    const { router } = renderRoutes([{ path: '/:plural', element: <ListPage /> }], '/accounts?sort=code');
    expect(await screen.findByRole('button', { name: 'Views' }, SLOW)).toBeInTheDocument();
    expect(router.state.location.search).toBe('?sort=code');
  });
});
