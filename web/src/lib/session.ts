import { useQuery } from '@tanstack/react-query';
import { isRecord } from './json';
import { api, setCsrfToken } from './api';

/** The signed-in user as the server describes it; only `id` is relied on everywhere. */
export interface CurrentUser {
  id: string;
  username?: string;
  name?: string;
  email?: string;
  [attribute: string]: unknown;
}

export interface Session {
  user: CurrentUser;
}

export interface Credentials {
  username: string;
  password: string;
  /** The authenticator app's one-time code, sent only once the server asked for it. */
  totp_code?: string;
  /** One of the user's recovery codes, instead of the one-time code. */
  recovery_code?: string;
}

export const sessionQueryKey = ['auth', 'me'] as const;

/** Error code with which the server asks for the second factor. */
export const TOTP_REQUIRED = 'TOTP_REQUIRED';

/**
 * Reads a login or `auth/me` answer and keeps its CSRF token for later unsafe requests.
 * `auth/me` may describe the user at the top level or under `user`; both are accepted.
 */
export function acceptSessionAnswer(answer: unknown): Session {
  const body = isRecord(answer) ? answer : {};
  const token = body.csrf_token;
  setCsrfToken(typeof token === 'string' ? token : undefined);
  const described = isRecord(body.user) ? body.user : body;
  const user: CurrentUser = { ...described, id: typeof described.id === 'string' ? described.id : '' };
  return { user };
}

export async function fetchSession(signal?: AbortSignal): Promise<Session> {
  return acceptSessionAnswer(await api.get<unknown>('/auth/me', { signal }));
}

export async function signIn(credentials: Credentials): Promise<Session> {
  return acceptSessionAnswer(await api.post<unknown>('/auth/login', credentials));
}

/** Ends the server session; the local token is dropped even when the call fails. */
export async function signOut(): Promise<void> {
  try {
    await api.post<unknown>('/auth/logout');
  } finally {
    setCsrfToken(undefined);
  }
}

/** The current session; fails (with `ApiError`) when nobody is signed in. */
export function useSession() {
  return useQuery({
    queryKey: sessionQueryKey,
    queryFn: ({ signal }) => fetchSession(signal),
    retry: false,
    staleTime: 5 * 60 * 1000,
  });
}

/** A short name to show for the user. */
export function displayName(user: CurrentUser): string {
  for (const candidate of [user.name, user.username, user.email]) {
    if (typeof candidate === 'string' && candidate.trim() !== '') {
      return candidate.trim();
    }
  }
  return 'Signed-in user';
}
