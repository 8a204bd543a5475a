import { Fieldset, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useId } from 'react';
import type { FieldDisplayProps, FieldInputProps } from './types';
import { asObject, asText } from './values';

const PARTS = [
  { key: 'street', label: 'Street' },
  { key: 'postal_code', label: 'Postal code' },
  { key: 'city', label: 'City' },
  { key: 'region', label: 'Region' },
  { key: 'country', label: 'Country' },
] as const;

export function AddressDisplay({ value }: FieldDisplayProps) {
  const address = asObject(value);
  const street = asText(address.street);
  const place = [asText(address.postal_code), asText(address.city)].filter((part) => part !== '').join(' ');
  const land = [asText(address.region), asText(address.country)].filter((part) => part !== '').join(', ');
  const lines = [street, place, land].filter((line) => line !== '');
  if (lines.length === 0) return null;
  return (
    <span style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{lines.join('\n')}</span>
  );
}

/** Street, postal code, city, region and country (ISO alpha-2); all empty means no address. */
export function AddressInput({ value, onChange, label, error, disabled }: FieldInputProps) {
  const id = useId();
  const address = asObject(value);
  const hasError = error !== undefined && error !== null && error !== false;

  const update = (key: string, text: string) => {
    const next: Record<string, string | null> = {};
    for (const part of PARTS) {
      const current = part.key === key ? text : asText(address[part.key]);
      next[part.key] = current.trim() === '' ? null : current;
    }
    if (next.country !== null && next.country !== undefined) {
      next.country = next.country.toUpperCase();
    }
    onChange(Object.values(next).every((part) => part === null) ? null : next);
  };

  return (
    <Fieldset
      legend={label}
      variant="unstyled"
      disabled={disabled === true}
      aria-describedby={hasError ? `${id}-error` : undefined}
    >
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" verticalSpacing={4}>
        {PARTS.map((part) => (
          <TextInput
            key={part.key}
            label={part.label}
            size="sm"
            value={asText(address[part.key])}
            maxLength={part.key === 'country' ? 2 : undefined}
            style={part.key === 'street' ? { gridColumn: '1 / -1' } : undefined}
            onChange={(event) => {
              update(part.key, event.currentTarget.value);
            }}
          />
        ))}
      </SimpleGrid>
      {hasError ? (
        <Text id={`${id}-error`} c="red" size="xs" mt={4}>
          {error}
        </Text>
      ) : null}
    </Fieldset>
  );
}
