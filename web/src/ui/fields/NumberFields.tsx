import { Checkbox, TextInput } from '@mantine/core';
import { inputChrome } from './common';
import type { FieldDisplayProps, FieldInputProps } from './types';
import { asText, formatDecimal } from './values';

export function NumberDisplay({ value }: FieldDisplayProps) {
  return <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatDecimal(value)}</span>;
}

export function PercentDisplay({ value }: FieldDisplayProps) {
  const text = formatDecimal(value);
  return <span style={{ fontVariantNumeric: 'tabular-nums' }}>{text === '' ? '' : `${text} %`}</span>;
}

/**
 * Integers go to the server as numbers, decimals and percentages as strings (exact);
 * text that is not a number yet is kept as typed, so the server names the problem.
 */
export function NumberInput(props: FieldInputProps) {
  const { field, value, onChange } = props;
  return (
    <TextInput
      {...inputChrome(props)}
      inputMode={field.type === 'integer' ? 'numeric' : 'decimal'}
      value={asText(value)}
      rightSection={field.type === 'percent' ? '%' : undefined}
      onChange={(event) => {
        const text = event.currentTarget.value.trim();
        if (text === '') {
          onChange(null);
        } else if (field.type === 'integer' && /^-?\d+$/.test(text)) {
          onChange(Number(text));
        } else {
          onChange(text);
        }
      }}
    />
  );
}

export function BooleanDisplay({ value }: FieldDisplayProps) {
  if (value === null || value === undefined) return null;
  return <span>{value === true ? 'Yes' : 'No'}</span>;
}

export function BooleanInput(props: FieldInputProps) {
  const { value, onChange, label, hideLabel, error, disabled } = props;
  return (
    <Checkbox
      {...(hideLabel === true ? { 'aria-label': label } : { label })}
      {...(error === undefined ? {} : { error })}
      disabled={disabled === true}
      checked={value === true}
      onChange={(event) => {
        onChange(event.currentTarget.checked);
      }}
      mt={hideLabel === true ? 0 : 'xs'}
    />
  );
}
