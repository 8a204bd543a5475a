import { Button } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { EntityDefinition } from '@/lib/metadata';

/** Opens the import wizard (modules/import, at /:plural/import) of a list; shown to users who may create or edit its records. */
export function ImportButton({ entity }: { entity: EntityDefinition }) {
  if (entity.rights.create !== true && entity.rights.edit !== true) return null;
  return (
    <Button component={Link} to={`/${entity.plural}/import`} variant="default" size="sm" leftSection={<IconUpload size={16} aria-hidden="true" />}>
      Import
    </Button>
  );
}
