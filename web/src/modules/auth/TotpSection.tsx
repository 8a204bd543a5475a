import { Alert, Badge, Button, Code, Group, List, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { isApiError } from '@/lib/api';
import { disableTotp, enableTotp, securityQueryKeys, setUpTotp, totpEnabled, type TotpSetup } from './securityApi';

/** Two-step sign-in with an authenticator app: set up, confirm with a code, turn off. */
export function TotpSection() {
  const queryClient = useQueryClient();
  const enabled = useQuery({ queryKey: securityQueryKeys.totp, queryFn: ({ signal }) => totpEnabled(signal) });
  const [setup, setSetup] = useState<TotpSetup | undefined>();
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | undefined>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: securityQueryKeys.totp });

  const start = useMutation({
    mutationFn: setUpTotp,
    onSuccess: (created) => {
      setSetup(created);
      setRecoveryCodes(undefined);
    },
  });
  const confirm = useMutation({
    mutationFn: () => enableTotp(code.trim()),
    onSuccess: (codes) => {
      setRecoveryCodes(codes);
      setSetup(undefined);
      setCode('');
    },
    onSettled: refresh,
  });
  const turnOff = useMutation({
    mutationFn: () => disableTotp(password),
    onSuccess: () => {
      setPassword('');
      setRecoveryCodes(undefined);
    },
    onSettled: refresh,
  });
  const failure = [start.error, confirm.error, turnOff.error].find(isApiError);

  const submitCode = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    confirm.mutate();
  };
  const submitDisable = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    turnOff.mutate();
  };

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="totp-heading">
      <Stack gap="sm">
        <Group gap="sm">
          <Title order={2} size="h4" id="totp-heading">
            Two-step sign-in
          </Title>
          {enabled.data === undefined ? null : (
            <Badge variant="light" color={enabled.data ? 'green' : 'gray'}>
              {enabled.data ? 'On' : 'Off'}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          After your password, sign-in asks for a code from an authenticator app.
        </Text>
        {failure?.fields.length === 0 ? (
          <Alert color="red" variant="light">
            {failure.message}
          </Alert>
        ) : null}
        {recoveryCodes === undefined ? null : (
          <Alert color="yellow" variant="light" title="Save these recovery codes now: they are not shown again">
            <Text size="sm" mb="xs">
              Each one signs you in once when you do not have your app.
            </Text>
            <List aria-label="Recovery codes" size="sm" ff="monospace">
              {recoveryCodes.map((recovery) => (
                <List.Item key={recovery}>{recovery}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {enabled.data === false && setup === undefined ? (
          <Button style={{ alignSelf: 'flex-start' }} loading={start.isPending} onClick={() => { start.mutate(); }}>
            Set up two-step sign-in
          </Button>
        ) : null}
        {setup === undefined ? null : (
          <form onSubmit={submitCode} noValidate aria-label="Confirm two-step sign-in">
            <Stack gap="sm" maw={560}>
              <Text size="sm">Add this key to your authenticator app, then enter the code it shows.</Text>
              <Code block aria-label="Secret key" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
                {setup.secret}
              </Code>
              <Text size="sm" c="dimmed">
                Or the setup link:
              </Text>
              <Code block aria-label="Setup link" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
                {setup.otpauth_uri}
              </Code>
              <Group align="flex-start" gap="sm">
                <TextInput
                  label="Code from the app"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  required
                  value={code}
                  error={isApiError(confirm.error) ? confirm.error.fieldMessage('code') : undefined}
                  onChange={(event) => { setCode(event.currentTarget.value); }}
                />
                <Button type="submit" mt={25} loading={confirm.isPending}>
                  Turn on
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {enabled.data === true ? (
          <form onSubmit={submitDisable} noValidate aria-label="Turn off two-step sign-in">
            <Group align="flex-start" gap="sm">
              <PasswordInput
                label="Password to turn it off"
                autoComplete="current-password"
                required
                value={password}
                error={isApiError(turnOff.error) ? turnOff.error.fieldMessage('password') : undefined}
                onChange={(event) => { setPassword(event.currentTarget.value); }}
                style={{ flex: '1 1 240px', maxWidth: 320 }}
              />
              <Button type="submit" mt={25} color="red" variant="light" loading={turnOff.isPending}>
                Turn off
              </Button>
            </Group>
          </form>
        ) : null}
      </Stack>
    </Paper>
  );
}
