import { Button, Checkbox, Popover, ScrollArea, Stack } from '@mantine/core';
import { IconColumns } from '@tabler/icons-react';
import type { EntityDefinition } from '@/lib/metadata';

interface ColumnChooserProps {
  entity: EntityDefinition;
  columns: string[];
  onChange: (columns: string[] | undefined) => void;
}

/** Adds and removes list columns; the order follows the definition's fields. */
export function ColumnChooser({ entity, columns, onChange }: ColumnChooserProps) {
  const chosen = new Set(columns);
  const toggle = (name: string, on: boolean) => {
    const next = entity.fields
      .map((field) => field.name)
      .filter((candidate) => (candidate === name ? on : chosen.has(candidate)));
    onChange(next.length === 0 ? columns : next);
  };
  return (
    <Popover position="bottom-end" shadow="md" width={260} trapFocus>
      <Popover.Target>
        <Button variant="default" size="sm" leftSection={<IconColumns size={16} aria-hidden="true" />}>
          Columns
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <ScrollArea.Autosize mah={320} type="auto">
          <Stack gap={6} role="group" aria-label="Visible columns">
            {entity.fields.map((field) => (
              <Checkbox
                key={field.name}
                label={field.label}
                checked={chosen.has(field.name)}
                onChange={(event) => {
                  toggle(field.name, event.currentTarget.checked);
                }}
              />
            ))}
          </Stack>
        </ScrollArea.Autosize>
        <Button
          variant="subtle"
          size="xs"
          mt="xs"
          onClick={() => {
            onChange(undefined);
          }}
        >
          Reset to default
        </Button>
      </Popover.Dropdown>
    </Popover>
  );
}
