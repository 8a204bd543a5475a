// Browser journey of a purchase order received as a file: the OASIS UBL 2.1 example order
// (its buyer and products set up first, as in tests/api/order_import.test) imported from the
// order list opens as the draft order it became; the same purchase order again is named as
// imported before; a file naming a product nobody has lists its problem at its line.
//
// Each case signs in again (run.mjs starts every case signed out).

import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pageApi } from './page-api.mjs';
import { settled } from './settle.mjs';

const fixture = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'server', 'tests', 'fixtures', 'ubl', 'UBL-Order-2.1-Example.xml');

/** The cases, given run.mjs's helpers. */
export function orderImportCases({ baseUrl, check, signIn, scrollsSideways }) {
  const api = pageApi(baseUrl, check);
  const suffix = Date.now().toString(36);
  // The purchase order's own number, unique per run, so a second run against the same data imports too.
  const purchaseOrder = `J-${suffix}`;

  /** The record of `plural` whose `field` is `value`, made from `values` when there is none. */
  async function ensure(context, plural, field, value, values) {
    const filter = encodeURIComponent(`${field} eq ${JSON.stringify(value)}`);
    const found = await api(context, 'GET', `/${plural}?filter=${filter}&limit=1`);
    return found.data[0] ?? api(context, 'POST', `/${plural}`, values);
  }

  /** The example order as this run sends it: its own number, and any text replaced. */
  async function orderFile(replacements = {}) {
    let xml = (await readFile(fixture, 'utf8')).replace('<cbc:ID>34</cbc:ID>', `<cbc:ID>${purchaseOrder}</cbc:ID>`);
    for (const [from, to] of Object.entries(replacements)) xml = xml.replaceAll(from, to);
    return { name: `purchase-order-${suffix}.xml`, mimeType: 'application/xml', buffer: Buffer.from(xml) };
  }

  /** Opens the dialog from the order list, chooses the file and imports it. */
  async function importFile(page, file) {
    await page.goto(`${baseUrl}/orders`, { waitUntil: 'domcontentloaded' });
    await page.getByRole('button', { name: 'Import order file' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import order file' });
    await dialog.locator('input[type="file"]').setInputFiles(file);
    const [response] = await Promise.all([
      page.waitForResponse((candidate) => new URL(candidate.url()).pathname === '/api/v1/orders/import'),
      dialog.getByRole('button', { name: 'Import', exact: true }).click(),
    ]);
    return { dialog, response };
  }

  return [
    {
      name: 'order import: the UBL example order imported from the order list opens as a draft order of its buyer',
      async run({ page, context, screenshot }) {
        await signIn(page);
        const buyer = await ensure(context, 'accounts', 'name', 'Johnssons byggvaror', {
          code: `JB-${suffix}`,
          name: 'Johnssons byggvaror',
          area: 'north',
          currency: 'SEK',
        });
        await ensure(context, 'products', 'code', 'SItemNo001', { code: 'SItemNo001', name: 'Falu Rödfärg', list_price: { amount: '60.00', currency: 'SEK' } });
        await ensure(context, 'products', 'code', 'SItemNo011', { code: 'SItemNo011', name: 'Pensel 20 mm', list_price: { amount: '18.00', currency: 'SEK' } });

        const { response } = await importFile(page, await orderFile());
        check(response.status() === 201, `the import answered ${response.status()}: ${await response.text()}`);
        const made = await response.json();
        await page.waitForURL((url) => url.pathname === `/orders/${made.id}`);
        await page.getByRole('heading', { level: 1, name: made.number }).waitFor();
        const order = await api(context, 'GET', `/orders/${made.id}`);
        check(order.account_id === buyer.id && order.customer_reference === purchaseOrder && order.status === 'draft',
          `the order is for ${order.account_id}, reference ${order.customer_reference}, ${order.status}`);
        await page.getByRole('table', { name: 'Order lines' }).getByText('Falu Rödfärg').first().waitFor();
        await screenshot('order-imported');

        // The same purchase order again is not a second order.
        const again = await importFile(page, await orderFile());
        check(again.response.status() === 409, `the repeated import answered ${again.response.status()}`);
        await again.dialog.getByRole('alert').filter({ hasText: 'This purchase order was imported before' }).waitFor();
        const row = await again.dialog.getByRole('table', { name: 'Problems in the order file' }).locator('tbody tr').first().innerText();
        check(row.includes('ORDER_ALREADY_IMPORTED') && row.includes(made.number), `the problem reads: ${row}`);
      },
    },
    {
      name: 'order import: a file naming an unknown product imports nothing and lists the problem at its line; no sideways scroll on a phone',
      async run({ page, context, screenshot }) {
        await signIn(page);
        const unknown = `NOPE-${suffix}`;
        const { dialog, response } = await importFile(page, await orderFile({ SItemNo011: unknown, [purchaseOrder]: `${purchaseOrder}-B` }));
        check(response.status() === 422, `the broken file answered ${response.status()}`);
        const table = dialog.getByRole('table', { name: 'Problems in the order file' });
        await table.waitFor();
        const rows = await table.locator('tbody tr').allInnerTexts();
        const line = rows.find((text) => text.includes('ORDER_UNKNOWN_PRODUCT'));
        check(line !== undefined && line.includes('Line 2') && line.includes('/Order/OrderLine[2]/LineItem/Item') && line.includes(unknown),
          `the problems read: ${rows.join(' | ')}`);
        check(rows.length === 1, `more problems than the unknown product: ${rows.join(' | ')}`);
        const orders = await api(context, 'GET', `/orders?filter=${encodeURIComponent(`customer_reference eq "${purchaseOrder}-B"`)}`);
        check(orders.data.length === 0, 'an order was made from the broken file');
        await settled(page);
        await screenshot('order-import-problems');

        await page.setViewportSize({ width: 390, height: 844 });
        // The navigation folds into a drawer as it narrows: measured once it has.
        await settled(page);
        await table.waitFor();
        check(!(await scrollsSideways(page)), 'the problems scroll the page sideways at 390x844');
        await screenshot('order-import-problems-390x844');
      },
    },
  ];
}
