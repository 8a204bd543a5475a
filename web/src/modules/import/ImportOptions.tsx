import { Button, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  DATE_FORMATS,
  listTemplates,
  saveTemplate,
  type DateFormat,
  type DecimalSeparator,
  type DuplicateHandling,
  type ImportMode,
  type ImportSettings,
  type ImportTarget,
  type ImportTemplate,
} from './importApi';

export type Options = Omit<ImportSettings, 'mapping'>;

interface ImportOptionsProps {
  plural: string;
  options: Options;
  keyTargets: ImportTarget[];
  mapping: Record<string, string>;
  onChange: (options: Options) => void;
  onTemplate: (template: ImportTemplate) => void;
}

/** Mode, key, duplicates, date and number formats; templates to load and save. */
export function ImportOptions({ plural, options, keyTargets, mapping, onChange, onTemplate }: ImportOptionsProps) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const templates = useQuery({
    queryKey: ['import-templates', plural],
    queryFn: ({ signal }) => listTemplates(plural, signal),
  });
  const save = useMutation({
    mutationFn: () => saveTemplate(plural, name.trim(), { ...options, mapping }),
    onSuccess: () => {
      setName('');
      void queryClient.invalidateQueries({ queryKey: ['import-templates', plural] });
    },
  });
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        <Select
          label="Mode"
          data={[
            { value: 'create', label: 'Create new records' },
            { value: 'update', label: 'Update existing records' },
            { value: 'upsert', label: 'Update or create' },
          ]}
          value={options.mode}
          allowDeselect={false}
          onChange={(value) => { onChange({ ...options, mode: (value ?? 'create') as ImportMode }); }}
        />
        <Select
          label="Key field"
          description="Finds the existing record of a row"
          placeholder="None"
          data={keyTargets.map((target) => ({ value: target.name, label: target.label }))}
          value={options.key_field}
          clearable
          onChange={(value) => { onChange({ ...options, key_field: value }); }}
        />
        <Select
          label="Rows matching a record"
          data={[
            { value: 'skip', label: 'Skip them' },
            { value: 'update', label: 'Update the record' },
            { value: 'create', label: 'Create anyway' },
          ]}
          value={options.duplicates}
          allowDeselect={false}
          disabled={options.mode !== 'create'}
          onChange={(value) => { onChange({ ...options, duplicates: (value ?? 'skip') as DuplicateHandling }); }}
        />
        <Select
          label="Date format"
          data={[...DATE_FORMATS]}
          value={options.date_format}
          allowDeselect={false}
          onChange={(value) => { onChange({ ...options, date_format: (value ?? 'YYYY-MM-DD') as DateFormat }); }}
        />
        <Select
          label="Decimal separator"
          data={[
            { value: '.', label: 'Point (1234.50)' },
            { value: ',', label: 'Comma (1234,50)' },
          ]}
          value={options.decimal_separator}
          allowDeselect={false}
          onChange={(value) => { onChange({ ...options, decimal_separator: (value ?? '.') as DecimalSeparator }); }}
        />
        <Select
          label="Load a template"
          placeholder={templates.data?.length === 0 ? 'No templates yet' : 'Choose a template'}
          data={(templates.data ?? []).map((template) => ({ value: template.id, label: template.name }))}
          value={null}
          onChange={(value) => {
            const chosen = templates.data?.find((template) => template.id === value);
            if (chosen !== undefined) onTemplate(chosen);
          }}
        />
      </SimpleGrid>
      <Group align="flex-end" gap="sm">
        <TextInput
          label="Save as template"
          placeholder="Template name"
          value={name}
          error={save.isError ? save.error.message : undefined}
          onChange={(event) => { setName(event.currentTarget.value); }}
          style={{ flex: '1 1 200px', minWidth: 0 }}
        />
        <Button variant="default" disabled={name.trim() === ''} loading={save.isPending} onClick={() => { save.mutate(); }}>
          Save template
        </Button>
      </Group>
    </>
  );
}
