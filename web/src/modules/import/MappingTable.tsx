import { ScrollArea, Select, Table, Text } from '@mantine/core';
import type { ImportFile } from './importApi';
import type { Choices } from './mapping';

interface MappingTableProps {
  file: ImportFile;
  choices: Choices;
  onChange: (column: string, target: string) => void;
}

/** Each column of the file with its first values and the field it fills. */
export function MappingTable({ file, choices, onChange }: MappingTableProps) {
  const options = [
    { value: '', label: '— leave out —' },
    ...file.targets.map((target) => ({ value: target.name, label: target.required ? `${target.label} *` : target.label })),
  ];
  return (
    <ScrollArea type="auto">
      <Table striped verticalSpacing="xs" aria-label="Column mapping">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Column</Table.Th>
            <Table.Th>First values</Table.Th>
            <Table.Th>Field</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {Object.keys(choices).map((column) => {
            const index = file.header.indexOf(column);
            const samples = file.rows
              .slice(0, 3)
              .map((row) => row[index] ?? '')
              .filter((value) => value !== '');
            return (
              <Table.Tr key={column}>
                <Table.Td>{column}</Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                    {samples.join(' · ')}
                  </Text>
                </Table.Td>
                <Table.Td style={{ minWidth: 180 }}>
                  <Select
                    aria-label={`Field for column ${column}`}
                    data={options}
                    value={choices[column] ?? ''}
                    searchable
                    allowDeselect={false}
                    onChange={(value) => {
                      onChange(column, value ?? '');
                    }}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
