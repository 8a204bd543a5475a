import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconBell } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMetadata } from '@/lib/metadata';
import {
  type AppNotification,
  markAllNotificationsRead,
  markNotificationRead,
  notificationsQueryKey,
  useNotifications,
} from '@/lib/notifications';
import { formatWhen } from '@/lib/formatWhen';

/** The notifications bell: the unread count, live from the server's event stream. */
export function NotificationsButton() {
  const [opened, setOpened] = useState(false);
  const notifications = useNotifications();
  const metadata = useMetadata();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const unread = notifications.data?.unread ?? 0;
  const items = notifications.data?.data ?? [];

  const refresh = () => queryClient.invalidateQueries({ queryKey: notificationsQueryKey });

  const open = async (item: AppNotification) => {
    if (item.read_at === null) {
      await markNotificationRead(item.id).catch(() => undefined);
      void refresh();
    }
    const plural = metadata.data?.entities.find((entity) => entity.name === item.entity)?.plural;
    if (plural !== undefined && item.record_id !== null) {
      setOpened(false);
      void navigate(`/${plural}/${item.record_id}`);
    }
  };

  const label = unread === 0 ? 'Notifications' : `Notifications (${String(unread)} unread)`;
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={340} shadow="md" withArrow>
      <Popover.Target>
        <Indicator label={unread > 99 ? '99+' : unread} size={16} disabled={unread === 0} offset={6}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={label}
            onClick={() => { setOpened((value) => !value); }}
          >
            <IconBell size={20} aria-hidden="true" />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        <Group justify="space-between" mb={4} px={4}>
          <Text size="sm" fw={600}>
            Notifications
          </Text>
          {unread > 0 ? (
            <Button
              variant="subtle"
              size="compact-xs"
              onClick={() => void markAllNotificationsRead().then(refresh)}
            >
              Mark all read
            </Button>
          ) : null}
        </Group>
        {items.length === 0 ? (
          <Text size="sm" c="dimmed" px={4} pb={4}>
            You have no notifications.
          </Text>
        ) : (
          <ScrollArea.Autosize mah={360}>
            <Stack gap={2} component="ul" aria-label="Notifications" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {items.map((item) => (
                <li key={item.id}>
                  <UnstyledButton
                    onClick={() => void open(item)}
                    p={6}
                    w="100%"
                    style={{ borderRadius: 4, background: item.read_at === null ? 'var(--mantine-color-blue-light)' : undefined }}
                    aria-label={`${item.read_at === null ? 'Unread: ' : ''}${item.title}`}
                  >
                    <Text size="sm" fw={item.read_at === null ? 600 : 400} style={{ overflowWrap: 'anywhere' }}>
                      {item.title}
                    </Text>
                    {item.body !== null ? (
                      <Text size="xs" c="dimmed" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                        {item.body}
                      </Text>
                    ) : null}
                    <Text size="xs" c="dimmed">
                      {formatWhen(item.created_at)}
                    </Text>
                  </UnstyledButton>
                </li>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
        <Anchor
          size="xs"
          component="button"
          type="button"
          px={4}
          mt={6}
          onClick={() => {
            setOpened(false);
            void navigate('/');
          }}
        >
          Open my dashboard
        </Anchor>
      </Popover.Dropdown>
    </Popover>
  );
}
