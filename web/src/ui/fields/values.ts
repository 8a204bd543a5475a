/** Conversions between API values and what inputs show. */
import { isRecord } from '@/lib/json';

/** The text an input shows for a scalar value. */
export function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Empty text means "no value" on the wire. */
export function textOrNull(text: string): string | null {
  return text === '' ? null : text;
}

export function asStringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

export function asObject(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

/** `YYYY-MM-DDTHH:mm` in the browser's time zone, for `datetime-local` inputs. */
export function toLocalDateTime(iso: unknown): string {
  if (typeof iso !== 'string' || iso === '') return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (part: number) => String(part).padStart(2, '0');
  return `${String(date.getFullYear())}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The UTC ISO instant of a `datetime-local` value, or null when empty or invalid. */
export function fromLocalDateTime(local: string): string | null {
  if (local === '') return null;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function formatDate(value: unknown): string {
  if (typeof value !== 'string' || value === '') return '';
  const date = new Date(`${value.slice(0, 10)}T00:00:00`);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleDateString();
}

export function formatDateTime(value: unknown): string {
  if (typeof value !== 'string' || value === '') return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleString();
}

/** Groups the integer digits of a decimal string without passing through floating point. */
export function formatDecimal(value: unknown): string {
  const text = asText(value);
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (match === null) return text;
  const grouped = (match[2] ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${match[1] ?? ''}${grouped}${match[3] ?? ''}`;
}

export interface ParentValue {
  entity: string;
  id: string;
}

/** The parent a value names, or null for anything else (null, a bare id, a broken object). */
export function asParent(value: unknown): ParentValue | null {
  if (!isRecord(value)) return null;
  const { entity, id } = value;
  return typeof entity === 'string' && entity !== '' && typeof id === 'string' && id !== '' ? { entity, id } : null;
}
