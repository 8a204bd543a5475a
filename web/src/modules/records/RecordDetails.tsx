import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { findField, sectionsOf, type EntityDefinition, type FieldDefinition } from '@/lib/metadata';
import type { EntityRecord } from '@/lib/records';
import { FieldDisplay } from '@/ui/fields/FieldView';

/** Every field of the record in the sections of its definition, shown through the registry. */
export function RecordDetails({ entity, record }: { entity: EntityDefinition; record: EntityRecord }) {
  return (
    <Stack gap="md">
      {sectionsOf(entity).map((section) => (
        <Paper key={section.label} withBorder p="md" component="section" aria-label={section.label}>
          <Title order={2} size="h4" mb="sm">
            {section.label}
          </Title>
          <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm" m={0}>
            {section.fields
              .map((name) => findField(entity, name))
              .filter((field): field is FieldDefinition => field !== undefined)
              .map((field) => (
                <div key={field.name} style={{ minWidth: 0 }}>
                  <Text component="dt" size="xs" c="dimmed" fw={600}>
                    {field.label}
                  </Text>
                  <Text component="dd" size="sm" m={0} data-field={field.name} style={{ overflowWrap: 'anywhere' }}>
                    <FieldDisplay field={field} value={record[field.name]} />
                  </Text>
                </div>
              ))}
          </SimpleGrid>
        </Paper>
      ))}
    </Stack>
  );
}
