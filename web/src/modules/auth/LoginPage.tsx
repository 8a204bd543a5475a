import { Box, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router';
import { useInstanceInfo } from '@/lib/instance';
import { sessionQueryKey, type Session } from '@/lib/session';
import { ProductMark } from '@/ui/ProductMark';
import { LoginForm } from './LoginForm';

/** The sign-in screen at `/login`. */
export function LoginPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const instance = useInstanceInfo();
  const instanceName = instance.data?.name.trim() ?? '';

  const onSignedIn = (session: Session) => {
    queryClient.setQueryData(sessionQueryKey, session);
    void navigate(returnPath(location.state), { replace: true });
  };

  return (
    <Box
      component="main"
      mih="100dvh"
      px="md"
      py={48}
      bg="var(--mantine-color-gray-0)"
      style={{ display: 'flex', justifyContent: 'center', alignItems: 'flex-start' }}
    >
      <Stack w="100%" maw={400} gap="lg">
        <Stack gap={6} align="center">
          <ProductMark size="large" />
          {instanceName === '' ? null : (
            <Text c="dimmed" size="sm" ta="center" style={{ overflowWrap: 'anywhere' }}>
              {instanceName}
            </Text>
          )}
        </Stack>
        <Paper withBorder shadow="sm" radius="md" p="xl">
          <Title order={1} size="h3" mb="md">
            Sign in
          </Title>
          <LoginForm onSignedIn={onSignedIn} />
        </Paper>
      </Stack>
    </Box>
  );
}

/** Where the guard sent the user from, so signing in returns there; `/` otherwise. */
function returnPath(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state) {
    const from = state.from;
    if (typeof from === 'string' && from.startsWith('/') && !from.startsWith('//')) {
      return from;
    }
  }
  return '/';
}
