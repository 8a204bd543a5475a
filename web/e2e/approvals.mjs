// Browser journey of an approval: a representative's change to an account starts the
// approval a rule asks for, the record page says it is locked and for whom it waits, the
// approver finds it in their inbox and approves it with a remark, and the record can be
// edited again.

import { pageApi } from './page-api.mjs';

const password = 'atrium-demo-2026';

/** Signs the page in as `username` (after signing out whoever was in). */
async function signInAs(page, context, baseUrl, username) {
  await context.clearCookies();
  await page.goto(`${baseUrl}/login`, { waitUntil: 'domcontentloaded' });
  await page.waitForURL((url) => url.pathname === '/login');
  await page.getByLabel(/^Username/).fill(username);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === '/');
}

/** The status of a PATCH of the account as the page's user, without failing the journey. */
async function patchStatus(context, baseUrl, id, body) {
  const me = await context.request.get(`${baseUrl}/api/v1/auth/me`);
  const { csrf_token: csrf } = await me.json();
  const response = await context.request.fetch(`${baseUrl}/api/v1/accounts/${id}`, {
    method: 'PATCH',
    headers: { 'X-CSRF-Token': csrf ?? '', 'Content-Type': 'application/json' },
    data: JSON.stringify(body),
  });
  return response.status();
}

/** The cases, given run.mjs's helpers. */
export function approvalCases({ baseUrl, check, signIn, scrollsSideways }) {
  const api = pageApi(baseUrl, check);

  return [
    {
      name: "a representative's change waits for their manager, who approves it from the inbox with a remark; the record is editable again",
      async run({ page, context, screenshot }) {
        await signIn(page);
        const suffix = Date.now().toString(36);
        await api(context, 'POST', '/approval-rules', {
          entity: 'account',
          name: `Energy accounts ${suffix}`,
          trigger: 'on_update',
          condition: `industry eq "energy" and code eq "APJ-${suffix}"`,
          levels: [{ kind: 'manager', depth: 1 }],
        });
        const account = await api(context, 'POST', '/accounts', {
          code: `APJ-${suffix}`,
          name: `Approval Journey ${suffix}`,
          area: 'north',
          industry: 'chemicals',
        });

        // The representative moves the account into energy: the rule starts an approval.
        await signInAs(page, context, baseUrl, 'sales.north');
        check((await patchStatus(context, baseUrl, account.id, { industry: 'energy' })) === 200, 'the change was refused');
        await page.goto(`${baseUrl}/accounts/${account.id}`, { waitUntil: 'domcontentloaded' });
        const banner = page.locator('[aria-label="Pending approval"]');
        await banner.waitFor();
        const text = await banner.innerText();
        check(text.includes('Lena Lead') && text.includes('Locked'), `the banner says: ${text}`);
        check((await patchStatus(context, baseUrl, account.id, { phone: '+49 30 1234' })) === 409,
          'the record can be edited while the approval is pending');

        // The manager decides from the inbox.
        await signInAs(page, context, baseUrl, 'sales.lead');
        await page.getByRole('link', { name: 'Approvals' }).first().click();
        await page.waitForURL((url) => url.pathname === '/approvals');
        await page.getByRole('button', { name: new RegExp(`^Energy accounts ${suffix}`) }).click();
        const detail = page.getByLabel('Approval history', { exact: true }).first();
        await detail.getByText('No decision yet.').first().waitFor();
        await detail.getByLabel('Remarks').fill('Agreed with the customer');
        check(!(await scrollsSideways(page)), 'the inbox scrolls sideways');
        await screenshot('approvals-inbox');
        await detail.getByRole('button', { name: 'Approve' }).click();
        await detail.getByText('“Agreed with the customer”').first().waitFor();
        await detail.getByText('approved', { exact: true }).first().waitFor();
        const approvals = await api(context, 'GET', `/approvals?entity=account&record_id=${account.id}&status=all`);
        check(approvals.data[0]?.status === 'approved', `the approval is ${approvals.data[0]?.status}`);

        // The representative may edit the account again.
        await signInAs(page, context, baseUrl, 'sales.north');
        await page.goto(`${baseUrl}/accounts/${account.id}`, { waitUntil: 'domcontentloaded' });
        await page.getByRole('button', { name: 'Edit' }).waitFor();
        check((await page.locator('[aria-label="Pending approval"]').count()) === 0, 'the banner stays');
        check((await patchStatus(context, baseUrl, account.id, { phone: '+49 30 1234' })) === 200,
          'the record stays locked after the approval');
        const notifications = await api(context, 'GET', '/notifications');
        check(JSON.stringify(notifications).includes('approval.approved'), 'the representative was not told');
      },
    },
  ];
}
