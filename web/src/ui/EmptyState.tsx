import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

interface EmptyStateProps {
  title: string;
  children?: ReactNode;
}

/** A quiet explanation in place of content that does not exist (yet). */
export function EmptyState({ title, children }: EmptyStateProps) {
  return (
    <Stack gap={4} py="md" px="sm">
      <Text fw={600} size="sm">
        {title}
      </Text>
      {children === undefined ? null : (
        <Text size="sm" c="dimmed">
          {children}
        </Text>
      )}
    </Stack>
  );
}
