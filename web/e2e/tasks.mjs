// Browser journey of a task's states: the record page offers the transitions open from
// the current state, asks for the fields a step requires, and shows the new state.

import { pageApi } from './page-api.mjs';

/** The cases, given run.mjs's helpers. */
export function taskCases({ baseUrl, check, signIn }) {
  const api = pageApi(baseUrl, check);

  return [
    {
      name: 'a task is started and marked done from its page, the outcome asked for on the way; the status is not editable',
      async run({ page, context, screenshot }) {
        await signIn(page);
        const task = await api(context, 'POST', '/tasks', { title: `Send the catalogue ${Date.now().toString(36)}` });
        await page.goto(`${baseUrl}/tasks/${task.id}`, { waitUntil: 'domcontentloaded' });
        const transitions = page.getByRole('group', { name: 'Transitions' });
        await transitions.getByRole('button', { name: 'Start' }).click();
        await page.getByText('Start: done.').waitFor();
        check((await api(context, 'GET', `/tasks/${task.id}`)).status === 'in_progress', 'Start did not move the task');
        check(!(await transitions.getByRole('button', { name: 'Start' }).isVisible()), 'Start is still offered in progress');

        await transitions.getByRole('button', { name: 'Mark done' }).click();
        const dialog = page.getByRole('dialog', { name: 'Mark done' });
        await dialog.getByLabel(/^Outcome/).fill('Sent with the samples.');
        await screenshot('task-mark-done');
        await dialog.getByRole('button', { name: 'Mark done' }).click();
        await page.getByText('Mark done: done.').waitFor();
        const done = await api(context, 'GET', `/tasks/${task.id}`);
        check(done.status === 'done' && done.outcome === 'Sent with the samples.', `the task is ${done.status}`);

        await page.getByRole('button', { name: 'Edit' }).click();
        const status = page.getByRole('textbox', { name: 'Status', exact: true });
        check((await status.count()) === 0 || (await status.isDisabled()) || !(await status.isEditable()),
          'the status can be edited in the form');
      },
    },
  ];
}
