import type { ReactNode } from 'react';
import type { FieldInputProps } from './types';

/** The label, error and required mark every Mantine input of a field gets. */
export function inputChrome({ label, hideLabel, error, required, disabled }: FieldInputProps): {
  label?: string;
  'aria-label'?: string;
  error?: ReactNode;
  withAsterisk: boolean;
  disabled: boolean;
} {
  return {
    ...(hideLabel === true ? { 'aria-label': label } : { label }),
    ...(error === undefined || error === null || error === false ? {} : { error }),
    withAsterisk: required === true,
    disabled: disabled === true,
  };
}
