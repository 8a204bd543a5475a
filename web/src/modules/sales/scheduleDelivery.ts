/**
 * The delivery being scheduled from an order: how many of each line go now (what is still to
 * deliver, to begin with), when, and with whom; checked before asking the server (which checks
 * again and names the line).
 */
import { asText } from '@/ui/fields/values';
import { lineName, plainDecimal } from '@/ui/lines/lineForm';
import { scaled, unscaled } from './decimal';
import type { DeliveryRequestBody as DeliveryRequest } from './salesApi';

/** An order line as `GET /orders/{id}/order_lines` answers it. */
export type OrderLineToDeliver = Record<string, unknown> & { id: string };

export interface DeliveryLine {
  lineId: string;
  name: string;
  ordered: string;
  /** Ordered less delivered: the most this delivery can take. */
  open: string;
  quantity: string;
}

export interface DeliveryForm {
  lines: DeliveryLine[];
  scheduledDate: string;
  carrier: string;
  trackingNumber: string;
}

export interface DeliveryErrors {
  /** By line id. */
  lines: Record<string, string>;
  /** By the request's own field names: scheduled_date, carrier, tracking_number. */
  fields: Record<string, string>;
  general: string | undefined;
}

/** Ordered less delivered, never below 0. */
export function openQuantity(quantity: string, delivered: string): string {
  const ordered = scaled(quantity) ?? 0n;
  const done = scaled(delivered === '' ? '0' : delivered) ?? 0n;
  return ordered > done ? unscaled(ordered - done) : '0';
}

/** Every line at what is still to deliver (0 for a line delivered in full), dated today. */
export function deliveryForm(lines: readonly OrderLineToDeliver[], today: string): DeliveryForm {
  return {
    lines: lines.map((line) => {
      const open = openQuantity(asText(line.quantity), asText(line.delivered_quantity));
      return { lineId: line.id, name: lineName(line), ordered: plainDecimal(asText(line.quantity)), open, quantity: open };
    }),
    scheduledDate: today,
    carrier: '',
    trackingNumber: '',
  };
}

export function updateDeliveryLine(form: DeliveryForm, lineId: string, quantity: string): DeliveryForm {
  return { ...form, lines: form.lines.map((line) => (line.lineId === lineId ? { ...line, quantity } : line)) };
}

function normal(text: string): string {
  return text.trim().replace(',', '.');
}

/** A line goes when its quantity is above 0; 0 (or nothing) leaves it out. */
function going(line: DeliveryLine): boolean {
  const value = scaled(normal(line.quantity));
  return value !== undefined && value > 0n;
}

function isEmpty(text: string): boolean {
  const value = scaled(normal(text));
  return text.trim() === '' || value === 0n;
}

export function checkDelivery(form: DeliveryForm): DeliveryErrors {
  const errors: DeliveryErrors = { lines: {}, fields: {}, general: undefined };
  for (const line of form.lines) {
    if (isEmpty(line.quantity)) continue;
    const quantity = scaled(normal(line.quantity));
    const most = scaled(line.open);
    if (quantity === undefined) errors.lines[line.lineId] = 'Enter a quantity, or 0 to leave the line out.';
    else if (most !== undefined && quantity > most) errors.lines[line.lineId] = `At most ${line.open}, still to deliver.`;
  }
  if (!form.lines.some((line) => line.open !== '0')) errors.general = 'Everything on this order has been delivered already.';
  else if (!form.lines.some(going) && Object.keys(errors.lines).length === 0) {
    // No lines at all would ask the server for everything left: not what 0 everywhere means.
    errors.general = 'Enter a quantity on at least one line.';
  }
  if (form.scheduledDate.trim() === '') errors.fields.scheduled_date = 'Enter the date it is to go.';
  return errors;
}

export function hasDeliveryErrors(errors: DeliveryErrors): boolean {
  return errors.general !== undefined || Object.keys(errors.lines).length > 0 || Object.keys(errors.fields).length > 0;
}

/** The request: the lines with a quantity above 0 (decimal commas read as points), and the carrier and tracking when typed. */
export function deliveryRequest(form: DeliveryForm): DeliveryRequest {
  const request: DeliveryRequest = {
    scheduled_date: form.scheduledDate.trim(),
    lines: form.lines.filter(going).map((line) => ({ order_line_id: line.lineId, quantity: normal(line.quantity) })),
  };
  const carrier = form.carrier.trim();
  if (carrier !== '') request.carrier = carrier;
  const tracking = form.trackingNumber.trim();
  if (tracking !== '') request.tracking_number = tracking;
  return request;
}

/** The server's field errors placed where they belong: `lines[N].…` on the Nth line sent, the rest on their field or above. */
export function deliveryErrorsFrom(
  form: DeliveryForm,
  fields: readonly { field: string; message: string }[],
): DeliveryErrors {
  const sent = form.lines.filter(going);
  const errors: DeliveryErrors = { lines: {}, fields: {}, general: undefined };
  const general: string[] = [];
  for (const entry of fields) {
    const match = /^lines\[(\d+)\]/.exec(entry.field);
    if (match !== null) {
      const line = sent[Number(match[1])];
      if (line === undefined) general.push(entry.message);
      else errors.lines[line.lineId] = entry.message;
    } else if (['scheduled_date', 'carrier', 'tracking_number'].includes(entry.field)) {
      errors.fields[entry.field] = entry.message;
    } else {
      general.push(entry.message);
    }
  }
  if (general.length > 0) errors.general = general.join(' ');
  return errors;
}
