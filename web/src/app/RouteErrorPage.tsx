import { Button, Stack, Text, Title } from '@mantine/core';
import { isRouteErrorResponse, useRouteError } from 'react-router';

/** Shown when a page fails to load or render, e.g. after an update replaced its code. */
export function RouteErrorPage() {
  const error = useRouteError();
  const detail = isRouteErrorResponse(error)
    ? `${String(error.status)} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : undefined;

  return (
    <Stack component="main" gap="sm" p="xl" maw={560} mx="auto" role="alert">
      <Title order={1}>Something went wrong</Title>
      <Text c="dimmed">This page could not be shown. Reloading usually helps.</Text>
      {detail === undefined ? null : (
        <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
          {detail}
        </Text>
      )}
      <div>
        <Button
          onClick={() => {
            window.location.reload();
          }}
        >
          Reload
        </Button>
      </div>
    </Stack>
  );
}
