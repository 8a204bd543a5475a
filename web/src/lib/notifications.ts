import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from './api';
import { subscribeToServerEvents } from './serverEvents';

/** One in-app notification, as `/api/v1/notifications` lists it. */
export interface AppNotification {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  entity: string | null;
  record_id: string | null;
  created_at: string;
  read_at: string | null;
}

export interface NotificationPage {
  data: AppNotification[];
  unread: number;
  next_before: string | null;
}

export const notificationsQueryKey = ['notifications'] as const;

export function fetchNotifications(signal?: AbortSignal) {
  return api.get<NotificationPage>('/notifications?limit=20', { signal });
}

export function markNotificationRead(id: string) {
  return api.post<{ unread: number }>(`/notifications/${encodeURIComponent(id)}/read`);
}

export function markAllNotificationsRead() {
  return api.post<{ unread: number }>('/notifications/read-all');
}

/**
 * The signed-in user's latest notifications, refreshed the moment the server announces
 * a new one on the event stream, again whenever the stream (re)connects, and every
 * minute should it be down.
 */
export function useNotifications() {
  const queryClient = useQueryClient();
  useEffect(() => {
    const refresh = () => {
      void queryClient.invalidateQueries({ queryKey: notificationsQueryKey });
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    };
    // `connected` comes first on every (re)connection: what arrived while the stream was
    // not yet (or no longer) open is read then, so nothing is missed.
    const stops = [subscribeToServerEvents('notification', refresh), subscribeToServerEvents('connected', refresh)];
    return () => {
      stops.forEach((stop) => {
        stop();
      });
    };
  }, [queryClient]);
  return useQuery({
    queryKey: notificationsQueryKey,
    queryFn: ({ signal }) => fetchNotifications(signal),
    refetchInterval: 60_000,
  });
}
