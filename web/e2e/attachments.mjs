// Browser journey of a record's attachments: on a demo account a PNG and a PDF chosen in
// the file input appear in the panel; the PDF chosen again under the same name becomes
// version 2 with version 1 kept beneath it; the PDF and the PNG previewed in the page; the
// PNG downloaded and compared byte for byte; the panel on a phone.
//
// Each case signs in again (run.mjs starts every case signed out).

import { readFile } from 'node:fs/promises';
import { pageApi } from './page-api.mjs';
import { samplePdf, samplePng } from './sample-files.mjs';
import { settled } from './settle.mjs';

/** The cases, given run.mjs's helpers. */
export function attachmentCases({ baseUrl, check, signIn, scrollsSideways }) {
  const api = pageApi(baseUrl, check);
  const suffix = Date.now().toString(36);
  const pngName = `journey-logo-${suffix}.png`;
  const pdfName = `journey-terms-${suffix}.pdf`;
  const png = samplePng();
  const firstPdf = samplePdf('Terms, first draft');
  const secondPdf = samplePdf('Terms, as signed');

  return [
    {
      name: 'attachments: on an account a PNG and a PDF are uploaded, the PDF again becomes version 2 with version 1 kept, previewed, and the PNG downloads byte for byte',
      async run({ page, context, screenshot }) {
        await signIn(page);
        const account = (await api(context, 'GET', '/accounts?sort=name&limit=1')).data[0];
        check(account !== undefined, 'the demo data has no account');
        await page.goto(`${baseUrl}/accounts/${account.id}`, { waitUntil: 'domcontentloaded' });
        const panel = page.getByRole('region', { name: 'Attachments' });
        await panel.getByRole('button', { name: 'Upload files' }).waitFor();

        await panel.getByLabel('Files to attach').setInputFiles([
          { name: pngName, mimeType: 'image/png', buffer: png },
          { name: pdfName, mimeType: 'application/pdf', buffer: firstPdf },
        ]);
        const documents = panel.getByRole('list', { name: 'Attached documents' });
        const pngItem = documents.getByRole('listitem', { name: pngName });
        const pdfItem = documents.getByRole('listitem', { name: pdfName });
        await pngItem.waitFor();
        await pdfItem.getByText('v1', { exact: true }).waitFor();
        check((await pngItem.innerText()).includes('by you'), `the PNG's line reads: ${await pngItem.innerText()}`);

        // The same name again: the next version of that document.
        await panel.getByLabel('Files to attach').setInputFiles({ name: pdfName, mimeType: 'application/pdf', buffer: secondPdf });
        await pdfItem.getByText('v2', { exact: true }).waitFor();
        await pdfItem.getByRole('button', { name: 'Show earlier versions (1)' }).click();
        const earlier = pdfItem.getByRole('list', { name: `Earlier versions of ${pdfName}` });
        await earlier.getByRole('link', { name: `Download ${pdfName} v1` }).waitFor();
        const stored = await api(context, 'GET', `/accounts/${account.id}/attachments?sort=reference,-file_version&limit=200`);
        const versions = stored.data.filter((entry) => entry.reference === pdfName).map((entry) => `${entry.file_version}:${entry.latest}`);
        check(versions.join(',') === '2:true,1:false', `the server keeps the PDF as ${versions.join(', ')}`);
        await settled(page);
        await screenshot('attachments-versions');

        await pdfItem.getByRole('button', { name: `Preview ${pdfName} v2` }).click();
        const preview = page.getByRole('dialog', { name: `${pdfName}, version 2` });
        const frame = preview.locator('iframe');
        await frame.waitFor();
        const shown = await context.request.get(new URL(await frame.getAttribute('src'), baseUrl).href);
        check(shown.headers()['content-type'] === 'application/pdf', `the preview is ${shown.headers()['content-type']}`);
        check(Buffer.from(await shown.body()).equals(secondPdf), 'the preview is not the second version');
        await settled(page);
        await screenshot('attachments-pdf-preview');
        await page.keyboard.press('Escape');
        await preview.waitFor({ state: 'hidden' });

        await pngItem.getByRole('button', { name: `Preview ${pngName} v1` }).click();
        const image = page.getByRole('dialog', { name: `${pngName}, version 1` }).getByRole('img', { name: `${pngName}, version 1` });
        await image.waitFor();
        await page.waitForFunction((name) => [...document.images].some((img) => img.alt === name && img.complete && img.naturalWidth === 48), `${pngName}, version 1`);
        await settled(page);
        await screenshot('attachments-png-preview');
        await page.keyboard.press('Escape');

        const [download] = await Promise.all([
          page.waitForEvent('download'),
          pngItem.getByRole('link', { name: `Download ${pngName} v1` }).click(),
        ]);
        check(download.suggestedFilename() === pngName, `the download is named ${download.suggestedFilename()}`);
        const bytes = await readFile(await download.path());
        check(bytes.equals(png), `the downloaded PNG has ${bytes.length} bytes, not the ${png.length} uploaded`);

        await page.setViewportSize({ width: 390, height: 844 });
        // The navigation folds into a drawer as it narrows: measured once it has.
        await settled(page);
        await panel.scrollIntoViewIfNeeded();
        check(!(await scrollsSideways(page)), 'the account page scrolls sideways at 390x844');
        await screenshot('attachments-390x844');
      },
    },
  ];
}
