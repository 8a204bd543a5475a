import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderRoutes } from '@test/render';
import { errorBody, fakeApi } from '@test/server';
import { RoleEditPage } from './RoleEditPage';

const metadata = {
  status: 200,
  body: {
    entities: [
      {
        name: 'account',
        plural: 'accounts',
        label: 'Account',
        label_plural: 'Accounts',
        fields: [
          { name: 'name', field: 'name', type: 'text', label: 'Name' },
          { name: 'credit_limit', field: 'credit_limit', type: 'money', label: 'Credit limit' },
        ],
      },
      { name: 'contact', plural: 'contacts', label: 'Contact', label_plural: 'Contacts', fields: [] },
    ],
    picklists: {},
  },
};

const routes = [{ path: '/admin/roles/:id', element: <RoleEditPage /> }];

describe('role editor', () => {
  it('sends the matrix as rights and shows the server’s rule error on its cell', async () => {
    const { requests } = fakeApi({
      'GET /metadata': metadata,
      'POST /roles': {
        status: 422,
        body: errorBody('VALIDATION_FAILED', 'the role is not valid', [
          { field: 'rights[1].rule', code: 'RULE_INVALID', message: "Account has no field 'nonsense'" },
        ]),
      },
    });
    renderRoutes(routes, '/admin/roles/new');
    const user = userEvent.setup();

    await user.type(await screen.findByRole('textbox', { name: 'Name' }), 'North reader');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Accounts create scope' }), 'all');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Accounts read scope' }), 'rule');
    await user.type(screen.getByRole('textbox', { name: 'Accounts read rule' }), 'nonsense in user.areas');
    await user.click(screen.getByRole('button', { name: 'Accounts field rights' }));
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Accounts Credit limit access' }), 'hidden');
    await user.click(screen.getByRole('button', { name: 'Create role' }));

    const rule = screen.getByRole('textbox', { name: 'Accounts read rule' });
    await waitFor(() => {
      expect(rule).toHaveAttribute('aria-invalid', 'true');
    });
    expect(screen.getByText("Account has no field 'nonsense'")).toBeInTheDocument();
    expect(within(screen.getByRole('alert')).getByText(/marked cells/)).toBeInTheDocument();
    const sent = requests.find((request) => request.method === 'POST');
    expect(sent?.body).toEqual({
      name: 'North reader',
      description: null,
      rights: [
        { entity: 'account', action: 'create', scope: 'all' },
        { entity: 'account', action: 'read', scope: 'rule', rule: 'nonsense in user.areas' },
      ],
      field_rights: [{ entity: 'account', field: 'credit_limit', mode: 'hidden' }],
    });
  });

  it('loads a role into the matrix and saves it with its version', async () => {
    const role = {
      id: 'r1',
      name: 'Sales',
      description: 'Field sales',
      rights: [{ entity: 'contact', action: 'edit', scope: 'own' }],
      field_rights: [],
      users: ['u1'],
      version: 3,
    };
    const { requests } = fakeApi({
      'GET /metadata': metadata,
      'GET /roles/r1': { status: 200, body: role },
      'PATCH /roles/r1': { status: 200, body: { ...role, version: 4 } },
    });
    renderRoutes(routes, '/admin/roles/r1');
    const user = userEvent.setup();

    expect(await screen.findByRole('heading', { name: 'Sales', level: 1 })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Contacts edit scope' })).toHaveValue('own');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    const sent = requests.find((request) => request.method === 'PATCH');
    expect(sent?.body).toMatchObject({ version: 3, rights: [{ entity: 'contact', action: 'edit', scope: 'own' }] });
  });
});
