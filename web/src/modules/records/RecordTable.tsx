import { Anchor, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import type { EntityDefinition, FieldDefinition } from '@/lib/metadata';
import type { EntityRecord } from '@/lib/records';
import { FieldDisplay } from '@/ui/fields/FieldView';

export interface SortState {
  field: string;
  descending: boolean;
}

interface RecordTableProps {
  entity: EntityDefinition;
  /** The entity the rows belong to (differs from `entity` only for a related list's links). */
  columns: FieldDefinition[];
  records: EntityRecord[];
  sort?: SortState | undefined;
  onSort?: ((field: string) => void) | undefined;
  caption: string;
}

/** Records as a table; the first column links to the record, and a row click opens it. */
export function RecordTable({ entity, columns, records, sort, onSort, caption }: RecordTableProps) {
  const navigate = useNavigate();
  const href = (record: EntityRecord) => `/${encodeURIComponent(entity.plural)}/${encodeURIComponent(record.id)}`;

  return (
    <Table.ScrollContainer minWidth={Math.max(320, columns.length * 140)} type="native">
      <Table highlightOnHover striped="even" verticalSpacing="xs" aria-label={caption}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <HeaderCell key={column.name} column={column} sort={sort} onSort={onSort} />
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {records.map((record) => (
            <Table.Tr
              key={record.id}
              style={{ cursor: 'pointer', opacity: record.archived_at === null || record.archived_at === undefined ? 1 : 0.6 }}
              onClick={() => {
                void navigate(href(record));
              }}
            >
              {columns.map((column, index) => (
                <Table.Td key={column.name} style={{ verticalAlign: 'top' }}>
                  {index === 0 ? (
                    <Anchor component={Link} to={href(record)} size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {displayText(record, column) || 'Open'}
                    </Anchor>
                  ) : (
                    <Text component="div" size="sm">
                      <FieldDisplay field={column} value={record[column.name]} />
                    </Text>
                  )}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The first column is a plain link, so it shows the value as text. */
function displayText(record: EntityRecord, column: FieldDefinition): string {
  const value = record[column.name];
  if (typeof value === 'string') {
    const choice = column.values.find((candidate) => candidate.key === value);
    return choice?.label ?? value;
  }
  return typeof value === 'number' ? String(value) : '';
}

function HeaderCell({
  column,
  sort,
  onSort,
}: {
  column: FieldDefinition;
  sort: SortState | undefined;
  onSort: ((field: string) => void) | undefined;
}) {
  const active = sort?.field === column.name;
  const ariaSort = active ? (sort.descending ? 'descending' : 'ascending') : undefined;
  if (!column.sortable || onSort === undefined) {
    return <Table.Th style={{ whiteSpace: 'nowrap' }}>{column.label}</Table.Th>;
  }
  const Icon = active ? (sort.descending ? IconArrowDown : IconArrowUp) : IconSelector;
  return (
    <Table.Th aria-sort={ariaSort} style={{ whiteSpace: 'nowrap' }}>
      <UnstyledButton
        onClick={() => {
          onSort(column.name);
        }}
        aria-label={`Sort by ${column.label}${active ? (sort.descending ? ', sorted descending' : ', sorted ascending') : ''}`}
      >
        <Group gap={4} wrap="nowrap">
          <Text size="sm" fw={700}>
            {column.label}
          </Text>
          <Icon size={14} aria-hidden="true" />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
