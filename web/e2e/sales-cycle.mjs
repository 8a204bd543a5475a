// Browser journey of the sales cycle, from the enquiry to the payment: an enquiry for a
// demo customer typed with a line and allocated; the quotation made from it, approved,
// sent, revised with a reason, a quantity changed, sent again and accepted; the order made
// from it with its checklist ticked so it can be confirmed and dispatched; the invoice made,
// issued and paid in full; the customer's 360° page with the chain and a zero balance, the
// ageing report, and the new pages on a phone.
//
// The cases share one enquiry and its documents and run in order; each signs in again
// (run.mjs starts every case signed out).

import { pageApi } from './page-api.mjs';

/** The cases, given run.mjs's helpers. */
export function salesCycleCases({ baseUrl, check, signIn, scrollsSideways }) {
  const api = pageApi(baseUrl, check);
  const suffix = Date.now().toString(36);
  const productName = `Cycle pump ${suffix}`;
  const reference = `Journey transfer ${suffix}`;
  // Filled by each case, read by the next ones.
  const state = { customer: undefined, enquiry: undefined, quotation: undefined, order: undefined, invoice: undefined };

  /** Types into a picker and takes the option with exactly this title. */
  async function pick(page, input, title, typed = title) {
    await input.fill(typed);
    await page.getByRole('option', { name: title, exact: true }).click();
  }

  async function open(page, path, ready) {
    await page.goto(`${baseUrl}${path}`, { waitUntil: 'domcontentloaded' });
    await ready.waitFor();
  }

  /** Takes a transition from the record's title bar, answering its question when it asks one. */
  async function transition(page, label, answers = {}) {
    await page.getByRole('group', { name: 'Transitions' }).getByRole('button', { name: label, exact: true }).click();
    if (Object.keys(answers).length > 0) {
      const dialog = page.getByRole('dialog', { name: label });
      for (const [field, text] of Object.entries(answers)) await dialog.getByLabel(new RegExp(`^${field}`)).fill(text);
      await dialog.getByRole('button', { name: label }).click();
    }
    await page.getByText(`${label}: done.`).waitFor();
  }

  /** An approval asked for by a rule is decided here through the API, as an approver would. */
  async function approveIfPending(page, context, entity, plural, id) {
    const record = await api(context, 'GET', `/${plural}/${id}`);
    if (record.status !== 'pending_approval') return record;
    const approvals = await api(context, 'GET', `/approvals?entity=${entity}&record_id=${id}`);
    const pending = approvals.data.find((approval) => approval.status === 'pending');
    check(pending !== undefined, `the ${entity} waits for an approval that cannot be found`);
    await api(context, 'POST', `/approvals/${pending.id}/approve`, { remarks: 'Journey' });
    await page.reload({ waitUntil: 'domcontentloaded' });
    return api(context, 'GET', `/${plural}/${id}`);
  }

  /** Clicks a conversion and waits for the new document's page. */
  async function convert(page, label, plural) {
    const from = new URL(page.url()).pathname;
    await Promise.all([
      page.waitForURL((url) => url.pathname.startsWith(`/${plural}/`) && url.pathname !== from),
      page.getByRole('group', { name: 'Sales actions' }).getByRole('button', { name: label, exact: true }).click(),
    ]);
    return new URL(page.url()).pathname.split('/').pop();
  }

  /** Brings a region into view; once more if a late render replaced it meanwhile. */
  async function scrollTo(locator) {
    await locator.scrollIntoViewIfNeeded().catch(async () => {
      await locator.waitFor();
      await locator.scrollIntoViewIfNeeded();
    });
  }

  async function phone(page, screenshot, name, ready) {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload({ waitUntil: 'domcontentloaded' });
    await ready.waitFor();
    await scrollTo(ready);
    check(!(await scrollsSideways(page)), `${name} scrolls sideways on a phone`);
    await screenshot(`${name}-390x844`);
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  return [
    {
      name: 'sales-cycle: an enquiry for a demo customer is typed with a line and allocated to a colleague with a note',
      async run({ page, context, screenshot }) {
        await signIn(page);
        // A product of its own with a tax rule: exact amounts, out of the demo's group discounts.
        const product = await api(context, 'POST', '/products', { name: productName, unit: 'pcs', list_price: { amount: '400.00', currency: 'EUR' } });
        await api(context, 'POST', '/tax_rules', { name: `Cycle tax ${suffix}`, product_id: product.id, rate: '20' });
        const customers = await api(context, 'GET', `/accounts?filter=${encodeURIComponent('type eq "customer" and currency eq "EUR"')}&limit=1`);
        state.customer = customers.data[0];
        check(state.customer !== undefined, 'the demo data has no customer in EUR');

        await page.goto(`${baseUrl}/enquiries/new`, { waitUntil: 'domcontentloaded' });
        await pick(page, page.getByRole('textbox', { name: 'Customer', exact: true }), state.customer.name);
        await page.getByRole('textbox', { name: 'Subject', exact: true }).fill(`Pumps ${suffix}`);
        await Promise.all([
          page.waitForURL((url) => /^\/enquiries\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith('/new')),
          page.getByRole('button', { name: 'Create enquiry' }).click(),
        ]);
        state.enquiry = await api(context, 'GET', `/enquiries/${new URL(page.url()).pathname.split('/').pop()}`);
        check(state.enquiry.status === 'new', `a new enquiry is ${state.enquiry.status}`);

        // Its line: five pumps.
        await page.goto(`${baseUrl}/enquiry_lines/new`, { waitUntil: 'domcontentloaded' });
        await pick(page, page.getByRole('textbox', { name: 'Enquiry', exact: true }), state.enquiry.number);
        await pick(page, page.getByRole('textbox', { name: 'Product', exact: true }), productName);
        await page.getByRole('textbox', { name: 'Quantity', exact: true }).fill('5');
        await Promise.all([
          page.waitForURL((url) => /^\/enquiry_lines\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith('/new')),
          page.getByRole('button', { name: 'Create enquiry line' }).click(),
        ]);
        // A line without requested changes offers no variant.
        check((await page.getByRole('button', { name: 'Make variant' }).count()) === 0, 'a line without changes offers a variant');

        await open(page, `/enquiries/${state.enquiry.id}`, page.getByRole('group', { name: 'Sales actions' }));
        await page.getByRole('button', { name: 'Allocate…' }).click();
        const dialog = page.getByRole('dialog', { name: 'Allocate the enquiry' });
        await pick(page, dialog.getByRole('textbox', { name: 'Colleague', exact: true }), 'Noah North', 'Noah');
        await dialog.getByRole('textbox', { name: 'Note for the task' }).fill('Quote before Friday');
        await screenshot('enquiry-allocate');
        await dialog.getByRole('button', { name: 'Allocate', exact: true }).click();
        await dialog.waitFor({ state: 'detached' });
        const allocated = await api(context, 'GET', `/enquiries/${state.enquiry.id}`);
        check(allocated.status === 'allocated' && allocated.allocated_to === 'Noah North', `allocated, the enquiry is ${allocated.status} to ${allocated.allocated_to}`);
        check(allocated.line_count === 1 && allocated.total?.amount === '2000.00', `the enquiry counts ${allocated.line_count} lines, ${JSON.stringify(allocated.total)}`);
        await page.getByText('Noah North').first().waitFor();
        await screenshot('enquiry-allocated');
      },
    },
    {
      name: 'sales-cycle: the quotation made from the enquiry is approved, sent, revised with a reason, changed, sent again and accepted',
      async run({ page, context, screenshot }) {
        await signIn(page);
        check(state.enquiry !== undefined, 'no enquiry from the first case');
        await open(page, `/enquiries/${state.enquiry.id}`, page.getByRole('group', { name: 'Sales actions' }));
        const id = await convert(page, 'Make quotation', 'quotations');
        state.quotation = await api(context, 'GET', `/quotations/${id}`);
        check(state.quotation.enquiry_id === state.enquiry.id, 'the quotation does not name its enquiry');
        const lines = page.getByRole('region', { name: 'Lines', exact: true });
        await page.getByRole('table', { name: 'Quotation lines' }).waitFor();

        await transition(page, 'Submit for approval');
        let status = (await approveIfPending(page, context, 'quotation', 'quotations', id)).status;
        check(status === 'approved', `after submitting, the quotation is ${status}`);
        await transition(page, 'Mark as sent');
        await transition(page, 'New revision', { 'Why revised': 'Eight pumps instead of five' });

        await lines.getByRole('button', { name: `Change line 1: ${productName}` }).click();
        const form = page.getByRole('form', { name: `Line 1: ${productName}` });
        await form.getByRole('textbox', { name: 'Quantity', exact: true }).fill('8');
        // 8 × 400.00 = 3,200.00, with 20% tax 3,840.00.
        await form.getByRole('status', { name: 'Live price of this line' }).filter({ hasText: '3,840.00 EUR with tax' }).waitFor();
        await form.getByRole('button', { name: 'Save line' }).click();
        await form.waitFor({ state: 'detached' });
        await page.waitForFunction(() => document.querySelector('[aria-label="Totals"]')?.textContent?.includes('3,840.00'));

        await transition(page, 'Submit for approval');
        status = (await approveIfPending(page, context, 'quotation', 'quotations', id)).status;
        check(status === 'approved', `submitted again, the quotation is ${status}`);
        await transition(page, 'Mark as sent');
        await transition(page, 'Accepted by the customer');
        const accepted = await api(context, 'GET', `/quotations/${id}`);
        check(accepted.status === 'accepted' && accepted.revision === 2, `accepted, the quotation is ${accepted.status} revision ${accepted.revision}`);
        await page.getByRole('group', { name: 'Sales actions' }).getByRole('button', { name: 'Make order' }).waitFor();
        await screenshot('quotation-accepted');
      },
    },
    {
      name: 'sales-cycle: the order made from the accepted quotation is confirmed and dispatched once its checklist is ticked',
      async run({ page, context, screenshot }) {
        await signIn(page);
        check(state.quotation !== undefined, 'no quotation from the previous case');
        await open(page, `/quotations/${state.quotation.id}`, page.getByRole('group', { name: 'Sales actions' }));
        const id = await convert(page, 'Make order', 'orders');
        state.order = await api(context, 'GET', `/orders/${id}`);
        check(state.order.quotation_revision === 2 && state.order.total?.amount === '3840.00', `the order is from revision ${state.order.quotation_revision}, ${JSON.stringify(state.order.total)}`);
        const table = page.getByRole('table', { name: 'Order lines' });
        await table.waitFor();
        check((await table.innerText()).includes('3,200.00'), 'the order line does not carry 3,200.00 net');

        const checklist = page.getByRole('region', { name: 'Order checklist', exact: true });
        const hint = checklist.getByRole('status', { name: 'Steps held back' });
        await hint.filter({ hasText: 'Confirm waits for 1 open item' }).waitFor();
        check((await page.getByRole('group', { name: 'Transitions' }).getByRole('button', { name: 'Confirm', exact: true }).isDisabled()), 'Confirm is open with an item open');
        await scrollTo(checklist);
        await screenshot('order-checklist');

        await checklist.getByRole('button', { name: /^Add remarks on Customer's purchase order filed/ }).click();
        await checklist.getByRole('textbox', { name: "Remarks on Customer's purchase order filed" }).fill('PO in the file');
        await checklist.getByRole('button', { name: 'Save remarks' }).click();
        await checklist.getByText('PO in the file').waitFor();
        await checklist.getByRole('checkbox', { name: "Customer's purchase order filed" }).check();
        await hint.filter({ hasText: /^Dispatched waits for 3 open items/ }).waitFor();
        await checklist.getByText(/Done by .*Demo|Done by /).first().waitFor();
        await transition(page, 'Confirm');
        const confirmed = await approveIfPending(page, context, 'sales_order', 'orders', id);
        check(confirmed.status === 'confirmed', `after Confirm, the order is ${confirmed.status}`);
        await page.getByRole('region', { name: 'Lines', exact: true }).getByText('Confirmed: take Back to draft').waitFor();

        for (const label of ['Goods packed and labelled', 'Delivery note printed', 'Carrier booked']) {
          await checklist.getByRole('checkbox', { name: label }).check();
          await checklist.getByRole('checkbox', { name: label }).and(page.locator(':checked')).waitFor();
        }
        await hint.filter({ hasText: /^Close waits for 1 open item/ }).waitFor();
        await transition(page, 'Dispatched');
        check((await api(context, 'GET', `/orders/${id}`)).status === 'dispatched', 'the order is not dispatched');
        await screenshot('order-dispatched');
        await phone(page, screenshot, 'order', checklist);
      },
    },
    {
      name: 'sales-cycle: the invoice made from the order is issued and paid in full, and the payment lists it',
      async run({ page, context, screenshot }) {
        await signIn(page);
        check(state.order !== undefined, 'no order from the previous case');
        await open(page, `/orders/${state.order.id}`, page.getByRole('group', { name: 'Sales actions' }));
        const id = await convert(page, 'Invoice', 'invoices');
        state.invoice = await api(context, 'GET', `/invoices/${id}`);
        check(state.invoice.total?.amount === '3840.00' && state.invoice.status === 'draft', `the invoice is ${state.invoice.status}, ${JSON.stringify(state.invoice.total)}`);
        await page.getByRole('table', { name: 'Invoice lines' }).waitFor();
        const payments = page.getByRole('region', { name: 'Payments', exact: true });
        await payments.getByText('A draft takes no payment').waitFor();

        await transition(page, 'Issue');
        await payments.getByRole('button', { name: 'Record payment' }).click();
        const dialog = page.getByRole('dialog', { name: 'Record payment' });
        const amount = dialog.getByRole('textbox', { name: /^Amount received/ });
        check((await amount.inputValue()) === '3840.00', `the payment starts at ${await amount.inputValue()}`);
        await dialog.getByRole('textbox', { name: 'Reference', exact: true }).fill(reference);
        await screenshot('invoice-record-payment');
        await dialog.getByRole('button', { name: 'Record payment' }).click();
        await dialog.waitFor({ state: 'detached' });
        await payments.getByRole('table', { name: 'Payments of this invoice' }).getByRole('link', { name: reference }).waitFor();
        const paid = await api(context, 'GET', `/invoices/${id}`);
        check(paid.status === 'paid' && paid.open_amount?.amount === '0.00', `after the payment the invoice is ${paid.status}, ${JSON.stringify(paid.open_amount)} open`);
        await page.reload({ waitUntil: 'domcontentloaded' });
        await payments.waitFor();
        check((await payments.getByRole('button', { name: 'Record payment' }).count()) === 0, 'a paid invoice still offers a payment');
        await page.getByRole('group', { name: 'Sales actions' }).getByRole('button', { name: 'Credit note…' }).waitFor();
        await scrollTo(payments);
        await screenshot('invoice-paid');
        await phone(page, screenshot, 'invoice', payments);

        await payments.getByRole('link', { name: reference }).click();
        const allocations = page.getByRole('region', { name: 'Allocations', exact: true });
        await allocations.getByRole('table', { name: 'Invoices this payment settles' }).getByRole('link', { name: state.invoice.number }).waitFor();
        await screenshot('payment-allocations');
      },
    },
    {
      name: "sales-cycle: the customer's 360° page shows the chain from enquiry to payment and a zero balance; the ageing report opens from the navigation",
      async run({ page, context, screenshot }) {
        await signIn(page);
        check(state.invoice !== undefined, 'no invoice from the previous case');
        await open(page, `/accounts/${state.customer.id}/360`, page.getByRole('region', { name: 'Sales chain' }));
        const chain = page.getByRole('region', { name: `Chain from Enquiry ${state.enquiry.number} (email)` });
        await chain.waitFor();
        const steps = (await chain.getByRole('list').first().locator(':scope > li').allInnerTexts()).map((text) => text.replace(/\s+/g, ' '));
        const expected = [
          `Enquiry ${state.enquiry.number}`,
          `Quotation ${state.quotation.number} drafted`,
          `Quotation ${state.quotation.number} revision 1 frozen`,
          `Quotation ${state.quotation.number} revision 2 frozen`,
          `Order ${state.order.number}`,
          `Invoice ${state.invoice.number}`,
          `Payment ${reference} of 3840.00 EUR`,
        ];
        check(steps.length === expected.length, `the chain has ${steps.length} steps: ${steps.join(' | ')}`);
        expected.forEach((label, index) => check(steps[index]?.includes(label), `step ${index + 1} reads ${steps[index]}, not ${label}`));
        check(steps.slice(1).every((text) => /\+\d+ (d|h|min|s)/.test(text)), `a step lacks its time since the previous one: ${steps.join(' | ')}`);
        await chain.getByRole('link', { name: `Order ${state.order.number}` }).waitFor();

        const balance = page.getByRole('region', { name: 'Balance in EUR' });
        const figures = (await balance.innerText()).replace(/\s+/g, ' ');
        const fromServer = await api(context, 'GET', `/accounts/${state.customer.id}/balance`);
        check(fromServer.currencies.EUR?.balance === '0.00' && fromServer.currencies.EUR?.open === '0.00', `the server's balance is ${JSON.stringify(fromServer.currencies.EUR)}`);
        check(/Balance 0\.00/.test(figures) && /Paid 3,840\.00/.test(figures), `the balance reads ${figures}`);
        await scrollTo(balance);
        await screenshot('customer-360-balance');
        await scrollTo(chain);
        await screenshot('customer-360-chain');
        await phone(page, screenshot, 'customer-360-sales', page.getByRole('region', { name: 'Sales chain' }));

        // Another invoice, typed and issued through the API and left unpaid, for the report to list.
        const product = (await api(context, 'GET', `/products?filter=${encodeURIComponent(`name eq "${productName}"`)}&limit=1`)).data[0];
        const unpaid = await api(context, 'POST', '/invoices', { account_id: state.customer.id, kind: 'invoice', currency: 'EUR' });
        await api(context, 'POST', '/invoice_lines', { invoice_id: unpaid.id, product_id: product.id, quantity: '1' });
        await api(context, 'POST', `/invoices/${unpaid.id}/transitions/issue`, {});

        await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Ageing' }).click();
        await page.waitForURL((url) => url.pathname === '/reports/ageing');
        await page.getByRole('heading', { name: 'Ageing' }).waitFor();
        const table = page.getByRole('table', { name: 'Ageing by customer' });
        const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: state.customer.name, exact: true }) });
        const cells = (await row.innerText()).replace(/\s+/g, ' ');
        // 400.00 with 20% tax, due in the future: open and not yet due.
        check(/EUR 480\.00 0\.00 480\.00/.test(cells), `the customer's ageing row reads ${cells}`);
        await screenshot('ageing');
        await phone(page, screenshot, 'ageing', page.getByRole('heading', { name: 'Ageing' }));
      },
    },
    {
      name: 'sales-cycle: a credit note for one damaged pump from the paid invoice, and a variant made for the changes a line asks for',
      async run({ page, context, screenshot }) {
        await signIn(page);
        check(state.invoice !== undefined, 'no invoice from the earlier cases');
        await open(page, `/invoices/${state.invoice.id}`, page.getByRole('group', { name: 'Sales actions' }));
        await page.getByRole('button', { name: 'Credit note…' }).click();
        const dialog = page.getByRole('dialog', { name: 'Credit note' });
        const quantity = dialog.getByRole('textbox', { name: `Quantity to credit of line 1: ${productName}` });
        check((await quantity.inputValue()) === '8', `the credit starts at ${await quantity.inputValue()}`);
        // More than invoiced is refused before asking the server, on the line itself.
        await quantity.fill('9');
        await dialog.getByRole('button', { name: 'Make credit note' }).click();
        await dialog.getByText('At most 8, as invoiced.').waitFor();
        await quantity.fill('1');
        await dialog.getByRole('textbox', { name: /^Reason/ }).fill('Damaged in transit');
        await screenshot('credit-note-dialog');
        await Promise.all([
          page.waitForURL((url) => url.pathname.startsWith('/invoices/') && !url.pathname.endsWith(state.invoice.id)),
          dialog.getByRole('button', { name: 'Make credit note' }).click(),
        ]);
        const credit = await api(context, 'GET', `/invoices/${new URL(page.url()).pathname.split('/').pop()}`);
        check(credit.kind === 'credit_note' && credit.credited_invoice_id === state.invoice.id, `the credit note is a ${credit.kind} of ${credit.credited_invoice_id}`);
        check(credit.total?.amount === '480.00' && credit.status === 'draft', `the credit note is ${credit.status} for ${JSON.stringify(credit.total)}`);
        await page.getByRole('table', { name: 'Invoice lines' }).waitFor();
        await screenshot('credit-note');

        // A line asking for changes, typed through the API on an enquiry of its own.
        const product = (await api(context, 'GET', `/products?filter=${encodeURIComponent(`name eq "${productName}"`)}&limit=1`)).data[0];
        const enquiry = await api(context, 'POST', '/enquiries', { account_id: state.customer.id, channel: 'phone' });
        const line = await api(context, 'POST', '/enquiry_lines', { enquiry_id: enquiry.id, product_id: product.id, quantity: '2', requested_changes: 'Stainless steel housing' });
        await open(page, `/enquiry_lines/${line.id}`, page.getByRole('group', { name: 'Sales actions' }));
        const variantId = await convert(page, 'Make variant', 'products');
        const variant = await api(context, 'GET', `/products/${variantId}`);
        check(variant.variant_of_id === product.id, `the variant is of ${variant.variant_of_id}`);
        await page.goto(`${baseUrl}/enquiry_lines/${line.id}`, { waitUntil: 'domcontentloaded' });
        await page.getByText('Stainless steel housing').first().waitFor();
        check((await page.getByRole('button', { name: 'Make variant' }).count()) === 0, 'a line with its variant still offers one');
      },
    },
  ];
}
