import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@test/render';
import { fakeApi } from '@test/server';
import type { EntityDefinition } from '@/lib/metadata';
import { readDiff } from './revisionDiff';
import { RevisionDiffView } from './RevisionDiffView';

const metadataField = (name: string, type: string, label: string, extra: Record<string, unknown> = {}) => ({
  name,
  field: name.replace(/_id$/, ''),
  type,
  label,
  ...extra,
});

const quotationEntity = {
  name: 'quotation',
  fields: [
    { ...metadataField('payment_terms', 'text', 'Payment terms'), values: [], read_only: false },
    { ...metadataField('total', 'money', 'Total'), values: [], read_only: true },
  ],
} as unknown as EntityDefinition;

const lineEntity = {
  name: 'quotation_line',
  fields: [
    { ...metadataField('product_id', 'link', 'Product', { entity: 'product' }), values: [], read_only: false },
    { ...metadataField('quantity', 'decimal', 'Quantity'), values: [], read_only: false },
    { ...metadataField('line_total', 'money', 'Total'), values: [], read_only: true },
  ],
} as unknown as EntityDefinition;

function catalogue() {
  return fakeApi({
    'GET /metadata': {
      status: 200,
      body: {
        entities: [
          {
            name: 'product',
            plural: 'products',
            label: 'Product',
            label_plural: 'Products',
            title_field: 'name',
            fields: [{ name: 'name', type: 'text', label: 'Name' }],
            rights: { read: true },
          },
        ],
        picklists: {},
      },
    },
    'GET /products/p1': { status: 200, body: { id: 'p1', name: 'Gate valve' } },
  });
}

const diff = readDiff({
  from: 1,
  to: 2,
  fields: [
    { field: 'payment_terms', from: '30 days net', to: '60 days net' },
    { field: 'total', from: { amount: '693.00', currency: 'EUR' }, to: { amount: '1900.00', currency: 'EUR' } },
  ],
  lines: {
    added: [{ id: 'l9', position: 3, description: 'Seal kit', quantity: '4.000', line_total: { amount: '160.00', currency: 'EUR' } }],
    removed: [{ id: 'l2', position: 2, description: 'Stainless gauge', quantity: '1.000' }],
    changed: [
      {
        id: 'l1',
        position: 1,
        product_id: 'p1',
        fields: [
          { field: 'line_total', from: { amount: '540.00', currency: 'EUR' }, to: { amount: '900.00', currency: 'EUR' } },
          { field: 'quantity', from: '3.000', to: '5.000' },
        ],
      },
    ],
  },
});

describe('the difference view', () => {
  it('shows each changed field as old → new, through its type, struck and inserted', () => {
    catalogue();
    renderWithProviders(
      <RevisionDiffView diff={diff} title="Revision 1 → Revision 2" quotationEntity={quotationEntity} lineEntity={lineEntity} />,
    );
    const view = screen.getByRole('region', { name: 'Revision 1 → Revision 2' });
    expect(within(view).getByRole('status')).toHaveTextContent('2 fields changed, 1 line added, 1 line removed, 1 line changed.');

    const fields = within(view).getByRole('list', { name: 'Changed fields' });
    const [terms, total] = within(fields).getAllByRole('listitem');
    expect(terms).toHaveTextContent('Payment terms');
    expect(terms?.querySelector('del')).toHaveTextContent('30 days net');
    expect(terms?.querySelector('ins')).toHaveTextContent('60 days net');
    // Money through the money display: grouped digits and the currency.
    expect(total).toHaveTextContent('Total (follows)');
    expect(total?.querySelector('ins')).toHaveTextContent('1,900.00 EUR');
  });

  it("names a changed line by position and product, its typed quantity first and as typed", async () => {
    catalogue();
    renderWithProviders(
      <RevisionDiffView diff={diff} title="Revision 1 → Revision 2" quotationEntity={quotationEntity} lineEntity={lineEntity} />,
    );
    const line = screen.getByRole('region', { name: 'Line 1 changed' });
    expect(await within(line).findByRole('link', { name: 'Gate valve' })).toBeInTheDocument();
    const [quantity, total] = within(within(line).getByRole('list', { name: 'Changes of line 1' })).getAllByRole('listitem');
    expect(quantity?.querySelector('del')).toHaveTextContent('3');
    expect(quantity?.querySelector('del')).not.toHaveTextContent('3.000');
    expect(quantity?.querySelector('ins')).toHaveTextContent('5');
    expect(total).toHaveTextContent('Total (follows)');
  });

  it('lists the lines added and removed, the removed ones struck through', () => {
    catalogue();
    renderWithProviders(
      <RevisionDiffView diff={diff} title="Revision 1 → Revision 2" quotationEntity={quotationEntity} lineEntity={lineEntity} />,
    );
    const [added, removed] = within(screen.getByRole('list', { name: 'Lines added and removed' })).getAllByRole('listitem');
    expect(added).toHaveTextContent('added');
    expect(added).toHaveTextContent('Seal kit × 4 = 160.00 EUR');
    expect(removed).toHaveTextContent('removed');
    expect(removed).toHaveTextContent('Stainless gauge × 1');
  });

  it('says so when nothing differs', () => {
    catalogue();
    renderWithProviders(
      <RevisionDiffView diff={readDiff({ from: 2, to: 2 })} title="Revision 2 → Current (revision 2)" quotationEntity={quotationEntity} lineEntity={lineEntity} />,
    );
    expect(screen.getByRole('status')).toHaveTextContent('No differences.');
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });
});
