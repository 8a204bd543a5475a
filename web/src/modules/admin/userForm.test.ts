import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api';
import type { AdminUser } from './adminApi';
import { formErrorsFrom } from './formErrors';
import { newUserValues, userToValues, valuesToInput } from './userForm';

const user: AdminUser = {
  id: 'u1',
  username: 'anna',
  name: 'Anna Berg',
  email: null,
  is_admin: false,
  active: true,
  locale: 'de-CH',
  time_zone: 'Europe/Zurich',
  manager_id: 'u0',
  kind: 'staff',
  portal_account_id: null,
  portal_contact_id: null,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  version: 4,
  roles: ['Sales'],
  teams: ['t1'],
  attributes: { areas: ['north'] },
};

describe('user form', () => {
  it('creates with username and password, and every scope attribute', () => {
    const input = valuesToInput(
      { ...newUserValues, username: ' bert ', password: 'a-long-password', name: 'Bert', attributes: { areas: ['south'] } },
      ['areas', 'segments'],
    );
    expect(input.username).toBe('bert');
    expect(input.password).toBe('a-long-password');
    expect(input.attributes).toEqual({ areas: ['south'], segments: [] });
    expect(input.email).toBeNull();
    expect(input).not.toHaveProperty('version');
  });

  it('leaves an empty password out of a create', () => {
    expect(valuesToInput({ ...newUserValues, username: 'c' }, [])).not.toHaveProperty('password');
  });

  it('changes without username or password, guarded by the version', () => {
    const values = { ...userToValues(user), password: 'ignored', email: ' anna@example.com ' };
    const input = valuesToInput(values, ['areas'], user);
    expect(input).not.toHaveProperty('username');
    expect(input).not.toHaveProperty('password');
    expect(input.version).toBe(4);
    expect(input.email).toBe('anna@example.com');
    expect(input.manager_id).toBe('u0');
    expect(input.roles).toEqual(['Sales']);
  });

  it('sends the portal ids only for portal users', () => {
    const values = { ...userToValues(user), portal_account_id: 'a1', portal_contact_id: '' };
    expect(valuesToInput(values, [], user).portal_account_id).toBeNull();
    const portal = valuesToInput({ ...values, kind: 'portal' }, [], user);
    expect(portal.portal_account_id).toBe('a1');
    expect(portal.portal_contact_id).toBeNull();
  });

  it('places field errors on known fields and keeps the rest general', () => {
    const error = new ApiError({
      status: 422,
      code: 'VALIDATION_FAILED',
      message: 'the user is not valid',
      fields: [
        { field: 'attributes.areas', code: 'FIELD_INVALID_ENUM', message: "'mars' is not in the picklist areas" },
        { field: 'password', code: 'PASSWORD_TOO_SHORT', message: 'at least 12 characters' },
        { field: 'nickname', code: 'UNKNOWN_FIELD', message: 'not a field of this resource' },
      ],
    });
    const errors = formErrorsFrom(error, ['password', 'attributes.areas']);
    expect(errors.fields).toEqual({
      'attributes.areas': "'mars' is not in the picklist areas",
      password: 'at least 12 characters',
    });
    expect(errors.general).toEqual(['the user is not valid', 'nickname: not a field of this resource']);
  });
});
