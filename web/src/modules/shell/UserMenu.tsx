import { Avatar, Menu, Text, UnstyledButton } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconLogout, IconShieldLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { displayName, signOut, useSession } from '@/lib/session';

/** The signed-in user's menu: their security settings and "Sign out". */
export function UserMenu() {
  const session = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [signingOut, setSigningOut] = useState(false);
  const name = session.data === undefined ? 'Signed-in user' : displayName(session.data.user);

  const leave = async () => {
    setSigningOut(true);
    try {
      await signOut();
    } catch {
      // The session is forgotten locally either way; the server's expires on its own.
    } finally {
      queryClient.clear();
      void navigate('/login', { replace: true });
    }
  };

  return (
    <Menu position="bottom-end" width={220} shadow="md">
      <Menu.Target>
        <UnstyledButton aria-label={`Account menu for ${name}`}>
          <Avatar name={name} color="initials" radius="xl" size={34} />
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)" truncate="end">
            {name}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconShieldLock size={16} aria-hidden="true" />}
          onClick={() => {
            void navigate('/security');
          }}
        >
          Security
        </Menu.Item>
        <Menu.Item
          leftSection={<IconLogout size={16} aria-hidden="true" />}
          disabled={signingOut}
          onClick={() => {
            void leave();
          }}
        >
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
