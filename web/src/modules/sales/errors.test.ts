import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api';
import { plainError } from './errors';

describe('plainError', () => {
  it("says a 409's field code in plain words", () => {
    const error = new ApiError({
      status: 409,
      code: 'CONFLICT',
      message: 'conflict',
      fields: [{ field: 'status', code: 'QUOTATION_NOT_ACCEPTED', message: 'Q-1 is sent' }],
    });
    expect(plainError(error)).toBe('Only a quotation the customer has accepted becomes an order.');
  });

  it("falls back to the server's message with the fields' messages", () => {
    const error = new ApiError({
      status: 422,
      code: 'VALIDATION_FAILED',
      message: 'Validation failed',
      fields: [{ field: 'user_id', code: 'LINK_NOT_FOUND', message: "an active user's id" }],
    });
    expect(plainError(error)).toBe("Validation failed: an active user's id");
    expect(plainError(new Error('offline'))).toBe('offline');
  });
});
