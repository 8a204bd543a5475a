import { Text } from '@mantine/core';
import type { FieldDefinition } from '@/lib/metadata';
import { fieldKind } from '@/ui/fields/registry';
import { asText } from '@/ui/fields/values';
import { plainDecimal } from '@/ui/lines/lineForm';

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** One value through its field type's display (money, dates, links by title); "empty" when there is none. */
export function FieldValue({ definition, value }: { definition: FieldDefinition | undefined; value: unknown }) {
  if (isEmpty(value)) {
    return (
      <Text span size="sm" c="dimmed" fs="italic">
        empty
      </Text>
    );
  }
  if (definition === undefined) {
    return (
      <Text span size="sm" style={{ overflowWrap: 'anywhere' }}>
        {asText(value)}
      </Text>
    );
  }
  const { Display } = fieldKind(definition.type);
  // A quantity stored as 2.000 reads as the 2 that was typed.
  const shown = definition.type === 'decimal' && typeof value === 'string' ? plainDecimal(value) : value;
  return <Display field={definition} value={shown} />;
}
