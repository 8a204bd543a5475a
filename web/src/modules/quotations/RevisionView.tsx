import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { EntityDefinition } from '@/lib/metadata';
import { formatDateTime } from '@/ui/fields/values';
import { FieldValue } from './FieldValue';
import { LineExplanations, LinesTable, Totals } from '@/ui/lines/LinesTable';
import type { RevisionSnapshot } from './quotationsApi';

// Shown apart (the totals) or bookkeeping that says nothing about the offer.
const LEFT_OUT = new Set(['net_total', 'tax_total', 'total', 'line_count', 'follow_up_status', 'follow_up_on']);

/** A frozen revision as it was: its fields by section, its lines and totals, read-only. */
export function RevisionView({ snapshot, quotationEntity }: { snapshot: RevisionSnapshot; quotationEntity: EntityDefinition }) {
  const quotation = snapshot.quotation;
  const sections = quotationEntity.sections
    .map((section) => ({
      label: section.label,
      fields: section.fields
        .filter((name) => !LEFT_OUT.has(name))
        .flatMap((name) => {
          const definition = quotationEntity.fields.find((field) => field.name === name);
          const value = quotation[name];
          return definition === undefined || value === null || value === undefined || value === '' ? [] : [definition];
        }),
    }))
    .filter((section) => section.fields.length > 0);
  return (
    <Stack gap="md">
      {snapshot.frozen_at === undefined ? null : (
        <Text size="sm" c="dimmed">
          Frozen {formatDateTime(snapshot.frozen_at)}.
        </Text>
      )}
      {sections.map((section) => (
        <Stack key={section.label} gap={4} component="section" aria-label={section.label}>
          <Title order={3} size="h6">
            {section.label}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing={6}>
            {section.fields.map((field) => (
              <div key={field.name} style={{ minWidth: 0 }}>
                <Text size="xs" c="dimmed">
                  {field.label}
                </Text>
                <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
                  <FieldValue definition={field} value={quotation[field.name]} />
                </Text>
              </div>
            ))}
          </SimpleGrid>
        </Stack>
      ))}
      <Title order={3} size="h6">
        Lines
      </Title>
      {snapshot.lines.length === 0 ? (
        <Text size="sm" c="dimmed">
          No lines.
        </Text>
      ) : (
        <LinesTable lines={snapshot.lines} label={`Lines of revision ${String(snapshot.revision)}`} />
      )}
      <Totals
        net={quotation.net_total}
        tax={quotation.tax_total}
        total={quotation.total}
        label={`Totals of revision ${String(snapshot.revision)}`}
      />
      <LineExplanations lines={snapshot.lines} />
    </Stack>
  );
}
