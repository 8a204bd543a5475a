import { Code, Textarea } from '@mantine/core';
import { useState } from 'react';
import { inputChrome } from './common';
import type { FieldDisplayProps, FieldInputProps } from './types';

export function JsonDisplay({ value }: FieldDisplayProps) {
  if (value === null || value === undefined) return null;
  return (
    <Code block style={{ overflowX: 'auto', maxWidth: '100%' }}>
      {JSON.stringify(value, null, 2)}
    </Code>
  );
}

/** Sends the parsed JSON; text that does not parse yet is shown with a hint and not sent. */
export function JsonInput(props: FieldInputProps) {
  const { value, onChange } = props;
  const [text, setText] = useState(() => (value === null || value === undefined ? '' : JSON.stringify(value, null, 2)));
  const [invalid, setInvalid] = useState(false);
  const chrome = inputChrome(props);
  return (
    <Textarea
      {...chrome}
      {...(invalid && chrome.error === undefined ? { error: 'Not valid JSON yet.' } : {})}
      autosize
      minRows={3}
      ff="monospace"
      value={text}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        if (next.trim() === '') {
          setInvalid(false);
          onChange(null);
          return;
        }
        try {
          onChange(JSON.parse(next) as unknown);
          setInvalid(false);
        } catch {
          setInvalid(true);
        }
      }}
    />
  );
}
