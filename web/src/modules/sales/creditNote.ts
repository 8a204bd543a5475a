/**
 * The credit note being put together: which of the invoice's lines it credits and how many
 * of each, checked before asking the server (which checks again and names the line).
 */
import { asText } from '@/ui/fields/values';
import type { DocumentLine } from '@/ui/lines/documentLines';
import { lineName, plainDecimal } from '@/ui/lines/lineForm';
import { scaled } from './decimal';
import type { CreditNoteRequest } from './salesApi';

export interface CreditLine {
  lineId: string;
  name: string;
  /** What the invoice charged: the most that can be credited. */
  invoiced: string;
  chosen: boolean;
  quantity: string;
}

export interface CreditNoteForm {
  lines: CreditLine[];
  reason: string;
}

export interface CreditNoteErrors {
  /** By line id. */
  lines: Record<string, string>;
  general: string | undefined;
}

/** Every line chosen at its full quantity: the usual credit note cancels the whole invoice. */
export function creditNoteForm(lines: readonly DocumentLine[]): CreditNoteForm {
  return {
    lines: lines.map((line) => ({
      lineId: line.id,
      name: lineName(line),
      invoiced: plainDecimal(asText(line.quantity)),
      chosen: true,
      quantity: plainDecimal(asText(line.quantity)),
    })),
    reason: '',
  };
}

export function updateLine(form: CreditNoteForm, lineId: string, change: Partial<Pick<CreditLine, 'chosen' | 'quantity'>>): CreditNoteForm {
  return { ...form, lines: form.lines.map((line) => (line.lineId === lineId ? { ...line, ...change } : line)) };
}

export function checkCreditNote(form: CreditNoteForm): CreditNoteErrors {
  const errors: CreditNoteErrors = { lines: {}, general: undefined };
  const chosen = form.lines.filter((line) => line.chosen);
  if (chosen.length === 0) errors.general = 'Choose at least one line to credit.';
  for (const line of chosen) {
    const quantity = scaled(line.quantity);
    const most = scaled(line.invoiced);
    if (quantity === undefined || quantity <= 0n) errors.lines[line.lineId] = 'Enter a quantity above 0.';
    else if (most !== undefined && quantity > most) errors.lines[line.lineId] = `At most ${line.invoiced}, as invoiced.`;
  }
  if (form.reason.length > 2000) errors.general = 'The reason is too long: 2,000 characters at most.';
  return errors;
}

export function hasCreditNoteErrors(errors: CreditNoteErrors): boolean {
  return errors.general !== undefined || Object.keys(errors.lines).length > 0;
}

/** The request: the chosen lines with their quantities, and the reason when there is one. */
export function creditNoteRequest(form: CreditNoteForm): CreditNoteRequest {
  const request: CreditNoteRequest = {
    lines: form.lines
      .filter((line) => line.chosen)
      .map((line) => ({ invoice_line_id: line.lineId, quantity: line.quantity.trim().replace(',', '.') })),
  };
  const reason = form.reason.trim();
  if (reason !== '') request.reason = reason;
  return request;
}

/** The server's `lines[N].quantity` errors placed on the line they name. */
export function creditNoteErrorsFrom(form: CreditNoteForm, fields: readonly { field: string; message: string }[]): CreditNoteErrors {
  const chosen = form.lines.filter((line) => line.chosen);
  const errors: CreditNoteErrors = { lines: {}, general: undefined };
  const general: string[] = [];
  for (const entry of fields) {
    const match = /^lines\[(\d+)\]/.exec(entry.field);
    const line = match === null ? undefined : chosen[Number(match[1])];
    if (line === undefined) general.push(entry.message);
    else errors.lines[line.lineId] = entry.message;
  }
  if (general.length > 0) errors.general = general.join(' ');
  return errors;
}
