// Browser journeys of the access administration: teams, roles with the rights matrix,
// users with scope attributes, and what a restricted user then sees. run.mjs runs them
// with its shared helpers; the cases run in order and the second builds on the first.

const PASSWORD = 'Quiet-harbour-lamp-42';

/** The cases, given run.mjs's helpers. */
export function adminCases({ baseUrl, check, signIn, openLogin, scrollsSideways, columnValues }) {
  // What the first case created, for the ones after it.
  const created = {};
  const suffix = Date.now().toString(36);

  const api = async (context, path) => {
    const response = await context.request.get(`${baseUrl}/api/v1${path}`);
    check(response.ok(), `GET ${path} answered ${response.status()}`);
    return response.json();
  };

  /** Picks options of a labelled Mantine MultiSelect, then closes its dropdown. */
  const pick = async (page, label, options) => {
    await page.getByRole('textbox', { name: label, exact: true }).click();
    for (const option of options) {
      await page.getByRole('option', { name: option, exact: true }).click();
    }
    await page.keyboard.press('Escape');
  };

  const openSection = async (page, title) => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Administration' }).click();
    await page.waitForURL((url) => url.pathname === '/admin');
    await page.getByRole('link', { name: title, exact: true }).click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
  };

  return [
    {
      name: 'an administrator creates a team, a role with a rule and a hidden field, and a user in one area',
      async run({ page, context, screenshot }) {
        await signIn(page);
        const metadata = await api(context, '/metadata');
        const area = metadata.picklists.areas?.[0];
        check(area !== undefined, 'the metadata has no areas picklist');
        const account = metadata.entities.find((entity) => entity.name === 'account');
        const industry = account?.fields.find((field) => field.name === 'industry');
        check(industry !== undefined, 'accounts have no industry field');
        created.area = area;
        created.hiddenField = industry;
        const inArea = await api(context, `/accounts?filter=${encodeURIComponent(`area eq "${area.key}"`)}&count=true&limit=1`);
        created.total = inArea.total;
        check(created.total > 0, `no demo account in the area ${area.key}`);

        // A team.
        created.team = `E2E team ${suffix}`;
        await openSection(page, 'Teams');
        await page.getByRole('link', { name: 'New team' }).click();
        await page.getByRole('textbox', { name: 'Name', exact: true }).fill(created.team);
        await pick(page, 'Members', ['Demo Manager (manager)']);
        await page.getByRole('button', { name: 'Create team' }).click();
        await page.getByRole('status').filter({ hasText: 'The team was created.' }).waitFor();
        await page.getByRole('heading', { name: created.team, level: 1 }).waitFor();

        // A role: a bad rule first, whose error lands on its cell.
        created.role = `E2E ${area.label} reader ${suffix}`;
        await openSection(page, 'Roles');
        await page.getByRole('link', { name: 'New role' }).click();
        await page.getByRole('textbox', { name: 'Name', exact: true }).fill(created.role);
        await page.getByRole('combobox', { name: 'Accounts read scope' }).selectOption('rule');
        const rule = page.getByRole('textbox', { name: 'Accounts read rule' });
        await rule.fill('nonsense in user.areas');
        const [rejected] = await Promise.all([
          page.waitForResponse((response) => new URL(response.url()).pathname === '/api/v1/roles' && response.request().method() === 'POST'),
          page.getByRole('button', { name: 'Create role' }).click(),
        ]);
        check(rejected.status() === 422, `the bad rule answered ${rejected.status()}`);
        const problem = (await rejected.json()).error.fields.find((field) => field.field.endsWith('.rule'));
        check(problem !== undefined, 'the server named no rule field');
        await page.waitForFunction(
          () => document.querySelector('input[aria-label="Accounts read rule"]')?.getAttribute('aria-invalid') === 'true',
        );
        const cell = page.locator('[data-cell="account.read"]');
        check((await cell.innerText()).includes(problem.message), `the cell does not show "${problem.message}"`);
        check(new URL(page.url()).pathname === '/admin/roles/new', 'left the form after the error');
        await cell.scrollIntoViewIfNeeded();
        await screenshot('role-rule-error');

        await rule.fill('area in user.areas');
        await page.getByRole('button', { name: 'Accounts field rights' }).click();
        await page.getByRole('combobox', { name: `Accounts ${industry.label} access` }).selectOption('hidden');
        await page.getByRole('button', { name: 'Create role' }).click();
        await page.getByRole('status').filter({ hasText: 'The role was created.' }).waitFor();
        await page.getByRole('heading', { name: created.role, level: 1 }).waitFor();
        const roleId = new URL(page.url()).pathname.split('/').pop();
        const role = await api(context, `/roles/${roleId}`);
        check(
          role.rights.length === 1 && role.rights[0].scope === 'rule' && role.rights[0].rule === 'area in user.areas',
          `the role's rights are ${JSON.stringify(role.rights)}`,
        );
        check(
          JSON.stringify(role.field_rights) === JSON.stringify([{ entity: 'account', field: industry.field, mode: 'hidden' }]),
          `the role's field rights are ${JSON.stringify(role.field_rights)}`,
        );
        await screenshot('role-created');

        // A user with that role, the team and the area.
        created.username = `e2e-${suffix}`;
        await openSection(page, 'Users');
        await page.getByRole('link', { name: 'New user' }).click();
        await page.getByRole('textbox', { name: 'Username', exact: true }).fill(created.username);
        await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
        await page.getByRole('textbox', { name: 'Name', exact: true }).fill(`E2E ${area.label} reader`);
        await pick(page, 'Roles', [created.role]);
        await pick(page, 'Teams', [created.team]);
        await pick(page, 'Areas', [area.label]);
        await page.getByRole('button', { name: 'Create user' }).click();
        await page.getByRole('status').filter({ hasText: 'The user was created.' }).waitFor();
        const userId = new URL(page.url()).pathname.split('/').pop();
        const user = await api(context, `/users/${userId}`);
        check(JSON.stringify(user.roles) === JSON.stringify([created.role]), `the user's roles are ${JSON.stringify(user.roles)}`);
        check(JSON.stringify(user.attributes.areas) === JSON.stringify([area.key]), `the user's areas are ${JSON.stringify(user.attributes)}`);
        check(user.teams.length === 1, `the user is in ${user.teams.length} teams`);
        await screenshot('user-created');

        await page.getByRole('link', { name: '← Users' }).click();
        await page.getByRole('searchbox', { name: 'Search users' }).fill(created.username);
        await page.getByRole('table', { name: 'Users' }).getByRole('link', { name: created.username }).waitFor();
        check((await page.getByRole('table', { name: 'Users' }).locator('tbody tr').count()) === 1, 'the search left other users');
      },
    },
    {
      name: 'the new user sees only accounts of their area, without the hidden field or Administration',
      async run({ page, context, screenshot }) {
        check(created.username !== undefined, 'the previous case created no user');
        await openLogin(page);
        await page.getByLabel(/^Username/).fill(created.username);
        await page.getByLabel(/^Password/).fill(PASSWORD);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.waitForURL((url) => url.pathname === '/');
        const navigation = page.getByRole('navigation', { name: 'Main navigation' });
        await navigation.getByRole('link', { name: 'Accounts' }).waitFor();
        check((await navigation.getByRole('link', { name: 'Administration' }).count()) === 0, 'a non-administrator sees Administration');

        const mine = await api(context, '/accounts?count=true&limit=1');
        check(mine.total === created.total, `the API lists ${mine.total} accounts to the user, the area has ${created.total}`);
        await navigation.getByRole('link', { name: 'Accounts' }).click();
        await page.getByRole('table', { name: 'Accounts' }).waitFor();
        await page.getByText(new RegExp(`^${created.total} accounts?$`)).waitFor();
        const headers = (await page.getByRole('table', { name: 'Accounts' }).locator('thead th').allInnerTexts()).map((text) => text.trim());
        check(!headers.includes(created.hiddenField.label), `the list shows the hidden column: ${headers.join(', ')}`);
        const areas = await columnValues(page, 'Area');
        check(areas.length > 0 && areas.every((text) => text.trim() === created.area.label), `rows outside ${created.area.label}: ${areas.join(', ')}`);
        await screenshot('restricted-accounts');

        await page.getByRole('table', { name: 'Accounts' }).locator('tbody tr').first().getByRole('link').first().click();
        await page.waitForURL((url) => /^\/accounts\/[^/]+$/.test(url.pathname));
        await page.getByRole('tab', { name: 'Details' }).waitFor();
        await page.getByRole('region', { name: 'Classification' }).getByText(created.area.label).waitFor();
        check((await page.locator(`[data-field="${created.hiddenField.name}"]`).count()) === 0, 'the record page shows the hidden field');
        check((await page.locator('dt').filter({ hasText: new RegExp(`^${created.hiddenField.label}$`) }).count()) === 0, 'the record page labels the hidden field');
        const id = new URL(page.url()).pathname.split('/').pop();
        const record = await api(context, `/accounts/${id}`);
        check(!(created.hiddenField.name in record), 'the API sends the hidden field');
        await screenshot('restricted-account');

        await page.goto(`${baseUrl}/admin/roles`, { waitUntil: 'domcontentloaded' });
        await page.getByText('Only administrators').waitFor();
        check((await page.getByRole('table', { name: 'Roles' }).count()) === 0, 'a non-administrator sees the roles');
      },
    },
    {
      name: "an administrator's Access tab explains which role and rule let the new user read an account",
      async run({ page, context, screenshot }) {
        check(created.username !== undefined, 'the first case created no user');
        await signIn(page);
        const inside = await api(context, `/accounts?filter=${encodeURIComponent(`area eq "${created.area.key}"`)}&limit=1`);
        const outside = await api(context, `/accounts?filter=${encodeURIComponent(`area ne "${created.area.key}"`)}&limit=1`);
        const explain = async (id) => {
          await page.goto(`${baseUrl}/accounts/${id}`, { waitUntil: 'domcontentloaded' });
          await page.getByRole('tab', { name: 'Access' }).click();
          await page.getByRole('textbox', { name: 'Explain for', exact: true }).fill(created.username);
          await page.getByRole('option', { name: new RegExp(`\\(${created.username}\\)$`) }).click();
          const table = page.getByRole('table', { name: 'Access by action' });
          const read = table.locator('tbody tr').filter({ hasText: /^Read/ });
          await read.getByText(created.role).waitFor();
          return { table, read };
        };

        const allowed = await explain(inside.data[0].id);
        check(/allowed/i.test(await allowed.read.innerText()), 'reading an account of the area is not allowed');
        check((await allowed.read.innerText()).includes('area in user.areas'), 'the rule is not named');
        const edit = allowed.table.locator('tbody tr').filter({ hasText: /^Edit/ });
        check(/denied/i.test(await edit.innerText()), 'editing is not denied');
        await screenshot('access-explained');

        const denied = await explain(outside.data[0].id);
        check(/denied/i.test(await denied.read.innerText()), 'reading an account outside the area is not denied');
        check((await denied.read.innerText()).includes('does not match'), 'the rule is not shown as not matching');
      },
    },
    {
      name: 'the administration pages do not scroll sideways at 390x844',
      async run({ page, screenshot }) {
        await page.setViewportSize({ width: 390, height: 844 });
        await signIn(page);
        for (const [path, ready] of [
          ['/admin', 'Administration'],
          ['/admin/users', 'Users'],
          ['/admin/users/new', 'New user'],
          ['/admin/teams', 'Teams'],
          ['/admin/roles', 'Roles'],
          ['/admin/roles/new', 'New role'],
          ['/admin/picklists', 'Picklists'],
          ['/admin/picklists/areas', 'Areas'],
        ]) {
          await page.goto(baseUrl + path, { waitUntil: 'domcontentloaded' });
          await page.getByRole('heading', { name: ready, level: 1 }).waitFor();
          check(!(await scrollsSideways(page)), `${path} scrolls sideways`);
          if (path === '/admin/roles/new') {
            await page.getByRole('table', { name: 'Rights matrix' }).waitFor();
            await screenshot('role-new-390x844');
          }
        }
        await screenshot('picklist-390x844');
      },
    },
  ];
}
