/**
 * Reads filter text (the server's filter language) back into filter-builder rows, so a
 * saved view opens with conditions the user can edit. Only what the builder itself
 * writes becomes rows: `path op literal` joined with "and", with or without parentheses.
 * Every other condition (an "or", a "not", a path through a link, `user.areas`) is kept
 * as text and applied as it is, next to the rows.
 */
import type { FilterOperator } from '@/lib/filter';
import type { EntityDefinition } from '@/lib/metadata';
import { fieldKind } from '@/ui/fields/registry';
import { filterableFields, valueField, type FilterableField, type FilterRow } from './filterFields';

type TokenKind = 'name' | 'number' | 'string' | '(' | ')' | '[' | ']' | ',' | 'other';

interface Token {
  kind: TokenKind;
  /** The name or number as written; a string's value without quotes and escapes. */
  text: string;
  start: number;
  end: number;
}

const NAME_START = /[a-z_]/;
const NAME_CHAR = /[a-z0-9_]/;
const DIGIT = /[0-9]/;

/** The tokens of the text, or `undefined` when it does not lex (the server will say why). */
function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const c = text.charAt(at);
    if (/\s/.test(c)) {
      at += 1;
      continue;
    }
    const start = at;
    if (c === '(' || c === ')' || c === '[' || c === ']' || c === ',') {
      tokens.push({ kind: c, text: c, start, end: at + 1 });
      at += 1;
    } else if (c === '"') {
      let value = '';
      at += 1;
      for (;;) {
        if (at >= text.length) return undefined;
        const next = text.charAt(at);
        if (next === '"') break;
        if (next === '\\') {
          const escaped = text.charAt(at + 1);
          if (escaped !== '"' && escaped !== '\\') return undefined;
          value += escaped;
          at += 2;
          continue;
        }
        value += next;
        at += 1;
      }
      at += 1;
      tokens.push({ kind: 'string', text: value, start, end: at });
    } else if (DIGIT.test(c) || (c === '-' && DIGIT.test(text.charAt(at + 1)))) {
      const match = /^-?[0-9]+(\.[0-9]+)?/.exec(text.slice(at));
      if (match === null) return undefined;
      at += match[0].length;
      tokens.push({ kind: 'number', text: match[0], start, end: at });
    } else if (NAME_START.test(c)) {
      const match = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*/.exec(text.slice(at));
      if (match === null) return undefined;
      at += match[0].length;
      if (NAME_CHAR.test(text.charAt(at)) || /[A-Z]/.test(text.charAt(at))) return undefined;
      tokens.push({ kind: 'name', text: match[0], start, end: at });
    } else {
      tokens.push({ kind: 'other', text: c, start, end: at + 1 });
      at += 1;
    }
  }
  return tokens;
}

const isWord = (token: Token | undefined, word: string) => token?.kind === 'name' && token.text === word;

/** The index of the bracket that closes the one at `open`, or -1. */
function closing(tokens: Token[], open: number, last: number): number {
  let depth = 0;
  for (let index = open; index <= last; index += 1) {
    const kind = tokens[index]?.kind;
    if (kind === '(' || kind === '[') depth += 1;
    if (kind === ')' || kind === ']') {
      depth -= 1;
      if (depth === 0) return index;
    }
  }
  return -1;
}

/** Conjuncts of tokens[first..last] (inclusive), with parentheses around the whole removed. */
function conjuncts(tokens: Token[], first: number, last: number): [number, number][] {
  while (tokens[first]?.kind === '(' && closing(tokens, first, last) === last) {
    first += 1;
    last -= 1;
  }
  const parts: [number, number][] = [];
  let depth = 0;
  let start = first;
  let hasOr = false;
  for (let index = first; index <= last; index += 1) {
    const token = tokens[index];
    if (token === undefined) break;
    if (token.kind === '(' || token.kind === '[') depth += 1;
    if (token.kind === ')' || token.kind === ']') depth -= 1;
    if (depth !== 0) continue;
    if (isWord(token, 'or')) hasOr = true;
    if (isWord(token, 'and')) {
      parts.push([start, index - 1]);
      start = index + 1;
    }
  }
  parts.push([start, last]);
  // "or" binds loosest: the whole is one condition then.
  if (hasOr || parts.some(([from, to]) => to < from)) return [[first, last]];
  if (parts.length === 1) return parts;
  return parts.flatMap(([from, to]) => conjuncts(tokens, from, to));
}

