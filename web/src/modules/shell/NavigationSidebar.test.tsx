import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@test/render';
import { fakeApi } from '@test/server';
import { NavigationSidebar } from './NavigationSidebar';

const me = (isAdmin: boolean) => ({
  'GET /auth/me': { status: 200, body: { user: { id: 'u1', username: 'anna', is_admin: isAdmin }, csrf_token: 'c' } },
  'GET /metadata': { status: 200, body: { entities: [{ name: 'account', plural: 'accounts', label_plural: 'Accounts' }] } },
});

describe('navigation', () => {
  it('offers Administration to administrators', async () => {
    fakeApi(me(true));
    renderWithProviders(<NavigationSidebar onNavigate={() => undefined} />);
    expect(await screen.findByRole('link', { name: 'Administration' })).toHaveAttribute('href', '/admin');
  });

  it('hides Administration from everyone else', async () => {
    fakeApi(me(false));
    renderWithProviders(<NavigationSidebar onNavigate={() => undefined} />);
    expect(await screen.findByRole('link', { name: 'Accounts' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Administration' })).not.toBeInTheDocument();
  });
});
