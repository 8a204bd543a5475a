import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@test/render';
import { errorBody, fakeApi } from '@test/server';
import { readMetadata } from '@/lib/metadata';
import { AttachmentsPanel } from './AttachmentsPanel';

const { entities } = readMetadata({
  entities: [
    { name: 'account', plural: 'accounts', label: 'Account', fields: [{ name: 'name', type: 'text' }], rights: { read: true } },
    {
      name: 'attachment',
      plural: 'attachments',
      label: 'Attachment',
      fields: [{ name: 'parent', type: 'parent', entities: ['account'] }],
      rights: { read: true, create: true },
    },
  ],
});
const [account, attachment] = entities as [(typeof entities)[number], (typeof entities)[number]];

function stored(id: string, reference: string, fileVersion: number, latest: boolean, extra: Record<string, unknown> = {}) {
  return {
    id,
    reference,
    file_name: reference,
    content_type: 'application/pdf',
    size: 2048,
    file_version: fileVersion,
    latest,
    source: 'upload',
    created_at: `2026-11-0${String(fileVersion)}T08:00:00Z`,
    created_by_id: 'u2',
    ...extra,
  };
}

const people = { 'GET /people': { status: 200, body: { data: [{ id: 'u2', name: 'Rita Lind' }] } } };

describe('AttachmentsPanel', () => {
  it('shows each document at its latest version, with the earlier ones on demand', async () => {
    fakeApi({
      ...people,
      'GET /accounts/a1/attachments': {
        status: 200,
        body: {
          data: [stored('c2', 'contract.pdf', 2, true, { description: 'Signed copy' }), stored('c1', 'contract.pdf', 1, false)],
          next_cursor: null,
        },
      },
    });
    renderWithProviders(<AttachmentsPanel entity={account} record={{ id: 'a1' }} attachment={attachment} />);

    const item = await screen.findByRole('listitem', { name: 'contract.pdf' });
    expect(within(item).getByText('v2')).toBeInTheDocument();
    expect(within(item).getByText('Signed copy')).toBeInTheDocument();
    await waitFor(() => {
      expect(within(item).getAllByText(/2 KB · by Rita Lind/)[0]).toBeInTheDocument();
    });
    expect(within(item).getByRole('link', { name: 'Download contract.pdf v2' })).toHaveAttribute('href', '/api/v1/attachments/c2/content');

    const toggle = within(item).getByRole('button', { name: 'Show earlier versions (1)' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(await within(item).findByRole('list', { name: 'Earlier versions of contract.pdf' })).toBeInTheDocument();
    expect(within(item).getByRole('link', { name: 'Download contract.pdf v1' })).toHaveAttribute('href', '/api/v1/attachments/c1/content');
  });

  it('uploads the chosen file onto the record with its name and type, then lists it', async () => {
    let uploaded = false;
    const { fetchMock } = fakeApi({
      ...people,
      'GET /accounts/a1/attachments': () => ({
        status: 200,
        body: { data: uploaded ? [stored('f1', 'logo.png', 1, true, { content_type: 'image/png' })] : [], next_cursor: null },
      }),
      'POST /attachment-files': () => {
        uploaded = true;
        return { status: 201, body: stored('f1', 'logo.png', 1, true) };
      },
    });
    renderWithProviders(<AttachmentsPanel entity={account} record={{ id: 'a1' }} attachment={attachment} />);
    await screen.findByText('No files yet.');

    const file = new File(['png'], 'logo.png', { type: 'image/png' });
    await userEvent.upload(screen.getByLabelText('Files to attach'), file);

    await screen.findByRole('listitem', { name: 'logo.png' });
    const call = fetchMock.mock.calls.find(([url]) => typeof url === 'string' && url.includes('/attachment-files'));
    const url = new URL(typeof call?.[0] === 'string' ? call[0] : '', 'http://atrium.test');
    expect(Object.fromEntries(url.searchParams)).toEqual({ parent_type: 'account', parent_id: 'a1', file_name: 'logo.png' });
    expect(call?.[1]?.body).toBe(file);
    expect(new Headers(call?.[1]?.headers).get('Content-Type')).toBe('image/png');
    expect(screen.getByRole('button', { name: 'Preview logo.png v1' })).toBeInTheDocument();
  });

  it('uploads files dropped onto the panel, one after another', async () => {
    const { requests } = fakeApi({
      ...people,
      'GET /accounts/a1/attachments': { status: 200, body: { data: [], next_cursor: null } },
      'POST /attachment-files': { status: 201, body: stored('f1', 'a.pdf', 1, true) },
    });
    renderWithProviders(<AttachmentsPanel entity={account} record={{ id: 'a1' }} attachment={attachment} />);
    await screen.findByText('No files yet.');
    const panel = screen.getByRole('region', { name: 'Attachments' });
    const files = [new File(['%PDF-'], 'a.pdf', { type: 'application/pdf' }), new File(['%PDF-'], 'b.pdf', { type: 'application/pdf' })];

    fireEvent.dragOver(panel, { dataTransfer: { types: ['Files'], files: [] } });
    expect(panel).toHaveAttribute('data-dragging', 'true');
    fireEvent.drop(panel, { dataTransfer: { types: ['Files'], files } });

    await waitFor(() => {
      expect(requests.filter((request) => request.method === 'POST')).toHaveLength(2);
    });
    expect(panel).not.toHaveAttribute('data-dragging');
  });

  it("keeps a refused file on show with the server's reason", async () => {
    fakeApi({
      ...people,
      'GET /accounts/a1/attachments': { status: 200, body: { data: [], next_cursor: null } },
      'POST /attachment-files': {
        status: 413,
        body: errorBody('PAYLOAD_TOO_LARGE', 'The file is too large', [{ field: 'file', code: 'FILE_TOO_LARGE', message: 'at most 25 MB' }]),
      },
    });
    renderWithProviders(<AttachmentsPanel entity={account} record={{ id: 'a1' }} attachment={attachment} />);
    await screen.findByText('No files yet.');

    await userEvent.upload(screen.getByLabelText('Files to attach'), new File(['x'], 'huge.bin'));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('huge.bin was not attached');
    expect(alert).toHaveTextContent('The file is too large: at most 25 MB');
    await userEvent.click(within(alert).getByRole('button', { name: 'Dismiss the problem with huge.bin' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('offers no upload to whoever may not add attachments', async () => {
    fakeApi({ ...people, 'GET /accounts/a1/attachments': { status: 200, body: { data: [], next_cursor: null } } });
    const readOnly = { ...attachment, rights: { read: true, create: false } };
    renderWithProviders(<AttachmentsPanel entity={account} record={{ id: 'a1' }} attachment={readOnly} />);
    await screen.findByText('No files yet.');
    expect(screen.queryByRole('button', { name: 'Upload files' })).not.toBeInTheDocument();
  });
});
