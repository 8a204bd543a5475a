import { Alert, Stack, Title } from '@mantine/core';
import { Outlet } from 'react-router';
import { useSession } from '@/lib/session';
import { FullPageLoader } from '@/ui/FullPageLoader';

/** `/admin/*`: the administration pages, for administrators only (the server refuses others anyway). */
export function AdminGuard() {
  const session = useSession();
  if (session.isPending) return <FullPageLoader label="Checking your rights" />;
  if (session.data?.user.is_admin !== true) {
    return (
      <Stack gap="md" maw={640}>
        <Title order={1}>Administration</Title>
        <Alert color="orange" variant="light" title="Only administrators" role="alert">
          Users, teams, roles and picklists are managed by administrators. Ask one if you need a change.
        </Alert>
      </Stack>
    );
  }
  return <Outlet />;
}
