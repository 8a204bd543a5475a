// Browser journey of the price check: a customer on a price list of its own, a product with
// a quantity break and a tax rule, priced on a phone; then a quantity the server refuses,
// shown on the line that has it.

import { pageApi } from './page-api.mjs';

/** The cases, given run.mjs's helpers. */
export function pricingCases({ baseUrl, check, signIn, scrollsSideways }) {
  const api = pageApi(baseUrl, check);

  /** Types into a record picker and takes the option with exactly this title. */
  async function pick(page, input, title) {
    await input.fill(title);
    await page.getByRole('option', { name: title, exact: true }).click();
  }

  /** Presses Price and resolves to the server's answer to it. */
  async function price(page, form) {
    const [response] = await Promise.all([
      page.waitForResponse(
        (candidate) => new URL(candidate.url()).pathname === '/api/v1/pricing/quote' && candidate.request().method() === 'POST',
      ),
      form.getByRole('button', { name: 'Price' }).click(),
    ]);
    return { status: response.status(), body: await response.json().catch(() => undefined) };
  }

  return [
    {
      name: 'price check: ten pieces on the customer\'s price list reach its quantity break, explained, and a zero quantity is refused on its line',
      async run({ page, context, screenshot }) {
        await signIn(page);
        const suffix = Date.now().toString(36);
        const listName = `Journey list ${suffix}`;
        const productName = `Journey valve ${suffix}`;
        const customerName = `Journey customer ${suffix}`;
        // The records API names a link field with its `_id`: price_list_id, product_id.
        const list = await api(context, 'POST', '/price_lists', { name: listName, sales_type: 'domestic', currency: 'EUR' });
        // No product group: the demo's group discounts (valves, seals) stay out of the numbers.
        const product = await api(context, 'POST', '/products', {
          name: productName,
          unit: 'pcs',
          list_price: { amount: '120.00', currency: 'EUR' },
        });
        await api(context, 'POST', '/price_list_rates', {
          price_list_id: list.id,
          product_id: product.id,
          unit_price: { amount: '100.00', currency: 'EUR' },
        });
        await api(context, 'POST', '/price_list_rates', {
          price_list_id: list.id,
          product_id: product.id,
          min_quantity: '10',
          unit_price: { amount: '90.00', currency: 'EUR' },
        });
        await api(context, 'POST', '/tax_rules', { name: `Journey VAT ${suffix}`, product_id: product.id, rate: '19' });
        await api(context, 'POST', '/accounts', {
          name: customerName,
          type: 'customer',
          sales_type: 'domestic',
          price_list_id: list.id,
          currency: 'EUR',
        });

        // From the main navigation, then on a phone.
        await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Price check' }).click();
        await page.waitForURL((url) => url.pathname === '/pricing');
        await page.setViewportSize({ width: 390, height: 844 });
        await page.getByRole('heading', { name: 'Price check', level: 1 }).waitFor();
        const form = page.getByRole('form', { name: 'Price check' });
        await pick(page, form.getByRole('textbox', { name: 'Customer', exact: true }), customerName);
        const line = form.getByRole('group', { name: 'Line 1' });
        await pick(page, line.getByRole('textbox', { name: 'Product', exact: true }), productName);
        await line.getByRole('textbox', { name: 'Quantity', exact: true }).fill('10');
        check(!(await scrollsSideways(page)), 'the price check form scrolls sideways on a phone');

        const priced = await price(page, form);
        check(priced.status === 200, `the quote answered ${priced.status}: ${JSON.stringify(priced.body)}`);
        const answer = priced.body.lines?.[0];
        check(
          answer?.unit_price === '90.00' && answer?.price_source === 'price_list' && priced.body.totals?.total === '1071.00',
          `the server priced ${JSON.stringify({ line: answer, totals: priced.body.totals })}`,
        );

        const table = page.getByRole('table', { name: 'Priced lines' });
        await table.waitFor();
        const cells = (await table.locator('tbody tr').first().locator('td').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
        const [productCell, ...amounts] = cells;
        // Quantity, unit price, discount %, net, tax (with its rate), total: as the server wrote them.
        const expected = ['10', '90.00', '0', '900.00', '171.00 19%', '1071.00'];
        check(amounts.join(' | ') === expected.join(' | '), `the priced line shows ${cells.join(' | ')}`);
        check(productCell.startsWith(productName), `the priced line names ${productCell}`);
        check(/price list/i.test(productCell), `the priced line does not say its price came from the price list: ${productCell}`);
        const totals = (await page.getByRole('group', { name: 'Totals' }).innerText()).replace(/\s+/g, ' ');
        check(totals.includes('Total 1071.00 EUR'), `the totals say ${totals}`);
        const why = await page.getByRole('list', { name: 'How line 1 was priced' }).innerText();
        check(why.includes(listName), `the explanation does not name the price list: ${why.replace(/\s+/g, ' ')}`);
        check(!(await scrollsSideways(page)), 'the priced lines scroll the page sideways on a phone');
        await screenshot('price-check');

        // Re-priced with a quantity the server refuses: the error sits on that line's quantity.
        const quantity = line.getByRole('textbox', { name: 'Quantity', exact: true });
        await quantity.fill('0');
        const refused = await price(page, form);
        check(refused.status === 422, `a zero quantity answered ${refused.status}: ${JSON.stringify(refused.body)}`);
        const fieldError = (refused.body?.error?.fields ?? []).find((entry) => entry.field === 'lines[0].quantity');
        check(fieldError !== undefined, `the server named no lines[0].quantity: ${JSON.stringify(refused.body)}`);
        await page.waitForFunction(
          (input) => input.getAttribute('aria-invalid') === 'true',
          await quantity.elementHandle(),
        );
        await line.getByText(fieldError.message).waitFor();
        check((await table.count()) === 0, 'the prices of the earlier quantity are still shown');
        check(!(await scrollsSideways(page)), 'the refused price check scrolls sideways on a phone');
        await screenshot('price-check-refused');
        await page.setViewportSize({ width: 1280, height: 800 });
      },
    },
  ];
}
