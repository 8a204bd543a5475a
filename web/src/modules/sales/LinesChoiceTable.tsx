import { Alert, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';

interface LinesChoiceTableProps {
  /** The table's accessible name: "Lines to credit". */
  label: string;
  /** The three column headings: the line, what it has, what this document takes of it. */
  headings: readonly [string, string, string];
  /** The width of the last (input) column. */
  inputWidth: number;
  loaded: boolean;
  error: Error | null;
  /** One row per line, each a `<Table.Tr>`. */
  children: ReactNode;
}

/**
 * The lines a dialog takes part of (a credit note's, a delivery's): the loading and error
 * states, then a table that scrolls on its own on a phone rather than the page.
 */
export function LinesChoiceTable({ label, headings, inputWidth, loaded, error, children }: LinesChoiceTableProps) {
  return (
    <>
      {error === null ? null : (
        <Alert color="red" variant="light">
          {error.message}
        </Alert>
      )}
      {!loaded ? (
        <Text size="sm" c="dimmed">
          Loading the lines…
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={300} type="native">
          <Table verticalSpacing="xs" aria-label={label}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{headings[0]}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{headings[1]}</Table.Th>
                <Table.Th style={{ width: inputWidth }}>{headings[2]}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{children}</Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
