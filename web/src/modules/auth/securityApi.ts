/** The signed-in user's own credentials: sessions, API tokens, password, TOTP. */
import { api } from '@/lib/api';
import { acceptSessionAnswer, type Session } from '@/lib/session';

export interface OwnSession {
  id: string;
  created_at: string;
  last_seen_at: string;
  remote_address: string | null;
  user_agent: string | null;
  current: boolean;
}

export interface ApiToken {
  id: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
}

/** A token just created: the secret is in this answer and never again. */
export interface NewApiToken extends ApiToken {
  token: string;
}

export interface TotpSetup {
  secret: string;
  otpauth_uri: string;
}

export const securityQueryKeys = {
  sessions: ['auth', 'sessions'] as const,
  tokens: ['auth', 'tokens'] as const,
  totp: ['auth', 'totp'] as const,
};

export async function listSessions(signal?: AbortSignal): Promise<OwnSession[]> {
  return (await api.get<{ data: OwnSession[] }>('/auth/sessions', { signal })).data;
}

export async function revokeSession(id: string): Promise<void> {
  await api.delete<unknown>(`/auth/sessions/${encodeURIComponent(id)}`);
}

export async function listTokens(signal?: AbortSignal): Promise<ApiToken[]> {
  return (await api.get<{ data: ApiToken[] }>('/auth/tokens', { signal })).data;
}

export async function createToken(name: string, expiresAt?: string): Promise<NewApiToken> {
  return api.post<NewApiToken>('/auth/tokens', expiresAt === undefined ? { name } : { name, expires_at: expiresAt });
}

export async function revokeToken(id: string): Promise<void> {
  await api.delete<unknown>(`/auth/tokens/${encodeURIComponent(id)}`);
}

/** Changes the password; every session ends and this tab goes on in a fresh one. */
export async function changePassword(currentPassword: string, newPassword: string): Promise<Session> {
  return acceptSessionAnswer(
    await api.post<unknown>('/auth/password', { current_password: currentPassword, new_password: newPassword }),
  );
}

export async function totpEnabled(signal?: AbortSignal): Promise<boolean> {
  return (await api.get<{ enabled: boolean }>('/auth/totp', { signal })).enabled;
}

export async function setUpTotp(): Promise<TotpSetup> {
  return api.post<TotpSetup>('/auth/totp/setup');
}

/** Turns TOTP on with a first code; answers the recovery codes, shown once. */
export async function enableTotp(code: string): Promise<string[]> {
  return (await api.post<{ recovery_codes: string[] }>('/auth/totp/enable', { code })).recovery_codes;
}

export async function disableTotp(password: string): Promise<void> {
  await api.post<unknown>('/auth/totp/disable', { password });
}
