import { Badge, Box, Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import type { EntityDefinition } from '@/lib/metadata';
import { formatDecimal } from '@/ui/fields/values';
import { FieldValue } from './FieldValue';
import { lineName, plainDecimal } from '@/ui/lines/lineForm';
import type { Money } from './quotationsApi';
import { type ChangeRow, describeChanges, diffSummary, isEmptyDiff, type RevisionDiff, type SnapshotLine } from './revisionDiff';

/** One changed field: its label, then the old value struck through and the new one. */
function ChangeItem({ row }: { row: ChangeRow }) {
  return (
    <Box component="li" py={4}>
      <Text size="sm" fw={600} {...(row.computed ? { c: 'dimmed' } : {})}>
        {row.label}
        {row.computed ? (
          <Text span size="xs" fw={400}>
            {' '}
            (follows)
          </Text>
        ) : null}
      </Text>
      <Group gap={6} wrap="wrap" align="baseline">
        <Box component="del" c="red.8" style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
          <VisuallyHidden>was </VisuallyHidden>
          <FieldValue definition={row.definition} value={row.from} />
        </Box>
        <Text span aria-hidden="true" c="dimmed">
          →
        </Text>
        <Box component="ins" c="green.9" style={{ textDecoration: 'none', overflowWrap: 'anywhere', minWidth: 0 }}>
          <VisuallyHidden>now </VisuallyHidden>
          <FieldValue definition={row.definition} value={row.to} />
        </Box>
      </Group>
    </Box>
  );
}

function ChangeList({ rows, label }: { rows: ChangeRow[]; label: string }) {
  return (
    <Stack component="ul" gap={0} p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
      {rows.map((row) => (
        <ChangeItem key={row.name} row={row} />
      ))}
    </Stack>
  );
}

function money(value: unknown): string {
  if (value === null || typeof value !== 'object') return '';
  const sum = value as Partial<Money>;
  return sum.amount === undefined ? '' : `${formatDecimal(sum.amount)} ${sum.currency ?? ''}`.trim();
}

/** An added or removed line in one sentence: what, how many, for how much. */
function lineSentence(line: SnapshotLine): string {
  const quantity = typeof line.quantity === 'string' ? formatDecimal(plainDecimal(line.quantity)) : '';
  const total = money(line.line_total);
  return [lineName(line), quantity === '' ? '' : `× ${quantity}`, total === '' ? '' : `= ${total}`].filter(Boolean).join(' ');
}

interface RevisionDiffViewProps {
  diff: RevisionDiff;
  title: string;
  quotationEntity: EntityDefinition | undefined;
  lineEntity: EntityDefinition | undefined;
}

/** What changed between two revisions: the quotation's fields, then its lines added, removed and changed. */
export function RevisionDiffView({ diff, title, quotationEntity, lineEntity }: RevisionDiffViewProps) {
  const fields = describeChanges(diff.fields, quotationEntity);
  const productField = lineEntity?.fields.find((field) => field.name === 'product_id');
  return (
    <Stack gap="sm" component="section" aria-label={title}>
      <Title order={3} size="h5">
        {title}
      </Title>
      <Text size="sm" role="status">
        {diffSummary(diff)}
      </Text>
      {isEmptyDiff(diff) ? null : (
        <>
          {fields.length === 0 ? null : (
            <Paper withBorder p="sm">
              <Text size="sm" fw={700} mb={4}>
                Quotation
              </Text>
              <ChangeList rows={fields} label="Changed fields" />
            </Paper>
          )}
          {diff.changed.map((line) => {
            const rows = describeChanges(line.fields, lineEntity);
            const name = `Line ${line.position === null ? '' : String(line.position)}`.trim();
            return (
              <Paper key={line.id} withBorder p="sm" component="section" aria-label={`${name} changed`}>
                <Group gap="xs" mb={4} wrap="wrap">
                  <Badge color="blue" variant="light" size="sm">
                    changed
                  </Badge>
                  <Text size="sm" fw={700}>
                    {name}
                  </Text>
                  {line.product_id === null ? null : <FieldValue definition={productField} value={line.product_id} />}
                </Group>
                <ChangeList rows={rows} label={`Changes of ${name.toLowerCase()}`} />
              </Paper>
            );
          })}
          {diff.added.length + diff.removed.length === 0 ? null : (
            <Paper withBorder p="sm">
              <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }} aria-label="Lines added and removed">
                {diff.added.map((line) => (
                  <Group key={line.id} component="li" gap="xs" wrap="nowrap" align="flex-start">
                    <Badge color="green" variant="light" size="sm" style={{ flexShrink: 0 }}>
                      added
                    </Badge>
                    <Text size="sm" style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
                      {lineSentence(line)}
                    </Text>
                  </Group>
                ))}
                {diff.removed.map((line) => (
                  <Group key={line.id} component="li" gap="xs" wrap="nowrap" align="flex-start">
                    <Badge color="red" variant="light" size="sm" style={{ flexShrink: 0 }}>
                      removed
                    </Badge>
                    <Text size="sm" td="line-through" c="dimmed" style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
                      {lineSentence(line)}
                    </Text>
                  </Group>
                ))}
              </Stack>
            </Paper>
          )}
        </>
      )}
    </Stack>
  );
}
