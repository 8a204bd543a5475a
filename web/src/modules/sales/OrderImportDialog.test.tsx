import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderRoutes } from '@test/render';
import { errorBody, fakeApi } from '@test/server';
import { readMetadata } from '@/lib/metadata';
import { OrderImportDialog } from './OrderImportDialog';

const orders = readMetadata({
  entities: [{ name: 'sales_order', plural: 'orders', label: 'Order', fields: [{ name: 'number', type: 'text' }], rights: { create: true } }],
}).entities[0] ?? fail();

function fail(): never {
  throw new Error('no order definition');
}

function renderDialog() {
  return renderRoutes(
    [
      { path: '/orders', element: <OrderImportDialog entity={orders} /> },
      { path: '/orders/:id', element: <p>Order page</p> },
    ],
    '/orders',
  );
}

async function importFile(name: string) {
  await userEvent.click(screen.getByRole('button', { name: 'Import order file' }));
  const dialog = await screen.findByRole('dialog', { name: 'Import order file' });
  // Mantine's FileInput is a labelled button over a hidden file input, which takes the file.
  const input = dialog.querySelector<HTMLInputElement>('input[type="file"]');
  if (input === null) throw new Error('no file input');
  await userEvent.upload(input, new File(['<Order/>'], name, { type: '' }));
  await userEvent.click(within(dialog).getByRole('button', { name: 'Import' }));
  return dialog;
}

describe('OrderImportDialog', () => {
  it('lists every problem of a refused file with its place, code and words', async () => {
    fakeApi({
      'POST /orders/import': {
        status: 422,
        body: errorBody('VALIDATION_FAILED', 'the order file cannot be imported', [
          { field: '/Order/BuyerCustomerParty', code: 'ORDER_UNKNOWN_CUSTOMER', message: 'no customer' },
          { field: '/Order/OrderLine[2]/LineItem/Item', code: 'ORDER_UNKNOWN_PRODUCT', message: "no product has the code 'SItemNo011'" },
        ]),
      },
    });
    renderDialog();
    const dialog = await importFile('order.xml');

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Nothing was imported: the file has 2 problems');
    const rows = within(within(dialog).getByRole('table', { name: 'Problems in the order file' })).getAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual([
      'PlaceProblemWhy',
      'Buyer/Order/BuyerCustomerPartyORDER_UNKNOWN_CUSTOMERno customer',
      "Line 2/Order/OrderLine[2]/LineItem/ItemORDER_UNKNOWN_PRODUCTno product has the code 'SItemNo011'",
    ]);
  });

  it('sends the file as XML and opens the order it made', async () => {
    const { fetchMock } = fakeApi({ 'POST /orders/import': { status: 201, body: { id: 'o9', number: 'SO-9' } } });
    const { router } = renderDialog();
    await importFile('UBL-Order.xml');

    expect(await screen.findByText('Order page')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/orders/o9');
    expect(new Headers(fetchMock.mock.calls[0]?.[1]?.headers).get('Content-Type')).toBe('application/xml');
  });
});
