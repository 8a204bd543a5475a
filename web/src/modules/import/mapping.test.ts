import { describe, expect, it } from 'vitest';
import type { ImportTarget } from './importApi';
import {
  DEFAULT_SETTINGS,
  choicesFromTemplate,
  keyCandidates,
  mappingProblems,
  progressPercent,
  requestMapping,
  suggestedChoices,
} from './mapping';

const targets: ImportTarget[] = [
  { name: 'code', label: 'Code', type: 'text', required: true, key: true },
  { name: 'name', label: 'Name', type: 'text', required: true, key: true },
  { name: 'email', label: 'E-mail', type: 'email', required: false, key: true },
  { name: 'comments', label: 'Comments', type: 'long_text', required: false, key: false },
];

describe('suggestedChoices', () => {
  it('takes the server’s suggestion per column and leaves the others out', () => {
    expect(
      suggestedChoices({ header: ['Code', 'Name', 'Shoe', '', 'Code'], suggested_mapping: { Code: 'code', Name: 'name', Shoe: null } }),
    ).toEqual({ Code: 'code', Name: 'name', Shoe: '' });
  });
});

describe('choicesFromTemplate', () => {
  it('maps the file’s columns the template knows and clears the rest', () => {
    expect(choicesFromTemplate({ Code: 'code', Extra: 'comments' }, { Code: 'name', Missing: 'email' })).toEqual({
      Code: 'name',
      Extra: '',
    });
  });
});

describe('requestMapping', () => {
  it('sends only the columns that fill a field', () => {
    expect(requestMapping({ Code: 'code', Shoe: '' })).toEqual({ Code: 'code' });
  });
});

describe('keyCandidates', () => {
  it('offers unique or indexed fields that a column fills', () => {
    expect(keyCandidates(targets, { A: 'code', B: 'comments', C: '' }).map((target) => target.name)).toEqual(['code']);
  });
});

describe('mappingProblems', () => {
  it('is empty for a complete mapping', () => {
    expect(mappingProblems(targets, { A: 'code', B: 'name' }, DEFAULT_SETTINGS)).toEqual([]);
  });

  it('names a field filled twice and a required field left out', () => {
    expect(mappingProblems(targets, { A: 'code', B: 'code' }, DEFAULT_SETTINGS)).toEqual([
      'Two columns fill “Code”.',
      'No column fills the required field “Name”.',
    ]);
  });

  it('asks for a key to update by, and for it to be mapped', () => {
    expect(mappingProblems(targets, { A: 'code' }, { ...DEFAULT_SETTINGS, mode: 'update' })).toEqual([
      'Choose the key field that finds the records to update.',
    ]);
    expect(mappingProblems(targets, { A: 'code', B: 'name' }, { ...DEFAULT_SETTINGS, mode: 'upsert', key_field: 'email' })).toEqual([
      'The key field must be filled by a column.',
    ]);
  });

  it('wants at least one column mapped', () => {
    expect(mappingProblems([], { A: '' }, DEFAULT_SETTINGS)).toEqual(['Choose a field for at least one column.']);
  });
});

describe('progressPercent', () => {
  it('follows rows done over rows total, and is full when done', () => {
    expect(progressPercent({ rows_done: 250, rows_total: 1000, status: 'running' })).toBe(25);
    expect(progressPercent({ rows_done: 0, rows_total: null, status: 'queued' })).toBe(0);
    expect(progressPercent({ rows_done: 3, rows_total: 3, status: 'done' })).toBe(100);
  });
});
