/** Typed calls of the routing API: business calendars, routing paths, and a record's routing. */
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';

export const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof weekdays)[number];

export interface BusinessCalendar {
  id: string;
  name: string;
  time_zone: string;
  /** Weekday → working intervals as ["HH:MM", "HH:MM"]. */
  hours: Record<Weekday, [string, string][]>;
  holidays: string[];
  version: number;
}

export interface BusinessCalendarInput {
  name: string;
  time_zone: string;
  hours: Partial<Record<Weekday, [string, string][]>>;
  holidays: string[];
  version?: number;
}

export type OverdueAction = 'next_step' | 'manager';

export interface RoutingStep {
  name: string;
  user_id: string | null;
  role_id: string | null;
  sla_hours: number;
  on_overdue: OverdueAction;
}

export interface RoutingPath {
  id: string;
  name: string;
  entity: string;
  field: string;
  value: string;
  calendar_id: string;
  steps: RoutingStep[];
  overall_sla_hours: number | null;
  active: boolean;
  version: number;
}

export type RoutingPathInput = Omit<RoutingPath, 'id' | 'version'> & { version?: number };

export interface RoutingMove {
  sequence: number;
  kind: string;
  from_step: number | null;
  to_step: number | null;
  from_user_name: string | null;
  to_user_id: string | null;
  to_user_name: string | null;
  actor_id: string | null;
  actor_name: string | null;
  remarks: string | null;
  action: string | null;
  step_due_at: string | null;
  at: string;
}

export interface RoutingStepView {
  index: number;
  name: string;
  sla_hours: number;
  state: 'done' | 'current' | 'pending';
  due_at: string | null;
}

export interface RecordRouting {
  status: 'not_started' | 'active' | 'completed';
  available_path?: { id: string; name: string } | null;
  can_start?: boolean;
  can_move?: boolean;
  path?: { id: string; name: string };
  current_step?: number | null;
  current_step_name?: string | null;
  assignee?: { id: string; name: string } | null;
  step_due_at?: string | null;
  overdue?: boolean;
  overall_due_at?: string | null;
  overall_overdue?: boolean;
  overall_breached_at?: string | null;
  completed_at?: string | null;
  steps?: RoutingStepView[];
  history?: RoutingMove[];
  version?: number;
}

export interface MoveInput {
  remarks?: string;
  action?: string;
  user_id?: string;
  version?: number;
}

export type MoveKind = 'forward' | 'divert' | 'return';

const encode = encodeURIComponent;

export const routingApi = {
  listCalendars: (signal?: AbortSignal) =>
    api.get<{ data: BusinessCalendar[] }>('/business-calendars', { signal }).then((page) => page.data),
  getCalendar: (id: string, signal?: AbortSignal) => api.get<BusinessCalendar>(`/business-calendars/${encode(id)}`, { signal }),
  createCalendar: (input: BusinessCalendarInput) => api.post<BusinessCalendar>('/business-calendars', input),
  updateCalendar: (id: string, input: BusinessCalendarInput) =>
    api.patch<BusinessCalendar>(`/business-calendars/${encode(id)}`, input),
  deleteCalendar: (id: string) => api.delete<undefined>(`/business-calendars/${encode(id)}`),
  listPaths: (signal?: AbortSignal) => api.get<{ data: RoutingPath[] }>('/routing-paths', { signal }).then((page) => page.data),
  getPath: (id: string, signal?: AbortSignal) => api.get<RoutingPath>(`/routing-paths/${encode(id)}`, { signal }),
  createPath: (input: RoutingPathInput) => api.post<RoutingPath>('/routing-paths', input),
  updatePath: (id: string, input: RoutingPathInput) => api.patch<RoutingPath>(`/routing-paths/${encode(id)}`, input),
  deletePath: (id: string) => api.delete<undefined>(`/routing-paths/${encode(id)}`),
  recordRouting: (plural: string, id: string, signal?: AbortSignal) =>
    api.get<RecordRouting>(`/${encode(plural)}/${encode(id)}/routing`, { signal }),
  start: (plural: string, id: string) => api.post<RecordRouting>(`/${encode(plural)}/${encode(id)}/routing/start`),
  move: (plural: string, id: string, kind: MoveKind, input: MoveInput) =>
    api.post<RecordRouting>(`/${encode(plural)}/${encode(id)}/routing/${kind}`, input),
  listUsers: (signal?: AbortSignal) =>
    api.get<{ data: { id: string; username: string; name: string }[] }>('/users', { signal }).then((page) => page.data),
  listRoles: (signal?: AbortSignal) =>
    api.get<{ data: { id: string; name: string }[] }>('/roles', { signal }).then((page) => page.data),
};

export const routingKeys = {
  calendars: ['routing', 'calendars'] as const,
  calendar: (id: string) => ['routing', 'calendars', id] as const,
  paths: ['routing', 'paths'] as const,
  path: (id: string) => ['routing', 'paths', id] as const,
  record: (plural: string, id: string) => ['routing', 'record', plural, id] as const,
  users: ['routing', 'users'] as const,
  roles: ['routing', 'roles'] as const,
};

export function useCalendars() {
  return useQuery({ queryKey: routingKeys.calendars, queryFn: ({ signal }) => routingApi.listCalendars(signal) });
}

export function useRoutingPaths() {
  return useQuery({ queryKey: routingKeys.paths, queryFn: ({ signal }) => routingApi.listPaths(signal) });
}

/** Every user as id and name: the people a record can be diverted to. */
export function useUserNames(enabled = true) {
  return useQuery({
    queryKey: routingKeys.users,
    queryFn: ({ signal }) => routingApi.listUsers(signal),
    staleTime: 60 * 1000,
    enabled,
  });
}

export function useRoleNames(enabled = true) {
  return useQuery({ queryKey: routingKeys.roles, queryFn: ({ signal }) => routingApi.listRoles(signal), enabled });
}

/** "08:00-12:00, 13:00-17:00" ⇄ [["08:00","12:00"],["13:00","17:00"]]: how the calendar form edits a day. */
export function intervalsText(intervals: readonly (readonly [string, string])[]): string {
  return intervals.map(([start, end]) => `${start}-${end}`).join(', ');
}

export function parseIntervals(text: string): [string, string][] | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  const intervals: [string, string][] = [];
  for (const part of trimmed.split(',')) {
    const match = /^\s*(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})\s*$/.exec(part);
    if (match?.[1] === undefined || match[2] === undefined) return undefined;
    intervals.push([match[1].padStart(5, '0'), match[2].padStart(5, '0')]);
  }
  return intervals;
}

/** An instant as the reader's local date and time. */
export function formatInstant(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
