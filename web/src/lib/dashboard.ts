import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from './api';
import { isRecord } from './json';
import { subscribeToServerEvents } from './serverEvents';

/** One line of a dashboard section: what it is, and where it leads. */
export interface DashboardItem {
  title: string;
  subtitle?: string | undefined;
  /** A record of the workspace, or a page of the app. */
  link?: { entity: string; id: string } | undefined;
  href?: string | undefined;
  due_at?: string | undefined;
  overdue?: boolean | undefined;
}

export interface DashboardSection {
  name: string;
  label: string;
  items: DashboardItem[];
  total: number;
}

export const dashboardQueryKey = ['dashboard'] as const;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function readItem(value: unknown): DashboardItem | undefined {
  if (!isRecord(value) || text(value.title) === undefined) {
    return undefined;
  }
  const link = isRecord(value.link) && text(value.link.entity) !== undefined && text(value.link.id) !== undefined
    ? { entity: String(value.link.entity), id: String(value.link.id) }
    : undefined;
  return {
    title: String(value.title),
    subtitle: text(value.subtitle),
    link,
    href: text(value.href),
    due_at: text(value.due_at),
    overdue: value.overdue === true,
  };
}

/** Reads `GET /api/v1/dashboard`; sections whose content has no items list come out empty. */
export function readDashboard(answer: unknown): DashboardSection[] {
  if (!isRecord(answer) || !Array.isArray(answer.sections)) {
    return [];
  }
  return answer.sections.flatMap((section): DashboardSection[] => {
    if (!isRecord(section) || text(section.name) === undefined) {
      return [];
    }
    const content = isRecord(section.content) ? section.content : {};
    const items = Array.isArray(content.items)
      ? content.items.map(readItem).filter((item): item is DashboardItem => item !== undefined)
      : [];
    const total = typeof content.total === 'number' ? content.total : items.length;
    return [{ name: String(section.name), label: text(section.label) ?? String(section.name), items, total }];
  });
}

/** The caller's dashboard, read again whenever the server announces news for them. */
export function useDashboard() {
  const queryClient = useQueryClient();
  useEffect(() => {
    const refresh = () => void queryClient.invalidateQueries({ queryKey: dashboardQueryKey });
    const stops = [
      subscribeToServerEvents('notification', refresh),
      subscribeToServerEvents('dashboard.changed', refresh),
    ];
    return () => { stops.forEach((stop) => { stop(); }); };
  }, [queryClient]);
  return useQuery({
    queryKey: dashboardQueryKey,
    queryFn: async ({ signal }) => readDashboard(await api.get<unknown>('/dashboard', { signal })),
    refetchInterval: 60_000,
  });
}
