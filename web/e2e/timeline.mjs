// Browser journey of the notes and activities timeline: on an account, add a note and
// log a call, see both in order, the field error of a note without subject, and the
// customer 360° page with its contacts and timeline. run.mjs runs it with its helpers.

import { pageApi } from './page-api.mjs';

/** The cases, given run.mjs's helpers. */
export function timelineCases({ baseUrl, check, signIn, scrollsSideways }) {
  const suffix = Date.now().toString(36);
  const ACCOUNT = `Timeline e2e ${suffix}`;
  const CONTACT = `Lindqvist ${suffix}`;
  const NOTE = `Wants a quote in spring ${suffix}`;
  const CALL = `First call ${suffix}`;

  const api = pageApi(baseUrl, check);
  // Every entity with a parent field of accounts hangs in an account's timeline.
  const TIMELINE = 'Notes, activities & tasks';

  /** `YYYY-MM-DDTHH:mm` of yesterday at 10:00 in the browser's time zone. */
  const yesterdayAtTen = (page) =>
    page.evaluate(() => {
      const day = new Date(Date.now() - 24 * 60 * 60 * 1000);
      const pad = (part) => String(part).padStart(2, '0');
      return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}T10:00`;
    });

  /** The subjects of the timeline's entries, in order. */
  const timelineSubjects = (page) =>
    page.getByRole('list', { name: TIMELINE }).getByRole('listitem').getByRole('link').allInnerTexts();

  return [
    {
      name: 'on an account a note and a logged call appear in the timeline in order; an empty subject shows its error; the 360° page shows contacts and timeline',
      async run({ page, context, screenshot }) {
        await signIn(page);
        const account = await api(context, 'POST', '/accounts', { code: `TL-${suffix}`, name: ACCOUNT, type: 'customer', area: 'north' });
        const contact = await api(context, 'POST', '/contacts', { first_name: 'Maja', last_name: CONTACT });
        await api(context, 'POST', '/account_contacts', { account_id: account.id, contact_id: contact.id, role: 'buyer' });

        await page.goto(`${baseUrl}/accounts/${account.id}`, { waitUntil: 'domcontentloaded' });
        await page.getByRole('heading', { name: ACCOUNT, level: 1 }).waitFor();
        const timeline = page.getByRole('region', { name: TIMELINE });
        await timeline.getByText('Nothing yet.').waitFor();

        // A note.
        await timeline.getByRole('button', { name: 'Add note' }).click();
        const noteForm = page.getByRole('form', { name: 'Add note' });
        await noteForm.getByLabel(/^Subject/).fill(NOTE);
        await noteForm.getByLabel(/^Note/).fill('Pumps for the new hall.\nCall back in March.');
        await noteForm.getByRole('button', { name: 'Save note' }).click();
        await noteForm.waitFor({ state: 'detached' });
        await timeline.getByRole('link', { name: NOTE }).waitFor();

        // A call logged yesterday at 10:00: after the note, which was written just now.
        await timeline.getByRole('button', { name: 'Log activity' }).click();
        const activityForm = page.getByRole('form', { name: 'Log activity' });
        check((await activityForm.getByRole('textbox', { name: /^Kind/ }).inputValue()) === 'Call', 'a new activity is not a call');
        await activityForm.getByLabel(/^Subject/).fill(CALL);
        await activityForm.getByLabel(/^When/).fill(await yesterdayAtTen(page));
        await activityForm.getByLabel(/^Duration/).fill('15');
        await activityForm.getByLabel(/^Outcome/).fill('Sends the drawings.');
        await screenshot('timeline-log-activity');
        await activityForm.getByRole('button', { name: 'Save activity' }).click();
        await activityForm.waitFor({ state: 'detached' });
        await timeline.getByRole('link', { name: CALL }).waitFor();
        const subjects = await timelineSubjects(page);
        check(subjects.join('|') === `${NOTE}|${CALL}`, `the timeline lists ${subjects.join(', ')}`);
        const entries = page.getByRole('list', { name: TIMELINE }).getByRole('listitem');
        check((await entries.nth(1).getByText('Call', { exact: true }).count()) === 1, 'the call is not labelled as a call');
        check((await entries.nth(1).innerText()).includes('15 min'), 'the call does not show its duration');
        const activities = await api(context, 'GET', `/accounts/${account.id}/activities`);
        check(activities.data.length === 1 && activities.data[0].parent.id === account.id, 'the call is not under the account');
        await screenshot('timeline-record-page');

        // A note without subject: the API's field error on the field.
        await timeline.getByRole('button', { name: 'Add note' }).click();
        await noteForm.getByLabel(/^Note/).fill('No subject');
        await noteForm.getByRole('button', { name: 'Save note' }).click();
        const subject = noteForm.getByLabel(/^Subject/);
        await page.waitForFunction(() => document.querySelector('form[aria-label="Add note"] input[aria-invalid="true"]') !== null);
        check((await subject.getAttribute('aria-invalid')) === 'true', 'the subject is not marked invalid');
        const described = await subject.getAttribute('aria-describedby');
        check(described !== null && described !== '', 'the subject has no error text');
        await screenshot('timeline-note-error');
        await noteForm.getByRole('button', { name: 'Cancel' }).click();

        // At phone width neither page scrolls sideways.
        // (Loaded again at that width: the navigation slides away when the window narrows.)
        await page.setViewportSize({ width: 390, height: 844 });
        await page.reload({ waitUntil: 'domcontentloaded' });
        await page.getByRole('list', { name: TIMELINE }).getByRole('link', { name: CALL }).waitFor();
        check(!(await scrollsSideways(page)), 'the account page scrolls sideways');
        await page.getByRole('list', { name: TIMELINE }).scrollIntoViewIfNeeded();
        await screenshot('timeline-390x844');

        // The 360° page.
        await page.getByRole('link', { name: 'Customer 360°' }).click();
        await page.waitForURL((url) => url.pathname === `/accounts/${account.id}/360`);
        await page.getByRole('heading', { name: ACCOUNT, level: 1 }).waitFor();
        await page.getByRole('table', { name: 'Contacts' }).getByText(CONTACT).waitFor();
        await page.getByRole('list', { name: TIMELINE }).getByRole('link', { name: CALL }).waitFor();
        const onThreeSixty = await timelineSubjects(page);
        check(onThreeSixty.join('|') === `${NOTE}|${CALL}`, `the 360° timeline lists ${onThreeSixty.join(', ')}`);
        for (const slot of ['Enquiries', 'Quotations', 'Orders', 'Invoices', 'Balance', 'Complaints', 'Documents']) {
          check(await page.getByRole('region', { name: slot }).isVisible(), `no ${slot} slot`);
        }
        check(!(await scrollsSideways(page)), 'the 360° page scrolls sideways');
        await screenshot('customer-360-phone');
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.reload({ waitUntil: 'domcontentloaded' });
        await page.getByRole('table', { name: 'Contacts' }).getByText(CONTACT).waitFor();
        await screenshot('customer-360');
      },
    },
  ];
}
