import { Alert, Button, Grid, Group, Paper, SegmentedControl, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '@/lib/api';
import { useMetadata } from '@/lib/metadata';
import { FullPageLoader } from '@/ui/FullPageLoader';
import { NotFoundPage } from '@/ui/NotFoundPage';
import { PageHeader } from '@/ui/PageHeader';
import { templateKeys, templatesApi, type MessageTemplate, type MessageTemplateInput, type TemplateChannel } from './templatesApi';

/** `/admin/templates/:id` (or `new`): a template's text with a live preview against a chosen record. */
export function TemplateEditPage() {
  const { id = 'new' } = useParams();
  const creating = id === 'new';
  const template = useQuery({
    queryKey: templateKeys.one(id),
    queryFn: ({ signal }) => templatesApi.get(id, signal),
    enabled: !creating,
  });
  if (!creating && template.isPending) return <FullPageLoader label="Loading the template" />;
  if (!creating && template.isError) {
    return isApiError(template.error) && template.error.status === 404 ? (
      <NotFoundPage />
    ) : (
      <Alert color="red" variant="light" title="The template could not be loaded">
        {template.error.message}
      </Alert>
    );
  }
  return <TemplateForm key={template.data?.version ?? 0} template={creating ? undefined : template.data} />;
}

/** The value after it has stayed the same for `delay` ms: previews follow typing, not each key. */
function useSettled<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => { setSettled(value); }, delay);
    return () => { clearTimeout(timer); };
  }, [value, delay]);
  return settled;
}

/** Field errors by field; syntax and unknown merge fields carry their line and column. */
function errorsOf(error: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!isApiError(error)) return fields;
  for (const entry of error.fields) {
    fields[entry.field] = fields[entry.field] === undefined ? entry.message : `${fields[entry.field]}; ${entry.message}`;
  }
  return fields;
}

function TemplateForm({ template }: { template: MessageTemplate | undefined }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const metadata = useMetadata();
  const [input, setInput] = useState<MessageTemplateInput>(() =>
    template === undefined ? { name: '', entity: 'account', channel: 'email', subject: '', body: '' } : { ...template },
  );
  const [recordId, setRecordId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | undefined>();
  const entities = metadata.data?.entities ?? [];
  const entity = entities.find((candidate) => candidate.name === input.entity);

  const records = useQuery({
    queryKey: templateKeys.records(entity?.plural ?? ''),
    queryFn: ({ signal }) => templatesApi.records(entity?.plural ?? '', entity?.title_field ?? 'id', signal),
    enabled: entity !== undefined,
  });
  const settled = useSettled(input, 400);
  const preview = useQuery({
    queryKey: ['templates', 'preview', settled, recordId],
    queryFn: ({ signal }) => templatesApi.preview(settled, recordId ?? '', signal),
    enabled: recordId !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });

  const save = useMutation({
    mutationFn: (body: MessageTemplateInput) =>
      template === undefined ? templatesApi.create(body) : templatesApi.update(template.id, { ...body, version: template.version }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: templateKeys.all });
      setErrors({});
      setGeneral(undefined);
      void navigate(`/admin/templates/${encodeURIComponent(saved.id)}`, { replace: true });
    },
    onError: (error) => {
      setErrors(errorsOf(error));
      setGeneral(isApiError(error) && error.fields.length > 0 ? undefined : error.message);
    },
  });
  const remove = useMutation({
    mutationFn: () => templatesApi.remove(template?.id ?? ''),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: templateKeys.all });
      void navigate('/admin/templates');
    },
    onError: (error) => { setGeneral(error.message); },
  });
  const previewErrors = preview.isError ? errorsOf(preview.error) : {};

  return (
    <Stack gap="md">
      <PageHeader title={template?.name ?? 'New template'} back={{ to: '/admin/templates', label: 'Templates' }} />
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              save.mutate(input);
            }}
          >
            <Stack gap="sm">
              {general === undefined ? null : (
                <Alert color="red" variant="light" role="alert">
                  {general}
                </Alert>
              )}
              <TextInput label="Name" required maxLength={200} value={input.name} error={errors.name}
                onChange={(event) => { const name = event.currentTarget.value; setInput((current) => ({ ...current, name })); }} />
              <Select label="Records of" required allowDeselect={false}
                data={entities.map((candidate) => ({ value: candidate.name, label: candidate.label_plural }))}
                value={input.entity} error={errors.entity}
                onChange={(value) => { setRecordId(null); setInput((current) => ({ ...current, entity: value ?? current.entity })); }} />
              <Stack gap={4}>
                <Text size="sm" fw={500} id="template-channel">Channel</Text>
                <SegmentedControl aria-labelledby="template-channel" value={input.channel}
                  data={[{ value: 'email', label: 'E-mail (HTML)' }, { value: 'text', label: 'Text' }]}
                  onChange={(value) => { setInput((current) => ({ ...current, channel: value as TemplateChannel })); }} />
              </Stack>
              <TextInput label="Subject" maxLength={1000} value={input.subject} error={errors.subject}
                description={`Merge fields such as {{ ${input.entity}.name }}`}
                onChange={(event) => { const subject = event.currentTarget.value; setInput((current) => ({ ...current, subject })); }} />
              <Textarea label="Body" autosize minRows={8} maxRows={24} value={input.body} error={errors.body}
                styles={{ input: { fontFamily: 'monospace' } }}
                description="{% if %}, {% for item in list %}, filters such as | money and | date: '%d %B %Y'"
                onChange={(event) => { const body = event.currentTarget.value; setInput((current) => ({ ...current, body })); }} />
              <Group gap="sm">
                <Button type="submit" loading={save.isPending}>Save</Button>
                {template === undefined ? null : (
                  <Button color="red" variant="light" loading={remove.isPending} onClick={() => { remove.mutate(); }}>
                    Delete
                  </Button>
                )}
              </Group>
            </Stack>
          </form>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder p="md">
            <Stack gap="sm" aria-live="polite">
              <Title order={2} size="h4">Preview</Title>
              <Select label="Record" placeholder="Choose a record" searchable clearable
                data={(records.data ?? []).map((record) => ({ value: record.id, label: record.title }))}
                value={recordId} onChange={setRecordId} />
              {recordId === null ? (
                <Text size="sm" c="dimmed">Choose a record to see the template merged with it.</Text>
              ) : preview.isError ? (
                <Alert color="red" variant="light" title="The preview could not be rendered" role="alert">
                  {Object.keys(previewErrors).length > 0
                    ? Object.entries(previewErrors).map(([field, message]) => `${field}: ${message}`).join(' ')
                    : preview.error.message}
                </Alert>
              ) : preview.data === undefined ? (
                <Text size="sm" c="dimmed" role="status">Rendering…</Text>
              ) : (
                <Stack gap="xs">
                  <Text size="sm" fw={700} aria-label="Rendered subject" style={{ overflowWrap: 'anywhere' }}>
                    {preview.data.subject}
                  </Text>
                  {preview.data.channel === 'email' ? (
                    // The merged HTML in a sandbox: no scripts, no access to this page.
                    <iframe title="Rendered body" sandbox="" srcDoc={preview.data.body}
                      style={{ width: '100%', minHeight: 240, border: '1px solid var(--mantine-color-gray-3)' }} />
                  ) : (
                    <Text size="sm" aria-label="Rendered body" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      {preview.data.body}
                    </Text>
                  )}
                </Stack>
              )}
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
