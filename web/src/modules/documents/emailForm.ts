/** The e-mail dialog's request and where the server's refusal goes in it. */
import { isApiError } from '@/lib/api';
import type { EmailRequest } from './documentsApi';

/** What the request says: only the parts typed, trimmed, so an empty "To" means the customer's address. */
export function emailRequest(to: string, message: string): EmailRequest {
  return {
    ...(to.trim() === '' ? {} : { to: to.trim() }),
    ...(message.trim() === '' ? {} : { message: message.trim() }),
  };
}

export interface EmailErrors {
  to?: string;
  message?: string;
  /** What belongs to no field: the document cannot be printed, the outbox refused. */
  general?: string;
}

const NO_RECIPIENT = 'NO_RECIPIENT';

/** The refusal placed on its field; a missing address asks for one in plain words. */
export function emailErrorsFrom(error: unknown): EmailErrors {
  if (!isApiError(error)) return { general: error instanceof Error ? error.message : 'The e-mail was not sent.' };
  const placed: EmailErrors = {};
  const rest: string[] = [];
  for (const field of error.fields) {
    if (field.field === 'to') {
      placed.to = field.code === NO_RECIPIENT ? 'The customer has no e-mail address: enter one here.' : field.message;
    } else if (field.field === 'message') {
      placed.message = field.message;
    } else {
      rest.push(field.message);
    }
  }
  if (rest.length > 0 || (placed.to === undefined && placed.message === undefined)) {
    placed.general = rest.length > 0 ? `${error.message}: ${rest.join('; ')}` : error.message;
  }
  return placed;
}
