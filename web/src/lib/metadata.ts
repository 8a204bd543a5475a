import { useQuery } from '@tanstack/react-query';
import { isRecord } from './json';
import { api } from './api';

/** One choice of an enum, a multi-enum or a picklist. */
export interface Choice {
  key: string;
  label: string;
}

/** The field types the server describes; unknown types are shown as text. */
export type FieldType =
  | 'text'
  | 'long_text'
  | 'email'
  | 'phone'
  | 'url'
  | 'integer'
  | 'decimal'
  | 'percent'
  | 'money'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'enum'
  | 'multi_enum'
  | 'link'
  | 'link_multiple'
  | 'address'
  | 'json'
  | 'parent';

/** One field of an entity; `name` is the API name (`parent_id` for the link `parent`). */
export interface FieldDefinition {
  name: string;
  field: string;
  type: FieldType | (string & {});
  label: string;
  required: boolean;
  numbered: boolean;
  unique: boolean;
  read_only: boolean;
  searchable: boolean;
  sortable: boolean;
  operators: string[];
  max_length?: number;
  scale?: number;
  /** Choices of an enum, either inline (`values`) or resolved from its `picklist`. */
  values: Choice[];
  picklist?: string;
  /** The entity (singular name) a link points at. */
  entity?: string;
  /** The entities (singular names) a parent field may point at. */
  entities?: string[];
  parts?: string[];
  default?: unknown;
}

export interface SectionDefinition {
  label: string;
  fields: string[];
}

/** One entity as listed by `GET /api/v1/metadata`. */
export interface EntitySummary {
  name: string;
  plural: string;
  label: string;
  label_plural: string;
  module: string;
}

/** A named step from some states to another, taken through the API, never by editing. */
export interface TransitionDefinition {
  name: string;
  label: string;
  from: string[];
  to: string;
  roles: string[];
  /** Fields that must have a value once the step is taken. */
  requires: string[];
}

export interface StateMachineDefinition {
  field: string;
  initial: string;
  transitions: TransitionDefinition[];
}

export interface EntityDefinition extends EntitySummary {
  title_field: string;
  master_data: boolean;
  /** Given to several users at once, each with their own status (a task). */
  assignable?: boolean | undefined;
  fields: FieldDefinition[];
  list_columns: string[];
  sections: SectionDefinition[];
  rights: Record<string, boolean>;
  states?: StateMachineDefinition | undefined;
}

export interface Metadata {
  entities: EntityDefinition[];
  picklists: Record<string, Choice[]>;
}

export const metadataQueryKey = ['metadata'] as const;

