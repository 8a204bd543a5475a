// Browser journeys of duplicates and merges: typing a near-duplicate account shows the
// existing one; two accounts merged choosing the e-mail of the second; the survivor shows
// the contact that moved; an administrator undoes the merge. run.mjs runs them.

import { pageApi } from './page-api.mjs';

/** The cases, given run.mjs's helpers. */
export function duplicateCases({ baseUrl, check, signIn, scrollsSideways }) {
  const suffix = Date.now().toString(36);
  const SURVIVOR = `Kestrel Valve Works ${suffix} GmbH`;
  const OTHER = `Kestrel Valve Works ${suffix}`;
  const OTHER_EMAIL = `sales-${suffix}@kestrel.example`;
  const PERSON = `Merge-Journey-${suffix}`;

  const api = pageApi(baseUrl, check);

  return [
    {
      name: 'a near-duplicate account shows a warning; two accounts merge with the e-mail of the second, the contact moves, and an administrator undoes it',
      async run({ page, context, screenshot }) {
        await signIn(page);
        const survivor = await api(context, 'POST', '/accounts', {
          name: SURVIVOR,
          area: 'north',
          email: `office-${suffix}@kestrel.example`,
        });
        const other = await api(context, 'POST', '/accounts', { name: OTHER, area: 'north', email: OTHER_EMAIL });
        const person = await api(context, 'POST', '/contacts', { first_name: 'Petra', last_name: PERSON, area: 'north' });
        await api(context, 'POST', '/account_contacts', { account_id: other.id, contact_id: person.id });

        // A third account typed on the form: the warning names the first two while typing.
        await page.goto(`${baseUrl}/accounts/new`, { waitUntil: 'domcontentloaded' });
        await page.getByRole('textbox', { name: 'Name', exact: true }).fill(`KESTREL valve works ${suffix} Ltd`);
        const warning = page.getByRole('status', { name: 'Possible duplicates' });
        await warning.waitFor();
        await warning.getByRole('link', { name: SURVIVOR, exact: true }).waitFor();
        await warning.getByRole('link', { name: OTHER, exact: true }).waitFor();
        await screenshot('duplicate-warning');

        // The merge screen: the first stays, the e-mail comes from the second.
        await page.goto(`${baseUrl}/accounts/merge?ids=${survivor.id},${other.id}`, { waitUntil: 'domcontentloaded' });
        await page.getByRole('heading', { name: 'Merge accounts' }).waitFor();
        await page.getByRole('radio', { name: `E-mail from ${OTHER}`, exact: true }).check();
        const preview = page.getByRole('region', { name: 'Result' });
        await preview.getByText(OTHER_EMAIL).waitFor();
        await page.setViewportSize({ width: 390, height: 844 });
        // The layout settles a frame after the resize.
        await page.waitForFunction(() => window.innerWidth === 390);
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        check(!(await scrollsSideways(page)), 'the merge screen scrolls sideways on a phone');
        await page.setViewportSize({ width: 1280, height: 800 });
        await screenshot('merge-choices');
        await page.getByRole('button', { name: 'Merge', exact: true }).click();
        await page.getByRole('button', { name: 'Confirm merge' }).click();
        await page.getByRole('status').filter({ hasText: 'references moved' }).waitFor();

        // The survivor: the chosen e-mail, the person among its contacts.
        await page.getByRole('link', { name: `Open ${SURVIVOR}` }).click();
        await page.getByRole('heading', { name: SURVIVOR, level: 1 }).waitFor();
        await page.locator('[data-field="email"]').getByText(OTHER_EMAIL).waitFor();
        await page.getByRole('tab', { name: 'Related' }).click();
        await page.getByText(PERSON).first().waitFor();
        await screenshot('survivor-with-moved-contact');
        const merged = await api(context, 'GET', `/accounts/${other.id}`);
        check(merged.archived_at !== null, 'the merged account was not archived');

        // An administrator undoes it: the second account and its contact are back.
        await page.goto(`${baseUrl}/admin/merges`, { waitUntil: 'domcontentloaded' });
        await page.getByRole('button', { name: `Undo the merge into ${survivor.id}` }).click();
        await page.getByRole('status').filter({ hasText: 'The merge was undone' }).waitFor();
        await screenshot('merge-undone');
        const restored = await api(context, 'GET', `/accounts/${other.id}`);
        check(restored.archived_at === null, 'the undo did not restore the merged account');
        const kept = await api(context, 'GET', `/accounts/${survivor.id}`);
        check(kept.email === `office-${suffix}@kestrel.example`, `the survivor's e-mail is ${kept.email} after the undo`);
        const contacts = await api(context, 'GET', `/accounts/${other.id}/contacts`);
        check(contacts.data.some((contact) => contact.id === person.id), 'the contact did not move back');
      },
    },
  ];
}
