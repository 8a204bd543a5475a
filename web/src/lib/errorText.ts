import { isApiError } from './api';

/** A failure in one sentence: the server's message, then each field's own words where it names any. */
export function errorText(error: unknown, fallback = 'Something went wrong.'): string {
  if (!isApiError(error)) return error instanceof Error && error.message !== '' ? error.message : fallback;
  const details = error.fields.map((field) => field.message).filter((message) => message !== '');
  return details.length > 0 ? `${error.message}: ${details.join('; ')}` : error.message;
}
