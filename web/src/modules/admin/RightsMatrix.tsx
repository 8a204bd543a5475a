import { NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import type { EntityDefinition } from '@/lib/metadata';
import { ACTIONS, type Action } from './adminApi';
import { cellKey, cellOf, withCell, type CellScope, type Matrix } from './rightsMatrix';

const actionLabels: Record<Action, string> = {
  create: 'Create',
  read: 'Read',
  edit: 'Edit',
  delete: 'Delete',
  export: 'Export',
  approve: 'Approve',
  admin: 'Admin',
};

const scopeChoices: { value: CellScope; label: string }[] = [
  { value: 'none', label: 'None' },
  { value: 'all', label: 'All' },
  { value: 'team', label: 'Team' },
  { value: 'own', label: 'Own' },
  { value: 'rule', label: 'Rule' },
];

interface RightsMatrixProps {
  entities: readonly EntityDefinition[];
  matrix: Matrix;
  /** Cell key (`account.read`) → the server's message for it. */
  errors: Record<string, string>;
  onChange: (matrix: Matrix) => void;
}

/**
 * Entities × actions; each cell is the scope the role grants (none, all, team, own or a
 * rule on the record's link fields). The table scrolls inside its frame on narrow screens.
 */
export function RightsMatrix({ entities, matrix, errors, onChange }: RightsMatrixProps) {
  return (
    <Table.ScrollContainer minWidth={180 + ACTIONS.length * 150} type="native">
      <Table withTableBorder withColumnBorders verticalSpacing="xs" aria-label="Rights matrix">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Entity</Table.Th>
            {ACTIONS.map((action) => (
              <Table.Th key={action} scope="col">
                {actionLabels[action]}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entities.map((entity) => (
            <Table.Tr key={entity.name}>
              <Table.Th scope="row">
                <Text size="sm" fw={600}>
                  {entity.label_plural}
                </Text>
              </Table.Th>
              {ACTIONS.map((action) => {
                const cell = cellOf(matrix, entity.name, action);
                const error = errors[cellKey(entity.name, action)];
                const label = `${entity.label_plural} ${actionLabels[action].toLowerCase()}`;
                return (
                  <Table.Td key={action} style={{ verticalAlign: 'top' }} data-cell={cellKey(entity.name, action)}>
                    <Stack gap={4}>
                      <NativeSelect
                        size="xs"
                        aria-label={`${label} scope`}
                        data={scopeChoices}
                        value={cell.scope}
                        error={cell.scope === 'rule' ? undefined : error}
                        onChange={(event) => {
                          onChange(withCell(matrix, entity.name, action, { ...cell, scope: event.currentTarget.value as CellScope }));
                        }}
                      />
                      {cell.scope === 'rule' ? (
                        <TextInput
                          size="xs"
                          aria-label={`${label} rule`}
                          placeholder="area in user.areas"
                          value={cell.rule}
                          error={error}
                          spellCheck={false}
                          autoComplete="off"
                          onChange={(event) => {
                            onChange(withCell(matrix, entity.name, action, { ...cell, rule: event.currentTarget.value }));
                          }}
                        />
                      ) : null}
                    </Stack>
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
