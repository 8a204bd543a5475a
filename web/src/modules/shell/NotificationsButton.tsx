import { ActionIcon, Popover, Text } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';

/** The notifications bell. Live notifications arrive with the server's event stream. */
export function NotificationsButton() {
  return (
    <Popover position="bottom-end" width={280} shadow="md" withArrow>
      <Popover.Target>
        <ActionIcon variant="subtle" color="gray" size="lg" aria-label="Notifications">
          <IconBell size={20} aria-hidden="true" />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Text size="sm" fw={600}>
          Notifications
        </Text>
        <Text size="sm" c="dimmed" mt={4}>
          You have no notifications.
        </Text>
      </Popover.Dropdown>
    </Popover>
  );
}
