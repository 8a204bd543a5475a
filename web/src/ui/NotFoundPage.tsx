import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

/** The answer for an address that no page handles. */
export function NotFoundPage() {
  return (
    <Stack gap="sm" maw={560}>
      <Title order={1}>Page not found</Title>
      <Text c="dimmed">There is no page at this address. It may not exist yet, or it has moved.</Text>
      <Anchor component={Link} to="/">
        Go to the home page
      </Anchor>
    </Stack>
  );
}
