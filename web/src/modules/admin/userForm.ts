/** The user form's state and what it sends. */
import type { AdminUser, UserInput, UserKind } from './adminApi';

export interface UserFormValues {
  username: string;
  password: string;
  name: string;
  email: string;
  is_admin: boolean;
  active: boolean;
  locale: string;
  time_zone: string;
  manager_id: string | null;
  kind: UserKind;
  portal_account_id: string;
  portal_contact_id: string;
  roles: string[];
  teams: string[];
  attributes: Record<string, string[]>;
}

export const newUserValues: UserFormValues = {
  username: '',
  password: '',
  name: '',
  email: '',
  is_admin: false,
  active: true,
  locale: 'en',
  time_zone: 'UTC',
  manager_id: null,
  kind: 'staff',
  portal_account_id: '',
  portal_contact_id: '',
  roles: [],
  teams: [],
  attributes: {},
};

export function userToValues(user: AdminUser): UserFormValues {
  return {
    username: user.username,
    password: '',
    name: user.name,
    email: user.email ?? '',
    is_admin: user.is_admin,
    active: user.active,
    locale: user.locale,
    time_zone: user.time_zone,
    manager_id: user.manager_id,
    kind: user.kind,
    portal_account_id: user.portal_account_id ?? '',
    portal_contact_id: user.portal_contact_id ?? '',
    roles: [...user.roles],
    teams: [...user.teams],
    attributes: { ...user.attributes },
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/**
 * The body of a create (with username and, when given, password) or of a change (guarded by
 * `version`). Every scope attribute is sent, so clearing one removes the user's values.
 */
export function valuesToInput(
  values: UserFormValues,
  attributeNames: readonly string[],
  existing?: { version: number },
): UserInput {
  const portal = values.kind === 'portal';
  const attributes: Record<string, string[]> = {};
  for (const name of attributeNames) attributes[name] = values.attributes[name] ?? [];
  const input: UserInput = {
    name: values.name.trim(),
    email: orNull(values.email),
    is_admin: values.is_admin,
    active: values.active,
    locale: values.locale.trim(),
    time_zone: values.time_zone.trim(),
    manager_id: values.manager_id,
    kind: values.kind,
    portal_account_id: portal ? orNull(values.portal_account_id) : null,
    portal_contact_id: portal ? orNull(values.portal_contact_id) : null,
    roles: values.roles,
    teams: values.teams,
    attributes,
  };
  if (existing === undefined) {
    input.username = values.username.trim();
    if (values.password !== '') input.password = values.password;
  } else {
    input.version = existing.version;
  }
  return input;
}

/** The form fields the server's field errors can land on. */
export const userFormFields = [
  'username',
  'password',
  'name',
  'email',
  'is_admin',
  'active',
  'locale',
  'time_zone',
  'manager_id',
  'kind',
  'portal_account_id',
  'portal_contact_id',
  'roles',
  'teams',
] as const;
