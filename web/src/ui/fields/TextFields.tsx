import { Anchor, Code, Text, Textarea, TextInput } from '@mantine/core';
import { JsonInput } from './JsonField';
import { inputChrome } from './common';
import type { FieldDisplayProps, FieldInputProps } from './types';
import { asText, textOrNull } from './values';

export function PlainDisplay({ value }: FieldDisplayProps) {
  return <span style={{ overflowWrap: 'anywhere' }}>{asText(value)}</span>;
}

export function LongTextDisplay({ value }: FieldDisplayProps) {
  return (
    <Text component="span" size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {asText(value)}
    </Text>
  );
}

export function EmailDisplay({ value }: FieldDisplayProps) {
  const text = asText(value);
  return text === '' ? null : (
    <Anchor href={`mailto:${text}`} size="sm" style={{ overflowWrap: 'anywhere' }} onClick={stop}>
      {text}
    </Anchor>
  );
}

export function PhoneDisplay({ value }: FieldDisplayProps) {
  const text = asText(value);
  return text === '' ? null : (
    <Anchor href={`tel:${text.replace(/[^\d+]/g, '')}`} size="sm" onClick={stop}>
      {text}
    </Anchor>
  );
}

/** Only web addresses become links, so a stored `javascript:` text stays text. */
export function UrlDisplay({ value }: FieldDisplayProps) {
  const text = asText(value);
  if (!/^https?:\/\//i.test(text)) {
    return <span style={{ overflowWrap: 'anywhere' }}>{text}</span>;
  }
  return (
    <Anchor href={text} target="_blank" rel="noopener noreferrer" size="sm" style={{ overflowWrap: 'anywhere' }} onClick={stop}>
      {text}
    </Anchor>
  );
}

/** Links inside clickable table rows must not also open the row. */
function stop(event: { stopPropagation: () => void }) {
  event.stopPropagation();
}

const INPUT_TYPE: Record<string, string> = { email: 'email', phone: 'tel', url: 'url' };

export function TextFieldInput(props: FieldInputProps) {
  const { field, value, onChange } = props;
  return (
    <TextInput
      {...inputChrome(props)}
      type={INPUT_TYPE[field.type] ?? 'text'}
      value={asText(value)}
      maxLength={field.max_length}
      onChange={(event) => {
        onChange(textOrNull(event.currentTarget.value));
      }}
    />
  );
}

export function LongTextInput(props: FieldInputProps) {
  const { value, onChange } = props;
  return (
    <Textarea
      {...inputChrome(props)}
      autosize
      minRows={2}
      maxRows={10}
      value={asText(value)}
      onChange={(event) => {
        onChange(textOrNull(event.currentTarget.value));
      }}
    />
  );
}

/** A value of a type this app does not know yet: text as text, an object as compact JSON. */
export function UnknownDisplay({ value }: FieldDisplayProps) {
  if (value !== null && typeof value === 'object') {
    return <Code style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{JSON.stringify(value)}</Code>;
  }
  return <span style={{ overflowWrap: 'anywhere' }}>{asText(value)}</span>;
}

/** Objects of an unknown type are edited as JSON, so saving never turns them into text. */
export function UnknownInput(props: FieldInputProps) {
  return props.value !== null && typeof props.value === 'object' ? <JsonInput {...props} /> : <TextFieldInput {...props} />;
}
