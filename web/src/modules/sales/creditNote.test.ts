import { describe, expect, it } from 'vitest';
import type { DocumentLine } from '@/ui/lines/documentLines';
import {
  checkCreditNote,
  creditNoteErrorsFrom,
  creditNoteForm,
  creditNoteRequest,
  hasCreditNoteErrors,
  updateLine,
} from './creditNote';
import { scaled } from './decimal';

function line(id: string, description: string, quantity: string): DocumentLine {
  return {
    id,
    position: 1,
    product_id: 'p1',
    description,
    quantity,
    manual_unit_price: null,
    manual_discount: null,
    unit_price: null,
    discount_percent: null,
    net_amount: null,
    tax_rate: null,
    tax_amount: null,
    line_total: null,
    price_source: null,
    pricing_explanation: null,
  };
}

const invoiceLines = [line('l1', 'Pump', '8.000'), line('l2', 'Pump (variant)', '2.500')];

describe('credit note form', () => {
  it('starts with every line at the quantity invoiced', () => {
    const form = creditNoteForm(invoiceLines);
    expect(form.lines.map((entry) => [entry.name, entry.quantity, entry.chosen])).toEqual([
      ['Pump', '8', true],
      ['Pump (variant)', '2.5', true],
    ]);
    expect(hasCreditNoteErrors(checkCreditNote(form))).toBe(false);
  });

  it('sends only the chosen lines, with the quantity as typed and the reason when there is one', () => {
    let form = creditNoteForm(invoiceLines);
    form = updateLine(form, 'l2', { chosen: false });
    form = updateLine(form, 'l1', { quantity: ' 1,5 ' });
    expect(creditNoteRequest({ ...form, reason: ' Damaged in transit ' })).toEqual({
      lines: [{ invoice_line_id: 'l1', quantity: '1.5' }],
      reason: 'Damaged in transit',
    });
    expect(creditNoteRequest(form).reason).toBeUndefined();
  });

  it('refuses nothing chosen, no quantity and more than invoiced, without floating point', () => {
    let form = creditNoteForm(invoiceLines);
    form = updateLine(updateLine(form, 'l1', { chosen: false }), 'l2', { chosen: false });
    expect(checkCreditNote(form).general).toBe('Choose at least one line to credit.');
    form = updateLine(updateLine(form, 'l1', { chosen: true, quantity: '0' }), 'l2', { chosen: true, quantity: '2.500001' });
    const errors = checkCreditNote(form);
    expect(errors.lines).toEqual({ l1: 'Enter a quantity above 0.', l2: 'At most 2.5, as invoiced.' });
    expect(checkCreditNote(updateLine(form, 'l1', { quantity: 'two' })).lines.l1).toBe('Enter a quantity above 0.');
    expect(scaled('2.5')).toBe(scaled('2.500000'));
  });

  it("places the server's line errors on the chosen line they name", () => {
    const form = updateLine(creditNoteForm(invoiceLines), 'l1', { chosen: false });
    const errors = creditNoteErrorsFrom(form, [
      { field: 'lines[0].quantity', message: 'more than invoiced' },
      { field: 'reason', message: 'too long' },
    ]);
    expect(errors.lines).toEqual({ l2: 'more than invoiced' });
    expect(errors.general).toBe('too long');
  });
});
