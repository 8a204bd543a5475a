/**
 * The rights matrix of a role as form state, and the way back to what the server takes.
 *
 * The server keeps rights as a list ({entity, action, scope, rule?}) and reports problems by
 * position in that list (`rights[3].rule`); the screen shows a table entities × actions. The
 * functions here translate between the two, so an error lands on the cell that caused it.
 */
import { isApiError } from '@/lib/api';
import {
  ACTIONS,
  SCOPES,
  type Action,
  type FieldMode,
  type FieldRight,
  type Right,
  type Scope,
} from './adminApi';

/** A cell's scope; `none` means the role grants nothing for this entity and action. */
export type CellScope = Scope | 'none';

export interface Cell {
  scope: CellScope;
  /** The rule text; kept while another scope is chosen, sent only for `rule`. */
  rule: string;
}

/** entity → action → cell; a missing cell is `none`. */
export type Matrix = Record<string, Partial<Record<Action, Cell>>>;

/** entity → field (definition name) → mode; a missing field has full access. */
export type FieldModes = Record<string, Record<string, FieldMode>>;

export const emptyCell: Cell = { scope: 'none', rule: '' };

export function cellKey(entity: string, action: Action): string {
  return `${entity}.${action}`;
}

export function fieldKey(entity: string, field: string): string {
  return `${entity}.${field}`;
}

export function cellOf(matrix: Matrix, entity: string, action: Action): Cell {
  return matrix[entity]?.[action] ?? emptyCell;
}

export function withCell(matrix: Matrix, entity: string, action: Action, cell: Cell): Matrix {
  return { ...matrix, [entity]: { ...matrix[entity], [action]: cell } };
}

function isAction(value: string): value is Action {
  return (ACTIONS as readonly string[]).includes(value);
}

function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

/** The matrix of a role's rights; unknown actions or scopes are left out. */
export function rightsToMatrix(rights: readonly Right[]): Matrix {
  let matrix: Matrix = {};
  for (const right of rights) {
    if (isAction(right.action) && isScope(right.scope)) {
      matrix = withCell(matrix, right.entity, right.action, { scope: right.scope, rule: right.rule ?? '' });
    }
  }
  return matrix;
}

/**
 * The rights to send, in the order of `entities` then `ACTIONS`, and the cell key of each
 * position, so the server's `rights[i]` can be traced back to its cell. Entities of the
 * matrix that are not in `entities` keep their rights (they follow, in their own order).
 */
export function matrixToRights(matrix: Matrix, entities: readonly string[]): { rights: Right[]; cells: string[] } {
  const rights: Right[] = [];
  const cells: string[] = [];
  const order = [...entities, ...Object.keys(matrix).filter((entity) => !entities.includes(entity))];
  for (const entity of order) {
    for (const action of ACTIONS) {
      const cell = cellOf(matrix, entity, action);
      if (cell.scope === 'none') continue;
      rights.push(cell.scope === 'rule' ? { entity, action, scope: 'rule', rule: cell.rule.trim() } : { entity, action, scope: cell.scope });
      cells.push(cellKey(entity, action));
    }
  }
  return { rights, cells };
}

export function fieldRightsToModes(fieldRights: readonly FieldRight[]): FieldModes {
  const modes: FieldModes = {};
  for (const right of fieldRights) {
    modes[right.entity] = { ...modes[right.entity], [right.field]: right.mode };
  }
  return modes;
}

export function modesToFieldRights(modes: FieldModes, entities: readonly string[]): { fieldRights: FieldRight[]; keys: string[] } {
  const fieldRights: FieldRight[] = [];
  const keys: string[] = [];
  const order = [...entities, ...Object.keys(modes).filter((entity) => !entities.includes(entity))];
  for (const entity of order) {
    for (const [field, mode] of Object.entries(modes[entity] ?? {})) {
      fieldRights.push({ entity, field, mode });
      keys.push(fieldKey(entity, field));
    }
  }
  return { fieldRights, keys };
}

export interface RoleErrors {
  /** Top-level fields of the role: `name`, `description`. */
  fields: Record<string, string>;
  /** Matrix cell key (`account.read`) → message. */
  cells: Record<string, string>;
  /** Field right key (`account.credit_limit`) → message. */
  fieldRights: Record<string, string>;
  /** Problems no control can show. */
  general: string[];
}

export const noRoleErrors: RoleErrors = { fields: {}, cells: {}, fieldRights: {}, general: [] };

function append(target: Record<string, string>, key: string, message: string) {
  target[key] = target[key] === undefined ? message : `${target[key]} ${message}`;
}

const POSITIONED = /^(rights|field_rights)\[(\d+)\](?:\.(\w+))?$/;

/**
 * Places a failed save's field errors: `rights[i]…` on the cell sent at position i,
 * `field_rights[i]…` on that field's control, `name`/`description` on their inputs.
 */
export function roleErrorsFrom(error: unknown, cells: readonly string[], fieldKeys: readonly string[]): RoleErrors {
  if (!isApiError(error)) {
    return { ...noRoleErrors, general: [error instanceof Error ? error.message : 'The role could not be saved.'] };
  }
  const result: RoleErrors = { fields: {}, cells: {}, fieldRights: {}, general: [] };
  for (const entry of error.fields) {
    const positioned = POSITIONED.exec(entry.field);
    if (positioned !== null) {
      const [, list, index] = positioned;
      const key = (list === 'rights' ? cells : fieldKeys)[Number(index)];
      if (key !== undefined) {
        append(list === 'rights' ? result.cells : result.fieldRights, key, entry.message);
        continue;
      }
    } else if (entry.field === 'name' || entry.field === 'description') {
      append(result.fields, entry.field, entry.message);
      continue;
    }
    result.general.push(`${entry.field}: ${entry.message}`);
  }
  if (error.fields.length === 0 || result.general.length > 0) {
    result.general.unshift(error.message);
  }
  return result;
}

/** How many cells of one entity grant something, for a compact summary. */
export function grantedCount(matrix: Matrix, entity: string): number {
  return ACTIONS.filter((action) => cellOf(matrix, entity, action).scope !== 'none').length;
}
