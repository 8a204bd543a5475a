// Browser journey of an import: from the accounts list to the wizard, a small CSV with
// one bad row uploaded, the dry run showing that row's error, the import reaching done,
// the error report downloaded, and the list showing the new accounts. run.mjs runs it
// with its shared helpers.
import { readFile } from 'node:fs/promises';

/** The cases, given run.mjs's helpers. */
export function importCases({ baseUrl, check, signIn, scrollsSideways }) {
  const suffix = Date.now().toString(36).toUpperCase();
  const code = (n) => `E2E-${suffix}-${n}`;
  const csv = ['code,name,type', `${code(1)},Import journey one,customer`, `${code(2)},Import journey two,nonsense`,
    `${code(3)},Import journey three,Prospect`].join('\r\n');

  return [
    {
      name: 'a CSV with one bad row: the dry run shows its error, the import gets done, the report downloads, the list shows the rest',
      async run({ page, screenshot }) {
        await signIn(page);
        await page.goto(`${baseUrl}/accounts`, { waitUntil: 'domcontentloaded' });
        await page.getByRole('link', { name: 'Import' }).click();
        await page.getByRole('heading', { name: 'Import accounts' }).waitFor();

        await page.locator('input[type="file"]').setInputFiles({ name: 'journey.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
        const mapping = page.getByRole('table', { name: 'Column mapping' });
        await mapping.waitFor();
        for (const [column, field] of [['code', 'Code *'], ['name', 'Name *'], ['type', 'Type *']]) {
          const chosen = await page.getByRole('textbox', { name: `Field for column ${column}` }).inputValue();
          check(chosen === field, `column ${column} is mapped to ${chosen}, not ${field}`);
        }
        check(!(await scrollsSideways(page)), 'the import wizard scrolls sideways');
        await screenshot('import-mapping');

        await page.getByRole('button', { name: 'Dry run' }).click();
        const dryRun = page.getByTestId('dry-run');
        await dryRun.getByText(/^Dry run: done/).waitFor();
        const dryErrors = dryRun.getByRole('table', { name: 'Dry run errors' });
        await dryErrors.waitFor();
        const dryText = await dryErrors.innerText();
        check(dryText.includes("column 'type'") && dryText.includes('2'), `the dry run's errors read: ${dryText}`);
        const before = await page.request.get(`${baseUrl}/api/v1/accounts?${new URLSearchParams({ filter: `code starts "E2E-${suffix}"`, count: 'true' })}`);
        check((await before.json()).total === 0, 'the dry run wrote accounts');

        await page.getByRole('button', { name: 'Start import' }).click();
        const run = page.getByTestId('import-run');
        await run.getByText(/^Import: done/).waitFor();
        const bar = run.getByRole('progressbar', { name: 'Import progress' });
        check((await bar.getAttribute('aria-valuenow')) === '100', 'the progress bar does not reach 100');
        check((await run.innerText()).includes('Created 2'), `the import reports: ${await run.innerText()}`);
        await screenshot('import-done');

        const [file] = await Promise.all([page.waitForEvent('download'), run.getByRole('link', { name: 'Download the error report' }).click()]);
        const path = await file.path();
        check(path !== null, 'the error report did not download');
        const report = (await readFile(path)).toString('utf8');
        check(report.includes('code,name,type,error') && report.includes(code(2)) && !report.includes(code(1)), `the report reads: ${report}`);

        await page.goto(`${baseUrl}/accounts?${new URLSearchParams({ filter: `code starts "E2E-${suffix}"`, sort: 'code' })}`, { waitUntil: 'domcontentloaded' });
        await page.getByText(/^2 accounts$/).waitFor();
        const table = await page.getByRole('table', { name: 'Accounts' }).innerText();
        check(table.includes(code(1)) && table.includes(code(3)) && !table.includes(code(2)), 'the list does not show the imported accounts');
      },
    },
  ];
}
