import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api';
import { emailErrorsFrom, emailRequest } from './emailForm';

describe('emailRequest', () => {
  it('leaves out what was not typed, so the server takes the customer address', () => {
    expect(emailRequest('  ', '')).toEqual({});
    expect(emailRequest(' buyer@example.com ', ' Here it is. ')).toEqual({ to: 'buyer@example.com', message: 'Here it is.' });
  });
});

describe('emailErrorsFrom', () => {
  const refusal = (fields: { field: string; code: string; message: string }[], message = 'The e-mail cannot be sent') =>
    new ApiError({ status: 422, code: 'VALIDATION_FAILED', message, fields });

  it('asks for an address where the customer has none', () => {
    expect(emailErrorsFrom(refusal([{ field: 'to', code: 'NO_RECIPIENT', message: 'no recipient' }]))).toEqual({
      to: 'The customer has no e-mail address: enter one here.',
    });
  });

  it("puts a field's own words on it and the rest above the buttons", () => {
    expect(
      emailErrorsFrom(
        refusal([
          { field: 'to', code: 'FIELD_INVALID_EMAIL', message: 'not an e-mail address' },
          { field: 'lines', code: 'NO_LINES', message: 'the quotation has no lines' },
        ]),
      ),
    ).toEqual({ to: 'not an e-mail address', general: 'The e-mail cannot be sent: the quotation has no lines' });
  });

  it('says what went wrong when no field is named', () => {
    expect(emailErrorsFrom(new ApiError({ status: 403, code: 'FORBIDDEN', message: 'You may not' }))).toEqual({ general: 'You may not' });
    expect(emailErrorsFrom(new Error('offline'))).toEqual({ general: 'offline' });
  });
});
