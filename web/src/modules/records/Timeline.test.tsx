import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@test/render';
import { errorBody, fakeApi } from '@test/server';
import { readMetadata } from '@/lib/metadata';
import { Timeline } from './Timeline';

const parent = { name: 'parent', type: 'parent', label: 'On', required: true, entities: ['account', 'contact'] };

function metadata(createNotes: boolean) {
  return readMetadata({
    entities: [
      { name: 'account', plural: 'accounts', label: 'Account', title_field: 'name', fields: [{ name: 'name', type: 'text' }], rights: { read: true } },
      {
        name: 'activity',
        plural: 'activities',
        label: 'Activity',
        label_plural: 'Activities',
        title_field: 'subject',
        fields: [
          parent,
          { name: 'kind', type: 'enum', label: 'Kind', default: 'call', values: [{ key: 'call', label: 'Call' }, { key: 'visit', label: 'Visit' }] },
          { name: 'subject', type: 'text', label: 'Subject', required: true },
          { name: 'occurred_at', type: 'datetime', label: 'When', required: true },
          { name: 'duration_minutes', type: 'integer', label: 'Duration (minutes)' },
          { name: 'outcome', type: 'long_text', label: 'Outcome' },
        ],
        rights: { read: true, create: false },
      },
      {
        name: 'note',
        plural: 'notes',
        label: 'Note',
        label_plural: 'Notes',
        title_field: 'subject',
        fields: [parent, { name: 'subject', type: 'text', label: 'Subject', required: true }, { name: 'body', type: 'long_text', label: 'Note' }, { name: 'pinned', type: 'boolean', label: 'Pinned', default: false }],
        rights: { read: true, create: createNotes },
      },
    ],
  });
}

const lists = {
  'GET /accounts/a1/notes': {
    status: 200,
    body: {
      data: [
        { id: 'n1', subject: 'Old but pinned', body: 'Always deliver before noon.', pinned: true, created_at: '2026-10-01T08:00:00Z' },
        { id: 'n2', subject: 'Quote wanted', created_at: '2026-11-21T08:00:00Z', pinned: false },
      ],
      next_cursor: null,
    },
  },
  'GET /accounts/a1/activities': {
    status: 200,
    body: { data: [{ id: 'v1', kind: 'visit', subject: 'Site visit', occurred_at: '2026-11-22T09:00:00Z', duration_minutes: 90, created_at: '2026-11-22T12:00:00Z' }], next_cursor: null },
  },
};

function account(meta: ReturnType<typeof readMetadata>) {
  const entity = meta.entities.find((candidate) => candidate.name === 'account');
  if (entity === undefined) throw new Error('no account');
  return entity;
}

describe('timeline', { timeout: 20_000 }, () => {
  it('lists notes and activities merged, pinned first, newest first, and offers only what the user may create', async () => {
    const { requests } = fakeApi(lists);
    const meta = metadata(false);
    renderWithProviders(<Timeline entity={account(meta)} metadata={meta} id="a1" />);
    const list = await screen.findByRole('list', { name: 'Notes & activities' });
    await waitFor(() => {
      expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    });
    const subjects = within(list).getAllByRole('link').map((link) => link.textContent);
    expect(subjects).toEqual(['Old but pinned', 'Site visit', 'Quote wanted']);
    expect(within(list).getByText('Visit')).toBeInTheDocument();
    expect(within(list).getByText('Pinned')).toBeInTheDocument();
    expect(within(list).getByText(/90 min/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add note' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Log activity' })).toBeNull();
    const notes = requests.find((request) => request.path === '/accounts/a1/notes');
    expect(notes).toBeDefined();
  });

  it('adds a note with the parent preset and shows the API field error on the field', async () => {
    let sent: unknown;
    fakeApi({
      ...lists,
      'POST /notes': (request) => {
        sent = request.body;
        return { status: 422, body: errorBody('VALIDATION_FAILED', 'The record is not valid.', [{ field: 'subject', code: 'FIELD_REQUIRED', message: 'Enter a subject.' }]) };
      },
    });
    const meta = metadata(true);
    renderWithProviders(<Timeline entity={account(meta)} metadata={meta} id="a1" />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add note' }));
    const form = screen.getByRole('form', { name: 'Add note' });
    await user.type(within(form).getByLabelText('Note'), 'No subject given');
    await user.click(within(form).getByRole('button', { name: 'Save note' }));
    expect(await within(form).findByText('Enter a subject.')).toBeInTheDocument();
    expect(within(form).getByRole('textbox', { name: /^Subject/ })).toHaveAttribute('aria-invalid', 'true');
    expect(sent).toEqual({ body: 'No subject given', parent: { entity: 'account', id: 'a1' }, pinned: false });
  });
});
