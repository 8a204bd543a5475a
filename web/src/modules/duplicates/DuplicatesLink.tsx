import { Button } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { EntityDefinition } from '@/lib/metadata';
import { DUPLICATE_ENTITIES } from './duplicatesApi';

/** The way from a list to its duplicates report, for entities that detect duplicates. */
export function DuplicatesLink({ entity }: { entity: EntityDefinition }) {
  if (!DUPLICATE_ENTITIES.has(entity.name)) return null;
  return (
    <Button
      component={Link}
      to={`/${entity.plural}/duplicates`}
      variant="default"
      size="sm"
      leftSection={<IconCopy size={16} aria-hidden="true" />}
    >
      Duplicates
    </Button>
  );
}
