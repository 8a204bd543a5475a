import { QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '@/lib/api';
import { sessionQueryKey } from '@/lib/session';

/** Client errors (4xx) will not change by asking again; other failures get one retry. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) {
    return false;
  }
  return failureCount < 1;
}

export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      // A 401 anywhere means the session ended: re-check it, and the guard sends the
      // user to the sign-in screen.
      onError: (error, query) => {
        if (isApiError(error) && error.status === 401 && query.queryKey[0] !== sessionQueryKey[0]) {
          void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
        }
      },
    }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30 * 1000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
