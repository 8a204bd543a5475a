import type { FieldDefinition } from '@/lib/metadata';
import { fieldKind } from './registry';
import type { FieldInputProps } from './types';

/** Shows a value through the registry. */
export function FieldDisplay({ field, value }: { field: FieldDefinition; value: unknown }) {
  const { Display } = fieldKind(field.type);
  return <Display field={field} value={value} />;
}

/** Edits a value through the registry. */
export function FieldInput(props: FieldInputProps) {
  const { Input } = fieldKind(props.field.type);
  return <Input {...props} />;
}
