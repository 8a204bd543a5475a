import { describe, expect, it } from 'vitest';
import { fakeApi } from '@test/server';
import { emailDocument } from './documentsApi';

describe('emailDocument', () => {
  it('posts to the document’s own e-mail route', async () => {
    const { requests } = fakeApi({
      'POST /invoices/i1/email': { status: 201, body: { outbox_id: 'o1', to_address: 'a@example.com', attachment: { id: 'f1' } } },
    });
    const answer = await emailDocument('invoices', 'i1', { message: 'Hi' });
    expect(answer.to_address).toBe('a@example.com');
    expect(requests[0]?.body).toEqual({ message: 'Hi' });
  });
});
