import { Stack, Text, Title } from '@mantine/core';
import { displayName, useSession } from '@/lib/session';

/** The start page of the workspace. */
export function HomePage() {
  const session = useSession();
  const name = session.data === undefined ? undefined : displayName(session.data.user);

  return (
    <Stack gap="xs" maw={720}>
      <Title order={1}>Welcome</Title>
      {name === undefined ? null : (
        <Text size="lg" style={{ overflowWrap: 'anywhere' }}>
          Signed in as {name}.
        </Text>
      )}
      <Text c="dimmed">
        Use the navigation to open your records, or press Ctrl+K to search everything.
      </Text>
    </Stack>
  );
}
