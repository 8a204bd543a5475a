/** Typed calls of the automation rules API. */
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';

export const triggerKinds = ['created', 'updated', 'field_changed', 'state_entered', 'date_reached', 'schedule'] as const;
export type TriggerKind = (typeof triggerKinds)[number];

export const actionTypes = [
  'create_task',
  'create_follow_up',
  'notify',
  'send_email',
  'set_field',
  'start_approval',
  'webhook',
] as const;
export type ActionType = (typeof actionTypes)[number];

export interface AutomationTrigger {
  kind: TriggerKind;
  field?: string;
  state?: string;
  offset_minutes?: number;
  schedule?: string;
}

/** One action; which members count depends on `type` (see the API's description). */
export interface AutomationAction {
  type: ActionType;
  title?: string;
  body?: string;
  assignee?: string;
  to?: string;
  user_id?: string;
  due_in_days?: number;
  priority?: string;
  template_id?: string;
  email_field?: string;
  field?: string;
  value?: unknown;
  approval_rule_id?: string;
  url?: string;
}

export interface AutomationRule {
  id: string;
  name: string;
  entity: string;
  trigger: AutomationTrigger;
  condition: string;
  actions: AutomationAction[];
  active: boolean;
  version: number;
}

export type AutomationRuleInput = Omit<AutomationRule, 'id' | 'version'> & { version?: number };

export interface AutomationRun {
  entity: string;
  record_id: string;
  event: 'fired' | 'done' | 'stopped';
  detail: string;
  depth: number;
  at: string;
}

const encode = encodeURIComponent;

export const automationApi = {
  list: (signal?: AbortSignal) =>
    api.get<{ data: AutomationRule[] }>('/automation-rules', { signal }).then((page) => page.data),
  get: (id: string, signal?: AbortSignal) => api.get<AutomationRule>(`/automation-rules/${encode(id)}`, { signal }),
  create: (input: AutomationRuleInput) => api.post<AutomationRule>('/automation-rules', input),
  update: (id: string, input: AutomationRuleInput) => api.patch<AutomationRule>(`/automation-rules/${encode(id)}`, input),
  remove: (id: string) => api.delete<undefined>(`/automation-rules/${encode(id)}`),
  runs: (id: string, signal?: AbortSignal) =>
    api.get<{ data: AutomationRun[] }>(`/automation-rules/${encode(id)}/runs`, { signal }).then((page) => page.data),
};

export const automationKeys = {
  all: ['automation-rules'] as const,
  one: (id: string) => ['automation-rules', id] as const,
  runs: (id: string) => ['automation-rules', id, 'runs'] as const,
};

export function useAutomationRules() {
  return useQuery({ queryKey: automationKeys.all, queryFn: ({ signal }) => automationApi.list(signal) });
}

const triggerLabels: Record<TriggerKind, string> = {
  created: 'Created',
  updated: 'Updated',
  field_changed: 'A field changed',
  state_entered: 'A state entered',
  date_reached: 'A date reached',
  schedule: 'On a schedule',
};

export function triggerLabel(kind: TriggerKind): string {
  return triggerLabels[kind];
}

const actionLabels: Record<ActionType, string> = {
  create_task: 'Create a task',
  create_follow_up: 'Create a follow-up',
  notify: 'Notify',
  send_email: 'Send a templated e-mail',
  set_field: 'Set a field',
  start_approval: 'Start an approval',
  webhook: 'Call a webhook',
};

export function actionLabel(type: ActionType): string {
  return actionLabels[type];
}

/** A one-line description of a trigger, for lists. */
export function describeTrigger(trigger: AutomationTrigger): string {
  switch (trigger.kind) {
    case 'field_changed':
      return `${triggerLabel(trigger.kind)}: ${trigger.field ?? ''}`;
    case 'state_entered':
      return `Entered ${trigger.state ?? ''}`;
    case 'date_reached': {
      const offset = trigger.offset_minutes ?? 0;
      const when = offset === 0 ? '' : offset < 0 ? ` ${String(-offset)} min before` : ` ${String(offset)} min after`;
      return `${trigger.field ?? ''} reached${when}`;
    }
    case 'schedule':
      return trigger.schedule ?? '';
    default:
      return triggerLabel(trigger.kind);
  }
}
