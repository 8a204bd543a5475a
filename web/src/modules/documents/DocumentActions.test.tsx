import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@test/render';
import { errorBody, fakeApi } from '@test/server';
import { readMetadata } from '@/lib/metadata';
import { DocumentActions } from './DocumentActions';

const [quotation] = readMetadata({
  entities: [{ name: 'quotation', plural: 'quotations', label: 'Quotation', fields: [{ name: 'number', type: 'text' }] }],
}).entities;
if (quotation === undefined) throw new Error('no quotation');

const saved = { id: 'f2', reference: 'Quotation QUO-1', file_version: 2, source: 'generated' };

describe('DocumentActions', () => {
  it('saves the PDF and says under which name and version', async () => {
    const { requests } = fakeApi({ 'POST /quotations/q1/pdf': { status: 201, body: saved } });
    renderWithProviders(<DocumentActions entity={quotation} record={{ id: 'q1' }} />);

    await userEvent.click(screen.getByRole('button', { name: 'Save PDF' }));

    expect(await screen.findByRole('status')).toHaveTextContent('PDF saved: Quotation QUO-1, version 2.');
    expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual(['POST /quotations/q1/pdf']);
  });

  it('asks for an address when the customer has none, then tells where the e-mail goes', async () => {
    let attempt = 0;
    const { requests } = fakeApi({
      'POST /quotations/q1/email': () => {
        attempt += 1;
        return attempt === 1
          ? { status: 422, body: errorBody('VALIDATION_FAILED', 'No recipient', [{ field: 'to', code: 'NO_RECIPIENT', message: 'no address' }]) }
          : { status: 201, body: { outbox_id: 'o1', to_address: 'buyer@example.com', attachment: saved } };
      },
    });
    renderWithProviders(<DocumentActions entity={quotation} record={{ id: 'q1' }} />);

    await userEvent.click(screen.getByRole('button', { name: 'E-mail to customer' }));
    const dialog = await screen.findByRole('dialog', { name: 'E-mail to customer' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Message/ }), 'Our offer.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Send' }));
    const to = within(dialog).getByRole('textbox', { name: /^To/ });
    expect(await within(dialog).findByText('The customer has no e-mail address: enter one here.')).toBeInTheDocument();
    expect(to).toHaveAttribute('aria-invalid', 'true');
    expect(requests[0]?.body).toEqual({ message: 'Our offer.' });

    await userEvent.type(to, 'buyer@example.com');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Send' }));

    expect(await screen.findByRole('status')).toHaveTextContent('E-mail to buyer@example.com queued with Quotation QUO-1, version 2.');
    expect(requests[1]?.body).toEqual({ to: 'buyer@example.com', message: 'Our offer.' });
  });
});
