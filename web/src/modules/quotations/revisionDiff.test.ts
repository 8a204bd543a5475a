import { describe, expect, it } from 'vitest';
import type { EntityDefinition, FieldDefinition } from '@/lib/metadata';
import { defaultComparison, describeChanges, diffSummary, isEmptyDiff, readDiff, revisionLabel } from './revisionDiff';

function field(name: string, type: string, label: string, readOnly = false): FieldDefinition {
  return {
    name,
    field: name.replace(/_id$/, ''),
    type,
    label,
    required: false,
    numbered: false,
    unique: false,
    read_only: readOnly,
    searchable: false,
    sortable: false,
    operators: [],
    values: [],
  };
}

const lineEntity = {
  name: 'quotation_line',
  fields: [
    field('product_id', 'link', 'Product'),
    field('quantity', 'decimal', 'Quantity'),
    field('manual_discount', 'percent', 'Discount typed by hand'),
    field('net_amount', 'money', 'Net', true),
    field('tax_amount', 'money', 'Tax', true),
    field('line_total', 'money', 'Total', true),
  ],
} as unknown as EntityDefinition;

// The answer of GET …/revisions/diff?from=1&to=current after revise: one line's quantity
// changed, one removed, one added, and the totals and terms moved.
const answer = {
  from: 1,
  to: 2,
  fields: [
    { field: 'total', from: { amount: '693.00', currency: 'EUR' }, to: { amount: '900.00', currency: 'EUR' } },
    { field: 'payment_terms', from: '30 days net', to: null },
  ],
  lines: {
    added: [{ id: 'l9', position: 3, description: 'Seal kit', quantity: '4.000' }, { id: 'l8', position: 2 }],
    removed: [{ id: 'l2', position: 2, description: 'Stainless gauge' }, { nonsense: true }],
    changed: [
      {
        id: 'l1',
        position: 1,
        product_id: 'p1',
        fields: [
          { field: 'line_total', from: { amount: '540.00' }, to: { amount: '900.00' } },
          { field: 'net_amount', from: { amount: '450.00' }, to: { amount: '750.00' } },
          { field: 'quantity', from: '3.000', to: '5.000' },
          { field: 'requested_changes', from: null, to: 'Blue' },
        ],
      },
    ],
  },
};

describe('the difference between two revisions', () => {
  it('reads the answer, keeping lines by position and leaving out what is malformed', () => {
    const diff = readDiff(answer);
    expect(diff.from).toBe(1);
    expect(diff.to).toBe(2);
    expect(diff.fields.map((change) => change.field)).toEqual(['total', 'payment_terms']);
    expect(diff.added.map((line) => line.id)).toEqual(['l8', 'l9']);
    expect(diff.removed.map((line) => line.id)).toEqual(['l2']);
    expect(diff.changed[0]?.fields).toHaveLength(4);
    expect(isEmptyDiff(diff)).toBe(false);
  });

  it('reads nonsense as no difference rather than failing', () => {
    const diff = readDiff({ lines: 'none', fields: [{ from: 1 }] });
    expect(isEmptyDiff(diff)).toBe(true);
    expect(diffSummary(diff)).toBe('No differences.');
    expect(isEmptyDiff(readDiff(null))).toBe(true);
  });

  it('puts what was typed before what follows from it, in the order of the definition, with labels', () => {
    const rows = describeChanges(readDiff(answer).changed[0]?.fields ?? [], lineEntity);
    expect(rows.map((row) => [row.label, row.computed])).toEqual([
      ['Quantity', false],
      // Not in the definition the caller sees: named from its field name, after the known ones.
      ['Requested changes', false],
      ['Net', true],
      ['Total', true],
    ]);
    expect(rows[0]).toMatchObject({ name: 'quantity', from: '3.000', to: '5.000' });
    expect(rows[0]?.definition?.type).toBe('decimal');
  });

  it('sums up the difference in one sentence', () => {
    expect(diffSummary(readDiff(answer))).toBe('2 fields changed, 2 lines added, 1 line removed, 1 line changed.');
  });

  it('names revisions and starts comparing where a reader most likely wants to', () => {
    expect(revisionLabel('current', 3)).toBe('Current (revision 3)');
    expect(revisionLabel(2, 3)).toBe('Revision 2');
    const frozen = (revision: number) => ({ revision, reason: null, frozen_at: '2027-03-01T09:00:00Z', frozen_by_id: null });
    // A draft after revise: the last revision sent against what is being prepared.
    expect(defaultComparison({ data: [frozen(1)], current: 2, status: 'draft' })).toEqual({ from: 1, to: 'current' });
    // Sent again: the revision before it against the one sent.
    expect(defaultComparison({ data: [frozen(1), frozen(2)], current: 2, status: 'sent' })).toEqual({ from: 1, to: 'current' });
    expect(defaultComparison({ data: [], current: 1, status: 'draft' })).toBeUndefined();
  });
});
