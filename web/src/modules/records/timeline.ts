/** The timeline of a record: what hangs under it through `parent` fields (notes, activities), merged. */
import { childSourcesOf, findField, type ChildSource, type EntityDefinition } from '@/lib/metadata';
import type { EntityRecord } from '@/lib/records';

export interface TimelineEntry {
  source: EntityDefinition;
  record: EntityRecord;
  /** The instant the entry is placed at: when an activity happened, when a note was written. */
  at: string;
  pinned: boolean;
}

// Attachments hang under records by a parent field too, but are made by uploads, not by a
// form, and have their own panel with their versions.
const NOT_ON_TIMELINE = new Set(['attachment']);

/** What the timeline of `entity` merges: the sources of its children, uploads left out. */
export function timelineSourcesOf(entity: EntityDefinition, entities: EntityDefinition[]): ChildSource[] {
  return childSourcesOf(entity, entities).filter(({ source }) => !NOT_ON_TIMELINE.has(source.name));
}

/** When a record of the source happened: its own `occurred_at` if it has one, else its creation. */
export function timeFieldOf(source: EntityDefinition): string {
  return findField(source, 'occurred_at') === undefined ? 'created_at' : 'occurred_at';
}

function instant(text: string): number {
  const time = Date.parse(text);
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

/** Orders entries: pinned first, then newest first; equal instants by id, newest id first (ULIDs grow). */
export function compareEntries(left: TimelineEntry, right: TimelineEntry): number {
  if (left.pinned !== right.pinned) return left.pinned ? -1 : 1;
  const byTime = instant(right.at) - instant(left.at);
  if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
  return right.record.id < left.record.id ? -1 : right.record.id > left.record.id ? 1 : 0;
}

/** The records of every source as one list, pinned notes on top, then newest first. */
export function mergeTimeline(groups: { source: EntityDefinition; records: EntityRecord[] }[]): TimelineEntry[] {
  const entries = groups.flatMap(({ source, records }) => {
    const field = timeFieldOf(source);
    return records.map((record) => {
      const at = record[field] ?? record.created_at;
      return { source, record, at: typeof at === 'string' ? at : '', pinned: record.pinned === true };
    });
  });
  return entries.sort(compareEntries);
}

/** The fields an inline form asks for: the well-known ones of notes and activities, else every editable one. */
const FORM_FIELDS: Record<string, string[]> = {
  note: ['subject', 'body'],
  activity: ['kind', 'subject', 'occurred_at', 'duration_minutes', 'outcome'],
};

export function formFieldsOf(source: EntityDefinition, parentField: string): string[] {
  const known = (FORM_FIELDS[source.name] ?? []).filter((name) => findField(source, name) !== undefined);
  if (known.length > 0) return known;
  return source.fields.filter((field) => !field.read_only && field.name !== parentField).map((field) => field.name);
}

const ACTION_LABELS: Record<string, string> = { note: 'Add note', activity: 'Log activity' };

/** The button that opens a source's inline form. */
export function actionLabelOf(source: EntityDefinition): string {
  return ACTION_LABELS[source.name] ?? `Add ${source.label.toLowerCase()}`;
}

/** The heading of the timeline: its sources' plural labels, `Notes & activities`. */
export function timelineTitle(sources: EntityDefinition[]): string {
  const labels = sources.map((source, index) => (index === 0 ? source.label_plural : source.label_plural.toLowerCase()));
  if (labels.length <= 1) return labels[0] ?? 'Timeline';
  return `${labels.slice(0, -1).join(', ')} & ${labels[labels.length - 1] ?? ''}`;
}

/** A new entry's starting values: the definition's defaults, and now for when it happened. */
export function startingValues(source: EntityDefinition, defaults: Record<string, unknown>, now: Date): Record<string, unknown> {
  const values = { ...defaults };
  const field = timeFieldOf(source);
  if (field !== 'created_at' && values[field] === undefined) {
    const minute = new Date(now);
    minute.setSeconds(0, 0);
    values[field] = minute.toISOString();
  }
  return values;
}

const SOURCE_ORDER = ['note', 'activity'];

/** Notes before activities, then any other source in the order of the metadata. */
export function orderSources<T extends { source: EntityDefinition }>(sources: T[]): T[] {
  const rank = (item: T) => {
    const index = SOURCE_ORDER.indexOf(item.source.name);
    return index < 0 ? SOURCE_ORDER.length : index;
  };
  return sources.map((item, index) => ({ item, index })).sort((a, b) => rank(a.item) - rank(b.item) || a.index - b.index).map(({ item }) => item);
}
