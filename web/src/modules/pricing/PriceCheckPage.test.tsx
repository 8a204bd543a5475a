import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { errorBody, fakeApi } from '@test/server';
import { setCsrfToken } from '@/lib/api';
import { PriceCheckPage } from './PriceCheckPage';
import { localDate } from './priceCheckForm';
import type { PricedLine, Quote } from './pricingApi';

/** The app's providers, with Mantine's test mode so the pickers' options render at once. */
function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <MantineProvider env="test">
      <QueryClientProvider client={client}>
        <MemoryRouter initialEntries={['/pricing']}>
          <PriceCheckPage />
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

const entity = (name: string, plural: string, label: string, labelPlural: string) => ({
  name,
  plural,
  label,
  label_plural: labelPlural,
  title_field: 'name',
  fields: [{ name: 'name', type: 'text', label: 'Name' }],
  rights: { read: true },
});

const catalogue = {
  'GET /metadata': {
    status: 200,
    body: {
      entities: [
        entity('account', 'accounts', 'Account', 'Accounts'),
        entity('product', 'products', 'Product', 'Products'),
        entity('price_list_rate', 'price_list_rates', 'Price list rate', 'Price list rates'),
      ],
      picklists: {},
    },
  },
  'GET /accounts': { status: 200, body: { data: [{ id: 'a1', name: 'Nordwind GmbH' }], next_cursor: null } },
  'GET /products': {
    status: 200,
    body: {
      data: [
        { id: 'p1', name: 'Valve DN50' },
        { id: 'p2', name: 'Seal kit' },
      ],
      next_cursor: null,
    },
  },
};

function pricedLine(change: Partial<PricedLine>): PricedLine {
  return {
    product: 'p1',
    product_name: 'Valve DN50',
    quantity: '10',
    unit_price: '90.00',
    discount_percent: '0',
    gross_amount: '900.00',
    discount_amount: '0.00',
    net_amount: '900.00',
    tax_rate: '19',
    tax_amount: '171.00',
    total: '1071.00',
    price_source: 'price_list',
    explanation: [
      { kind: 'skipped', source: 'special_price', source_id: 's1', approval_id: 'ap1', text: 'special price 60.00 EUR not used: its approval is pending' },
      { kind: 'price_list', source: 'price_list_rate', source_id: 'r1', approval_id: '', text: '90.00 EUR from Domestic 2026 (from 10)' },
      { kind: 'tax', source: 'tax_rule', source_id: 't1', approval_id: '', text: '19% from the rule Standard rate' },
    ],
    ...change,
  };
}

const quote: Quote = {
  account: 'a1',
  date: '2027-06-01',
  currency: 'EUR',
  lines: [pricedLine({})],
  totals: { net_amount: '900.00', tax_amount: '171.00', total: '1071.00' },
};

async function pick(user: ReturnType<typeof userEvent.setup>, input: HTMLElement, option: string) {
  await user.type(input, option.slice(0, 4));
  await user.click(await screen.findByRole('option', { name: option }));
}