function text(value: unknown, fallback = ''): string {
  return typeof value === 'string' && value !== '' ? value : fallback;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function readChoices(value: unknown): Choice[] {
  if (!Array.isArray(value)) {
    return [];
  }
  return value.filter(isRecord).flatMap((entry) =>
    typeof entry.key === 'string' ? [{ key: entry.key, label: text(entry.label, entry.key) }] : [],
  );
}

function readField(entry: unknown, picklists: Record<string, Choice[]>): FieldDefinition[] {
  if (!isRecord(entry) || typeof entry.name !== 'string' || entry.name === '') {
    return [];
  }
  const picklist = typeof entry.picklist === 'string' ? entry.picklist : undefined;
  const inline = readChoices(entry.values);
  const field: FieldDefinition = {
    name: entry.name,
    field: text(entry.field, entry.name),
    type: text(entry.type, 'text'),
    label: text(entry.label, entry.name),
    // A numbered field may be left empty: the server fills it from its series.
    required: entry.required === true && entry.numbered !== true,
    numbered: entry.numbered === true,
    unique: entry.unique === true,
    read_only: entry.read_only === true,
    searchable: entry.searchable === true,
    sortable: entry.sortable === true,
    operators: strings(entry.operators),
    values: inline.length > 0 || picklist === undefined ? inline : (picklists[picklist] ?? []),
  };
  if (typeof entry.max_length === 'number') field.max_length = entry.max_length;
  if (typeof entry.scale === 'number') field.scale = entry.scale;
  if (picklist !== undefined) field.picklist = picklist;
  if (typeof entry.entity === 'string') field.entity = entry.entity;
  if (Array.isArray(entry.entities)) field.entities = strings(entry.entities);
  if (Array.isArray(entry.parts)) field.parts = strings(entry.parts);
  if ('default' in entry) field.default = entry.default;
  return [field];
}

function readSections(value: unknown): SectionDefinition[] {
  if (!Array.isArray(value)) {
    return [];
  }
  return value
    .filter(isRecord)
    .map((section) => ({ label: text(section.label), fields: strings(section.fields) }));
}

function readRights(value: unknown): Record<string, boolean> {
  const rights: Record<string, boolean> = {};
  if (isRecord(value)) {
    for (const [action, allowed] of Object.entries(value)) {
      rights[action] = allowed === true;
    }
  }
  return rights;
}

function readStates(value: unknown): StateMachineDefinition | undefined {
  if (!isRecord(value) || typeof value.field !== 'string' || !Array.isArray(value.transitions)) {
    return undefined;
  }
  const transitions = value.transitions.filter(isRecord).flatMap((step): TransitionDefinition[] =>
    typeof step.name === 'string' && typeof step.to === 'string'
      ? [
          {
            name: step.name,
            label: text(step.label, step.name),
            from: strings(step.from),
            to: step.to,
            roles: strings(step.roles),
            requires: strings(step.requires),
          },
        ]
      : [],
  );
  return { field: value.field, initial: text(value.initial), transitions };
}

/** Keeps only well-formed entries, so one bad definition cannot break the workspace. */
export function readMetadata(answer: unknown): Metadata {
  const body = isRecord(answer) ? answer : {};
  const picklists: Record<string, Choice[]> = {};
  if (isRecord(body.picklists)) {
    for (const [name, choices] of Object.entries(body.picklists)) {
      picklists[name] = readChoices(choices);
    }
  }
  const list = Array.isArray(body.entities) ? body.entities : [];
  const entities = list.flatMap((entry: unknown): EntityDefinition[] => {
    if (!isRecord(entry)) {
      return [];
    }
    const { name, plural } = entry;
    if (typeof name !== 'string' || typeof plural !== 'string' || plural === '') {
      return [];
    }
    const fields = Array.isArray(entry.fields)
      ? entry.fields.flatMap((field: unknown) => readField(field, picklists))
      : [];
    return [
      {
        name,
        plural,
        label: text(entry.label, name),
        label_plural: text(entry.label_plural, plural),
        module: typeof entry.module === 'string' ? entry.module : '',
        title_field: text(entry.title_field, fields[0]?.name ?? 'id'),
        master_data: entry.master_data === true,
        assignable: entry.assignable === true,
        fields,
        list_columns: strings(entry.list_columns),
        sections: readSections(entry.sections),
        rights: readRights(entry.rights),
        states: readStates(entry.states),
      },
    ];
  });
  return { entities, picklists };
}

/** The entity definitions the caller may see; the workspace is rendered from them. */
export function useMetadata() {
  return useQuery({
    queryKey: metadataQueryKey,
    queryFn: async ({ signal }) => readMetadata(await api.get<unknown>('/metadata', { signal })),
    staleTime: 5 * 60 * 1000,
  });
}

/** The field of an entity by its API name. */
export function findField(entity: EntityDefinition, name: string): FieldDefinition | undefined {
  return entity.fields.find((field) => field.name === name);
}

/**
 * Whether the generic form can make a record of the entity: the caller may create, and no
 * field it must be given is read-only for them (an attachment's record, which only an
 * upload makes, has a required read-only parent).
 */
export function formCanCreate(entity: EntityDefinition): boolean {
  if (entity.rights.create === false) return false;
  return entity.fields.every(
    (field) => !(field.required && field.read_only && !field.numbered && field.default === undefined),
  );
}

/** The sections to show: the definition's, or one section with every field when it has none. */
export function sectionsOf(entity: EntityDefinition): SectionDefinition[] {
  if (entity.sections.length > 0) {
    return entity.sections;
  }
  return [{ label: entity.label, fields: entity.fields.map((field) => field.name) }];
}

/** The columns a list shows by default: the definition's, or the first few fields. */
export function defaultColumns(entity: EntityDefinition): string[] {
  const known = entity.list_columns.filter((name) => findField(entity, name) !== undefined);
  return known.length > 0 ? known : entity.fields.slice(0, 5).map((field) => field.name);
}

/** A record's related list: `GET /{plural}/{id}/{target}`, listing `target` records. */
export interface Relation {
  target: EntityDefinition;
  label: string;
}

/**
 * The related lists of an entity, derived from link fields: every entity linking to it
 * (its children, and itself for a parent link), and every entity reached through a join
 * entity that links to it and to one other entity.
 */
export function relationsOf(entity: EntityDefinition, entities: EntityDefinition[]): Relation[] {
  const byName = new Map(entities.map((candidate) => [candidate.name, candidate]));
  const relations = new Map<string, Relation>();
  for (const other of entities) {
    const links = other.fields.filter((field) => field.type === 'link');
    if (!links.some((field) => field.entity === entity.name)) {
      continue;
    }
    const label = other.name === entity.name ? `Child ${other.label_plural.toLowerCase()}` : other.label_plural;
    relations.set(other.plural, { target: other, label });
    if (links.length === 2 && other.name !== entity.name) {
      const far = links.find((field) => field.entity !== entity.name);
      const target = far?.entity === undefined ? undefined : byName.get(far.entity);
      if (target !== undefined && !relations.has(target.plural)) {
        relations.set(target.plural, { target, label: target.label_plural });
      }
    }
  }
  return [...relations.values()];
}

/** A list of records hanging under a parent through a `parent` field: notes, activities. */
export interface ChildSource {
  source: EntityDefinition;
  field: FieldDefinition;
}

/** The entities whose `parent` field may point at `entity`, in the order of the metadata. */
export function childSourcesOf(entity: EntityDefinition, entities: EntityDefinition[]): ChildSource[] {
  return entities.flatMap((source) => {
    const field = source.fields.find((candidate) => candidate.type === 'parent' && (candidate.entities ?? []).includes(entity.name));
    return field === undefined ? [] : [{ source, field }];
  });
}
