// Browser journeys of exports: the accounts list, filtered to one area and sorted, sent
// to a file from the Export menu; the CSV's rows are the list's rows, and the XLSX is a
// workbook. run.mjs runs them with its shared helpers.
import { readFile } from 'node:fs/promises';

/** RFC 4180 text as rows of fields (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** The cases, given run.mjs's helpers. */
export function exportCases({ baseUrl, check, signIn, scrollsSideways }) {
  const api = async (context, path) => {
    const response = await context.request.get(`${baseUrl}/api/v1${path}`);
    check(response.ok(), `GET ${path} answered ${response.status()}`);
    return response.json();
  };

  /** Chooses a format in the Export menu and returns the downloaded file's bytes and name. */
  const download = async (page, item) => {
    await page.getByRole('button', { name: 'Export' }).click();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: item, exact: true }).click()]);
    const path = await file.path();
    check(path !== null, `the ${item} download failed: ${await file.failure()}`);
    return { bytes: await readFile(path), name: file.suggestedFilename() };
  };

  return [
    {
      name: 'the accounts of one area, sorted by name, exported as CSV hold the rows the list shows; XLSX is a workbook',
      async run({ page, context, screenshot }) {
        await signIn(page);
        const filter = 'area eq "north"';
        await page.goto(`${baseUrl}/accounts?${new URLSearchParams({ filter, sort: 'name' })}`, { waitUntil: 'domcontentloaded' });
        await page.getByRole('table', { name: 'Accounts' }).waitFor();
        const expected = await api(context, `/accounts?${new URLSearchParams({ filter, sort: 'name', limit: '500', count: 'true', fields: 'code,name' })}`);
        check(expected.total > 0 && expected.total <= 500, `the API lists ${expected.total} north accounts`);
        await page.getByText(new RegExp(`^${expected.total} accounts?$`)).waitFor();

        await page.getByRole('button', { name: 'Export' }).click();
        await page.getByRole('menuitem', { name: 'CSV for Excel' }).waitFor();
        await page.waitForFunction(() => getComputedStyle(document.querySelector('[role="menu"]')).opacity === '1');
        check(!(await scrollsSideways(page)), 'the export menu scrolls sideways');
        await screenshot('export-menu');
        await page.keyboard.press('Escape');

        const csv = await download(page, 'CSV');
        check(/^accounts-\d{4}-\d{2}-\d{2}\.csv$/.test(csv.name), `the CSV is named ${csv.name}`);
        const rows = parseCsv(csv.bytes.toString('utf8'));
        const [header, ...data] = rows;
        check(header.join('|') === 'Code|Name|Type|Area|Industry|E-mail', `the CSV's header is ${header.join(', ')}`);
        check(data.length === expected.total, `the CSV has ${data.length} rows, the list ${expected.total}`);
        check(data.every((row) => row[3] === 'North'), 'the CSV holds accounts of other areas');
        const codes = data.map((row) => row[0]).join(',');
        check(codes === expected.data.map((record) => record.code).join(','), 'the CSV is not in the order of the list');

        const excel = await download(page, 'CSV for Excel');
        check(excel.bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), 'the CSV for Excel lacks the byte order mark');

        const xlsx = await download(page, 'Excel workbook (XLSX)');
        check(/^accounts-\d{4}-\d{2}-\d{2}\.xlsx$/.test(xlsx.name), `the workbook is named ${xlsx.name}`);
        check(xlsx.bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])), 'the XLSX is not a zip file');
      },
    },
  ];
}
