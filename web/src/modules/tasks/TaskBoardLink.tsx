import { Button, Group } from '@mantine/core';
import { IconCalendarRepeat, IconLayoutKanban } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { ListActionSlotProps } from '@/lib/recordSlots';

const openFollowUps = new URLSearchParams({
  filter: 'kind eq "follow_up" and status in ["open", "in_progress"]',
  sort: 'due_at',
}).toString();

/** From the task list to the same tasks as a board, or to the follow-ups still open. */
export function TaskBoardLink({ entity }: ListActionSlotProps) {
  if (entity.name !== 'task') {
    return null;
  }
  return (
    <Group gap="xs" wrap="nowrap">
      <Button
        component={Link}
        to={`/${entity.plural}?${openFollowUps}`}
        variant="default"
        size="sm"
        leftSection={<IconCalendarRepeat size={16} aria-hidden="true" />}
      >
        Follow-ups
      </Button>
      <Button
        component={Link}
        to={`/${entity.plural}/board`}
        variant="default"
        size="sm"
        leftSection={<IconLayoutKanban size={16} aria-hidden="true" />}
      >
        Board
      </Button>
    </Group>
  );
}
