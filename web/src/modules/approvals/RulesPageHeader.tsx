import { Anchor, Group, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

interface RulesPageHeaderProps {
  title: string;
  back: { to: string; label: string };
  actions?: ReactNode;
}

/** The title row of the approval rules pages, with a link one level up. */
export function RulesPageHeader({ title, back, actions }: RulesPageHeaderProps) {
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
