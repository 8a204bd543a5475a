import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '@/lib/session';
import { FullPageLoader } from '@/ui/FullPageLoader';

/** Renders its routes for a signed-in user and sends everybody else to `/login`. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();

  if (session.isPending) {
    return <FullPageLoader label="Checking your session" />;
  }
  if (session.isError) {
    const from = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to="/login" replace state={from === '/' ? undefined : { from }} />;
  }
  return <Outlet />;
}
