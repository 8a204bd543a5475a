import { Badge, Group, MultiSelect, Select } from '@mantine/core';
import type { Choice } from '@/lib/metadata';
import { inputChrome } from './common';
import type { FieldDisplayProps, FieldInputProps } from './types';
import { asStringList, asText } from './values';

function labelOf(choices: Choice[], key: string): string {
  return choices.find((choice) => choice.key === key)?.label ?? key;
}

function options(choices: Choice[]) {
  return choices.map((choice) => ({ value: choice.key, label: choice.label }));
}

export function EnumDisplay({ field, value }: FieldDisplayProps) {
  const key = asText(value);
  return key === '' ? null : <span>{labelOf(field.values, key)}</span>;
}

export function MultiEnumDisplay({ field, value }: FieldDisplayProps) {
  const keys = asStringList(value);
  if (keys.length === 0) return null;
  return (
    <Group gap={4}>
      {keys.map((key) => (
        <Badge key={key} variant="light" tt="none">
          {labelOf(field.values, key)}
        </Badge>
      ))}
    </Group>
  );
}

export function EnumInput(props: FieldInputProps) {
  const { field, value, onChange } = props;
  const key = asText(value);
  // A stored key the picklist no longer offers stays selectable, so saving keeps it.
  const known = field.values.some((choice) => choice.key === key);
  const data = options(key === '' || known ? field.values : [...field.values, { key, label: key }]);
  return (
    <Select
      {...inputChrome(props)}
      data={data}
      value={key === '' ? null : key}
      searchable
      clearable={props.required !== true}
      nothingFoundMessage="No match"
      comboboxProps={{ withinPortal: true }}
      onChange={(next) => {
        onChange(next);
      }}
    />
  );
}

export function MultiEnumInput(props: FieldInputProps) {
  const { field, value, onChange } = props;
  const keys = asStringList(value);
  const extra = keys.filter((key) => !field.values.some((choice) => choice.key === key));
  return (
    <MultiSelect
      {...inputChrome(props)}
      data={options([...field.values, ...extra.map((key) => ({ key, label: key }))])}
      value={keys}
      searchable
      clearable
      nothingFoundMessage="No match"
      comboboxProps={{ withinPortal: true }}
      onChange={(next) => {
        onChange(next);
      }}
    />
  );
}
