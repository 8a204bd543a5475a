import { Anchor, Group, MultiSelect, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { quote } from '@/lib/filter';
import { useMetadata, type EntityDefinition, type FieldDefinition } from '@/lib/metadata';
import { getRecord, listRecords, recordTitle } from '@/lib/records';
import { inputChrome } from './common';
import type { FieldDisplayProps, FieldInputProps } from './types';
import { asStringList, asText } from './values';

const SEARCH_LIMIT = 20;

function useTarget(field: FieldDefinition): EntityDefinition | undefined {
  const metadata = useMetadata();
  return metadata.data?.entities.find((entity) => entity.name === field.entity);
}

/** The title of one linked record, shared through the query cache with every other use. */
function useLinkedTitle(target: EntityDefinition | undefined, id: string) {
  const query = useQuery({
    queryKey: ['records', target?.plural, 'detail', id],
    queryFn: ({ signal }) => getRecord(target?.plural ?? '', id, signal),
    enabled: target !== undefined && id !== '',
    staleTime: 60 * 1000,
  });
  return query.data === undefined || target === undefined ? id : recordTitle(query.data, target.title_field);
}

export function LinkedRecord({ target, id }: { target: EntityDefinition | undefined; id: string }) {
  const title = useLinkedTitle(target, id);
  if (target === undefined) return <span>{id}</span>;
  return (
    <Anchor
      component={Link}
      to={`/${encodeURIComponent(target.plural)}/${encodeURIComponent(id)}`}
      size="sm"
      style={{ overflowWrap: 'anywhere' }}
      onClick={(event) => {
        event.stopPropagation();
      }}
    >
      {title}
    </Anchor>
  );
}

export function LinkDisplay({ field, value }: FieldDisplayProps) {
  const target = useTarget(field);
  const id = asText(value);
  return id === '' ? null : <LinkedRecord target={target} id={id} />;
}

export function LinkMultipleDisplay({ field, value }: FieldDisplayProps) {
  const target = useTarget(field);
  const ids = asStringList(value);
  return ids.length === 0 ? null : (
    <Group gap="xs">
      {ids.map((id) => (
        <LinkedRecord key={id} target={target} id={id} />
      ))}
    </Group>
  );
}

/** Records of the target whose title contains the typed text, asked as you type. */
function useCandidates(target: EntityDefinition | undefined, search: string) {
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const query = useQuery({
    queryKey: ['records', target?.plural, 'candidates', debounced],
    queryFn: ({ signal }) =>
      listRecords(
        target?.plural ?? '',
        {
          filter: debounced === '' ? '' : `${target?.title_field ?? 'name'} contains ${quote(debounced)}`,
          limit: SEARCH_LIMIT,
        },
        signal,
      ),
    enabled: target !== undefined,
    staleTime: 30 * 1000,
  });
  const options = (query.data?.data ?? []).map((record) => ({
    value: record.id,
    label: target === undefined ? record.id : recordTitle(record, target.title_field),
  }));
  return { options, loading: query.isFetching };
}

function withSelected(options: { value: string; label: string }[], selected: { value: string; label: string }[]) {
  const seen = new Set(options.map((option) => option.value));
  return [...selected.filter((option) => !seen.has(option.value)), ...options];
}

export function LinkInput(props: FieldInputProps) {
  const { field, value, onChange } = props;
  const target = useTarget(field);
  const id = asText(value);
  const title = useLinkedTitle(target, id);
  const [search, setSearch] = useState('');
  const { options } = useCandidates(target, search === title ? '' : search);
  return (
    <Select
      {...inputChrome(props)}
      data={withSelected(options, id === '' ? [] : [{ value: id, label: title }])}
      value={id === '' ? null : id}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      clearable
      placeholder={target === undefined ? undefined : `Search ${target.label_plural.toLowerCase()}`}
      nothingFoundMessage="No match"
      comboboxProps={{ withinPortal: true }}
      onChange={(next) => {
        onChange(next);
      }}
    />
  );
}

export function LinkMultipleInput(props: FieldInputProps) {
  const { field, value, onChange } = props;
  const target = useTarget(field);
  const ids = asStringList(value);
  const [search, setSearch] = useState('');
  const [known, setKnown] = useState<Record<string, string>>({});
  const { options } = useCandidates(target, search);
  const selected = ids.map((id) => ({ value: id, label: known[id] ?? id }));
  return (
    <MultiSelect
      {...inputChrome(props)}
      data={withSelected(options, selected)}
      value={ids}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      clearable
      nothingFoundMessage="No match"
      comboboxProps={{ withinPortal: true }}
      onChange={(next) => {
        const labels = { ...known };
        for (const option of options) labels[option.value] = option.label;
        setKnown(labels);
        onChange(next);
      }}
    />
  );
}
