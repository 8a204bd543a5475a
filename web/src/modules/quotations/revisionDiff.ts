/**
 * The difference between two revisions as the server sends it, read defensively and put in
 * the order a reader expects: fields in the definition's order with their labels, what was
 * typed before what follows from it, lines by position.
 */
import { isRecord } from '@/lib/json';
import type { EntityDefinition, FieldDefinition } from '@/lib/metadata';
import type { RevisionChoice, RevisionList } from './quotationsApi';

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface LineChange {
  id: string;
  position: number | null;
  product_id: string | null;
  fields: FieldChange[];
}

export type SnapshotLine = Record<string, unknown> & { id: string };

export interface RevisionDiff {
  from: number;
  to: number;
  fields: FieldChange[];
  added: SnapshotLine[];
  removed: SnapshotLine[];
  changed: LineChange[];
}

/** One changed field as shown: its label and definition (when the caller may see it). */
export interface ChangeRow {
  name: string;
  label: string;
  definition: FieldDefinition | undefined;
  /** Computed by the server from other fields (a total): shown after what was typed. */
  computed: boolean;
  from: unknown;
  to: unknown;
}

function number(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function readChanges(value: unknown): FieldChange[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).flatMap((entry) =>
    typeof entry.field === 'string' ? [{ field: entry.field, from: entry.from ?? null, to: entry.to ?? null }] : [],
  );
}

function readLines(value: unknown): SnapshotLine[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).flatMap((line) => (typeof line.id === 'string' ? [line as SnapshotLine] : []));
}

function byPosition<T>(position: (item: T) => number | null) {
  return (left: T, right: T) => (position(left) ?? Number.MAX_SAFE_INTEGER) - (position(right) ?? Number.MAX_SAFE_INTEGER);
}

/** The server's answer as a diff; anything malformed is left out rather than breaking the view. */
export function readDiff(answer: unknown): RevisionDiff {
  const body = isRecord(answer) ? answer : {};
  const lines = isRecord(body.lines) ? body.lines : {};
  const changed = Array.isArray(lines.changed)
    ? lines.changed.filter(isRecord).flatMap((entry): LineChange[] =>
        typeof entry.id === 'string'
          ? [
              {
                id: entry.id,
                position: number(entry.position),
                product_id: typeof entry.product_id === 'string' ? entry.product_id : null,
                fields: readChanges(entry.fields),
              },
            ]
          : [],
      )
    : [];
  const linePosition = (line: SnapshotLine) => number(line.position);
  return {
    from: number(body.from) ?? 0,
    to: number(body.to) ?? 0,
    fields: readChanges(body.fields),
    added: readLines(lines.added).sort(byPosition(linePosition)),
    removed: readLines(lines.removed).sort(byPosition(linePosition)),
    changed: changed.sort(byPosition((line: LineChange) => line.position)),
  };
}

function humanName(name: string): string {
  const words = name.replace(/_id$/, '').replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The changes with labels, in the definition's order, typed fields first and the computed
 * ones (read-only on the definition) after them; fields the definition does not name come
 * last under a readable form of their name.
 */
export function describeChanges(changes: readonly FieldChange[], entity: EntityDefinition | undefined): ChangeRow[] {
  const fields = entity?.fields ?? [];
  const order = (name: string) => {
    const index = fields.findIndex((field) => field.name === name);
    return index < 0 ? fields.length : index;
  };
  const rows = changes.map((change): ChangeRow => {
    const definition = fields.find((field) => field.name === change.field);
    return {
      name: change.field,
      label: definition?.label ?? humanName(change.field),
      definition,
      computed: definition?.read_only === true,
      from: change.from,
      to: change.to,
    };
  });
  return rows.sort(
    (left, right) =>
      Number(left.computed) - Number(right.computed) ||
      order(left.name) - order(right.name) ||
      left.name.localeCompare(right.name),
  );
}

export function isEmptyDiff(diff: RevisionDiff): boolean {
  return diff.fields.length === 0 && diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
}

function count(amount: number, one: string, many: string): string {
  return `${String(amount)} ${amount === 1 ? one : many}`;
}

/** One sentence for the top of the comparison, and for screen readers when it arrives. */
export function diffSummary(diff: RevisionDiff): string {
  if (isEmptyDiff(diff)) return 'No differences.';
  const parts: string[] = [];
  if (diff.fields.length > 0) parts.push(count(diff.fields.length, 'field changed', 'fields changed'));
  if (diff.added.length > 0) parts.push(count(diff.added.length, 'line added', 'lines added'));
  if (diff.removed.length > 0) parts.push(count(diff.removed.length, 'line removed', 'lines removed'));
  if (diff.changed.length > 0) parts.push(count(diff.changed.length, 'line changed', 'lines changed'));
  return `${parts.join(', ')}.`;
}

/** How a revision is named in choices and headings. */
export function revisionLabel(revision: number | 'current', current: number): string {
  return revision === 'current' ? `Current (revision ${String(current)})` : `Revision ${String(revision)}`;
}

export interface Comparison {
  from: number;
  to: RevisionChoice;
}

/** The pair compared first: the last frozen revision with what stands now, or the two last frozen ones once it is sent. */
export function defaultComparison(list: RevisionList): Comparison | undefined {
  const frozen = list.data.map((entry) => entry.revision);
  const last = frozen.at(-1);
  if (last === undefined) return undefined;
  if (last < list.current) return { from: last, to: 'current' };
  return { from: frozen.at(-2) ?? last, to: 'current' };
}
