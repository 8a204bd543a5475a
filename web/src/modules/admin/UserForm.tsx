import {
  MultiSelect,
  Paper,
  PasswordInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useMetadata } from '@/lib/metadata';
import { useRoles, useScopeAttributes, useTeams, useUsers, type UserKind } from './adminApi';
import type { UserFormValues } from './userForm';

interface UserFormProps {
  creating: boolean;
  /** The user being changed, left out of the manager choices. */
  userId: string | undefined;
  values: UserFormValues;
  errors: Record<string, string>;
  onChange: (change: Partial<UserFormValues>) => void;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** The fields of a user: account, organisation (manager, teams, roles), scope attributes, portal. */
export function UserForm({ creating, userId, values, errors, onChange }: UserFormProps) {
  const users = useUsers();
  const teams = useTeams();
  const roles = useRoles();
  const attributes = useScopeAttributes();
  const metadata = useMetadata();
  const error = (name: string) => errors[name];

  const managerChoices = (users.data ?? [])
    .filter((candidate) => candidate.id !== userId)
    .map((candidate) => ({ value: candidate.id, label: candidate.name === '' ? candidate.username : `${candidate.name} (${candidate.username})` }));
  const teamChoices = (teams.data ?? []).map((team) => ({ value: team.id, label: team.name }));
  const roleChoices = (roles.data ?? []).map((role) => role.name);

  return (
    <Stack gap="md">
      <Section title="Account">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label="Username"
            required={creating}
            disabled={!creating}
            description={creating ? undefined : 'A username cannot be changed.'}
            autoComplete="off"
            value={values.username}
            error={error('username')}
            onChange={(event) => {
              onChange({ username: event.currentTarget.value });
            }}
          />
          {creating ? (
            <PasswordInput
              label="Password"
              description="At least 12 characters. Leave empty for a user who signs in otherwise."
              autoComplete="new-password"
              value={values.password}
              error={error('password')}
              onChange={(event) => {
                onChange({ password: event.currentTarget.value });
              }}
            />
          ) : null}
          <TextInput
            label="Name"
            value={values.name}
            error={error('name')}
            onChange={(event) => {
              onChange({ name: event.currentTarget.value });
            }}
          />
          <TextInput
            label="E-mail"
            type="email"
            value={values.email}
            error={error('email')}
            onChange={(event) => {
              onChange({ email: event.currentTarget.value });
            }}
          />
          <TextInput
            label="Language"
            description="A language tag such as en or de-CH."
            value={values.locale}
            error={error('locale')}
            onChange={(event) => {
              onChange({ locale: event.currentTarget.value });
            }}
          />
          <TextInput
            label="Time zone"
            description="An IANA zone such as Europe/Berlin."
            value={values.time_zone}
            error={error('time_zone')}
            onChange={(event) => {
              onChange({ time_zone: event.currentTarget.value });
            }}
          />
        </SimpleGrid>
        <Stack gap="xs" mt="md">
          <Switch
            label="Active"
            description="An inactive user cannot sign in; deactivating ends their sessions."
            checked={values.active}
            error={error('active')}
            onChange={(event) => {
              onChange({ active: event.currentTarget.checked });
            }}
          />
          <Switch
            label="Administrator"
            description="Administrators see and change everything, including this screen."
            checked={values.is_admin}
            error={error('is_admin')}
            onChange={(event) => {
              onChange({ is_admin: event.currentTarget.checked });
            }}
          />
        </Stack>
      </Section>

      <Section title="Organisation">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            label="Manager"
            description="The manager sees this user's own records."
            placeholder="No manager"
            searchable
            clearable
            data={managerChoices}
            value={values.manager_id}
            error={error('manager_id')}
            nothingFoundMessage="No user matches"
            onChange={(value) => {
              onChange({ manager_id: value });
            }}
          />
          <MultiSelect
            label="Roles"
            placeholder={values.roles.length === 0 ? 'No roles' : undefined}
            searchable
            data={roleChoices}
            value={values.roles}
            error={error('roles')}
            nothingFoundMessage="No role matches"
            onChange={(roles) => {
              onChange({ roles });
            }}
          />
          <MultiSelect
            label="Teams"
            placeholder={values.teams.length === 0 ? 'No teams' : undefined}
            searchable
            data={teamChoices}
            value={values.teams}
            error={error('teams')}
            nothingFoundMessage="No team matches"
            onChange={(teamIds) => {
              onChange({ teams: teamIds });
            }}
          />
        </SimpleGrid>
      </Section>

      <Section title="Scope attributes">
        <Text size="sm" c="dimmed" mb="sm">
          Rules such as <code>area in user.areas</code> compare records with these values.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {(attributes.data ?? []).map((attribute) => (
            <MultiSelect
              key={attribute.name}
              label={attribute.label}
              placeholder={(values.attributes[attribute.name] ?? []).length === 0 ? 'None' : undefined}
              searchable
              data={(metadata.data?.picklists[attribute.picklist] ?? []).map((choice) => ({ value: choice.key, label: choice.label }))}
              value={values.attributes[attribute.name] ?? []}
              error={error(`attributes.${attribute.name}`)}
              onChange={(keys) => {
                onChange({ attributes: { ...values.attributes, [attribute.name]: keys } });
              }}
            />
          ))}
        </SimpleGrid>
      </Section>

      <Section title="Kind">
        <Stack gap="sm">
          <SegmentedControl
            aria-label="Kind of user"
            value={values.kind}
            data={[
              { value: 'staff', label: 'Staff' },
              { value: 'portal', label: 'Portal' },
            ]}
            onChange={(kind) => {
              onChange({ kind: kind as UserKind });
            }}
            style={{ alignSelf: 'flex-start' }}
          />
          <Text size="sm" c="dimmed">
            {values.kind === 'portal'
              ? 'A portal user sees only the records of their account or contact.'
              : 'Staff see records as their roles allow.'}
          </Text>
          {error('kind') === undefined ? null : (
            <Text size="sm" c="red">
              {error('kind')}
            </Text>
          )}
          {values.kind === 'portal' ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                label="Portal account id"
                value={values.portal_account_id}
                error={error('portal_account_id')}
                onChange={(event) => {
                  onChange({ portal_account_id: event.currentTarget.value });
                }}
              />
              <TextInput
                label="Portal contact id"
                value={values.portal_contact_id}
                error={error('portal_contact_id')}
                onChange={(event) => {
                  onChange({ portal_contact_id: event.currentTarget.value });
                }}
              />
            </SimpleGrid>
          ) : null}
        </Stack>
      </Section>
    </Stack>
  );
}
