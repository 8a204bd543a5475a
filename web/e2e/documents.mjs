// Browser journey of printed documents: a quotation for a demo customer saves its PDF,
// which appears among its attachments as generated; e-mailed to the customer, the notice
// names the address and the outbox holds the e-mail with the PDF's next version; an
// invoice's PDF previewed in the page and saved too.
//
// Each case signs in again (run.mjs starts every case signed out).

import { pageApi } from './page-api.mjs';
import { settled } from './settle.mjs';

/** The cases, given run.mjs's helpers. */
export function documentCases({ baseUrl, check, signIn, scrollsSideways }) {
  const api = pageApi(baseUrl, check);

  /** A demo customer with an e-mail address, where the e-mail goes by default. */
  async function customerWithEmail(context) {
    const filter = encodeURIComponent('type eq "customer" and email not empty');
    const customer = (await api(context, 'GET', `/accounts?filter=${filter}&sort=name&limit=1`)).data[0];
    check(customer !== undefined, 'the demo data has no customer with an e-mail address');
    return customer;
  }

  async function saveAndSee(page, noun, number, version) {
    const reference = `${noun} ${number}`;
    await page.getByRole('button', { name: 'Save PDF' }).click();
    await page.getByRole('status').filter({ hasText: `PDF saved: ${reference}, version ${version}.` }).waitFor();
    const item = page.getByRole('region', { name: 'Attachments' }).getByRole('listitem', { name: reference });
    await item.getByText(`v${version}`, { exact: true }).waitFor();
    await item.getByText('Generated', { exact: true }).waitFor();
    return item;
  }

  return [
    {
      name: 'documents: a quotation saves its PDF among its attachments and e-mails it to the customer through the outbox',
      async run({ page, context, screenshot }) {
        await signIn(page);
        const customer = await customerWithEmail(context);
        const quotation = await api(context, 'POST', '/quotations', { account_id: customer.id });
        await page.goto(`${baseUrl}/quotations/${quotation.id}`, { waitUntil: 'domcontentloaded' });
        await page.getByRole('region', { name: 'Attachments' }).getByText('No files yet.').waitFor();

        await saveAndSee(page, 'Quotation', quotation.number, 1);
        await settled(page);
        await screenshot('quotation-pdf-saved');

        await page.getByRole('button', { name: 'E-mail to customer' }).click();
        const dialog = page.getByRole('dialog', { name: 'E-mail to customer' });
        check((await dialog.getByRole('textbox', { name: 'To', exact: true }).inputValue()) === '', 'the recipient is not left to the customer');
        await dialog.getByRole('textbox', { name: /^Message/ }).fill('Our offer, as discussed this morning.');
        await settled(page);
        await screenshot('quotation-email-dialog');
        const [response] = await Promise.all([
          page.waitForResponse((candidate) => new URL(candidate.url()).pathname === `/api/v1/quotations/${quotation.id}/email`),
          dialog.getByRole('button', { name: 'Send' }).click(),
        ]);
        check(response.status() === 201, `the e-mail answered ${response.status()}: ${await response.text()}`);
        const sent = await response.json();
        check(sent.to_address === customer.email, `the e-mail went to ${sent.to_address}, not ${customer.email}`);
        await page.getByRole('status').filter({ hasText: `E-mail to ${customer.email} queued with Quotation ${quotation.number}, version 2.` }).waitFor();
        await page.getByRole('region', { name: 'Attachments' }).getByRole('listitem', { name: `Quotation ${quotation.number}` }).getByText('v2', { exact: true }).waitFor();

        const outbox = await api(context, 'GET', '/outbox?limit=100');
        const mail = outbox.data.find((entry) => entry.id === sent.outbox_id);
        check(mail !== undefined, `the outbox does not list ${sent.outbox_id}`);
        check(mail.to_address === customer.email, `the outbox e-mail goes to ${mail.to_address}`);
        check((mail.attachment_ids ?? []).includes(sent.attachment.id), `the outbox e-mail carries ${JSON.stringify(mail.attachment_ids)}, not ${sent.attachment.id}`);
        await dialog.waitFor({ state: 'hidden' });
        await settled(page);
        await screenshot('quotation-emailed');

        await page.setViewportSize({ width: 390, height: 844 });
        // The navigation folds into a drawer as it narrows: measured once it has.
        await settled(page);
        check(!(await scrollsSideways(page)), 'the quotation page scrolls sideways at 390x844');
        await screenshot('quotation-documents-390x844');
      },
    },
    {
      name: "documents: an invoice's PDF is previewed in the page and saved among its attachments",
      async run({ page, context, screenshot }) {
        await signIn(page);
        const customer = await customerWithEmail(context);
        const invoice = await api(context, 'POST', '/invoices', { account_id: customer.id });
        await page.goto(`${baseUrl}/invoices/${invoice.id}`, { waitUntil: 'domcontentloaded' });
        await page.getByRole('region', { name: 'Lines' }).getByRole('button', { name: 'Preview PDF' }).click();
        const preview = page.getByRole('dialog', { name: `PDF of ${invoice.number}` });
        const frame = preview.locator('iframe');
        await frame.waitFor();
        check((await frame.getAttribute('src')) === `/api/v1/invoices/${invoice.id}/pdf`, `the preview shows ${await frame.getAttribute('src')}`);
        const shown = await context.request.get(`${baseUrl}/api/v1/invoices/${invoice.id}/pdf`);
        check(shown.ok() && shown.headers()['content-type'] === 'application/pdf', `the invoice PDF answered ${shown.status()} ${shown.headers()['content-type']}`);
        await settled(page);
        await screenshot('invoice-pdf-preview');
        await page.keyboard.press('Escape');
        await preview.waitFor({ state: 'hidden' });

        await saveAndSee(page, 'Invoice', invoice.number, 1);
        await screenshot('invoice-pdf-saved');
      },
    },
  ];
}
