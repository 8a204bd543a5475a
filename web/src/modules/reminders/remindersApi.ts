/** Typed calls of `/api/v1/reminders` and the queries the reminders page reads. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';

export type Channel = 'in_app' | 'email';
export type ReminderStatus = 'active' | 'ended' | 'cancelled';

export interface ReminderOccurrence {
  occurrence_at: string;
  fired_at: string;
  recipients: number;
  emails: number;
  tasks: number;
}

export interface Reminder {
  id: string;
  title: string;
  notes: string;
  /** Local time in `time_zone`, YYYY-MM-DDTHH:MM:SS. */
  starts_at: string;
  time_zone: string;
  rrule: string;
  entity: string | null;
  record_id: string | null;
  channels: Channel[];
  create_task: boolean;
  status: ReminderStatus;
  next_at: string | null;
  fired_count: number;
  last_fired_at: string | null;
  created_by_id: string;
  recipient_ids: string[];
  recipients: { id: string; name: string }[];
  can_edit: boolean;
  /** One reminder only. */
  occurrences?: ReminderOccurrence[];
  upcoming?: string[];
  version: number;
}

export interface ReminderInput {
  title: string;
  notes: string;
  starts_at: string;
  time_zone: string;
  rrule: string;
  recipient_ids: string[];
  channels: Channel[];
  create_task: boolean;
  entity?: string | null;
  record_id?: string | null;
  version?: number;
}

export interface Recipient {
  id: string;
  name: string;
  username: string;
}

export type ReminderPeriod = 'upcoming' | 'past';

const KEY = ['reminders'] as const;

export function useReminders(period: ReminderPeriod) {
  return useQuery({
    queryKey: [...KEY, 'list', period],
    queryFn: ({ signal }) =>
      api.get<{ data: Reminder[]; next_cursor: string | null }>(`/reminders?status=${period}&limit=100`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useReminder(id: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: ({ signal }) => api.get<Reminder>(`/reminders/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: id !== undefined,
  });
}

export function useRecipients(text: string) {
  return useQuery({
    queryKey: [...KEY, 'recipients', text],
    queryFn: ({ signal }) =>
      api.get<{ data: Recipient[] }>(`/reminders/recipients?limit=50&q=${encodeURIComponent(text)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSaveReminder() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | undefined; input: ReminderInput }) =>
      id === undefined
        ? api.post<Reminder>('/reminders', input)
        : api.patch<Reminder>(`/reminders/${encodeURIComponent(id)}`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useCancelReminder() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<Reminder>(`/reminders/${encodeURIComponent(id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}
