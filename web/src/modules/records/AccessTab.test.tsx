import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@test/render';
import { fakeApi } from '@test/server';
import type { EntityDefinition } from '@/lib/metadata';
import { AccessTab } from './AccessTab';

const entity = {
  name: 'account',
  plural: 'accounts',
  label: 'Account',
  label_plural: 'Accounts',
  fields: [{ name: 'industry', field: 'industry', label: 'Industry' }],
} as unknown as EntityDefinition;

describe('access tab', () => {
  it("explains each action for the signed-in administrator's choice of user", async () => {
    const { requests } = fakeApi({
      'GET /auth/me': { status: 200, body: { user: { id: 'u1', username: 'demo', is_admin: true }, csrf_token: 'c' } },
      'GET /users': { status: 200, body: { data: [{ id: 'u1', username: 'demo', name: 'Demo' }] } },
      'GET /accounts/a1/access': {
        status: 200,
        body: {
          administrator: false,
          roles: ['North reader'],
          parent: null,
          actions: {
            read: { allowed: true, rights: [{ role: 'North reader', scope: 'rule', rule: 'area in user.areas', matches: true }] },
            edit: { allowed: false, rights: [], reason: 'no role grants this action' },
          },
          fields: { industry: 'hidden' },
        },
      },
    });
    renderWithProviders(<AccessTab entity={entity} id="a1" />);

    const table = await screen.findByRole('table', { name: 'Access by action' });
    const rows = await within(table).findAllByRole('row');
    expect(rows[1]).toHaveTextContent('ReadAllowedNorth readerrule: area in user.areasmatches');
    expect(rows[2]).toHaveTextContent('EditDeniedno role grants this action');
    expect(screen.getByText(/Industry \(hidden\)/)).toBeInTheDocument();
    expect(requests.some((request) => request.path === '/accounts/a1/access')).toBe(true);
  });
});
