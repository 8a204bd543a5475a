import { TextInput } from '@mantine/core';
import { inputChrome } from './common';
import type { FieldDisplayProps, FieldInputProps } from './types';
import { formatDate, formatDateTime, fromLocalDateTime, toLocalDateTime } from './values';

export function DateDisplay({ value }: FieldDisplayProps) {
  return <span style={{ whiteSpace: 'nowrap' }}>{formatDate(value)}</span>;
}

export function DateTimeDisplay({ value }: FieldDisplayProps) {
  return <span>{formatDateTime(value)}</span>;
}

/** The browser's own date input: keyboard accessible, and the wire format `YYYY-MM-DD`. */
export function DateInput(props: FieldInputProps) {
  const { value, onChange } = props;
  return (
    <TextInput
      {...inputChrome(props)}
      type="date"
      value={typeof value === 'string' ? value.slice(0, 10) : ''}
      onChange={(event) => {
        const text = event.currentTarget.value;
        onChange(text === '' ? null : text);
      }}
    />
  );
}

/** Edited in the browser's time zone, sent as an ISO instant in UTC. */
export function DateTimeInput(props: FieldInputProps) {
  const { value, onChange } = props;
  return (
    <TextInput
      {...inputChrome(props)}
      type="datetime-local"
      value={toLocalDateTime(value)}
      onChange={(event) => {
        onChange(fromLocalDateTime(event.currentTarget.value));
      }}
    />
  );
}
