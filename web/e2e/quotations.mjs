// Browser journey of a quotation: created for a demo customer, two lines typed with their
// live price and explanation, the totals after each save; submitted, sent, revised with a
// reason, a quantity changed in the new draft; the difference from revision 1, revision 1
// opened as it was, the PDF preview; and the page on a phone.
//
// The cases share one quotation and run in order; each signs in again (run.mjs starts every
// case signed out).

import { pageApi } from './page-api.mjs';

/** The cases, given run.mjs's helpers. */
export function quotationCases({ baseUrl, check, signIn, scrollsSideways }) {
  const api = pageApi(baseUrl, check);
  const suffix = Date.now().toString(36);
  const gaugeName = `Journey gauge ${suffix}`;
  const sealName = `Journey seal ${suffix}`;
  // Filled by the first case, read by the next ones.
  const state = { quotation: undefined, customerName: undefined };

  /** Types into a record picker and takes the option with exactly this title. */
  async function pick(page, input, title) {
    await input.fill(title);
    await page.getByRole('option', { name: title, exact: true }).click();
  }

  async function openQuotation(page) {
    check(state.quotation !== undefined, 'no quotation from the first case');
    await page.goto(`${baseUrl}/quotations/${state.quotation.id}`, { waitUntil: 'domcontentloaded' });
    await page.getByRole('region', { name: 'Lines' }).waitFor();
  }

  /** Adds a line through the form and waits for its live price before saving it. */
  async function addLine(page, { product, quantity, discount, expectLive }) {
    const lines = page.getByRole('region', { name: 'Lines' });
    await lines.getByRole('button', { name: 'Add line' }).click();
    const form = page.getByRole('form', { name: 'New line' });
    await pick(page, form.getByRole('textbox', { name: 'Product', exact: true }), product);
    await form.getByRole('textbox', { name: 'Quantity', exact: true }).fill(quantity);
    if (discount !== undefined) await form.getByRole('textbox', { name: 'Discount % by hand', exact: true }).fill(discount);
    const live = form.getByRole('status', { name: 'Live price of this line' });
    await live.filter({ hasText: expectLive }).waitFor();
    const steps = await form.getByRole('list', { name: 'How this line is priced' }).innerText();
    return { form, steps };
  }

  async function saveLine(page, form, method) {
    const [response] = await Promise.all([
      page.waitForResponse(
        (candidate) => new URL(candidate.url()).pathname.startsWith('/api/v1/quotation_lines') && candidate.request().method() === method,
      ),
      form.getByRole('button', { name: 'Save line' }).click(),
    ]);
    check(response.ok(), `saving the line answered ${response.status()}: ${await response.text()}`);
    await form.waitFor({ state: 'detached' });
  }

  async function totalsText(page) {
    return (await page.getByRole('group', { name: 'Totals', exact: true }).innerText()).replace(/\s+/g, ' ');
  }

  /** Takes a transition from the record's title bar, answering its question when it asks one. */
  async function transition(page, label, answers = {}) {
    await page.getByRole('group', { name: 'Transitions' }).getByRole('button', { name: label }).click();
    if (Object.keys(answers).length > 0) {
      const dialog = page.getByRole('dialog', { name: label });
      for (const [field, text] of Object.entries(answers)) await dialog.getByLabel(new RegExp(`^${field}`)).fill(text);
      await dialog.getByRole('button', { name: label }).click();
    }
    await page.getByText(`${label}: done.`).waitFor();
  }

  return [
    {
      name: 'quotations: a quotation for a demo customer gets two lines, each priced live with its explanation, and the totals follow',
      async run({ page, context, screenshot }) {
        await signIn(page);
        // Products of their own, without a group: the demo's group discounts stay out of the numbers.
        const gauge = await api(context, 'POST', '/products', { name: gaugeName, unit: 'pcs', list_price: { amount: '250.00', currency: 'EUR' } });
        const seal = await api(context, 'POST', '/products', { name: sealName, unit: 'pcs', list_price: { amount: '40.00', currency: 'EUR' } });
        await api(context, 'POST', '/tax_rules', { name: `Journey gauge tax ${suffix}`, product_id: gauge.id, rate: '20' });
        await api(context, 'POST', '/tax_rules', { name: `Journey seal tax ${suffix}`, product_id: seal.id, rate: '20' });
        const customers = await api(context, 'GET', `/accounts?filter=${encodeURIComponent('type eq "customer" and currency eq "EUR"')}&limit=1`);
        const customer = customers.data[0];
        check(customer !== undefined, 'the demo data has no customer in EUR');
        state.customerName = customer.name;

        await page.goto(`${baseUrl}/quotations/new`, { waitUntil: 'domcontentloaded' });
        await pick(page, page.getByRole('textbox', { name: 'Customer', exact: true }), customer.name);
        await Promise.all([
          page.waitForURL((url) => /^\/quotations\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith('/new')),
          page.getByRole('button', { name: 'Create quotation' }).click(),
        ]);
        state.quotation = await api(context, 'GET', `/quotations/${new URL(page.url()).pathname.split('/').pop()}`);
        check(state.quotation.account_id === customer.id, 'the quotation is not for the chosen customer');
        const lines = page.getByRole('region', { name: 'Lines' });
        await lines.getByText('No lines yet').waitFor();

        // 2 × 250.00 = 500.00, 20% tax: 600.00.
        const first = await addLine(page, { product: gaugeName, quantity: '2', expectLive: '600.00 EUR with tax' });
        check(/list price/i.test(first.steps) && first.steps.includes('250.00'), `the live explanation says: ${first.steps}`);
        check(first.steps.includes('20%'), `the live explanation names no tax: ${first.steps}`);
        await screenshot('quotation-line-live');
        await saveLine(page, first.form, 'POST');
        await page.waitForFunction(() => document.querySelector('[aria-label="Totals"]')?.textContent?.includes('600.00'));

        // 3 × 40.00 − 5% = 114.00, 20% tax: 136.80.
        const second = await addLine(page, { product: sealName, quantity: '3', discount: '5', expectLive: '136.80 EUR with tax' });
        check(/5% typed on the line/.test(second.steps), `the live explanation does not name the typed discount: ${second.steps}`);
        await saveLine(page, second.form, 'POST');
        // The quotation is read again after each save: 614.00 net, 122.80 tax, 736.80 in all.
        await page.waitForFunction(() => document.querySelector('[aria-label="Totals"]')?.textContent?.includes('736.80'));
        const totals = await totalsText(page);
        check(totals.includes('614.00') && totals.includes('122.80') && totals.includes('736.80'), `the totals say ${totals}`);
        const stored = await api(context, 'GET', `/quotations/${state.quotation.id}`);
        check(stored.total?.amount === '736.80' && stored.line_count === 2, `the server has ${JSON.stringify(stored.total)}, ${stored.line_count} lines`);

        const table = page.getByRole('table', { name: 'Quotation lines' });
        check((await table.locator('tbody tr').count()) === 2, 'the table does not show two lines');
        // A saved line keeps its explanation, opened on demand.
        await page.getByRole('button', { name: new RegExp(`^How line 2 was priced: ${sealName}`) }).click();
        const kept = await page.getByRole('list', { name: 'How line 2 was priced' }).innerText();
        check(kept.includes('5'), `line 2's stored explanation says: ${kept}`);
        await screenshot('quotation-lines');
      },
    },
    {
      name: 'quotations: submitted, sent and revised with a reason, the lines lock and open again, and a quantity changes in the new draft',
      async run({ page, context, screenshot }) {
        await signIn(page);
        await openQuotation(page);
        await transition(page, 'Submit for approval');
        let status = (await api(context, 'GET', `/quotations/${state.quotation.id}`)).status;
        if (status === 'pending_approval') {
          // A rule asked for an approval: decided here through the API, as an approver would.
          const approvals = await api(context, 'GET', `/approvals?entity=quotation&record_id=${state.quotation.id}`);
          const pending = approvals.data.find((approval) => approval.status === 'pending');
          check(pending !== undefined, 'pending approval but no approval found');
          await api(context, 'POST', `/approvals/${pending.id}/approve`, { remarks: 'Journey' });
          await page.reload({ waitUntil: 'domcontentloaded' });
          status = (await api(context, 'GET', `/quotations/${state.quotation.id}`)).status;
        }
        check(status === 'approved', `after submitting, the quotation is ${status}`);
        const lines = page.getByRole('region', { name: 'Lines' });
        await lines.getByText('Approved as it is').waitFor();
        check((await lines.getByRole('button', { name: 'Add line' }).count()) === 0, 'lines can be added to an approved quotation');

        await transition(page, 'Mark as sent');
        await lines.getByText('Sent to the customer').waitFor();
        check((await lines.getByRole('button', { name: /^Change line/ }).count()) === 0, 'a sent quotation\'s lines can be changed');
        const revisions = page.getByRole('region', { name: 'Revisions' });
        await revisions.getByRole('list', { name: 'Frozen revisions' }).getByText('Revision 1', { exact: true }).waitFor();
        await screenshot('quotation-sent');

        await transition(page, 'New revision', { 'Why revised': 'Five gauges instead of two' });
        await lines.getByRole('button', { name: 'Add line' }).waitFor();
        await revisions.getByText('Why: Five gauges instead of two').waitFor();
        const revised = await api(context, 'GET', `/quotations/${state.quotation.id}`);
        check(revised.status === 'draft' && revised.revision === 2, `revised, the quotation is ${revised.status} revision ${revised.revision}`);

        await lines.getByRole('button', { name: `Change line 1: ${gaugeName}` }).click();
        const form = page.getByRole('form', { name: `Line 1: ${gaugeName}` });
        const quantity = form.getByRole('textbox', { name: 'Quantity', exact: true });
        check((await quantity.inputValue()) === '2', `the form shows quantity ${await quantity.inputValue()}`);
        await quantity.fill('5');
        // 5 × 250.00 = 1,250.00, with tax 1,500.00.
        await form.getByRole('status', { name: 'Live price of this line' }).filter({ hasText: '1,500.00 EUR with tax' }).waitFor();
        await saveLine(page, form, 'PATCH');
        await page.waitForFunction(() => document.querySelector('[aria-label="Totals"]')?.textContent?.includes('1,636.80'));
        await screenshot('quotation-revised');
      },
    },
    {
      name: 'quotations: the difference from revision 1, revision 1 as it was, and the PDF preview; nothing scrolls sideways on a phone',
      async run({ page, context, screenshot }) {
        await signIn(page);
        await openQuotation(page);
        const revisions = page.getByRole('region', { name: 'Revisions' });
        const compare = revisions.getByRole('form', { name: 'Compare revisions' });
        check((await compare.getByRole('textbox', { name: 'Compare', exact: true }).inputValue()) === 'Revision 1', 'the comparison does not start at revision 1');
        check((await compare.getByRole('textbox', { name: 'with', exact: true }).inputValue()) === 'Current (revision 2)', 'the comparison is not with the current revision');
        await compare.getByRole('button', { name: 'Show differences' }).click();
        const diff = revisions.getByRole('region', { name: 'Revision 1 → Current (revision 2)' });
        await diff.waitFor();
        const changed = diff.getByRole('region', { name: 'Line 1 changed' });
        const quantityChange = (await changed.getByRole('list', { name: 'Changes of line 1' }).innerText()).replace(/\s+/g, ' ');
        check(/Quantity was 2(\.000)? → now 5(\.000)?/.test(quantityChange) || /Quantity 2(\.000)? → 5(\.000)?/.test(quantityChange),
          `the changes of line 1 read: ${quantityChange}`);
        const header = (await diff.getByRole('list', { name: 'Changed fields' }).innerText()).replace(/\s+/g, ' ');
        check(header.includes('736.80') && header.includes('1,636.80'), `the changed totals read: ${header}`);
        await screenshot('quotation-diff');

        await revisions.getByRole('button', { name: 'Open revision 1' }).click();
        const dialog = page.getByRole('dialog', { name: 'Revision 1, as it was frozen' });
        const frozenLines = dialog.getByRole('table', { name: 'Lines of revision 1' });
        await frozenLines.waitFor();
        const firstRow = (await frozenLines.locator('tbody tr').first().innerText()).replace(/\s+/g, ' ');
        check(firstRow.includes(gaugeName) && firstRow.includes(' 2 '), `revision 1's first line reads: ${firstRow}`);
        check((await dialog.getByRole('group', { name: 'Totals of revision 1' }).innerText()).includes('736.80'), 'revision 1 does not total 736.80');
        await screenshot('quotation-revision-1');
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });

        await page.getByRole('region', { name: 'Lines' }).getByRole('button', { name: 'Preview PDF' }).click();
        const preview = page.getByRole('dialog', { name: `PDF of ${state.quotation.number}` });
        await preview.waitFor();
        const expected = `/api/v1/quotations/${state.quotation.id}/pdf`;
        const pdf = await context.request.get(baseUrl + expected);
        check(pdf.ok() && (await pdf.body()).subarray(0, 5).toString() === '%PDF-', `the PDF answered ${pdf.status()} without %PDF-`);
        // Shown inside the page when the server lets it be framed; otherwise the preview says so and links it.
        const framable = pdf.headers()['x-frame-options']?.toUpperCase() !== 'DENY' && !/frame-ancestors\s+'none'/.test(pdf.headers()['content-security-policy'] ?? '');
        if (framable) {
          const frame = preview.locator('iframe');
          await frame.waitFor();
          check((await frame.getAttribute('src')) === expected, `the frame shows ${await frame.getAttribute('src')}`);
        } else {
          await preview.getByText('does not let the PDF be shown inside the page').waitFor();
          check((await preview.locator('iframe').count()) === 0, 'a frame the server refuses is shown');
        }
        const download = preview.getByRole('link', { name: 'Download', exact: true });
        check((await download.getAttribute('href')) === expected, `Download points at ${await download.getAttribute('href')}`);
        check((await preview.getByRole('link', { name: 'Open in a new tab' }).getAttribute('href')) === expected, 'Open in a new tab points elsewhere');
        // Revision 1 as it was sent.
        await preview.getByRole('textbox', { name: 'Revision', exact: true }).click();
        await page.getByRole('option', { name: 'Revision 1', exact: true }).click();
        await preview.getByRole('link', { name: 'Download', exact: true }).and(page.locator(`[href="${expected}?revision=1"]`)).waitFor();
        const frozenPdf = await context.request.get(`${baseUrl}${expected}?revision=1`);
        check(frozenPdf.ok() && (await frozenPdf.body()).subarray(0, 5).toString() === '%PDF-', 'revision 1 is not printed');
        await screenshot('quotation-pdf');
        await page.keyboard.press('Escape');
        await preview.waitFor({ state: 'detached' });

        await page.setViewportSize({ width: 390, height: 844 });
        await page.reload({ waitUntil: 'domcontentloaded' });
        await page.getByRole('table', { name: 'Quotation lines' }).waitFor();
        check(!(await scrollsSideways(page)), 'the quotation page scrolls sideways on a phone');
        await screenshot('quotation-390x844');
        await compare.getByRole('button', { name: 'Show differences' }).click();
        await diff.scrollIntoViewIfNeeded();
        check(!(await scrollsSideways(page)), 'the differences scroll sideways on a phone');
        await screenshot('quotation-diff-390x844');
        await page.getByRole('region', { name: 'Lines' }).getByRole('button', { name: `Change line 2: ${sealName}` }).click();
        await page.getByRole('form', { name: `Line 2: ${sealName}` }).getByRole('status', { name: 'Live price of this line' }).waitFor();
        check(!(await scrollsSideways(page)), 'the line form scrolls sideways on a phone');
        await screenshot('quotation-line-form-390x844');
        await page.setViewportSize({ width: 1280, height: 800 });
      },
    },
  ];
}
