// Browser journey of a reminder that fires: set from the reminders page a few minutes ahead
// of the server's clock, the clock moved past it, and the reminder arrives as a
// notification and moves to the past reminders.

import { pageApi } from './page-api.mjs';

/** "2030-01-07T09:05" for an instant, in UTC. */
function utcMinute(date) {
  return date.toISOString().slice(0, 16);
}

/** The cases, given run.mjs's helpers. */
export function reminderCases({ baseUrl, check, signIn, scrollsSideways }) {
  const api = pageApi(baseUrl, check);

  return [
    {
      name: 'a reminder set five minutes ahead fires when the server clock passes it: a notification, then under Past',
      async run({ page, context, screenshot }) {
        await signIn(page);
        const title = `Call the printer ${Date.now().toString(36)}`;
        // The server's clock, not the browser's: the test server's may have been moved.
        const clock = await api(context, 'GET', '/test/clock');
        const due = new Date(Date.parse(clock.now) + 5 * 60_000);

        await page.setViewportSize({ width: 390, height: 844 });
        await page.goto(`${baseUrl}/reminders`, { waitUntil: 'domcontentloaded' });
        await page.getByRole('heading', { name: 'Reminders' }).waitFor();
        await page.getByRole('button', { name: 'New reminder' }).click();
        const form = page.getByRole('form', { name: 'New reminder' });
        await form.getByLabel(/^Title/).fill(title);
        await form.getByLabel(/^Notes/).fill('Ask for the proofs.');
        await form.getByLabel(/^When/).fill(utcMinute(due));
        const zone = form.getByLabel(/^Time zone/).first();
        await zone.click();
        await zone.fill('UTC');
        await page.getByRole('option', { name: 'UTC', exact: true }).click();
        check(!(await scrollsSideways(page)), 'the reminder form scrolls sideways on a phone');
        await screenshot('reminder-form');
        await form.getByRole('button', { name: 'Set reminder' }).click();
        await form.waitFor({ state: 'detached' });

        const upcoming = page.getByRole('list', { name: 'Upcoming reminders' });
        const card = upcoming.getByRole('listitem', { name: title });
        await card.waitFor();
        check((await card.innerText()).includes('Once'), 'the card does not say the reminder comes once');
        const listed = await api(context, 'GET', '/reminders?scope=created');
        const reminder = listed.data.find((entry) => entry.title === title);
        check(reminder !== undefined, 'the reminder is not in the API list');
        check(reminder.next_at === `${utcMinute(due)}:00.000000Z`, `the reminder is due at ${reminder.next_at}`);
        check(!(await scrollsSideways(page)), 'the reminders page scrolls sideways on a phone');

        await api(context, 'POST', '/test/clock', { advance_seconds: 600 });
        // Delivered by the dispatch job within seconds of the clock passing the time.
        let delivered;
        for (let attempt = 0; attempt < 120 && delivered === undefined; attempt++) {
          const notifications = await api(context, 'GET', '/notifications');
          delivered = notifications.data.find((entry) => entry.kind === 'reminder' && entry.title === title);
          if (delivered === undefined) await page.waitForTimeout(500);
        }
        check(delivered !== undefined, 'no reminder notification arrived');
        check(delivered.body === 'Ask for the proofs.', `the notification says ${delivered.body}`);

        // The bell shows it.
        await page.getByRole('button', { name: /^Notifications/ }).click();
        await page.getByText(title).first().waitFor({ timeout: 15_000 });
        await screenshot('reminder-notification');
        await page.keyboard.press('Escape');

        await page.reload({ waitUntil: 'domcontentloaded' });
        await page.getByRole('tab', { name: 'Past' }).click();
        const past = page.getByRole('list', { name: 'Past reminders' }).getByRole('listitem', { name: title });
        await past.waitFor();
        // innerText follows the badge's upper-case style.
        check(/ended/i.test(await past.innerText()), 'the fired reminder is not marked ended');
        await past.getByRole('button', { name: /^History/ }).click();
        await past.getByRole('list', { name: 'Delivered' }).getByRole('listitem').first().waitFor();
        await page.setViewportSize({ width: 1280, height: 800 });
      },
    },
  ];
}
