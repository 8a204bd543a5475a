import type { ComponentType } from 'react';
import type { EntityDefinition } from './metadata';
import type { EntityRecord } from './records';

/** Props of what a feature shows on a record's create form (it sees the values as typed). */
export interface CreateFormSlotProps {
  entity: EntityDefinition;
  values: Record<string, unknown>;
}

/** Props of an action beside a record's title. */
export interface RecordActionSlotProps {
  entity: EntityDefinition;
  record: EntityRecord;
}

/** Props of an action in a list's toolbar. */
export interface ListActionSlotProps {
  entity: EntityDefinition;
}

interface Slots {
  createForm: ComponentType<CreateFormSlotProps>[];
  recordActions: ComponentType<RecordActionSlotProps>[];
  listActions: ComponentType<ListActionSlotProps>[];
  /** Panels above a record's details (its routing). */
  recordPanels: ComponentType<RecordActionSlotProps>[];
  /** Panels on an account's Customer 360° page (its balance, its sales chain). */
  customerPanels: ComponentType<RecordActionSlotProps>[];
}

const slots: Slots = { createForm: [], recordActions: [], listActions: [], recordPanels: [], customerPanels: [] };

/**
 * Places on the generic record pages where feature modules add their parts (a duplicates
 * warning, a vCard button) without the pages importing them: the app registers each part
 * once at start, and the pages render what is registered.
 */
export function addRecordSlot<K extends keyof Slots>(kind: K, component: Slots[K][number]): void {
  const list = slots[kind] as Slots[K][number][];
  if (!list.includes(component)) list.push(component);
}

export function recordSlots<K extends keyof Slots>(kind: K): readonly Slots[K][number][] {
  return slots[kind];
}
