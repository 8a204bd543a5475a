import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@test/render';
import { errorBody, fakeApi } from '@test/server';
import { SecurityPage } from './SecurityPage';

const sessions = {
  data: [
    { id: 'aaaa', created_at: '2026-01-02T10:00:00.000000Z', last_seen_at: '2026-01-02T11:00:00.000000Z',
      remote_address: '10.0.0.1', user_agent: 'This browser', current: true },
    { id: 'bbbb', created_at: '2026-01-01T10:00:00.000000Z', last_seen_at: '2026-01-01T11:00:00.000000Z',
      remote_address: '10.0.0.2', user_agent: 'Other browser', current: false },
  ],
};

function serve(extra: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({
    'GET /auth/sessions': { status: 200, body: sessions },
    'GET /auth/tokens': { status: 200, body: { data: [] } },
    'GET /auth/totp': { status: 200, body: { enabled: false } },
    ...extra,
  });
}

describe('SecurityPage', () => {
  it('lists the sessions and signs out another one, never the current', async () => {
    const { requests } = serve({ 'DELETE /auth/sessions/bbbb': { status: 204 } });
    renderWithProviders(<SecurityPage />);
    const table = await screen.findByRole('table', { name: 'Sessions' });
    await within(table).findByText('Other browser');
    expect(within(table).getByText('This session')).toBeInTheDocument();
    expect(within(table).getAllByRole('button', { name: 'Sign out' })).toHaveLength(1);

    await userEvent.setup().click(within(table).getByRole('button', { name: 'Sign out' }));
    await waitFor(() => {
      expect(requests.some((request) => request.method === 'DELETE' && request.path === '/auth/sessions/bbbb')).toBe(true);
    });
  });

  it('shows a new API token once, right after creating it', async () => {
    const { requests } = serve({
      'POST /auth/tokens': {
        status: 201,
        body: { id: 't1', name: 'export', created_at: '2026-01-01T00:00:00.000000Z', last_used_at: null,
                expires_at: null, token: 'atr_secretvalue' },
      },
    });
    renderWithProviders(<SecurityPage />);
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: /token name/i }), 'export');
    await user.click(screen.getByRole('button', { name: 'Create token' }));
    expect(await screen.findByLabelText('New API token value')).toHaveTextContent('atr_secretvalue');
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({ name: 'export' });
  });

  it('puts the server\'s reason for a refused password on the field', async () => {
    serve({
      'POST /auth/password': {
        status: 422,
        body: errorBody('VALIDATION_FAILED', 'the new password is not acceptable', [
          { field: 'new_password', code: 'PASSWORD_TOO_COMMON', message: 'this password is on a list of common passwords' },
        ]),
      },
    });
    renderWithProviders(<SecurityPage />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Current password', { exact: false, selector: 'input' }), 'old password 123');
    await user.type(screen.getByLabelText('New password', { exact: false, selector: 'input' }), 'winniethepooh');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText('this password is on a list of common passwords')).toBeInTheDocument();
  });

  it('sets up TOTP: shows the key and the link, then the recovery codes after a code', async () => {
    serve({
      'POST /auth/totp/setup': { status: 200, body: { secret: 'JBSWY3DPEHPK3PXP', otpauth_uri: 'otpauth://totp/Atrium:demo?secret=JBSWY3DPEHPK3PXP' } },
      'POST /auth/totp/enable': { status: 200, body: { recovery_codes: ['aaaa-bbbb-cccc-dddd', 'eeee-ffff-gggg-hhhh'] } },
    });
    renderWithProviders(<SecurityPage />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Set up two-step sign-in' }));
    expect(await screen.findByLabelText('Secret key')).toHaveTextContent('JBSWY3DPEHPK3PXP');
    expect(screen.getByLabelText('Setup link')).toHaveTextContent('otpauth://totp/Atrium:demo');
    await user.type(screen.getByRole('textbox', { name: /code from the app/i }), '123456');
    await user.click(screen.getByRole('button', { name: 'Turn on' }));
    const codes = await screen.findByRole('list', { name: 'Recovery codes' });
    expect(within(codes).getAllByRole('listitem')).toHaveLength(2);
  });
});
