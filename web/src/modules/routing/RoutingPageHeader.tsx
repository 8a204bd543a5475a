import { Anchor, Group, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** The title row of a routing administration page, with a link one level up. */
export function RoutingPageHeader({ title, back, actions }: { title: string; back: { to: string; label: string }; actions?: ReactNode }) {
  return (
    <Stack gap={4}>
      <Anchor component={Link} to={back.to} size="sm">
        ← {back.label}
      </Anchor>
      <Group justify="space-between" gap="sm">
        <Title order={1} style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Title>
        {actions}
      </Group>
    </Stack>
  );
}
