/**
 * A parent field: the record something hangs under, of one of several entities
 * (`{"entity": "account", "id": "…"}`). Shown as the entity's label and a link to the
 * record; edited as a choice of entity plus the link picker of that entity.
 */
import { Group, Select, Text } from '@mantine/core';
import { useState } from 'react';
import { useMetadata, type EntityDefinition, type FieldDefinition } from '@/lib/metadata';
import { inputChrome } from './common';
import { LinkedRecord, LinkInput } from './LinkFields';
import type { FieldDisplayProps, FieldInputProps } from './types';
import { asParent } from './values';

/** The entities the field may point at that the user can see (the metadata lists only those). */
function useParentEntities(field: FieldDefinition): { all: EntityDefinition[]; allowed: EntityDefinition[] } {
  const metadata = useMetadata();
  const all = metadata.data?.entities ?? [];
  const names = field.entities ?? [];
  const allowed = names.flatMap((name) => all.filter((entity) => entity.name === name));
  return { all, allowed };
}

export function ParentDisplay({ field, value }: FieldDisplayProps) {
  const { all } = useParentEntities(field);
  const parent = asParent(value);
  if (parent === null) return null;
  const target = all.find((entity) => entity.name === parent.entity);
  return (
    <Group gap={6} wrap="nowrap" component="span" style={{ display: 'inline-flex', minWidth: 0 }}>
      <Text component="span" size="sm" c="dimmed">
        {target?.label ?? parent.entity}:
      </Text>
      <LinkedRecord target={target} id={parent.id} />
    </Group>
  );
}

export function ParentInput(props: FieldInputProps) {
  const { field, value, onChange, label, hideLabel, error, required, disabled } = props;
  const { allowed } = useParentEntities(field);
  const parent = asParent(value);
  const [chosen, setChosen] = useState<string | null>(null);
  // The metadata may arrive after the first render: the first allowed entity until one is chosen.
  const entity = parent?.entity ?? chosen ?? allowed[0]?.name ?? null;
  const target = allowed.find((candidate) => candidate.name === entity);
  const chrome = inputChrome({ ...props, error: target === undefined ? error : undefined });
  return (
    <Group gap="xs" align="flex-start" grow wrap="wrap" role="group" aria-label={label}>
      <Select
        {...chrome}
        label={hideLabel === true ? undefined : label}
        aria-label={hideLabel === true ? `${label} type` : undefined}
        data={allowed.map((candidate) => ({ value: candidate.name, label: candidate.label }))}
        value={entity}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
        style={{ minWidth: 140 }}
        onChange={(next) => {
          setChosen(next);
          if (next !== parent?.entity) onChange(null);
        }}
      />
      {target === undefined ? null : (
        <LinkInput
          key={target.name}
          field={{ ...field, type: 'link', entity: target.name }}
          label={target.label}
          hideLabel={hideLabel === true}
          value={parent?.id ?? null}
          error={error}
          required={required === true}
          disabled={disabled === true}
          onChange={(next) => {
            onChange(typeof next === 'string' && next !== '' ? { entity: target.name, id: next } : null);
          }}
        />
      )}
    </Group>
  );
}
