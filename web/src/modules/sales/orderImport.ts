/** A purchase order file sent to `POST /orders/import`: how it is typed, and its problems as table rows. */
import { isApiError } from '@/lib/api';

/** UBL is XML; anything else is taken for EDIFACT (the server reads the content either way). */
export function orderFileContentType(file: { name: string; type: string }): string {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xml') || file.type.includes('xml')) return 'application/xml';
  return 'application/edifact';
}

/** One problem of the file: where it is, the stable code, and the server's words. */
export interface OrderFileProblem {
  /** Where, in words: "Line 2", "Buyer", "The file". */
  place: string;
  /** Where, as the server names it: an XPath in a UBL file, a segment in an EDIFACT one. */
  path: string;
  code: string;
  message: string;
}

const PLACES: Record<string, string> = {
  '': 'The file',
  '/': 'The file',
  file: 'The file',
  '/Order/BuyerCustomerParty': 'Buyer',
  'NAD+BY': 'Buyer',
  customer_reference: "Customer's order number",
  currency: 'Currency',
};

/** The place of a problem in words, where it is one people know; else the path as given. */
export function placeOf(path: string): string {
  const known = PLACES[path];
  if (known !== undefined) return known;
  const line = /OrderLine\[(\d+)\]/.exec(path) ?? /^LIN\D*(\d+)/.exec(path);
  if (line !== null) return `Line ${line[1] ?? ''}`;
  if (path.endsWith('DocumentCurrencyCode')) return 'Currency';
  return path;
}

/** Every problem the refusal names, in the file's order; the refusal itself when it names none. */
export function orderFileProblems(error: unknown): OrderFileProblem[] {
  if (!isApiError(error)) {
    return [{ place: 'The file', path: '', code: '', message: error instanceof Error ? error.message : 'The import failed.' }];
  }
  if (error.fields.length === 0) return [{ place: 'The file', path: '', code: error.code, message: error.message }];
  return error.fields.map((field) => ({ place: placeOf(field.field), path: field.field, code: field.code, message: field.message }));
}

/** The heading above the problems: a repeated order is not a faulty file. */
export function orderFileVerdict(error: unknown): string {
  if (isApiError(error) && error.fields.some((field) => field.code === 'ORDER_ALREADY_IMPORTED')) {
    return 'This purchase order was imported before';
  }
  const count = isApiError(error) ? error.fields.length : 0;
  return count > 1 ? `Nothing was imported: the file has ${String(count)} problems` : 'Nothing was imported';
}
