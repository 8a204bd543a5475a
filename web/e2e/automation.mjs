// Browser journeys of the templates and automation rules screens: a template typed with a
// live preview against an account (escaped, merged), an unknown merge field named on
// save; a follow-up rule made on its screen that then acts on a new account.

import { pageApi } from './page-api.mjs';

/** The cases, given run.mjs's helpers. */
export function automationCases({ baseUrl, check, signIn, scrollsSideways }) {
  const api = pageApi(baseUrl, check);

  return [
    {
      name: 'a template is written with a live preview against an account; an unknown merge field is named on save',
      async run({ page, context, screenshot }) {
        await signIn(page);
        const suffix = Date.now().toString(36);
        const account = await api(context, 'POST', '/accounts', {
          code: `TPL-${suffix}`, name: `Preview & Sons ${suffix}`, type: 'customer',
          credit_limit: { amount: '2500.5', currency: 'EUR' },
        });
        await page.goto(`${baseUrl}/admin`, { waitUntil: 'domcontentloaded' });
        await page.getByRole('link', { name: 'Templates' }).click();
        await page.waitForURL((url) => url.pathname === '/admin/templates');
        await page.getByRole('link', { name: 'New template' }).click();
        await page.getByRole('textbox', { name: /^Name/ }).fill(`Credit note ${suffix}`);
        await page.getByRole('textbox', { name: /^Subject/ }).fill('Your limit, {{ account.name }}');
        await page.getByRole('textbox', { name: /^Body/ }).fill('<p>{{ account.nickname }}</p>');
        await page.getByRole('button', { name: 'Save' }).click();
        await page.getByText("'account.nickname' is not a field of account").waitFor();

        await page.getByRole('textbox', { name: /^Body/ }).fill('<p>{{ account.name }}: {{ account.credit_limit | money }}</p>');
        await page.getByRole('textbox', { name: 'Record', exact: true }).fill(`Preview & Sons ${suffix}`);
        await page.getByRole('option', { name: `Preview & Sons ${suffix}` }).click();
        await page.getByLabel('Rendered subject').getByText(`Your limit, Preview & Sons ${suffix}`).waitFor();
        const frame = page.frameLocator('iframe[title="Rendered body"]');
        await frame.getByText(`Preview & Sons ${suffix}: 2,500.50 EUR`).waitFor();
        check(!(await scrollsSideways(page)), 'the template page scrolls sideways');
        await page.setViewportSize({ width: 390, height: 844 });
        check(!(await scrollsSideways(page)), 'the template page scrolls sideways on a phone');
        await page.setViewportSize({ width: 1280, height: 800 });
        await screenshot('template-preview');
        await page.getByRole('button', { name: 'Save' }).click();
        await page.waitForURL((url) => /^\/admin\/templates\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith('/new'));
        const saved = (await api(context, 'GET', '/templates')).data.find((item) => item.name === `Credit note ${suffix}`);
        check(saved !== undefined && saved.body.includes('| money'), 'the template was not saved');
        check(account.id !== undefined, 'the account was not created');
      },
    },
    {
      name: 'a follow-up rule is made on its screen and creates a follow-up for a new matching account',
      async run({ page, context, screenshot }) {
        await signIn(page);
        const suffix = Date.now().toString(36);
        await page.goto(`${baseUrl}/admin/automation-rules`, { waitUntil: 'domcontentloaded' });
        await page.getByRole('link', { name: 'New rule' }).click();
        await page.getByRole('textbox', { name: /^Name/ }).fill(`Welcome ${suffix}`);
        await page.getByRole('textbox', { name: /^Condition/ }).fill(`code eq "RULE-${suffix}"`);
        const action = page.getByRole('group', { name: 'Action 1' });
        await action.getByRole('textbox', { name: /^Action 1: title/ }).fill('Welcome call: {{ account.name }}');
        await screenshot('automation-rule');
        check(!(await scrollsSideways(page)), 'the rule page scrolls sideways');
        await page.setViewportSize({ width: 390, height: 844 });
        check(!(await scrollsSideways(page)), 'the rule page scrolls sideways on a phone');
        await page.setViewportSize({ width: 1280, height: 800 });
        await page.getByRole('button', { name: 'Save' }).click();
        await page.getByText('The rule has not fired yet.').waitFor();

        const account = await api(context, 'POST', '/accounts', { code: `RULE-${suffix}`, name: `Ruled ${suffix}`, type: 'customer' });
        const title = `Welcome call: Ruled ${suffix}`;
        let found = [];
        for (let attempt = 0; attempt < 100 && found.length === 0; ++attempt) {
          found = (await api(context, 'GET', `/tasks?filter=${encodeURIComponent(`title eq "${title}"`)}`)).data;
          if (found.length === 0) await page.waitForTimeout(200);
        }
        check(found.length === 1 && found[0].kind === 'follow_up', `the rule made ${found.length} follow-ups`);
        check(found[0].parent?.id === account.id, 'the follow-up is not about the account');
        await page.reload({ waitUntil: 'domcontentloaded' });
        await page.getByRole('table', { name: 'Recent runs' }).getByText('done').waitFor();
      },
    },
  ];
}
