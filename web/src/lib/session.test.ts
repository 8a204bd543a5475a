import { describe, expect, it } from 'vitest';
import { fakeApi } from '@test/server';
import { getCsrfToken } from './api';
import { displayName, fetchSession, signIn, signOut } from './session';

describe('session', () => {
  it('keeps the CSRF token from the login answer and sends it on sign-out', async () => {
    const { requests } = fakeApi({
      'POST /auth/login': {
        status: 200,
        body: { user: { id: 'u1', username: 'anna' }, csrf_token: 'from-login' },
      },
      'POST /auth/logout': { status: 204 },
    });

    const session = await signIn({ username: 'anna', password: 'secret' });
    expect(session.user).toMatchObject({ id: 'u1', username: 'anna' });
    expect(getCsrfToken()).toBe('from-login');

    await signOut();
    expect(requests[1]?.headers.get('X-CSRF-Token')).toBe('from-login');
    expect(getCsrfToken()).toBeUndefined();
  });

  it('takes the token from auth/me after a reload', async () => {
    fakeApi({
      'GET /auth/me': { status: 200, body: { user: { id: 'u2', name: 'Bo' }, csrf_token: 'from-me' } },
    });
    const session = await fetchSession();
    expect(displayName(session.user)).toBe('Bo');
    expect(getCsrfToken()).toBe('from-me');
  });

  it('accepts a user described at the top level of auth/me', async () => {
    fakeApi({
      'GET /auth/me': { status: 200, body: { id: 'u3', username: 'cy', csrf_token: 't' } },
    });
    const session = await fetchSession();
    expect(session.user.id).toBe('u3');
    expect(displayName(session.user)).toBe('cy');
  });
});
