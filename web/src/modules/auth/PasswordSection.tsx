import { Alert, Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { isApiError } from '@/lib/api';
import { sessionQueryKey } from '@/lib/session';
import { changePassword, securityQueryKeys } from './securityApi';

/** Changing the password, which signs out every other session. */
export function PasswordSection() {
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState('');
  const [wanted, setWanted] = useState('');
  const [done, setDone] = useState(false);
  const change = useMutation({
    mutationFn: () => changePassword(current, wanted),
    onSuccess: (session) => {
      queryClient.setQueryData(sessionQueryKey, session);
      void queryClient.invalidateQueries({ queryKey: securityQueryKeys.sessions });
      setCurrent('');
      setWanted('');
      setDone(true);
    },
    onError: () => { setDone(false); },
  });
  const error = isApiError(change.error) ? change.error : undefined;

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(false);
    change.mutate();
  };

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="password-heading">
      <form onSubmit={submit} noValidate aria-label="Change password">
        <Stack gap="sm" maw={420}>
          <Title order={2} size="h4" id="password-heading">
            Password
          </Title>
          <Text size="sm" c="dimmed">
            At least 12 characters, and not a common password. Changing it signs you out everywhere else.
          </Text>
          {done ? (
            <Alert color="green" variant="light">
              Your password was changed. Other sessions were signed out.
            </Alert>
          ) : null}
          {error?.fields.length === 0 ? (
            <Alert color="red" variant="light">
              {error.message}
            </Alert>
          ) : null}
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            required
            value={current}
            error={error?.fieldMessage('current_password')}
            onChange={(event) => { setCurrent(event.currentTarget.value); }}
          />
          <PasswordInput
            label="New password"
            autoComplete="new-password"
            required
            value={wanted}
            error={error?.fieldMessage('new_password')}
            onChange={(event) => { setWanted(event.currentTarget.value); }}
          />
          <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
            Change password
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
