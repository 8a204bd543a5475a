import type { ComponentType, ReactNode } from 'react';
import type { FieldDefinition } from '@/lib/metadata';

/** Shows one value of a field, read-only. */
export interface FieldDisplayProps {
  field: FieldDefinition;
  value: unknown;
}

/** Edits one value of a field; `value` and `onChange` carry the API's JSON shape. */
export interface FieldInputProps {
  field: FieldDefinition;
  value: unknown;
  onChange: (value: unknown) => void;
  label: string;
  /** Hides the visible label (filter rows) while keeping it for assistive technology. */
  hideLabel?: boolean;
  error?: ReactNode;
  required?: boolean;
  disabled?: boolean;
}

/** One field type on the web: how to show it, how to edit it, how to write it in a filter. */
export interface FieldKind {
  Display: ComponentType<FieldDisplayProps>;
  Input: ComponentType<FieldInputProps>;
  /** How a filter value of this type is written in the DSL. */
  literal: 'string' | 'number' | 'boolean';
}
