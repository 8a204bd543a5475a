import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderRoutes } from '@test/render';
import { errorBody, fakeApi } from '@test/server';
import { PicklistEditPage } from './PicklistEditPage';

const areas = {
  name: 'areas',
  values: [
    { key: 'north', label: 'North', position: 0, active: true },
    { key: 'south', label: 'South', position: 1, active: true },
  ],
};
const routes = [{ path: '/admin/picklists/:name', element: <PicklistEditPage /> }];

describe('picklist editor', () => {
  it('relabels, deactivates and reorders values', async () => {
    const { requests } = fakeApi({
      'GET /picklists/areas': { status: 200, body: areas },
      'PATCH /picklists/areas/values/north': { status: 200, body: areas },
      'PATCH /picklists/areas/values/south': { status: 200, body: areas },
    });
    renderRoutes(routes, '/admin/picklists/areas');
    const user = userEvent.setup();

    const label = await screen.findByRole('textbox', { name: 'Label of north' });
    await user.clear(label);
    await user.type(label, 'Northern{Enter}');
    await user.click(screen.getByRole('switch', { name: 'South active' }));
    await user.click(screen.getByRole('button', { name: 'Move South up' }));

    await waitFor(() => {
      expect(requests.filter((request) => request.method === 'PATCH')).toHaveLength(4);
    });
    const patches = requests.filter((request) => request.method === 'PATCH').map((request) => [request.path, request.body]);
    expect(patches).toEqual([
      ['/picklists/areas/values/north', { label: 'Northern' }],
      ['/picklists/areas/values/south', { active: false }],
      ['/picklists/areas/values/south', { position: 0 }],
      ['/picklists/areas/values/north', { position: 1 }],
    ]);
  });

  it('adds a value and shows a key error on the key', async () => {
    fakeApi({
      'GET /picklists/areas': { status: 200, body: areas },
      'POST /picklists/areas/values': {
        status: 422,
        body: errorBody('VALIDATION_FAILED', 'the picklist value is not valid', [
          { field: 'key', code: 'UNIQUE_VIOLATION', message: 'the picklist has this key already' },
        ]),
      },
    });
    renderRoutes(routes, '/admin/picklists/areas');
    const user = userEvent.setup();

    await user.type(await screen.findByRole('textbox', { name: 'Key' }), 'north');
    await user.type(screen.getByRole('textbox', { name: 'Label' }), 'North again');
    await user.click(screen.getByRole('button', { name: 'Add value' }));

    expect(await screen.findByText('the picklist has this key already')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Key' })).toHaveAttribute('aria-invalid', 'true');
  });
});