type Literal = { kind: 'string' | 'number' | 'boolean'; value: string | boolean } | { kind: 'list'; items: Literal[] };

function readLiteral(tokens: Token[], first: number, last: number): Literal | undefined {
  const token = tokens[first];
  if (token === undefined) return undefined;
  if (first === last) {
    if (token.kind === 'string') return { kind: 'string', value: token.text };
    if (token.kind === 'number') return { kind: 'number', value: token.text };
    if (isWord(token, 'true') || isWord(token, 'false')) return { kind: 'boolean', value: token.text === 'true' };
    return undefined;
  }
  if (token.kind !== '[' || tokens[last]?.kind !== ']') return undefined;
  const items: Literal[] = [];
  for (let index = first + 1; index < last; index += 2) {
    const item = readLiteral(tokens, index, index);
    if (item === undefined) return undefined;
    items.push(item);
    const separator = tokens[index + 1];
    if (index + 1 < last && separator?.kind !== ',') return undefined;
  }
  return items.length > 0 ? { kind: 'list', items } : undefined;
}

/** A row's value from a literal, in the shape the builder's input for the field edits. */
function rowValue(filterable: FilterableField, operator: FilterOperator, literal: Literal): unknown {
  const kind = fieldKind(filterable.field.type).literal;
  const single = (item: Literal): string | number | boolean | undefined => {
    if (item.kind === 'list' || item.kind !== kind) return undefined;
    if (item.kind === 'number' && filterable.field.type === 'integer' && /^-?\d+$/.test(String(item.value))) {
      return Number(item.value);
    }
    return item.value;
  };
  if (operator === 'in') {
    if (literal.kind !== 'list') return undefined;
    const items = literal.items.map(single);
    if (items.some((item) => item === undefined)) return undefined;
    const strings = items.map(String);
    const input = valueField(filterable, 'in');
    return input.type === 'multi_enum' || input.type === 'link_multiple' ? strings : strings.join(', ');
  }
  return single(literal);
}

/** One conjunct as a builder row, or `undefined` when the builder cannot show it. */
function readRow(tokens: Token[], first: number, last: number, fields: FilterableField[], key: number): FilterRow | undefined {
  const path = tokens[first];
  if (path?.kind !== 'name' || ['and', 'or', 'not'].includes(path.text)) return undefined;
  const filterable = fields.find((candidate) => candidate.path === path.text);
  if (filterable === undefined) return undefined;
  const word = tokens[first + 1];
  let operator: FilterOperator | undefined;
  let value: unknown = null;
  if (isWord(word, 'empty') && last === first + 1) {
    operator = 'empty';
  } else if (isWord(word, 'not') && isWord(tokens[first + 2], 'empty') && last === first + 2) {
    operator = 'not_empty';
  } else if (word?.kind === 'name' && last >= first + 2) {
    operator = filterable.operators.find((candidate) => candidate === word.text && candidate !== 'empty' && candidate !== 'not_empty');
    if (operator === undefined) return undefined;
    const literal = readLiteral(tokens, first + 2, last);
    if (literal === undefined) return undefined;
    value = rowValue(filterable, operator, literal);
    if (value === undefined || value === '') return undefined;
  }
  if (operator === undefined || !filterable.operators.includes(operator)) return undefined;
  return { key, path: filterable.path, operator, value };
}

/** Filter text as builder rows plus the conditions left as text (joined with "and"). */
export function filterToRows(entity: EntityDefinition, text: string): { rows: FilterRow[]; rest: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { rows: [], rest: '' };
  const tokens = tokenize(trimmed);
  if (tokens === undefined || tokens.length === 0) return { rows: [], rest: trimmed };
  const fields = filterableFields(entity);
  const rows: FilterRow[] = [];
  const rest: string[] = [];
  for (const [first, last] of conjuncts(tokens, 0, tokens.length - 1)) {
    const row = readRow(tokens, first, last, fields, rows.length + 1);
    if (row === undefined) {
      rest.push(trimmed.slice(tokens[first]?.start ?? 0, tokens[last]?.end ?? trimmed.length));
    } else {
      rows.push(row);
    }
  }
  // Joined with "and" again; parentheses keep an "or" inside a part where it was.
  return { rows, rest: rest.length > 1 ? rest.map((part) => `(${part})`).join(' and ') : (rest[0] ?? '') };
}
