import { Button } from '@mantine/core';
import { IconLayoutKanban } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { ListActionSlotProps } from '@/lib/recordSlots';

/** From the task list to the same tasks as a board. */
export function TaskBoardLink({ entity }: ListActionSlotProps) {
  if (entity.name !== 'task') {
    return null;
  }
  return (
    <Button
      component={Link}
      to={`/${entity.plural}/board`}
      variant="default"
      size="sm"
      leftSection={<IconLayoutKanban size={16} aria-hidden="true" />}
    >
      Board
    </Button>
  );
}
