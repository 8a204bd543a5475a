import { isApiError } from '@/lib/api';

function append(target: Record<string, string>, key: string, message: string) {
  target[key] = target[key] === undefined ? message : `${target[key]} ${message}`;
}

/** Field errors of a user or team save keyed by top-level field (`attributes.areas` stays whole). */
export function formErrorsFrom(
  error: unknown,
  known: readonly string[],
): { fields: Record<string, string>; general: string[] } {
  if (!isApiError(error)) {
    return { fields: {}, general: [error instanceof Error ? error.message : 'The changes could not be saved.'] };
  }
  const fields: Record<string, string> = {};
  const general: string[] = [];
  for (const entry of error.fields) {
    if (known.includes(entry.field)) {
      append(fields, entry.field, entry.message);
    } else {
      general.push(`${entry.field}: ${entry.message}`);
    }
  }
  if (error.fields.length === 0 || general.length > 0) {
    general.unshift(error.message);
  }
  return { fields, general };
}
