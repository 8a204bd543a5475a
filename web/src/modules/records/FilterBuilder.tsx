import { ActionIcon, Button, Code, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { toDsl } from '@/lib/filter';
import type { EntityDefinition } from '@/lib/metadata';
import { FieldInput } from '@/ui/fields/FieldView';
import {
  filterableFields,
  OPERATOR_LABELS,
  rowsToConditions,
  valueField,
  type FilterableField,
  type FilterRow,
} from './filterFields';

interface FilterBuilderProps {
  entity: EntityDefinition;
  /** The rows in force; the builder edits a copy until "Apply". */
  applied: FilterRow[];
  onApply: (rows: FilterRow[], dsl: string) => void;
}

/** Conditions joined with "and": field → the operators the server allows for it → a value input of its type. */
export function FilterBuilder({ entity, applied, onApply }: FilterBuilderProps) {
  const fields = useMemo(() => filterableFields(entity), [entity]);
  const [rows, setRows] = useState<FilterRow[]>(applied);
  const dsl = toDsl(rowsToConditions(rows, fields));

  const nextKey = () => rows.reduce((highest, row) => Math.max(highest, row.key), 0) + 1;
  const update = (key: number, change: Partial<FilterRow>) => {
    setRows(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  };
  const add = () => {
    const first = fields[0];
    if (first === undefined) return;
    setRows([...rows, { key: nextKey(), path: first.path, operator: first.operators[0] ?? 'eq', value: null }]);
  };
  const apply = (next: FilterRow[]) => {
    setRows(next);
    onApply(next, toDsl(rowsToConditions(next, fields)));
  };

  return (
    <Paper withBorder p="sm" component="section" aria-label="Filters">
      <Stack gap="sm">
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            No conditions. Add one to narrow the list.
          </Text>
        ) : null}
        {rows.map((row, index) => (
          <ConditionRow
            key={row.key}
            index={index}
            row={row}
            fields={fields}
            onChange={(change) => {
              update(row.key, change);
            }}
            onRemove={() => {
              setRows(rows.filter((candidate) => candidate.key !== row.key));
            }}
          />
        ))}
        <Group gap="xs">
          <Button variant="default" size="xs" leftSection={<IconPlus size={14} aria-hidden="true" />} onClick={add}>
            Add condition
          </Button>
          <Button
            size="xs"
            onClick={() => {
              apply(rows);
            }}
          >
            Apply filters
          </Button>
          {rows.length > 0 || applied.length > 0 ? (
            <Button
              variant="subtle"
              size="xs"
              onClick={() => {
                apply([]);
              }}
            >
              Clear
            </Button>
          ) : null}
        </Group>
        {dsl === '' ? null : (
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            Filter: <Code data-testid="filter-dsl">{dsl}</Code>
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

interface ConditionRowProps {
  index: number;
  row: FilterRow;
  fields: FilterableField[];
  onChange: (change: Partial<FilterRow>) => void;
  onRemove: () => void;
}

function ConditionRow({ index, row, fields, onChange, onRemove }: ConditionRowProps) {
  const filterable = fields.find((candidate) => candidate.path === row.path);
  const number = String(index + 1);
  const needsValue = row.operator !== 'empty' && row.operator !== 'not_empty';
  return (
    <Group gap="xs" align="flex-end" wrap="wrap" role="group" aria-label={`Condition ${number}`}>
      <Select
        label="Field"
        aria-label={`Condition ${number} field`}
        data={fields.map((candidate) => ({ value: candidate.path, label: candidate.label }))}
        value={row.path}
        searchable
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
        style={{ flex: '1 1 160px', minWidth: 0 }}
        onChange={(path) => {
          const next = fields.find((candidate) => candidate.path === path);
          if (next !== undefined) onChange({ path: next.path, operator: next.operators[0] ?? 'eq', value: null });
        }}
      />
      <Select
        label="Operator"
        aria-label={`Condition ${number} operator`}
        data={(filterable?.operators ?? []).map((operator) => ({ value: operator, label: OPERATOR_LABELS[operator] }))}
        value={row.operator}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
        style={{ flex: '0 1 140px', minWidth: 0 }}
        onChange={(operator) => {
          const chosen = filterable?.operators.find((candidate) => candidate === operator);
          if (chosen !== undefined) onChange({ operator: chosen, value: chosen === 'in' || row.operator === 'in' ? null : row.value });
        }}
      />
      {filterable !== undefined && needsValue ? (
        <div style={{ flex: '2 1 200px', minWidth: 0 }}>
          <FieldInput
            field={valueField(filterable, row.operator)}
            label={`Condition ${number} value`}
            hideLabel
            value={row.value}
            onChange={(value) => {
              onChange({ value });
            }}
          />
        </div>
      ) : null}
      <ActionIcon variant="subtle" color="gray" size="lg" aria-label={`Remove condition ${number}`} onClick={onRemove}>
        <IconX size={16} aria-hidden="true" />
      </ActionIcon>
    </Group>
  );
}
