import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { errorText } from './errorText';

describe('errorText', () => {
  it("adds each field's words to the server's message", () => {
    const error = new ApiError({
      status: 422,
      code: 'VALIDATION_FAILED',
      message: 'Not valid',
      fields: [
        { field: 'a', code: 'X', message: 'first' },
        { field: 'b', code: 'Y', message: '' },
        { field: 'c', code: 'Z', message: 'third' },
      ],
    });
    expect(errorText(error)).toBe('Not valid: first; third');
  });

  it('keeps the message alone without fields, and falls back for what is not an error', () => {
    expect(errorText(new ApiError({ status: 403, code: 'FORBIDDEN', message: 'You may not' }))).toBe('You may not');
    expect(errorText(new Error('offline'))).toBe('offline');
    expect(errorText('what', 'The upload failed.')).toBe('The upload failed.');
  });
});
