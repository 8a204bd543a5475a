import { describe, expect, it } from 'vitest';
import {
  checkDelivery,
  deliveryErrorsFrom,
  deliveryForm,
  deliveryRequest,
  hasDeliveryErrors,
  openQuantity,
  updateDeliveryLine,
} from './scheduleDelivery';

const orderLines = [
  { id: 'l1', position: 1, description: 'Pump', quantity: '8.000', delivered_quantity: '3.000' },
  { id: 'l2', position: 2, description: 'Hose', quantity: '2.500', delivered_quantity: '0.000' },
  { id: 'l3', position: 3, description: 'Valve', quantity: '4.000', delivered_quantity: '4.000' },
];

describe('schedule delivery form', () => {
  it('starts each line at what is still to deliver, dated the day given', () => {
    const form = deliveryForm(orderLines, '2027-03-04');
    expect(form.lines.map((line) => [line.name, line.ordered, line.open, line.quantity])).toEqual([
      ['Pump', '8', '5', '5'],
      ['Hose', '2.5', '2.5', '2.5'],
      ['Valve', '4', '0', '0'],
    ]);
    expect(form.scheduledDate).toBe('2027-03-04');
    expect(hasDeliveryErrors(checkDelivery(form))).toBe(false);
  });

  it('reads what is open exactly, and never below 0', () => {
    expect(openQuantity('1.100', '0.100')).toBe('1');
    expect(openQuantity('0.3', '0.1')).toBe('0.2');
    expect(openQuantity('2', '')).toBe('2');
    expect(openQuantity('2', '3')).toBe('0');
  });

  it('sends the lines above 0 with decimal commas as points, and carrier and tracking when typed', () => {
    let form = deliveryForm(orderLines, '2027-03-04');
    form = updateDeliveryLine(form, 'l1', ' 1,5 ');
    form = updateDeliveryLine(form, 'l2', '0');
    expect(deliveryRequest({ ...form, carrier: ' DHL ', trackingNumber: '' })).toEqual({
      scheduled_date: '2027-03-04',
      carrier: 'DHL',
      lines: [{ order_line_id: 'l1', quantity: '1.5' }],
    });
  });

  it('refuses more than is open, text, no date, and nothing at all before asking the server', () => {
    const form = deliveryForm(orderLines, '2027-03-04');
    expect(checkDelivery(updateDeliveryLine(form, 'l1', '6')).lines).toEqual({ l1: 'At most 5, still to deliver.' });
    expect(checkDelivery(updateDeliveryLine(form, 'l2', 'two')).lines.l2).toMatch(/Enter a quantity/);
    expect(checkDelivery({ ...form, scheduledDate: '' }).fields.scheduled_date).toBeDefined();
    const none = updateDeliveryLine(updateDeliveryLine(form, 'l1', '0'), 'l2', '');
    expect(deliveryRequest(none).lines).toEqual([]);
    expect(checkDelivery(none).general).toBe('Enter a quantity on at least one line.');
    const done = deliveryForm([{ id: 'l3', quantity: '4', delivered_quantity: '4' }], '2027-03-04');
    expect(checkDelivery(done).general).toMatch(/delivered already/);
  });

  it("places the server's errors on the line sent at that index, and the others on their field", () => {
    const form = updateDeliveryLine(deliveryForm(orderLines, '2027-03-04'), 'l1', '0');
    // Only l2 is sent, so lines[0] is l2.
    const errors = deliveryErrorsFrom(form, [
      { field: 'lines[0].quantity', message: 'More than is left to deliver.' },
      { field: 'carrier', message: 'Too long.' },
      { field: 'lines[5].quantity', message: 'Unknown line.' },
    ]);
    expect(errors.lines).toEqual({ l2: 'More than is left to deliver.' });
    expect(errors.fields).toEqual({ carrier: 'Too long.' });
    expect(errors.general).toBe('Unknown line.');
  });
});
