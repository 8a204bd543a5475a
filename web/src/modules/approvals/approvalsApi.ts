/** Typed calls of the approvals API: the inbox, one approval's history, decisions, delegations and rules. */
import { api } from '@/lib/api';

export type ApprovalStatus = 'pending' | 'approved' | 'rejected';
export type ApproverKind = 'role' | 'manager' | 'users' | 'approve_right';
export type LevelMode = 'any' | 'all';
export type ApprovalTrigger = 'on_create' | 'on_update' | 'on_delete' | 'manual';

export interface Person {
  user_id: string;
  name: string | null;
}

export interface ApprovalLevel {
  kind: ApproverKind;
  mode: LevelMode;
  role?: string;
  depth?: number;
  user_ids?: string[];
}

export interface ApproverStep {
  user_id: string;
  name: string | null;
  status: 'waiting' | 'approved' | 'rejected' | 'closed';
  decided_by_id: string | null;
  decided_by_name: string | null;
  on_behalf_of_id: string | null;
  on_behalf_of_name: string | null;
  decided_at: string | null;
  remarks: string | null;
}

export interface ApprovalDecision {
  level: number;
  decision: 'approved' | 'rejected';
  user_id: string | null;
  name: string | null;
  on_behalf_of_id: string | null;
  on_behalf_of_name: string | null;
  at: string | null;
  remarks: string | null;
}

export interface Approval {
  id: string;
  kind: 'create' | 'update' | 'delete' | 'manual';
  entity: string;
  entity_plural?: string;
  record_id: string;
  title?: unknown;
  status: ApprovalStatus;
  rule_id: string | null;
  rule_name: string | null;
  requested_by_id: string | null;
  requested_by_name?: string | null;
  requested_at: string;
  decided_by_id: string | null;
  decided_at: string | null;
  remarks: string | null;
  current_level: number;
  level_count: number;
  waiting_for?: Person[];
  waiting_for_right?: string;
  levels?: (ApprovalLevel & { level: number; status: string; approvers: ApproverStep[] })[];
  decisions?: ApprovalDecision[];
  version: number;
}

export interface Delegation {
  id: string;
  user_id: string;
  user_name: string | null;
  delegate_id: string;
  delegate_name: string | null;
  starts_at: string;
  ends_at: string;
  remarks: string | null;
  active: boolean;
}

export interface ApprovalRule {
  id: string;
  entity: string;
  name: string;
  trigger: ApprovalTrigger;
  condition: string;
  levels: ApprovalLevel[];
  active: boolean;
  version: number;
}

export type ApprovalRuleInput = Omit<ApprovalRule, 'id' | 'version'> & { version?: number };

interface Listed<T> {
  data: T[];
}

export const approvalsApi = {
  waitingForMe: (signal?: AbortSignal) =>
    api.get<Listed<Approval>>('/approvals?assigned=me', { signal }).then((page) => page.data),
  myRequests: (status: ApprovalStatus | 'all', signal?: AbortSignal) =>
    api.get<Listed<Approval>>(`/approvals?requested=me&status=${status}`, { signal }).then((page) => page.data),
  pendingForRecord: (entity: string, recordId: string, signal?: AbortSignal) =>
    api
      .get<Listed<Approval>>(
        `/approvals?entity=${encodeURIComponent(entity)}&record_id=${encodeURIComponent(recordId)}`,
        { signal },
      )
      .then((page) => page.data),
  get: (id: string, signal?: AbortSignal) => api.get<Approval>(`/approvals/${encodeURIComponent(id)}`, { signal }),
  decide: (id: string, decision: 'approve' | 'reject', remarks: string) =>
    api.post<Approval>(`/approvals/${encodeURIComponent(id)}/${decision}`, remarks === '' ? {} : { remarks }),
  delegations: (signal?: AbortSignal) =>
    api.get<Listed<Delegation>>('/approval-delegations', { signal }).then((page) => page.data),
  delegates: (signal?: AbortSignal) =>
    api.get<Listed<{ id: string; name: string }>>('/approval-delegates', { signal }).then((page) => page.data),
  delegate: (input: { delegate_id: string; starts_at: string; ends_at: string; remarks?: string }) =>
    api.post<Delegation>('/approval-delegations', input),
  undelegate: (id: string) => api.delete<undefined>(`/approval-delegations/${encodeURIComponent(id)}`),
  rules: (signal?: AbortSignal) => api.get<Listed<ApprovalRule>>('/approval-rules', { signal }).then((page) => page.data),
  rule: (id: string, signal?: AbortSignal) => api.get<ApprovalRule>(`/approval-rules/${encodeURIComponent(id)}`, { signal }),
  createRule: (input: ApprovalRuleInput) => api.post<ApprovalRule>('/approval-rules', input),
  updateRule: (id: string, input: ApprovalRuleInput) =>
    api.patch<ApprovalRule>(`/approval-rules/${encodeURIComponent(id)}`, input),
  deleteRule: (id: string) => api.delete<undefined>(`/approval-rules/${encodeURIComponent(id)}`),
  roles: (signal?: AbortSignal) =>
    api.get<Listed<{ id: string; name: string }>>('/roles', { signal }).then((page) => page.data),
};

export const approvalKeys = {
  all: ['approvals'] as const,
  waiting: ['approvals', 'waiting'] as const,
  mine: (status: string) => ['approvals', 'mine', status] as const,
  one: (id: string) => ['approvals', 'one', id] as const,
  record: (entity: string, id: string) => ['approvals', 'record', entity, id] as const,
  delegations: ['approvals', 'delegations'] as const,
  delegates: ['approvals', 'delegates'] as const,
  rules: ['approval-rules'] as const,
  rule: (id: string) => ['approval-rules', id] as const,
  roles: ['approval-rules', 'roles'] as const,
};

/** "2027-01-31T09:00:00.000000Z" → the reader's local date and time. */
export function formatInstant(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleString();
}

/** What an approval is about, in a few words. */
export function approvalTitle(approval: Pick<Approval, 'rule_name' | 'kind' | 'entity'>): string {
  if (approval.rule_name !== null && approval.rule_name !== '') return approval.rule_name;
  return approval.kind === 'delete' ? `Delete a ${approval.entity}` : `Approve a ${approval.entity}`;
}

/** The people a pending approval waits for, or who may decide it. */
export function waitingText(approval: Pick<Approval, 'waiting_for' | 'waiting_for_right' | 'status'>): string {
  if (approval.status !== 'pending') return '';
  const names = (approval.waiting_for ?? []).map((person) => person.name ?? person.user_id);
  if (names.length > 0) return names.join(', ');
  return 'anyone with the approve right';
}

/** One line describing a chain level, for the rules list and the history. */
export function levelText(level: ApprovalLevel, userNames: ReadonlyMap<string, string> = new Map()): string {
  const mode = level.mode === 'all' ? 'all of' : 'one of';
  switch (level.kind) {
    case 'role':
      return `${mode} role ${level.role ?? ''}`;
    case 'manager':
      return level.depth !== undefined && level.depth > 1
        ? `the requester's manager, ${String(level.depth)} levels up`
        : "the requester's manager";
    case 'users':
      return `${mode} ${(level.user_ids ?? []).map((id) => userNames.get(id) ?? id).join(', ')}`;
    case 'approve_right':
      return 'anyone with the approve right';
  }
}
