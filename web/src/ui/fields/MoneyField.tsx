import { Group, Input, TextInput } from '@mantine/core';
import { useId, useState } from 'react';
import type { FieldDisplayProps, FieldInputProps } from './types';
import { asObject, asText, formatDecimal } from './values';

const DEFAULT_CURRENCY = 'EUR';

export function MoneyDisplay({ value }: FieldDisplayProps) {
  const money = asObject(value);
  const amount = asText(money.amount);
  if (amount === '') return null;
  return (
    <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
      {formatDecimal(amount)} {asText(money.currency)}
    </span>
  );
}

/** An amount (kept as exact text) and its ISO currency; both empty means no value. */
export function MoneyInput({ value, onChange, label, hideLabel, error, required, disabled }: FieldInputProps) {
  const id = useId();
  const money = asObject(value);
  const amount = asText(money.amount);
  // The currency survives an empty amount, so it can be chosen before the amount is typed.
  const [draftCurrency, setDraftCurrency] = useState(asText(money.currency) || DEFAULT_CURRENCY);
  const currency = typeof money.currency === 'string' ? money.currency : draftCurrency;
  const update = (nextAmount: string, nextCurrency: string) => {
    onChange(nextAmount.trim() === '' ? null : { amount: nextAmount.trim(), currency: nextCurrency });
  };
  const errorId = `${id}-error`;
  const hasError = error !== undefined && error !== null && error !== false;

  return (
    <Input.Wrapper
      {...(hideLabel === true ? {} : { label, labelProps: { htmlFor: `${id}-amount` } })}
      withAsterisk={required === true}
      {...(hasError ? { error, errorProps: { id: errorId } } : {})}
    >
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <TextInput
          id={`${id}-amount`}
          aria-label={hideLabel === true ? `${label} amount` : undefined}
          inputMode="decimal"
          value={amount}
          disabled={disabled === true}
          error={hasError}
          aria-describedby={hasError ? errorId : undefined}
          style={{ flex: 1, minWidth: 0 }}
          onChange={(event) => {
            update(event.currentTarget.value, currency);
          }}
        />
        <TextInput
          aria-label={`${label} currency`}
          value={currency}
          maxLength={3}
          disabled={disabled === true}
          w={72}
          onChange={(event) => {
            const next = event.currentTarget.value.toUpperCase();
            setDraftCurrency(next);
            update(amount, next);
          }}
        />
      </Group>
    </Input.Wrapper>
  );
}