describe('the price check page', { timeout: 20_000 }, () => {
  it('asks for a customer and a product without calling the server', async () => {
    const { requests } = fakeApi(catalogue);
    renderPage();
    const user = userEvent.setup();

    const form = screen.getByRole('form', { name: 'Price check' });
    await user.click(within(form).getByRole('button', { name: 'Price' }));
    expect(await within(form).findByText('Choose a customer.')).toBeInTheDocument();
    expect(within(form).getByText('Choose a product.')).toBeInTheDocument();
    expect(within(form).getByRole('textbox', { name: 'Customer' })).toHaveFocus();
    expect(requests.some((request) => request.path === '/pricing/quote')).toBe(false);
  });

  it('prices the chosen lines, shows the amounts as sent and why, and marks what was not used', async () => {
    setCsrfToken('csrf-1');
    const { requests } = fakeApi({ ...catalogue, 'POST /pricing/quote': { status: 200, body: quote } });
    renderPage();
    const user = userEvent.setup();

    const form = screen.getByRole('form', { name: 'Price check' });
    expect(within(form).getByLabelText('Date')).toHaveValue(localDate());
    expect(within(form).getByRole('textbox', { name: 'Currency' })).toHaveValue('');
    await pick(user, within(form).getByRole('textbox', { name: 'Customer' }), 'Nordwind GmbH');
    const line = within(form).getByRole('group', { name: 'Line 1' });
    await pick(user, within(line).getByRole('textbox', { name: 'Product' }), 'Valve DN50');
    await user.clear(within(line).getByRole('textbox', { name: 'Quantity' }));
    await user.type(within(line).getByRole('textbox', { name: 'Quantity' }), '10');
    await user.click(within(form).getByRole('button', { name: 'Price' }));

    const table = await screen.findByRole('table', { name: 'Priced lines' });
    const sent = requests.find((request) => request.path === '/pricing/quote');
    expect(sent?.method).toBe('POST');
    expect(sent?.headers.get('X-CSRF-Token')).toBe('csrf-1');
    expect(sent?.body).toMatchObject({ account: 'a1', lines: [{ product: 'p1', quantity: '10' }] });
    expect(sent?.body).not.toHaveProperty('currency');

    const row = within(table).getAllByRole('row')[1];
    expect(row).toBeDefined();
    expect(within(row ?? table).getByText('90.00')).toBeInTheDocument();
    expect(within(row ?? table).getByText('Price list')).toBeInTheDocument();
    expect(screen.getByText('Amounts in EUR, priced for 2027-06-01.')).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Totals' })).toHaveTextContent('Total1071.00 EUR');

    const steps = within(screen.getByRole('list', { name: 'How line 1 was priced' })).getAllByRole('listitem');
    expect(steps).toHaveLength(3);
    expect(steps[0]).toHaveTextContent('not used');
    expect(steps[0]).toHaveTextContent('its approval is pending');
    expect(within(steps[0] ?? table).getByRole('link', { name: 'See the approval' })).toHaveAttribute('href', '/approvals?approval=ap1');
    expect(within(steps[1] ?? table).getByRole('link', { name: 'Open the price list rate' })).toHaveAttribute(
      'href',
      '/price_list_rates/r1',
    );
    expect(steps[1]).not.toHaveTextContent('not used');

    // Editing marks the prices as out of date until they are asked again.
    await user.type(within(line).getByRole('textbox', { name: 'Discount %' }), '5');
    expect(screen.getByText(/The form has changed since these prices/)).toBeInTheDocument();
  });

  it("shows the server's error on the second line's quantity and drops the old prices", async () => {
    let answer = 0;
    const { requests } = fakeApi({
      ...catalogue,
      'POST /pricing/quote': () =>
        (answer += 1) === 1
          ? { status: 200, body: quote }
          : {
              status: 422,
              body: errorBody('VALIDATION_FAILED', 'The request has errors.', [
                { field: 'lines[1].quantity', code: 'FIELD_TOO_SMALL', message: 'must be more than 0' },
              ]),
            },
    });
    renderPage();
    const user = userEvent.setup();

    const form = screen.getByRole('form', { name: 'Price check' });
    await pick(user, within(form).getByRole('textbox', { name: 'Customer' }), 'Nordwind GmbH');
    await pick(user, within(within(form).getByRole('group', { name: 'Line 1' })).getByRole('textbox', { name: 'Product' }), 'Valve DN50');
    await user.click(within(form).getByRole('button', { name: 'Price' }));
    await screen.findByRole('table', { name: 'Priced lines' });

    await user.click(within(form).getByRole('button', { name: 'Add line' }));
    const second = within(form).getByRole('group', { name: 'Line 2' });
    // The new line's product has the focus, ready to search.
    expect(within(second).getByRole('textbox', { name: 'Product' })).toHaveFocus();
    await pick(user, within(second).getByRole('textbox', { name: 'Product' }), 'Seal kit');
    await user.clear(within(second).getByRole('textbox', { name: 'Quantity' }));
    await user.type(within(second).getByRole('textbox', { name: 'Quantity' }), '0');
    await user.click(within(form).getByRole('button', { name: 'Price' }));

    const quantity = within(second).getByRole('textbox', { name: 'Quantity' });
    await waitFor(() => {
      expect(quantity).toHaveAttribute('aria-invalid', 'true');
    });
    expect(within(second).getByText('must be more than 0')).toBeInTheDocument();
    expect(within(within(form).getByRole('group', { name: 'Line 1' })).getByRole('textbox', { name: 'Quantity' })).not.toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(quantity).toHaveFocus();
    expect(screen.queryByRole('table', { name: 'Priced lines' })).toBeNull();
    const last = requests.filter((request) => request.path === '/pricing/quote').at(-1);
    expect(last?.body).toMatchObject({ lines: [{ product: 'p1', quantity: '1' }, { product: 'p2', quantity: '0' }] });

    // Removing the first line keeps the error on the line it belongs to, now line 1.
    await user.click(within(form).getByRole('button', { name: 'Remove line 1' }));
    expect(within(form).getByRole('button', { name: 'Add line' })).toHaveFocus();
    const remaining = within(form).getByRole('group', { name: 'Line 1' });
    expect(within(remaining).getByText('must be more than 0')).toBeInTheDocument();
    expect(within(form).getByRole('button', { name: 'Remove line 1' })).toBeDisabled();
  });
});
