import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { fakeApi } from '@test/server';
import type { FieldDefinition } from '@/lib/metadata';
import { FieldDisplay, FieldInput } from './FieldView';

/** The app's providers, with Mantine's test mode so dropdown options render at once. */
function renderWithProviders(element: ReactElement) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <MantineProvider env="test">
      <QueryClientProvider client={client}>
        <MemoryRouter>{element}</MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

const parentField: FieldDefinition = {
  name: 'parent',
  field: 'parent',
  type: 'parent',
  label: 'On',
  required: true,
  numbered: false,
  unique: false,
  read_only: false,
  searchable: false,
  sortable: false,
  operators: [],
  values: [],
  // Products are not in the metadata: this user may not read them.
  entities: ['account', 'contact', 'product'],
};

const entity = (name: string, plural: string, label: string, labelPlural: string, titleField: string) => ({
  name,
  plural,
  label,
  label_plural: labelPlural,
  title_field: titleField,
  fields: [{ name: titleField, type: 'text', label: 'Name' }],
  rights: { read: true },
});

const metadata = {
  status: 200,
  body: {
    entities: [entity('account', 'accounts', 'Account', 'Accounts', 'name'), entity('contact', 'contacts', 'Contact', 'Contacts', 'last_name')],
    picklists: {},
  },
};

function Harness({ initial, onValue }: { initial: unknown; onValue: (value: unknown) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <FieldInput
      field={parentField}
      label="On"
      value={value}
      onChange={(next) => {
        setValue(next);
        onValue(next);
      }}
    />
  );
}

describe('parent field', { timeout: 20_000 }, () => {
  it("shows the parent's entity and a link to the record with its title", async () => {
    fakeApi({
      'GET /metadata': metadata,
      'GET /accounts/a1': { status: 200, body: { id: 'a1', name: 'Nordwind GmbH' } },
    });
    renderWithProviders(<FieldDisplay field={parentField} value={{ entity: 'account', id: 'a1' }} />);
    const link = await screen.findByRole('link', { name: 'Nordwind GmbH' });
    expect(link).toHaveAttribute('href', '/accounts/a1');
    expect(screen.getByText('Account:')).toBeInTheDocument();
    expect(document.body.textContent).not.toContain('[object Object]');
  });

  it('shows nothing for no parent and never [object Object] for a broken one', async () => {
    fakeApi({ 'GET /metadata': metadata });
    const { container } = renderWithProviders(
      <div>
        <FieldDisplay field={parentField} value={null} />
        <FieldDisplay field={parentField} value={{ entity: 'account' }} />
        <FieldDisplay field={{ ...parentField, type: 'future_type' }} value={{ entity: 'account', id: 'a1' }} />
      </div>,
    );
    await waitFor(() => {
      expect(container.textContent).toContain('{"entity":"account","id":"a1"}');
    });
    expect(container.textContent).not.toContain('[object Object]');
  });

  it('picks the entity among those the user may read, then the record by searching as you type', async () => {
    const { requests } = fakeApi({
      'GET /metadata': metadata,
      'GET /accounts': { status: 200, body: { data: [{ id: 'a1', name: 'Nordwind GmbH' }], next_cursor: null } },
      'GET /contacts': { status: 200, body: { data: [{ id: 'c1', last_name: 'Keller' }], next_cursor: null } },
    });
    const onValue = vi.fn();
    renderWithProviders(<Harness initial={null} onValue={onValue} />);
    const user = userEvent.setup();

    const kind = await screen.findByRole('textbox', { name: 'On' });
    await waitFor(() => {
      expect(kind).toHaveValue('Account');
    });
    await user.click(kind);
    expect(await screen.findByRole('option', { name: 'Contact' })).toBeInTheDocument();
    expect(screen.queryByRole('option', { name: 'Product' })).toBeNull();
    await user.keyboard('{Escape}');

    const account = screen.getByRole('textbox', { name: 'Account' });
    await user.type(account, 'Nord');
    await user.click(await screen.findByRole('option', { name: 'Nordwind GmbH' }));
    expect(onValue).toHaveBeenLastCalledWith({ entity: 'account', id: 'a1' });
    await waitFor(() => {
      expect(requests.some((request) => request.path === '/accounts' && request.method === 'GET')).toBe(true);
    });

    // Another entity clears the record: an account id is no contact.
    await user.click(kind);
    await user.click(await screen.findByRole('option', { name: 'Contact' }));
    expect(onValue).toHaveBeenLastCalledWith(null);
    await user.click(screen.getByRole('textbox', { name: 'Contact' }));
    await user.click(await screen.findByRole('option', { name: 'Keller' }));
    expect(onValue).toHaveBeenLastCalledWith({ entity: 'contact', id: 'c1' });
  });
});
