import { Alert, Anchor, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '@/lib/api';
import { useMetadata, type EntityDefinition } from '@/lib/metadata';
import { FullPageLoader } from '@/ui/FullPageLoader';
import { NotFoundPage } from '@/ui/NotFoundPage';
import { ImportOptions, type Options } from './ImportOptions';
import { ImportRunPanel } from './ImportRunPanel';
import { startImport, uploadImportFile, type ImportFile, type ImportRun, type ImportTemplate } from './importApi';
import { MappingTable } from './MappingTable';
import {
  DEFAULT_SETTINGS,
  choicesFromTemplate,
  keyCandidates,
  mappingProblems,
  requestMapping,
  suggestedChoices,
  type Choices,
} from './mapping';
import { UploadArea } from './UploadArea';

/** The field messages of an API error, else its message. */
function errorText(error: Error): string {
  if (isApiError(error) && error.fields.length > 0) return error.fields.map((field) => field.message).join(' ');
  return error.message;
}

/** `/:plural/import`: upload a file, map its columns, dry run, import with live progress. */
export function ImportPage() {
  const { plural } = useParams();
  const metadata = useMetadata();
  const entity = metadata.data?.entities.find((candidate) => candidate.plural === plural);
  if (metadata.status === 'pending') return <FullPageLoader label="Loading the definitions" />;
  if (entity === undefined) return <NotFoundPage />;
  return <ImportWizard key={entity.name} entity={entity} />;
}

function ImportWizard({ entity }: { entity: EntityDefinition }) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<number | undefined>();
  const [file, setFile] = useState<ImportFile | undefined>();
  const [choices, setChoices] = useState<Choices>({});
  const [options, setOptions] = useState<Options>(DEFAULT_SETTINGS);
  const [dryRun, setDryRun] = useState<ImportRun | undefined>();
  const [run, setRun] = useState<ImportRun | undefined>();

  const upload = useMutation({
    mutationFn: (chosen: File) => uploadImportFile(entity.plural, chosen, setProgress),
    onMutate: () => {
      setProgress(0);
      setFile(undefined);
      setDryRun(undefined);
      setRun(undefined);
    },
    onSuccess: (uploaded) => {
      setFile(uploaded);
      setChoices(suggestedChoices(uploaded));
    },
  });
  const start = useMutation({
    mutationFn: (dry: boolean) =>
      startImport({ ...options, mapping: requestMapping(choices), file_id: file?.id ?? '', entity: entity.plural, dry_run: dry }),
    onSuccess: (started) => {
      if (started.dry_run) setDryRun(started);
      else setRun(started);
    },
  });
  const problems = file === undefined ? [] : mappingProblems(file.targets, choices, options);
  const applyTemplate = (template: ImportTemplate) => {
    setChoices(choicesFromTemplate(choices, template.settings.mapping ?? {}));
    setOptions({
      mode: template.settings.mode ?? DEFAULT_SETTINGS.mode,
      key_field: template.settings.key_field ?? null,
      duplicates: template.settings.duplicates ?? DEFAULT_SETTINGS.duplicates,
      date_format: template.settings.date_format ?? DEFAULT_SETTINGS.date_format,
      decimal_separator: template.settings.decimal_separator ?? DEFAULT_SETTINGS.decimal_separator,
    });
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>Import {entity.label_plural.toLowerCase()}</Title>
        <Anchor component={Link} to={`/${entity.plural}`}>
          Back to the list
        </Anchor>
      </Group>
      <Title order={2} size="h3">1. The file</Title>
      <UploadArea onFile={(chosen) => { upload.mutate(chosen); }} progress={progress} />
      {upload.isError ? (
        <Alert color="red" title="The file cannot be imported">
          {errorText(upload.error)}
        </Alert>
      ) : null}
      {file === undefined ? null : (
        <>
          <Text size="sm" c="dimmed">
            {file.name}: {file.format.toUpperCase()}
            {file.separator === null ? '' : `, separated by “${file.separator === '\t' ? 'tab' : file.separator}”`}
            {file.preset === null ? '' : `, recognised as a ${file.preset === 'google' ? 'Google Contacts' : 'Outlook'} export`}
          </Text>
          <Title order={2} size="h3">2. Columns and fields</Title>
          <MappingTable
            file={file}
            choices={choices}
            onChange={(column, target) => { setChoices({ ...choices, [column]: target }); }}
          />
          <Title order={2} size="h3">3. Options</Title>
          <ImportOptions
            plural={entity.plural}
            options={options}
            keyTargets={keyCandidates(file.targets, choices)}
            mapping={requestMapping(choices)}
            onChange={setOptions}
            onTemplate={applyTemplate}
          />
          {problems.length === 0 ? null : (
            <Alert color="yellow" title="Before importing">
              <List size="sm">{problems.map((problem) => <List.Item key={problem}>{problem}</List.Item>)}</List>
            </Alert>
          )}
          {start.isError ? (
            <Alert color="red" title="The import cannot start">
              {errorText(start.error)}
            </Alert>
          ) : null}
          <Title order={2} size="h3">4. Dry run and import</Title>
          <Group gap="sm">
            <Button variant="default" disabled={problems.length > 0} loading={start.isPending && start.variables} onClick={() => { start.mutate(true); }}>
              Dry run
            </Button>
            <Button disabled={problems.length > 0 || run !== undefined} loading={start.isPending && !start.variables} onClick={() => { start.mutate(false); }}>
              Start import
            </Button>
          </Group>
          {dryRun === undefined ? null : <ImportRunPanel key={dryRun.id} run={dryRun} />}
          {run === undefined ? null : (
            <ImportRunPanel
              key={run.id}
              run={run}
              onFinished={() => { void queryClient.invalidateQueries({ queryKey: ['records', entity.plural] }); }}
            />
          )}
        </>
      )}
    </Stack>
  );
}
