import { Alert, Button, Fieldset, Group, SimpleGrid, Stack } from '@mantine/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { findField, sectionsOf, type EntityDefinition, type FieldDefinition } from '@/lib/metadata';
import { FieldInput } from '@/ui/fields/FieldView';
import type { FormErrors } from './formState';

interface RecordFormProps {
  entity: EntityDefinition;
  initial: Record<string, unknown>;
  errors: FormErrors;
  saving: boolean;
  submitLabel: string;
  onSubmit: (values: Record<string, unknown>) => void;
  onCancel: () => void;
  /** Shown above the fields, e.g. a version conflict. */
  notice?: ReactNode;
  /** Told the values as they are typed (a create form checks them for duplicates). */
  onValuesChange?: (values: Record<string, unknown>) => void;
}

const WIDE_TYPES = new Set(['address', 'long_text', 'json', 'multi_enum', 'link_multiple']);

/** The fields of an entity in the sections of its definition, each edited through the registry. */
export function RecordForm({ entity, initial, errors, saving, submitLabel, onSubmit, onCancel, notice, onValuesChange }: RecordFormProps) {
  const [values, setValues] = useState(initial);
  useEffect(() => {
    onValuesChange?.(values);
  }, [values, onValuesChange]);
  const form = useRef<HTMLFormElement>(null);

  // After the server names problems, the first field with one gets the focus.
  useEffect(() => {
    if (Object.keys(errors.fields).length > 0) {
      form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
  }, [errors]);

  return (
    <form
      ref={form}
      noValidate
      aria-label={`${entity.label} form`}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(values);
      }}
    >
      <Stack gap="md">
        {notice}
        {errors.general.length === 0 ? null : (
          <Alert color="red" variant="light" title="Not saved" role="alert">
            {errors.general.map((message) => (
              <div key={message}>{message}</div>
            ))}
          </Alert>
        )}
        {sectionsOf(entity).map((section) => (
          <Fieldset key={section.label} legend={section.label} style={{ minWidth: 0 }}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
              {section.fields
                .map((name) => findField(entity, name))
                .filter((field): field is FieldDefinition => field !== undefined)
                .map((field) => (
                  <div key={field.name} style={{ gridColumn: WIDE_TYPES.has(field.type) ? '1 / -1' : undefined, minWidth: 0 }}>
                    <FieldInput
                      field={field}
                      label={field.label}
                      value={values[field.name]}
                      required={field.required}
                      disabled={field.read_only || saving}
                      error={errors.fields[field.name]}
                      onChange={(value) => {
                        setValues((current) => ({ ...current, [field.name]: value }));
                      }}
                    />
                  </div>
                ))}
            </SimpleGrid>
          </Fieldset>
        ))}
        <Group gap="sm">
          <Button type="submit" loading={saving}>
            {submitLabel}
          </Button>
          <Button variant="default" onClick={onCancel} disabled={saving}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
