/** Typed calls of the message template API: templates, their previews and records to preview with. */
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';

export type TemplateChannel = 'email' | 'text';

export interface MessageTemplate {
  id: string;
  name: string;
  /** The entity whose records it merges, by name: `account`. */
  entity: string;
  channel: TemplateChannel;
  subject: string;
  body: string;
  version: number;
}

export type MessageTemplateInput = Omit<MessageTemplate, 'id' | 'version'> & { version?: number };

export interface RenderedMessage {
  subject: string;
  body: string;
  channel: TemplateChannel;
}

const encode = encodeURIComponent;

export const templatesApi = {
  list: (signal?: AbortSignal) =>
    api.get<{ data: MessageTemplate[] }>('/templates', { signal }).then((page) => page.data),
  get: (id: string, signal?: AbortSignal) => api.get<MessageTemplate>(`/templates/${encode(id)}`, { signal }),
  create: (input: MessageTemplateInput) => api.post<MessageTemplate>('/templates', input),
  update: (id: string, input: MessageTemplateInput) => api.patch<MessageTemplate>(`/templates/${encode(id)}`, input),
  remove: (id: string) => api.delete<undefined>(`/templates/${encode(id)}`),
  /** The template as typed, merged with a record the caller may read. */
  preview: (input: MessageTemplateInput, recordId: string, signal?: AbortSignal) =>
    api.post<RenderedMessage>(
      '/templates/preview',
      { entity: input.entity, channel: input.channel, subject: input.subject, body: input.body, record_id: recordId },
      { signal },
    ),
  /** A few records of an entity to preview with, newest first. */
  records: (plural: string, titleField: string, signal?: AbortSignal) =>
    api
      .get<{ data: Record<string, unknown>[] }>(`/${encode(plural)}?limit=50&fields=id,${encode(titleField)}`, { signal })
      .then((page) =>
        page.data.map((record) => ({
          id: String(record.id),
          title: typeof record[titleField] === 'string' ? record[titleField] : String(record.id),
        })),
      ),
};

export const templateKeys = {
  all: ['templates'] as const,
  one: (id: string) => ['templates', id] as const,
  records: (plural: string) => ['templates', 'records', plural] as const,
};

export function useTemplates() {
  return useQuery({ queryKey: templateKeys.all, queryFn: ({ signal }) => templatesApi.list(signal) });
}
