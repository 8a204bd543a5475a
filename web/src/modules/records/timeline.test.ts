import { describe, expect, it } from 'vitest';
import { readMetadata, type EntityDefinition } from '@/lib/metadata';
import type { EntityRecord } from '@/lib/records';
import { actionLabelOf, formFieldsOf, mergeTimeline, orderSources, startingValues, timeFieldOf, timelineSourcesOf, timelineTitle } from './timeline';

function entity(name: string, labelPlural: string, fields: string[]): EntityDefinition {
  return {
    name,
    plural: `${name}s`,
    label: name,
    label_plural: labelPlural,
    module: 'activities',
    title_field: 'subject',
    master_data: false,
    fields: fields.map((field) => ({
      name: field,
      field,
      type: field === 'parent' ? 'parent' : 'text',
      label: field,
      required: false,
      numbered: false,
      unique: false,
      read_only: false,
      searchable: false,
      sortable: true,
      operators: [],
      values: [],
    })),
    list_columns: [],
    sections: [],
    rights: { read: true, create: true },
  };
}

const notes = entity('note', 'Notes', ['parent', 'subject', 'body', 'pinned']);
const activities = entity('activity', 'Activities', ['parent', 'kind', 'subject', 'occurred_at', 'duration_minutes', 'outcome']);

const note = (id: string, created: string, pinned = false): EntityRecord => ({ id, subject: id, created_at: created, pinned });
const activity = (id: string, occurred: string, created = '2026-11-22T12:00:00Z'): EntityRecord => ({
  id,
  subject: id,
  occurred_at: occurred,
  created_at: created,
});

describe('timeline', () => {
  it('places notes by when they were written and activities by when they happened', () => {
    expect(timeFieldOf(notes)).toBe('created_at');
    expect(timeFieldOf(activities)).toBe('occurred_at');
  });

  it('merges notes and activities newest first, with pinned notes on top', () => {
    const entries = mergeTimeline([
      { source: notes, records: [note('n-new', '2026-11-22T09:00:00Z'), note('n-old', '2026-11-01T09:00:00Z'), note('n-pinned', '2026-10-01T09:00:00Z', true)] },
      // Logged today, but it happened last week: its place is last week.
      { source: activities, records: [activity('a-last-week', '2026-11-15T10:00:00Z'), activity('a-today', '2026-11-22T10:30:00.000000Z')] },
    ]);
    expect(entries.map((entry) => entry.record.id)).toEqual(['n-pinned', 'a-today', 'n-new', 'a-last-week', 'n-old']);
    expect(entries[0]?.pinned).toBe(true);
    expect(entries[1]?.source).toBe(activities);
    expect(entries[1]?.at).toBe('2026-11-22T10:30:00.000000Z');
  });

  it('orders pinned notes among themselves newest first, equal instants by id, and puts unknown times last', () => {
    const entries = mergeTimeline([
      { source: notes, records: [note('01A', '2026-11-20T09:00:00Z', true), note('01C', '2026-11-21T09:00:00Z', true), note('01B', 'not a time'), note('01D', '2026-11-19T09:00:00Z'), note('01E', '2026-11-19T09:00:00Z')] },
    ]);
    expect(entries.map((entry) => entry.record.id)).toEqual(['01C', '01A', '01E', '01D', '01B']);
  });

  it('is empty without records', () => {
    expect(mergeTimeline([{ source: notes, records: [] }])).toEqual([]);
  });

  it('asks for the fields of notes and activities, and every editable field of other sources', () => {
    expect(formFieldsOf(notes, 'parent')).toEqual(['subject', 'body']);
    expect(formFieldsOf(activities, 'parent')).toEqual(['kind', 'subject', 'occurred_at', 'duration_minutes', 'outcome']);
    expect(formFieldsOf(entity('task', 'Tasks', ['parent', 'title', 'due']), 'parent')).toEqual(['title', 'due']);
    expect(actionLabelOf(notes)).toBe('Add note');
    expect(actionLabelOf(activities)).toBe('Log activity');
    expect(actionLabelOf(entity('task', 'Tasks', []))).toBe('Add task');
    expect(timelineTitle([notes, activities])).toBe('Notes & activities');
    expect(timelineTitle([notes])).toBe('Notes');
  });

  it('lists notes before activities whatever the order of the metadata', () => {
    const tasks = entity('task', 'Tasks', ['parent']);
    const ordered = orderSources([{ source: tasks }, { source: activities }, { source: notes }]).map(({ source }) => source.name);
    expect(ordered).toEqual(['note', 'activity', 'task']);
    expect(timelineTitle([notes, activities, tasks])).toBe('Notes, activities & tasks');
  });

  it('starts a new activity now, to the minute, and keeps the defaults', () => {
    const now = new Date('2026-11-22T10:42:37.123Z');
    expect(startingValues(activities, { kind: 'call' }, now)).toEqual({ kind: 'call', occurred_at: '2026-11-22T10:42:00.000Z' });
    expect(startingValues(notes, { pinned: false }, now)).toEqual({ pinned: false });
  });
});

describe('timelineSourcesOf', () => {
  it('merges notes and activities but leaves attachments to their own panel', () => {
    const parent = { name: 'parent', type: 'parent', entities: ['account'] };
    const { entities } = readMetadata({
      entities: ['account', 'note', 'activity', 'attachment'].map((name) => ({
        name,
        plural: `${name}s`,
        fields: name === 'account' ? [{ name: 'name', type: 'text' }] : [parent],
      })),
    });
    const account = entities.find((candidate) => candidate.name === 'account');
    if (account === undefined) throw new Error('no account');
    expect(timelineSourcesOf(account, entities).map(({ source }) => source.name)).toEqual(['note', 'activity']);
  });
});
