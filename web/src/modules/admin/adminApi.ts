/** Typed calls of the access administration API: users, teams, roles, scope attributes, picklists. */
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';

export type UserKind = 'staff' | 'portal';

export interface AdminUser {
  id: string;
  username: string;
  name: string;
  email: string | null;
  is_admin: boolean;
  active: boolean;
  locale: string;
  time_zone: string;
  manager_id: string | null;
  kind: UserKind;
  portal_account_id: string | null;
  portal_contact_id: string | null;
  created_at: string;
  updated_at: string;
  version: number;
  /** Role names. */
  roles: string[];
  /** Team ids. */
  teams: string[];
  /** Scope attribute name → picklist keys. */
  attributes: Record<string, string[]>;
}

/** What a create or a change sends; `username` and `password` only on create. */
export interface UserInput {
  username?: string;
  password?: string;
  name: string;
  email: string | null;
  is_admin: boolean;
  active: boolean;
  locale: string;
  time_zone: string;
  manager_id: string | null;
  kind: UserKind;
  portal_account_id: string | null;
  portal_contact_id: string | null;
  roles: string[];
  teams: string[];
  attributes: Record<string, string[]>;
  version?: number;
}

export interface Team {
  id: string;
  name: string;
  description: string | null;
  /** User ids. */
  members: string[];
  version: number;
}

export interface TeamInput {
  name: string;
  description: string | null;
  members: string[];
  version?: number;
}

export const ACTIONS = ['create', 'read', 'edit', 'delete', 'export', 'approve', 'admin'] as const;
export type Action = (typeof ACTIONS)[number];

export const SCOPES = ['all', 'team', 'own', 'rule'] as const;
export type Scope = (typeof SCOPES)[number];

export type FieldMode = 'hidden' | 'read_only';

export interface Right {
  /** The entity's singular name, e.g. `account`. */
  entity: string;
  action: Action;
  scope: Scope;
  rule?: string;
}

export interface FieldRight {
  entity: string;
  /** The field's definition name (`parent` for the link `parent_id`). */
  field: string;
  mode: FieldMode;
}

export interface Role {
  id: string;
  name: string;
  description: string | null;
  rights: Right[];
  field_rights: FieldRight[];
  /** User ids. */
  users: string[];
  version: number;
}

export interface RoleInput {
  name: string;
  description: string | null;
  rights: Right[];
  field_rights: FieldRight[];
  version?: number;
}

export interface ScopeAttribute {
  name: string;
  label: string;
  picklist: string;
}

export interface PicklistValue {
  key: string;
  label: string;
  position: number;
  active: boolean;
}

export interface Picklist {
  name: string;
  values: PicklistValue[];
}

const path = (...parts: string[]) => parts.map((part) => `/${encodeURIComponent(part)}`).join('');

export const adminKeys = {
  users: ['admin', 'users'] as const,
  user: (id: string) => ['admin', 'users', id] as const,
  teams: ['admin', 'teams'] as const,
  team: (id: string) => ['admin', 'teams', id] as const,
  roles: ['admin', 'roles'] as const,
  role: (id: string) => ['admin', 'roles', id] as const,
  scopeAttributes: ['admin', 'scope-attributes'] as const,
  picklist: (name: string) => ['admin', 'picklists', name] as const,
};

export const adminApi = {
  listUsers: (signal?: AbortSignal) => api.get<{ data: AdminUser[] }>('/users', { signal }).then((page) => page.data),
  getUser: (id: string, signal?: AbortSignal) => api.get<AdminUser>(path('users', id), { signal }),
  createUser: (input: UserInput) => api.post<AdminUser>('/users', input),
  updateUser: (id: string, input: UserInput) => api.patch<AdminUser>(path('users', id), input),

  listTeams: (signal?: AbortSignal) => api.get<{ data: Team[] }>('/teams', { signal }).then((page) => page.data),
  getTeam: (id: string, signal?: AbortSignal) => api.get<Team>(path('teams', id), { signal }),
  createTeam: (input: TeamInput) => api.post<Team>('/teams', input),
  updateTeam: (id: string, input: TeamInput) => api.patch<Team>(path('teams', id), input),
  deleteTeam: (id: string) => api.delete<undefined>(path('teams', id)),

  listRoles: (signal?: AbortSignal) => api.get<{ data: Role[] }>('/roles', { signal }).then((page) => page.data),
  getRole: (id: string, signal?: AbortSignal) => api.get<Role>(path('roles', id), { signal }),
  createRole: (input: RoleInput) => api.post<Role>('/roles', input),
  updateRole: (id: string, input: RoleInput) => api.patch<Role>(path('roles', id), input),
  deleteRole: (id: string) => api.delete<undefined>(path('roles', id)),

  listScopeAttributes: (signal?: AbortSignal) =>
    api.get<{ data: ScopeAttribute[] }>('/scope-attributes', { signal }).then((page) => page.data),

  getPicklist: (name: string, signal?: AbortSignal) => api.get<Picklist>(path('picklists', name), { signal }),
  addPicklistValue: (name: string, value: { key: string; label: string }) =>
    api.post<Picklist>(`${path('picklists', name)}/values`, value),
  changePicklistValue: (name: string, key: string, change: Partial<Omit<PicklistValue, 'key'>>) =>
    api.patch<Picklist>(`${path('picklists', name)}/values${path(key)}`, change),

};

export function useUsers() {
  return useQuery({ queryKey: adminKeys.users, queryFn: ({ signal }) => adminApi.listUsers(signal) });
}

export function useTeams() {
  return useQuery({ queryKey: adminKeys.teams, queryFn: ({ signal }) => adminApi.listTeams(signal) });
}

export function useRoles() {
  return useQuery({ queryKey: adminKeys.roles, queryFn: ({ signal }) => adminApi.listRoles(signal) });
}

export function useScopeAttributes() {
  return useQuery({
    queryKey: adminKeys.scopeAttributes,
    queryFn: ({ signal }) => adminApi.listScopeAttributes(signal),
    staleTime: 5 * 60 * 1000,
  });
}
