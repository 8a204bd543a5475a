import { Code, Table, Text } from '@mantine/core';
import type { OrderFileProblem } from './orderImport';

/** Every problem of an order file: where it is (in words, and as the file names it), its code, and why. */
export function OrderProblemsTable({ problems }: { problems: readonly OrderFileProblem[] }) {
  return (
    <Table.ScrollContainer minWidth={340} type="native">
      <Table verticalSpacing="xs" striped aria-label="Problems in the order file">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Place</Table.Th>
            <Table.Th>Problem</Table.Th>
            <Table.Th>Why</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {problems.map((problem, index) => (
            <Table.Tr key={`${problem.path}:${problem.code}:${String(index)}`}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {problem.place}
                </Text>
                {problem.path === '' || problem.path === problem.place ? null : (
                  <Code style={{ overflowWrap: 'anywhere' }}>{problem.path}</Code>
                )}
              </Table.Td>
              <Table.Td>
                <Code style={{ overflowWrap: 'anywhere' }}>{problem.code}</Code>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {problem.message}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
