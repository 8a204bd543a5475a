import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderRoutes } from '@test/render';
import { errorBody, fakeApi } from '@test/server';
import { routes } from './routes';

const signedIn = {
  'GET /auth/me': {
    status: 200,
    body: { user: { id: 'u1', username: 'anna', name: 'Anna Berg' }, csrf_token: 'csrf-me' },
  },
};

describe('application routes', () => {
  it('sends a visitor without a session to the login screen with the instance name', async () => {
    fakeApi({
      'GET /auth/me': { status: 401, body: errorBody('UNAUTHENTICATED', 'Sign in first.') },
      'GET /instance': { status: 200, body: { name: 'Northwind Sales', version: '0.1.0' } },
    });
    const { router } = renderRoutes(routes, '/accounts/123');

    expect(await screen.findByRole('textbox', { name: /username/i })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(screen.getByText('Atrium')).toBeInTheDocument();
    expect(await screen.findByText('Northwind Sales')).toBeInTheDocument();
  });

  it('shows the login screen without an instance name when that call fails', async () => {
    const { requests } = fakeApi({});
    renderRoutes(routes, '/login');

    expect(await screen.findByRole('textbox', { name: /username/i })).toBeInTheDocument();
    await waitFor(() => {
      expect(requests.some((request) => request.path === '/instance')).toBe(true);
    });
    expect(screen.queryByText(/not found/i)).not.toBeInTheDocument();
  });

  it('signs in and opens the frame at /', async () => {
    let signedInYet = false;
    fakeApi({
      'GET /auth/me': () =>
        signedInYet ? signedIn['GET /auth/me'] : { status: 401, body: errorBody('UNAUTHENTICATED', 'x') },
      'POST /auth/login': () => {
        signedInYet = true;
        return { status: 200, body: { user: { id: 'u1', username: 'anna' }, csrf_token: 'c' } };
      },
    });
    const { router } = renderRoutes(routes, '/');
    const user = userEvent.setup();

    await user.type(await screen.findByRole('textbox', { name: /username/i }), 'anna');
    await user.type(screen.getByLabelText(/password/i, { selector: 'input' }), 'secret');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { name: 'Welcome' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
  });

  it('renders the frame with navigation from the metadata', async () => {
    fakeApi({
      ...signedIn,
      'GET /metadata': {
        status: 200,
        body: {
          entities: [
            { name: 'account', plural: 'accounts', label: 'Account', label_plural: 'Accounts', module: 'parties' },
            { name: 'contact', plural: 'contacts', label: 'Contact', label_plural: 'Contacts', module: 'parties' },
          ],
        },
      },
    });
    renderRoutes(routes, '/');

    expect(await screen.findByRole('heading', { name: 'Welcome' })).toBeInTheDocument();
    const navigation = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(await within(navigation).findByRole('link', { name: 'Accounts' })).toHaveAttribute(
      'href',
      '/accounts',
    );
    expect(within(navigation).getByRole('link', { name: 'Contacts' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Notifications' })).toBeInTheDocument();
  });

  it('shows an empty navigation when the metadata is not available', async () => {
    fakeApi(signedIn);
    renderRoutes(routes, '/');

    const navigation = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(await within(navigation).findByText('Nothing here yet')).toBeInTheDocument();
    // Only the pages that are not records stay: home, reminders, approvals, the price check and ageing.
    expect(within(navigation).getAllByRole('link').map((link) => link.textContent)).toEqual([
      'Home',
      'Reminders',
      'Approvals',
      'Price check',
      'Ageing',
    ]);
  });

  it('focuses the global search with Ctrl+K', async () => {
    fakeApi(signedIn);
    renderRoutes(routes, '/');

    const search = await screen.findByPlaceholderText('Search (Ctrl+K)');
    expect(search).not.toHaveFocus();
    fireEvent.keyDown(document.documentElement, { key: 'k', code: 'KeyK', ctrlKey: true });
    expect(search).toHaveFocus();
  });

  it('shows highlighted search hits as you type and opens one with the arrow keys and Enter', async () => {
    fakeApi({
      ...signedIn,
      'GET /search': {
        status: 200,
        body: {
          data: [
            { entity: 'accounts', id: 'a1', title: 'Aurora Bau', title_highlighted: '<mark>Aurora</mark> Bau', snippet: 'A-1 &lt;b&gt;', score: 2 },
            { entity: 'accounts', id: 'a2', title: 'Aurora Textil', title_highlighted: '<mark>Aurora</mark> Textil', snippet: '', score: 1 },
          ],
        },
      },
    });
    const { router } = renderRoutes(routes, '/');
    const user = userEvent.setup();

    const search = await screen.findByRole('combobox', { name: 'Search' });
    await user.type(search, 'aurora');
    const options = await screen.findAllByRole('option');
    expect(options).toHaveLength(2);
    expect(options[0]?.querySelector('mark')?.textContent).toBe('Aurora');
    expect(options[0]).toHaveTextContent('A-1 <b>');

    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(options[1]).toHaveAttribute('aria-selected', 'true');
    expect(search).toHaveAttribute('aria-activedescendant', options[1]?.id);
    await user.keyboard('{Enter}');
    await waitFor(() => {
      expect(router.state.location.pathname).toBe('/accounts/a2');
    });
  });

  it('signs out with the CSRF token and returns to the login screen', async () => {
    const { requests } = fakeApi({ ...signedIn, 'POST /auth/logout': { status: 204 } });
    const { router } = renderRoutes(routes, '/');
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: /account menu for anna berg/i }));
    await user.click(await screen.findByRole('menuitem', { name: 'Sign out' }));

    await waitFor(() => {
      expect(router.state.location.pathname).toBe('/login');
    });
    const logout = requests.find((request) => request.path === '/auth/logout');
    expect(logout?.method).toBe('POST');
    expect(logout?.headers.get('X-CSRF-Token')).toBe('csrf-me');
  });

  it('answers an unknown address inside the frame with a not-found page', async () => {
    fakeApi(signedIn);
    renderRoutes(routes, '/no/such/page');

    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
  });
});
