import { Anchor, Group, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

interface PageHeaderProps {
  title: string;
  /** Where "back" leads, with its label; none for a page of the main navigation. */
  back?: { to: string; label: string } | undefined;
  actions?: ReactNode;
}

/** The title row of a page; below another (the administration's, the rules'), with a link one level up. */
export function PageHeader({ title, back, actions }: PageHeaderProps) {
  return (
    <Stack gap={4}>
      {back === undefined ? null : (
        <Anchor component={Link} to={back.to} size="sm">
          ← {back.label}
        </Anchor>
      )}
      <Group justify="space-between" gap="sm">
        <Title order={1} style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Title>
        {actions}
      </Group>
    </Stack>
  );
}
