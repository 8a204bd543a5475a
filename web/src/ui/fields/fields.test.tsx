import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { FieldDefinition } from '@/lib/metadata';
import { FieldDisplay, FieldInput } from './FieldView';
import { fieldKind, fieldKinds } from './registry';

function field(type: string, extra: Partial<FieldDefinition> = {}): FieldDefinition {
  return {
    name: 'value',
    field: 'value',
    type,
    label: 'Value',
    required: false,
    numbered: false,
    unique: false,
    read_only: false,
    searchable: false,
    sortable: true,
    operators: [],
    values: [],
    ...extra,
  };
}

/** A controlled input that reports every value it emits. */
function Harness({ definition, initial, onValue }: { definition: FieldDefinition; initial: unknown; onValue: (value: unknown) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <FieldInput
      field={definition}
      label={definition.label}
      value={value}
      onChange={(next) => {
        setValue(next);
        onValue(next);
      }}
    />
  );
}

function renderInput(definition: FieldDefinition, initial: unknown = null) {
  const onValue = vi.fn();
  render(
    <MantineProvider env="test">
      <Harness definition={definition} initial={initial} onValue={onValue} />
    </MantineProvider>,
  );
  return onValue;
}

const areas = [
  { key: 'north', label: 'North' },
  { key: 'south', label: 'South' },
  { key: 'east', label: 'East' },
];

describe('field-type registry', { timeout: 20_000 }, () => {
  it('has a display and an input for every type the server describes, and text for the rest', () => {
    for (const type of ['text', 'long_text', 'email', 'phone', 'url', 'integer', 'decimal', 'percent', 'money', 'boolean', 'date', 'datetime', 'enum', 'multi_enum', 'link', 'link_multiple', 'address', 'json']) {
      expect(fieldKinds[type], type).toBeDefined();
    }
    expect(fieldKind('no_such_type').Input).not.toBe(fieldKinds.text?.Input);
  });

  it('edits money as an exact amount with its currency, and clears it to null', async () => {
    const onValue = renderInput(field('money', { label: 'Credit limit' }), { amount: '1000.00', currency: 'EUR' });
    const user = userEvent.setup();
    const amount = screen.getByLabelText('Credit limit');
    expect(amount).toHaveValue('1000.00');

    await user.clear(amount);
    await user.type(amount, '2500.50');
    expect(onValue).toHaveBeenLastCalledWith({ amount: '2500.50', currency: 'EUR' });

    const currency = screen.getByRole('textbox', { name: 'Credit limit currency' });
    await user.clear(currency);
    await user.type(currency, 'chf');
    expect(onValue).toHaveBeenLastCalledWith({ amount: '2500.50', currency: 'CHF' });

    await user.clear(amount);
    expect(onValue).toHaveBeenLastCalledWith(null);
  });

  it('shows money without floating point rounding', () => {
    render(
      <MantineProvider env="test">
        <FieldDisplay field={field('money')} value={{ amount: '12345678901234.57', currency: 'EUR' }} />
      </MantineProvider>,
    );
    expect(screen.getByText('12,345,678,901,234.57 EUR')).toBeInTheDocument();
  });

  it('edits an address part by part, with the country in capitals', async () => {
    const onValue = renderInput(field('address', { label: 'Billing address' }));
    const user = userEvent.setup();
    expect(screen.getByRole('group', { name: 'Billing address' })).toBeInTheDocument();

    await user.type(screen.getByLabelText('City'), 'Köln');
    expect(onValue).toHaveBeenLastCalledWith({ street: null, postal_code: null, city: 'Köln', region: null, country: null });
    await user.type(screen.getByLabelText('Country'), 'de');
    expect(onValue).toHaveBeenLastCalledWith({ street: null, postal_code: null, city: 'Köln', region: null, country: 'DE' });

    await user.clear(screen.getByLabelText('City'));
    await user.clear(screen.getByLabelText('Country'));
    expect(onValue).toHaveBeenLastCalledWith(null);
  });

  it('picks an enum value by its label and sends its key', async () => {
    const onValue = renderInput(field('enum', { label: 'Area', values: areas }));
    const user = userEvent.setup();

    await user.click(screen.getByRole('textbox', { name: 'Area' }));
    await user.click(await screen.findByRole('option', { name: 'South' }));
    expect(onValue).toHaveBeenLastCalledWith('south');
    expect(screen.getByRole('textbox', { name: 'Area' })).toHaveValue('South');
  });

  it('shows an enum key by its label', () => {
    render(
      <MantineProvider env="test">
        <FieldDisplay field={field('enum', { values: areas })} value="east" />
      </MantineProvider>,
    );
    expect(screen.getByText('East')).toBeInTheDocument();
  });

  it('picks several multi-enum values and sends their keys', async () => {
    const onValue = renderInput(field('multi_enum', { label: 'Territory', values: areas }), ['north']);
    const user = userEvent.setup();

    await user.click(screen.getByRole('textbox', { name: 'Territory' }));
    await user.click(await screen.findByRole('option', { name: 'East' }));
    expect(onValue).toHaveBeenLastCalledWith(['north', 'east']);
  });

  it('edits a date as YYYY-MM-DD and clears it to null', () => {
    const onValue = renderInput(field('date', { label: 'Birthday' }), '1990-04-01');
    const input = screen.getByLabelText('Birthday');
    expect(input).toHaveAttribute('type', 'date');
    expect(input).toHaveValue('1990-04-01');

    fireEvent.change(input, { target: { value: '2001-12-24' } });
    expect(onValue).toHaveBeenLastCalledWith('2001-12-24');
    fireEvent.change(input, { target: { value: '' } });
    expect(onValue).toHaveBeenLastCalledWith(null);
  });

  it('marks a field with the error the server reported', () => {
    render(
      <MantineProvider env="test">
        <FieldInput field={field('email', { label: 'E-mail' })} label="E-mail" value="x" error="not an e-mail address" onChange={() => undefined} />
      </MantineProvider>,
    );
    const input = screen.getByLabelText('E-mail');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('not an e-mail address');
  });
});
