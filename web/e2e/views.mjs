// Browser journeys of saved views in the list of accounts: save the list as the default
// view, open the list again without parameters, switch views, delete them, and the save
// dialog naming the server's field error. run.mjs runs them with its shared helpers.

import { pageApi } from './page-api.mjs';

/** The cases, given run.mjs's helpers. */
export function viewCases({ baseUrl, check, signIn, openLogin, scrollsSideways, columnValues }) {
  const suffix = Date.now().toString(36);
  const NORTH = `North e2e ${suffix}`;
  const BY_NAME = `By name e2e ${suffix}`;

  const api = pageApi(baseUrl, check);
  const accountViews = async (context) => (await api(context, 'GET', '/views?entity=accounts')).data;

  /** Deletes this run's views and the browser's column choice, so later journeys find the list as before. */
  const cleanUp = async (page, context) => {
    for (const view of await accountViews(context).catch(() => [])) {
      if (view.name.endsWith(suffix)) await api(context, 'DELETE', `/views/${view.id}`).catch(() => undefined);
    }
    await page.evaluate(() => window.localStorage.removeItem('atrium.columns.account')).catch(() => undefined);
  };

  const viewsButton = (page) => page.getByRole('button', { name: /^Views?(:|$)/ });

  const openView = async (page, name) => {
    await viewsButton(page).click();
    await page.getByRole('menuitem', { name: new RegExp(`^${name}`) }).click();
  };

  /** The record ids of the table's rows, in order. */
  const rowIds = (page) =>
    page
      .getByRole('table', { name: 'Accounts' })
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => (row.querySelector('a')?.getAttribute('href') ?? '').split('/').pop()));

  /** Waits until the list shows what the API lists for the same query, then compares the rows. */
  const expectRowsOf = async (page, context, query, label) => {
    const params = new URLSearchParams({ ...query, limit: '50', count: 'true' });
    const expected = await api(context, 'GET', `/accounts?${params}`);
    check(expected.total > 0, `the API lists no accounts for ${label}`);
    await page.getByText(new RegExp(`^${expected.total} accounts?$`)).waitFor();
    await page.waitForFunction(
      (first) => document.querySelector('table[aria-label="Accounts"] tbody tr a')?.getAttribute('href')?.endsWith(`/${first}`),
      expected.data[0].id,
    );
    const shown = await rowIds(page);
    const ids = expected.data.map((record) => record.id);
    check(shown.join(',') === ids.join(','), `${label}: the list shows other rows than the API (${shown.length} against ${ids.length})`);
    return expected;
  };

  const headers = async (page) =>
    (await page.getByRole('table', { name: 'Accounts' }).locator('thead th').allInnerTexts()).map((text) => text.trim());

  return [
    {
      name: 'a filtered list with chosen columns saved as the default view opens again without parameters; views switch and are deleted',
      async run({ page, context, screenshot }) {
        await signIn(page);
        try {
          await cleanUp(page, context);
          // A second view to switch to, saved through the API.
          await api(context, 'POST', '/views', { entity: 'accounts', name: BY_NAME, sort: 'name', columns: ['name', 'code'] });

          await page.goto(`${baseUrl}/accounts`, { waitUntil: 'domcontentloaded' });
          await page.getByRole('table', { name: 'Accounts' }).waitFor();
          check((await viewsButton(page).innerText()).trim() === 'Views', 'the list opened with a view before one was saved as default');

          // Filter by area.
          await page.getByRole('button', { name: 'Filters' }).click();
          await page.getByRole('button', { name: 'Add condition' }).click();
          await page.getByRole('textbox', { name: 'Condition 1 field', exact: true }).click();
          await page.getByRole('option', { name: 'Area', exact: true }).click();
          await page.getByRole('textbox', { name: 'Condition 1 value', exact: true }).click();
          await page.getByRole('option', { name: 'North', exact: true }).click();
          await page.getByRole('button', { name: 'Apply filters' }).click();
          await page.waitForURL((url) => (url.searchParams.get('filters') ?? '').includes('north'));

          // Choose columns: Code, Name, Area, Segment, E-mail.
          await page.getByRole('button', { name: 'Columns' }).click();
          const visible = page.getByRole('group', { name: 'Visible columns' });
          for (const label of ['Type', 'Industry']) await visible.getByRole('checkbox', { name: label, exact: true }).uncheck();
          await visible.getByRole('checkbox', { name: 'Segment', exact: true }).check();
          await page.keyboard.press('Escape');
          await page.waitForFunction(() =>
            [...document.querySelectorAll('table[aria-label="Accounts"] thead th')].map((th) => th.textContent.trim()).join('|') === 'Code|Name|Area|Segment|E-mail');

          // Save as the default view.
          await viewsButton(page).click();
          await page.getByRole('menuitem', { name: 'Save view as…' }).click();
          const dialog = page.getByRole('dialog', { name: 'Save view' });
          await dialog.getByRole('textbox', { name: /^Name/ }).fill(NORTH);
          await dialog.getByRole('checkbox', { name: /Open this view when I open the list/ }).check();
          await screenshot('view-save-dialog');
          await dialog.getByRole('button', { name: 'Save view' }).click();
          await page.getByRole('status').filter({ hasText: `Saved the view “${NORTH}”.` }).waitFor();
          await page.waitForURL((url) => (url.searchParams.get('view') ?? '') !== '');
          await page.getByRole('button', { name: `View: ${NORTH}`, exact: true }).waitFor();
          const saved = (await accountViews(context)).find((view) => view.name === NORTH);
          check(saved !== undefined, 'the view is not among the API\'s views');
          check(saved.is_default, 'the view is not the default');
          check(saved.filter === 'area eq "north"', `the view's filter is ${saved.filter}`);
          check(saved.columns.join(',') === 'code,name,area,segment,email', `the view's columns are ${saved.columns.join(',')}`);

          // The browser's own column choice goes back to the definition's; the view keeps its columns.
          await page.evaluate(() => window.localStorage.removeItem('atrium.columns.account'));

          // Opened again without parameters, the list is the default view.
          await page.goto(`${baseUrl}/accounts`, { waitUntil: 'domcontentloaded' });
          await page.waitForURL((url) => url.searchParams.get('view') === saved.id);
          await page.getByRole('table', { name: 'Accounts' }).waitFor();
          await expectRowsOf(page, context, { filter: 'area eq "north"' }, 'the default view');
          check((await headers(page)).join('|') === 'Code|Name|Area|Segment|E-mail', `the columns are ${(await headers(page)).join(', ')}`);
          const areas = await columnValues(page, 'Area');
          check(areas.every((area) => area.trim() === 'North'), `rows outside North: ${areas.join(', ')}`);
          await page.getByRole('button', { name: `View: ${NORTH}`, exact: true }).waitFor();
          await screenshot('view-default-opened');

          // At 390x844 with the view's long name, nothing scrolls sideways, menu open or not.
          await page.setViewportSize({ width: 390, height: 844 });
          await page.reload({ waitUntil: 'domcontentloaded' });
          await page.getByRole('table', { name: 'Accounts' }).waitFor();
          check(!(await scrollsSideways(page)), 'the list with a view scrolls sideways');
          await viewsButton(page).click();
          await page.getByRole('menuitem', { name: 'Delete view…' }).waitFor();
          // The menu fades in; the screenshot shows it once opaque.
          await page.waitForFunction(() => getComputedStyle(document.querySelector('[role="menu"]')).opacity === '1');
          check(!(await scrollsSideways(page)), 'the views menu scrolls sideways');
          await screenshot('view-menu-390x844');
          await page.keyboard.press('Escape');
          await page.setViewportSize({ width: 1280, height: 800 });
          await page.reload({ waitUntil: 'domcontentloaded' });
          await page.getByRole('table', { name: 'Accounts' }).waitFor();

          // Switch to the other view: every account by name, two columns.
          await openView(page, BY_NAME);
          await page.waitForURL((url) => url.searchParams.get('sort') === 'name' && !url.searchParams.has('filters'));
          await page.locator('th[aria-sort="ascending"]', { hasText: 'Name' }).waitFor();
          await expectRowsOf(page, context, { sort: 'name' }, 'the view by name');
          check((await headers(page)).join('|') === 'Name|Code', `the columns are ${(await headers(page)).join(', ')}`);

          // And back, by the keyboard.
          await viewsButton(page).focus();
          await page.keyboard.press('Enter');
          await page.getByRole('menuitem', { name: new RegExp(`^${NORTH}`) }).focus();
          await page.keyboard.press('Enter');
          await page.waitForURL((url) => url.searchParams.get('view') === saved.id);
          await expectRowsOf(page, context, { filter: 'area eq "north"' }, 'the default view again');

          // Delete it: the list stays, no longer as a view, and no default remains.
          await viewsButton(page).click();
          await page.getByRole('menuitem', { name: 'Delete view…' }).click();
          const confirm = page.getByRole('dialog', { name: `Delete the view “${NORTH}”?` });
          await confirm.getByRole('button', { name: 'Delete view' }).click();
          await page.getByRole('status').filter({ hasText: `Deleted the view “${NORTH}”.` }).waitFor();
          await page.getByRole('button', { name: 'Views', exact: true }).waitFor();
          const left = await accountViews(context);
          check(!left.some((view) => view.name === NORTH), 'the API still has the deleted view');
          check(!left.some((view) => view.is_default), 'a default view remains');

          await page.goto(`${baseUrl}/accounts`, { waitUntil: 'domcontentloaded' });
          await page.getByRole('table', { name: 'Accounts' }).waitFor();
          await expectRowsOf(page, context, {}, 'the list without a default view');
          check(!new URL(page.url()).searchParams.has('view'), 'a view was opened after the default was deleted');
        } finally {
          await cleanUp(page, context);
        }
      },
    },
    {
      name: "the save dialog names the server's refusal of a hidden field",
      async run({ page, context, screenshot }) {
        // The viewer may not see credit limits; a shared address with such a filter cannot become a view.
        await openLogin(page);
        await page.getByLabel(/^Username/).fill('viewer');
        await page.getByLabel(/^Password/).fill('atrium-demo-2026');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.waitForURL((url) => url.pathname === '/');
        try {
          await page.goto(`${baseUrl}/accounts?filter=${encodeURIComponent('credit_limit.amount gt 1000')}`, { waitUntil: 'domcontentloaded' });
          await page.getByTestId('view-filter').waitFor();
          await viewsButton(page).click();
          await page.getByRole('menuitem', { name: 'Save view as…' }).click();
          const dialog = page.getByRole('dialog', { name: 'Save view' });
          await dialog.getByRole('textbox', { name: /^Name/ }).fill(`Credit e2e ${suffix}`);
          await dialog.getByRole('button', { name: 'Save view' }).click();
          const alert = dialog.getByRole('alert');
          await alert.waitFor();
          const text = await alert.innerText();
          check(/Filter: it uses a field you may not see/.test(text), `the dialog says "${text}"`);
          check(!(await scrollsSideways(page)), 'the dialog scrolls sideways');
          await screenshot('view-save-refused');
          check((await accountViews(context)).length === 0, 'the refused view was saved');
        } finally {
          await cleanUp(page, context);
        }
      },
    },
  ];
}
