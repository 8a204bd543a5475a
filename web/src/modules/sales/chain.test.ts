import { describe, expect, it } from 'vitest';
import { chainTimeline, stepHref } from './chain';
import type { Chain, ChainStep } from './salesApi';

function step(kind: string, id: string, at: string, since: number | null, extra: Partial<ChainStep> = {}): ChainStep {
  return { kind, id, number: '', label: `${kind} ${id}`, status: 'open', at, seconds_since_previous: since, ...extra };
}

describe('chainTimeline', () => {
  const older: Chain = {
    steps: [step('enquiry', 'e1', '2027-01-01T09:00:00Z', null), step('quotation', 'q1', '2027-01-02T09:00:00Z', 86400)],
    seconds_total: 86400,
  };
  const newer: Chain = {
    steps: [
      step('enquiry', 'e2', '2027-04-01T09:00:00Z', null),
      step('quotation', 'q2', '2027-04-01T09:05:00Z', 300),
      step('quotation_revision', 'q2', '2027-04-02T11:05:00Z', 93600, { revision: 1 }),
      step('order', 'o2', '2027-04-04T09:00:00Z', 165300),
      step('invoice', 'i2', '2027-04-04T09:10:00Z', 600),
      step('payment', 'p2', '2027-04-05T09:10:00Z', 86400, { invoice_id: 'i2' }),
      step('credit_note', 'c2', '2027-04-06T09:10:00Z', 86400),
    ],
    seconds_total: 5 * 86400 + 10 * 60,
  };

  it('puts the chain moved last first and names it by its first step', () => {
    const shaped = chainTimeline([older, newer]);
    expect(shaped.map((chain) => chain.title)).toEqual(['enquiry e2', 'enquiry e1']);
    expect(shaped[0]?.latest).toBe('2027-04-06T09:10:00Z');
    expect(shaped[0]?.span).toBe('5 d');
  });

  it('links every step to its record and says how long after the previous one it came', () => {
    const [chain] = chainTimeline([newer]);
    expect(chain?.steps.map((entry) => entry.href)).toEqual([
      '/enquiries/e2',
      '/quotations/q2',
      '/quotations/q2',
      '/orders/o2',
      '/invoices/i2',
      '/payments/p2',
      '/invoices/c2',
    ]);
    expect(chain?.steps.map((entry) => entry.since)).toEqual(['', '+5 min', '+1 d 2 h', '+1 d 21 h', '+10 min', '+1 d', '+1 d']);
    expect(chain?.steps.map((entry) => entry.kindLabel)).toEqual([
      'Enquiry',
      'Quotation',
      'Revision',
      'Order',
      'Invoice',
      'Payment',
      'Credit note',
    ]);
  });

  it('keeps a payment that settles two invoices apart by its key, and leaves out empty chains', () => {
    const twice: Chain = {
      steps: [step('invoice', 'i1', '2027-01-01T00:00:00Z', null), step('payment', 'p1', '2027-01-02T00:00:00Z', 86400), step('payment', 'p1', '2027-01-02T00:00:00Z', 0)],
      seconds_total: 86400,
    };
    const shaped = chainTimeline([twice, { steps: [], seconds_total: null }]);
    expect(shaped).toHaveLength(1);
    const keys = shaped[0]?.steps.map((entry) => entry.key) ?? [];
    expect(new Set(keys).size).toBe(3);
  });

  it('has no link for a kind it does not know', () => {
    expect(stepHref({ kind: 'shipment', id: 's1' })).toBeUndefined();
    expect(stepHref({ kind: 'order', id: '' })).toBeUndefined();
  });
});
