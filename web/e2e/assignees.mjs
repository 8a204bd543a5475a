// Browser journey of a task given to the signed-in user by a colleague: the bell rings at
// once (the server's event stream, no reload), the notification leads to the task, and
// the user's report on their part finishes it.

import { request } from 'playwright-core';
import { pageApi } from './page-api.mjs';

/** The unread count in the bell's accessible name ("Notifications (3 unread)"). */
async function unreadCount(page) {
  const label = await page.getByRole('button', { name: /^Notifications/ }).getAttribute('aria-label');
  const match = /\((\d+) unread\)/.exec(label ?? '');
  return match ? Number(match[1]) : 0;
}

/** Lets the frame finish its narrow layout (the navigation slides away) before measuring. */
async function settle(page) {
  await page
    .waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth, null, { timeout: 3000 })
    .catch(() => undefined);
}

/** The cases, given run.mjs's helpers. */
export function assigneeCases({ baseUrl, check, signIn, scrollsSideways }) {
  const api = pageApi(baseUrl, check);

  return [
    {
      name: 'a task given to the user rings the bell live; the notification opens it and their report finishes it',
      async run({ page, context, screenshot }) {
        await signIn(page);
        const me = await api(context, 'GET', '/auth/me');
        const lead = await request.newContext({ baseURL: baseUrl });
        try {
          const login = await lead.post('/api/v1/auth/login', {
            data: { username: 'sales.lead', password: 'atrium-demo-2026' },
          });
          check(login.ok(), `the lead's sign-in answered ${login.status()}`);
          const headers = { 'X-CSRF-Token': (await login.json()).csrf_token };
          const title = `Check the samples ${Date.now().toString(36)}`;
          const created = await lead.post('/api/v1/tasks', { data: { title, priority: 'high' }, headers });
          check(created.ok(), `creating the task answered ${created.status()}`);
          const task = await created.json();

          const before = await unreadCount(page);
          const assigned = await lead.put(`/api/v1/tasks/${task.id}/assignees`, {
            data: { user_ids: [me.user.id] },
            headers,
          });
          check(assigned.ok(), `assigning answered ${assigned.status()}`);
          // No reload: only the event stream can bring the news this fast.
          const deadline = Date.now() + 10_000;
          while ((await unreadCount(page)) <= before) {
            check(Date.now() < deadline, 'the bell did not ring within 10 s of the assignment');
            await page.waitForTimeout(200);
          }

          await page.getByRole('button', { name: /^Notifications/ }).click();
          await page.getByRole('button', { name: `Unread: Lena Lead assigned you: ${title}` }).click();
          await page.waitForURL((url) => url.pathname === `/tasks/${task.id}`);
          const panel = page.getByRole('region', { name: 'Assignees' });
          await panel.getByRole('table', { name: 'Assignees and their progress' }).getByText(me.user.name).waitFor();

          const report = panel.getByRole('form', { name: 'Report on my part' });
          await report.getByRole('textbox', { name: 'My status' }).click();
          await page.getByRole('option', { name: 'Done', exact: true }).click();
          await report.getByLabel('Report').fill('Samples checked, all in order.');
          await screenshot('task-assignee-report');
          await report.getByRole('button', { name: 'Send report' }).click();
          await panel.getByText('Samples checked, all in order.').waitFor();

          const done = await api(context, 'GET', `/tasks/${task.id}`);
          check(done.status === 'done', `the task is ${done.status} after its only assignee finished`);
          const news = await lead.get('/api/v1/notifications?unread=true');
          const kinds = (await news.json()).data.map((item) => item.kind);
          check(kinds.includes('task.progress') && kinds.includes('task.done'), `the lead was told: ${kinds.join(', ')}`);

          // The board shows it among the done tasks, and moves cards by their transitions.
          await page.goto(`${baseUrl}/tasks/board`, { waitUntil: 'domcontentloaded' });
          const doneColumn = page.getByRole('region', { name: 'Done' });
          await doneColumn.getByRole('link', { name: title }).waitFor();
          const next = await api(context, 'POST', '/tasks', { title: `${title} again`, priority: 'low' });
          const openColumn = page.getByRole('region', { name: 'Open', exact: true });
          await page.reload({ waitUntil: 'domcontentloaded' });
          await openColumn.getByRole('link', { name: `${title} again` }).waitFor();
          await openColumn.getByRole('button', { name: `Move ${title} again` }).click();
          await page.getByRole('menuitem', { name: 'Start' }).click();
          await page.getByRole('region', { name: 'In progress' }).getByRole('link', { name: `${title} again` }).waitFor();
          check((await api(context, 'GET', `/tasks/${next.id}`)).status === 'in_progress', 'the board did not start the task');
          await screenshot('task-board');

          // The task list leads to the follow-ups still open.
          const followUp = await api(context, 'POST', '/tasks', { title: `${title} follow-up`, kind: 'follow_up' });
          await page.goto(`${baseUrl}/tasks`, { waitUntil: 'domcontentloaded' });
          await page.getByRole('link', { name: `${title} again` }).waitFor();
          await page.getByRole('link', { name: 'Follow-ups' }).click();
          await page.waitForURL((url) => (url.searchParams.get('filter') ?? '').includes('follow_up'));
          // The list reloads for the filter: the task that is no follow-up leaves, the follow-up stays.
          await page.getByRole('link', { name: `${title} again` }).waitFor({ state: 'detached' })
            .catch(() => check(false, 'the follow-ups list shows a task that is not a follow-up'));
          await page.getByRole('link', { name: `${title} follow-up` }).waitFor();
          check(followUp.kind === 'follow_up', 'the follow-up was not created as one');
          await page.setViewportSize({ width: 390, height: 844 });
          await settle(page);
          check(!(await scrollsSideways(page)), 'the task board scrolls sideways at 390 px');
          await page.goto(`${baseUrl}/`, { waitUntil: 'domcontentloaded' });
          await page.getByRole('region', { name: 'My tasks' }).waitFor();
          await settle(page);
          check(!(await scrollsSideways(page)), 'the dashboard scrolls sideways at 390 px');
          await screenshot('dashboard-narrow');
          await page.setViewportSize({ width: 1280, height: 800 });
        } finally {
          await lead.dispose();
        }
      },
    },
  ];
}
