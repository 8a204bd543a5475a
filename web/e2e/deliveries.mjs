// Browser journey from a confirmed order to its delivery and the delivery's invoice: a
// customer, a product and an order of two lines made through the API, its confirming
// checklist item ticked and the order submitted; then, in the page, a delivery scheduled
// from the order with one line cut to a part and a carrier named, the delivery shipped
// with its transition button, and the invoice made from it carrying what was delivered.
//
// The case signs in itself (run.mjs starts every case signed out).

import { pageApi } from './page-api.mjs';
import { settled } from './settle.mjs';

/** The cases, given run.mjs's helpers. */
export function deliveryCases({ baseUrl, check, signIn, scrollsSideways }) {
  const api = pageApi(baseUrl, check);
  const suffix = Date.now().toString(36);

  /** An approval asked for by a rule is decided here through the API, as an approver would. */
  async function approveIfPending(context, id) {
    const order = await api(context, 'GET', `/orders/${id}`);
    if (order.status !== 'pending_approval') return order;
    const approvals = await api(context, 'GET', `/approvals?entity=sales_order&record_id=${id}`);
    const pending = approvals.data.find((approval) => approval.status === 'pending');
    check(pending !== undefined, 'the order waits for an approval that cannot be found');
    await api(context, 'POST', `/approvals/${pending.id}/approve`, { remarks: 'Journey' });
    return api(context, 'GET', `/orders/${id}`);
  }

  return [
    {
      name: 'deliveries: a confirmed order schedules a delivery of part of its lines, which ships and is invoiced for what it carried',
      async run({ page, context, screenshot }) {
        await signIn(page);
        const customer = await api(context, 'POST', '/accounts', { code: `DLV-${suffix}`, name: `Delivery customer ${suffix}`, type: 'customer', currency: 'EUR' });
        const pump = await api(context, 'POST', '/products', { name: `Delivery pump ${suffix}`, unit: 'pcs', list_price: { amount: '100.00', currency: 'EUR' } });
        const hose = await api(context, 'POST', '/products', { name: `Delivery hose ${suffix}`, unit: 'pcs', list_price: { amount: '10.00', currency: 'EUR' } });
        const order = await api(context, 'POST', '/orders', {
          account_id: customer.id,
          lines: [
            { product_id: pump.id, quantity: '8' },
            { product_id: hose.id, quantity: '3' },
          ],
        });
        const items = await api(context, 'GET', `/orders/${order.id}/order_checklist_items`);
        const guarding = items.data.filter((item) => item.guards === 'submit');
        check(guarding.length > 0, `no checklist item guards submit among ${JSON.stringify(items.data.map((item) => item.guards))}`);
        for (const item of guarding) await api(context, 'PATCH', `/order_checklist_items/${item.id}`, { done: true });
        await api(context, 'POST', `/orders/${order.id}/transitions/submit`, {});
        const confirmed = await approveIfPending(context, order.id);
        check(confirmed.status === 'confirmed', `after submit the order is ${confirmed.status}`);
        const lines = (await api(context, 'GET', `/orders/${order.id}/order_lines?sort=position`)).data;
        check(lines.length === 2, `the order has ${lines.length} lines`);
        const [pumpLine, hoseLine] = lines;

        await page.goto(`${baseUrl}/orders/${order.id}`, { waitUntil: 'domcontentloaded' });
        const actions = page.getByRole('group', { name: 'Sales actions' });
        await actions.getByRole('button', { name: 'Invoice', exact: true }).waitFor();
        await actions.getByRole('button', { name: 'Schedule delivery…' }).click();
        const dialog = page.getByRole('dialog', { name: 'Schedule delivery' });
        const pumpQuantity = dialog.getByRole('textbox', { name: `Quantity to deliver of line 1: ${pumpLine.description}` });
        const hoseQuantity = dialog.getByRole('textbox', { name: `Quantity to deliver of line 2: ${hoseLine.description}` });
        check((await pumpQuantity.inputValue()) === '8', `the pump line starts at ${await pumpQuantity.inputValue()}`);
        check((await hoseQuantity.inputValue()) === '3', `the hose line starts at ${await hoseQuantity.inputValue()}`);
        const date = await dialog.locator('input[type="date"]').inputValue();
        check(/^\d{4}-\d{2}-\d{2}$/.test(date), `the date starts at "${date}"`);

        // More than is left is refused on the line itself, before asking the server.
        await pumpQuantity.fill('9');
        await dialog.getByRole('button', { name: 'Schedule delivery', exact: true }).click();
        await dialog.getByText('At most 8, still to deliver.').waitFor();
        await pumpQuantity.fill('2,5');
        await dialog.getByRole('textbox', { name: /^Carrier/ }).fill('DHL Freight');
        await dialog.getByRole('textbox', { name: /^Tracking number/ }).fill(`JJD${suffix}`);
        await settled(page);
        await screenshot('schedule-delivery-dialog');

        await page.setViewportSize({ width: 390, height: 844 });
        await settled(page);
        check(!(await scrollsSideways(page)), 'the schedule delivery dialog scrolls sideways at 390x844');
        await screenshot('schedule-delivery-dialog-390x844');
        await page.setViewportSize({ width: 1280, height: 800 });

        const [response] = await Promise.all([
          page.waitForResponse((candidate) => new URL(candidate.url()).pathname === `/api/v1/orders/${order.id}/delivery`),
          dialog.getByRole('button', { name: 'Schedule delivery', exact: true }).click(),
        ]);
        check(response.status() === 201, `scheduling answered ${response.status()}: ${await response.text()}`);
        const made = await response.json();
        check(/^DEL-\d{4}-\d{5}$/.test(made.number ?? '') && made.status === 'scheduled', `the delivery is ${made.number}, ${made.status}`);
        await page.waitForURL((url) => url.pathname === `/deliveries/${made.id}`);
        const delivered = (await api(context, 'GET', `/deliveries/${made.id}/delivery_lines`)).data;
        const quantities = Object.fromEntries(delivered.map((line) => [line.order_line_id, Number(line.quantity)]));
        check(quantities[pumpLine.id] === 2.5 && quantities[hoseLine.id] === 3, `the delivery carries ${JSON.stringify(quantities)}`);
        check(made.carrier === 'DHL Freight' && made.scheduled_date === date, `the delivery goes by ${made.carrier} on ${made.scheduled_date}`);
        await page.getByText(made.number).first().waitFor();
        await settled(page);
        await screenshot('delivery-scheduled');

        const ship = page.getByRole('group', { name: 'Transitions' }).getByRole('button', { name: 'Shipped', exact: true });
        await ship.click();
        await page.getByText('Shipped: done.').waitFor();
        check((await api(context, 'GET', `/deliveries/${made.id}`)).status === 'shipped', 'the delivery is not shipped');

        const from = new URL(page.url()).pathname;
        await Promise.all([
          page.waitForURL((url) => url.pathname.startsWith('/invoices/') && url.pathname !== from),
          page.getByRole('group', { name: 'Sales actions' }).getByRole('button', { name: 'Invoice', exact: true }).click(),
        ]);
        const invoice = await api(context, 'GET', `/invoices/${new URL(page.url()).pathname.split('/').pop()}`);
        check(invoice.delivery_id === made.id, `the invoice names delivery ${invoice.delivery_id}, not ${made.id}`);
        const invoiced = (await api(context, 'GET', `/invoices/${invoice.id}/invoice_lines?sort=position`)).data;
        const charged = Object.fromEntries(invoiced.map((line) => [line.description, Number(line.quantity)]));
        check(charged[pumpLine.description] === 2.5 && charged[hoseLine.description] === 3, `the invoice charges ${JSON.stringify(charged)}`);
        const table = page.getByRole('table', { name: 'Invoice lines' });
        await table.waitFor();
        const pumpRow = (await table.getByRole('row').filter({ hasText: pumpLine.description }).innerText()).replace(/\s+/g, ' ');
        const hoseRow = (await table.getByRole('row').filter({ hasText: hoseLine.description }).innerText()).replace(/\s+/g, ' ');
        check(/\b2\.50*\b/.test(pumpRow), `the invoice's pump line reads ${pumpRow}`);
        check(/\b3(\.0+)?\b/.test(hoseRow), `the invoice's hose line reads ${hoseRow}`);
        await settled(page);
        await screenshot('delivery-invoice');
      },
    },
  ];
}
