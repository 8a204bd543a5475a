import { Button, Menu } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { exportUrl, type ExportFormat, type ExportQuery } from '@/lib/exportLink';
import type { EntityDefinition } from '@/lib/metadata';

interface ExportMenuProps {
  entity: EntityDefinition;
  /** The list as shown: its filter, sort, visible columns and archived rows. */
  query: ExportQuery;
}

const FORMATS: { format: ExportFormat; label: string }[] = [
  { format: 'csv', label: 'CSV' },
  { format: 'csv-bom', label: 'CSV for Excel' },
  { format: 'xlsx', label: 'Excel workbook (XLSX)' },
];

/**
 * Downloads the list as a file. Each choice is a plain link: the browser streams the
 * file to disk itself, however many rows it has. Hidden without the export right.
 */
export function ExportMenu({ entity, query }: ExportMenuProps) {
  if (entity.rights.export !== true) return null;
  return (
    <Menu position="bottom-end" shadow="md">
      <Menu.Target>
        <Button variant="default" size="sm" leftSection={<IconDownload size={16} aria-hidden="true" />}>
          Export
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{`Export ${entity.label_plural.toLowerCase()} as`}</Menu.Label>
        {FORMATS.map(({ format, label }) => (
          <Menu.Item key={format} component="a" href={exportUrl(entity.plural, query, format)} download>
            {label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
