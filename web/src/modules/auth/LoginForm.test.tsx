import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@test/render';
import { errorBody, fakeApi } from '@test/server';
import { LoginForm, SIGN_IN_UNAVAILABLE } from './LoginForm';

async function fillAndSubmit(username: string, password: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Username', { exact: false }), username);
  await user.type(screen.getByLabelText('Password', { exact: false, selector: 'input' }), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  return user;
}

describe('LoginForm', () => {
  it('asks for both fields without calling the server when they are empty', async () => {
    const { fetchMock } = fakeApi({});
    renderWithProviders(<LoginForm onSignedIn={vi.fn()} />);

    await userEvent.setup().click(screen.getByRole('button', { name: 'Sign in' }));

    expect(screen.getByRole('textbox', { name: /username/i })).toHaveAccessibleDescription(
      'Enter your username.',
    );
    expect(screen.getByLabelText(/password/i, { selector: 'input' })).toHaveAccessibleDescription(
      'Enter your password.',
    );
    expect(screen.getByRole('textbox', { name: /username/i })).toHaveFocus();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('puts the field errors of an ApiError on the fields and the message in an alert', async () => {
    fakeApi({
      'POST /auth/login': {
        status: 422,
        body: errorBody('VALIDATION_FAILED', 'Check the highlighted fields.', [
          { field: 'username', code: 'FIELD_TOO_LONG', message: 'Usernames have at most 64 characters.' },
          { field: 'password', code: 'FIELD_REQUIRED', message: 'The password may not be blank.' },
        ]),
      },
    });
    renderWithProviders(<LoginForm onSignedIn={vi.fn()} />);

    await fillAndSubmit('anna', 'x');

    expect(await screen.findByRole('alert')).toHaveTextContent('Check the highlighted fields.');
    expect(screen.getByRole('textbox', { name: /username/i })).toHaveAccessibleDescription(
      'Usernames have at most 64 characters.',
    );
    expect(screen.getByLabelText(/password/i, { selector: 'input' })).toHaveAccessibleDescription(
      'The password may not be blank.',
    );
    expect(screen.getByRole('textbox', { name: /username/i })).toHaveAttribute('aria-invalid', 'true');
  });

  it('shows the server message for wrong credentials', async () => {
    fakeApi({
      'POST /auth/login': {
        status: 401,
        body: errorBody('INVALID_CREDENTIALS', 'Wrong username or password.'),
      },
    });
    renderWithProviders(<LoginForm onSignedIn={vi.fn()} />);

    await fillAndSubmit('demo', 'wrong-password-123');

    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong username or password.');
  });

  it('says sign-in is not available when the server has no login endpoint', async () => {
    fakeApi({});
    renderWithProviders(<LoginForm onSignedIn={vi.fn()} />);

    await fillAndSubmit('demo', 'secret');

    expect(await screen.findByRole('alert')).toHaveTextContent(SIGN_IN_UNAVAILABLE);
  });

  it('asks for the one-time code when the server requires it and sends it', async () => {
    const { requests } = fakeApi({
      'POST /auth/login': (request) =>
        (request.body as { totp_code?: string }).totp_code === '123456'
          ? { status: 200, body: { user: { id: 'u1', username: 'anna' }, csrf_token: 't' } }
          : { status: 401, body: errorBody('TOTP_REQUIRED', 'Enter the code from your app.') },
    });
    const onSignedIn = vi.fn();
    renderWithProviders(<LoginForm onSignedIn={onSignedIn} />);

    const user = await fillAndSubmit('anna', 'secret');
    const code = await screen.findByRole('textbox', { name: /one-time code/i });
    expect(screen.getByRole('alert')).toHaveTextContent('Enter the code from your app.');

    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(code).toHaveAccessibleDescription(/Enter the one-time code\./);

    await user.type(code, '123456');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() => {
      expect(onSignedIn).toHaveBeenCalledWith({ user: { id: 'u1', username: 'anna' } });
    });
    expect(requests.map((request) => request.body)).toEqual([
      { username: 'anna', password: 'secret' },
      { username: 'anna', password: 'secret', totp_code: '123456' },
    ]);
  });

  it('sends a recovery code instead when the user chooses one', async () => {
    const { requests } = fakeApi({
      'POST /auth/login': (request) =>
        (request.body as { recovery_code?: string }).recovery_code === 'abcd-efgh-ijkl-mnop'
          ? { status: 200, body: { user: { id: 'u1', username: 'anna' }, csrf_token: 't' } }
          : { status: 401, body: errorBody('TOTP_REQUIRED', 'Enter the code from your app.') },
    });
    const onSignedIn = vi.fn();
    renderWithProviders(<LoginForm onSignedIn={onSignedIn} />);

    const user = await fillAndSubmit('anna', 'secret');
    await screen.findByRole('textbox', { name: /one-time code/i });
    await user.click(screen.getByRole('button', { name: 'Use a recovery code' }));
    await user.type(screen.getByRole('textbox', { name: /recovery code/i }), 'abcd-efgh-ijkl-mnop');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() => {
      expect(onSignedIn).toHaveBeenCalled();
    });
    expect(requests.at(-1)?.body).toEqual({
      username: 'anna',
      password: 'secret',
      recovery_code: 'abcd-efgh-ijkl-mnop',
    });
  });
});
