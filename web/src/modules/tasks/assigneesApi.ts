import { api } from '@/lib/api';

export type AssigneeStatus = 'open' | 'in_progress' | 'done' | 'rejected';

export interface Assignee {
  user_id: string;
  name: string;
  status: AssigneeStatus;
  progress: number;
  assigned_at: string;
  updated_at: string;
}

export interface ProgressReport {
  id: string;
  user_id: string;
  name: string;
  status: AssigneeStatus;
  progress: number;
  remarks: string | null;
  created_at: string;
}

export interface Assignees {
  data: Assignee[];
  reports: ProgressReport[];
}

export interface Person {
  id: string;
  name: string;
  username: string;
}

export const statusLabels: Record<AssigneeStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  rejected: 'Rejected',
};

const base = (plural: string, id: string) =>
  `/${encodeURIComponent(plural)}/${encodeURIComponent(id)}/assignees`;

export function fetchAssignees(plural: string, id: string, signal?: AbortSignal) {
  return api.get<Assignees>(base(plural, id), { signal });
}

export function setAssignees(plural: string, id: string, userIds: string[]) {
  return api.put<Assignees>(base(plural, id), { user_ids: userIds });
}

export function reportProgress(
  plural: string,
  id: string,
  report: { status?: AssigneeStatus; progress?: number; remarks?: string },
) {
  return api.patch<Assignees>(`${base(plural, id)}/me`, report);
}

export function findPeople(query: string, signal?: AbortSignal) {
  return api.get<{ data: Person[] }>(`/people?q=${encodeURIComponent(query)}`, { signal });
}
