import { Alert, Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { IconAlertCircle, IconShieldLock } from '@tabler/icons-react';
import { useRef, useState, type SubmitEvent } from 'react';
import { isApiError } from '@/lib/api';
import { signIn, TOTP_REQUIRED, type Credentials, type Session } from '@/lib/session';

type FieldName = 'username' | 'password' | 'totp';
type FieldErrors = Partial<Record<FieldName, string | undefined>>;
/** A message about the whole form: a failure, or the request for a one-time code. */
interface Notice {
  tone: 'error' | 'info';
  message: string;
}

const FIELD_NAMES: readonly FieldName[] = ['username', 'password', 'totp'];

export const SIGN_IN_UNAVAILABLE = 'Sign-in is not available on this server yet.';

interface LoginFormProps {
  onSignedIn: (session: Session) => void;
}

/** Username and password, then the one-time code when the server asks for it. */
export function LoginForm({ onSignedIn }: LoginFormProps) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [totpRequested, setTotpRequested] = useState(false);
  // Instead of the app's code, one of the recovery codes issued when TOTP was turned on.
  const [useRecoveryCode, setUseRecoveryCode] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<Notice | undefined>();
  const usernameInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);
  const totpInput = useRef<HTMLInputElement>(null);

  const focusFirstError = (errors: FieldErrors) => {
    const first = FIELD_NAMES.find((name) => errors[name] !== undefined);
    const input = { username: usernameInput, password: passwordInput, totp: totpInput };
    if (first !== undefined) {
      input[first].current?.focus();
    }
  };

  const login = useMutation({
    mutationFn: (credentials: Credentials) => signIn(credentials),
    onSuccess: (session) => {
      onSignedIn(session);
    },
    onError: (error) => {
      if (!isApiError(error)) {
        setNotice({ tone: 'error', message: 'Signing in failed unexpectedly. Please try again.' });
        return;
      }
      if (error.status === 404) {
        setFieldErrors({});
        setNotice({ tone: 'error', message: SIGN_IN_UNAVAILABLE });
        return;
      }
      if (error.code === TOTP_REQUIRED) {
        // A wrong code comes back as TOTP_REQUIRED with a field error on the code.
        const wrongCode = error.fields.length > 0;
        setTotpRequested(true);
        setFieldErrors(wrongCode ? { totp: error.message } : {});
        setNotice({ tone: wrongCode ? 'error' : 'info', message: error.message });
        // The code input appears with this render; focus it once it exists.
        requestAnimationFrame(() => totpInput.current?.focus());
        return;
      }
      const errors: FieldErrors = {};
      for (const name of FIELD_NAMES) {
        const message = error.fieldMessage(name);
        if (message !== undefined) {
          errors[name] = message;
        }
      }
      setFieldErrors(errors);
      setNotice({ tone: 'error', message: error.message });
      focusFirstError(errors);
    },
  });

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (login.isPending) {
      return;
    }
    const errors: FieldErrors = {};
    if (username.trim() === '') {
      errors.username = 'Enter your username.';
    }
    if (password === '') {
      errors.password = 'Enter your password.';
    }
    if (totpRequested && totp.trim() === '') {
      errors.totp = useRecoveryCode ? 'Enter a recovery code.' : 'Enter the one-time code.';
    }
    setFieldErrors(errors);
    setNotice(undefined);
    if (Object.keys(errors).length > 0) {
      focusFirstError(errors);
      return;
    }
    const credentials: Credentials = { username: username.trim(), password };
    if (totpRequested && useRecoveryCode) {
      credentials.recovery_code = totp.trim();
    } else if (totpRequested) {
      credentials.totp_code = totp.trim();
    }
    login.mutate(credentials);
  };

  const clearFieldError = (name: FieldName) => {
    if (fieldErrors[name] !== undefined) {
      setFieldErrors((current) => ({ ...current, [name]: undefined }));
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Sign in">
      <Stack gap="md">
        {notice === undefined ? null : (
          <Alert
            color={notice.tone === 'error' ? 'red' : 'blue'}
            variant="light"
            icon={
              notice.tone === 'error' ? (
                <IconAlertCircle aria-hidden="true" />
              ) : (
                <IconShieldLock aria-hidden="true" />
              )
            }
          >
            {notice.message}
          </Alert>
        )}
        <TextInput
          ref={usernameInput}
          label="Username"
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          autoFocus
          value={username}
          error={fieldErrors.username}
          onChange={(event) => {
            setUsername(event.currentTarget.value);
            clearFieldError('username');
          }}
        />
        <PasswordInput
          ref={passwordInput}
          label="Password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          error={fieldErrors.password}
          onChange={(event) => {
            setPassword(event.currentTarget.value);
            clearFieldError('password');
          }}
        />
        {totpRequested ? (
          <Stack gap={4}>
            <TextInput
              ref={totpInput}
              label={useRecoveryCode ? 'Recovery code' : 'One-time code'}
              description={
                useRecoveryCode
                  ? 'One of the recovery codes you saved when you turned on two-step sign-in'
                  : 'The code from your authenticator app'
              }
              name="totp"
              autoComplete={useRecoveryCode ? 'off' : 'one-time-code'}
              inputMode={useRecoveryCode ? 'text' : 'numeric'}
              required
              value={totp}
              error={fieldErrors.totp}
              onChange={(event) => {
                setTotp(event.currentTarget.value);
                clearFieldError('totp');
              }}
            />
            <Anchor
              component="button"
              type="button"
              size="sm"
              ta="left"
              onClick={() => {
                setUseRecoveryCode((current) => !current);
                setTotp('');
                clearFieldError('totp');
                totpInput.current?.focus();
              }}
            >
              {useRecoveryCode ? 'Use the authenticator app instead' : 'Use a recovery code'}
            </Anchor>
          </Stack>
        ) : null}
        <Button type="submit" fullWidth loading={login.isPending}>
          Sign in
        </Button>
      </Stack>
    </form>
  );
}
