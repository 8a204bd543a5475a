import { Stack, Text, Title } from '@mantine/core';
import { PasswordSection } from './PasswordSection';
import { SessionsSection } from './SessionsSection';
import { TokensSection } from './TokensSection';
import { TotpSection } from './TotpSection';

/** The signed-in user's own security settings at `/security`. */
export function SecurityPage() {
  return (
    <Stack gap="xl" maw={960}>
      <Stack gap={4}>
        <Title order={1}>Security</Title>
        <Text c="dimmed">Your password, two-step sign-in, where you are signed in and your API tokens.</Text>
      </Stack>
      <PasswordSection />
      <TotpSection />
      <SessionsSection />
      <TokensSection />
    </Stack>
  );
}
