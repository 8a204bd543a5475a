/** An order's checklist grouped by the step each item holds back, and what is held back now. */
import type { EntityRecord } from '@/lib/records';

export type Guard = 'submit' | 'dispatch' | 'deliver' | 'close';

/** In the order the steps are taken; the words are the checklist field's own labels. */
export const GUARDS: readonly { guard: Guard; step: string; counter: string; transition: string }[] = [
  { guard: 'submit', step: 'Confirming', counter: 'open_for_submit', transition: 'Confirm' },
  { guard: 'dispatch', step: 'Dispatch', counter: 'open_for_dispatch', transition: 'Dispatched' },
  { guard: 'deliver', step: 'Delivery', counter: 'open_for_deliver', transition: 'Delivered' },
  { guard: 'close', step: 'Closing', counter: 'open_for_close', transition: 'Close' },
];

export interface ChecklistItem extends EntityRecord {
  label: string;
  category: string | null;
  guards: string;
  position: number | null;
  done: boolean;
  done_by: string | null;
  done_at: string | null;
  remarks: string | null;
}

export interface ChecklistGroup {
  guard: string;
  step: string;
  items: ChecklistItem[];
  open: number;
}

/** Groups in step order, items by position within each; a guard this app does not know comes last. */
export function groupChecklist(items: readonly ChecklistItem[]): ChecklistGroup[] {
  const known: { guard: string; step: string }[] = GUARDS.map(({ guard, step }) => ({ guard, step }));
  const others = [...new Set(items.map((item) => item.guards))]
    .filter((guard) => !known.some((entry) => entry.guard === guard))
    .map((guard) => ({ guard, step: guard.replace(/_/g, ' ') }));
  return [...known, ...others]
    .map(({ guard, step }) => {
      const members = items
        .filter((item) => item.guards === guard)
        .sort((left, right) => (left.position ?? Number.MAX_SAFE_INTEGER) - (right.position ?? Number.MAX_SAFE_INTEGER));
      return { guard, step, items: members, open: members.filter((item) => !item.done).length };
    })
    .filter((group) => group.items.length > 0);
}

export interface HeldBack {
  guard: Guard;
  transition: string;
  open: number;
}

/** The steps the order's own counters hold back (the server's count, which the guards read). */
export function heldBack(order: EntityRecord): HeldBack[] {
  return GUARDS.flatMap(({ guard, counter, transition }) => {
    const open = order[counter];
    return typeof open === 'number' && open > 0 ? [{ guard, transition, open }] : [];
  });
}

/** "Confirm waits for 1 open item; Dispatched for 3." */
export function heldBackHint(held: readonly HeldBack[]): string {
  if (held.length === 0) return 'No open item holds back a step.';
  const parts = held.map(({ transition, open }, index) => {
    const items = `${String(open)} open ${open === 1 ? 'item' : 'items'}`;
    return index === 0 ? `${transition} waits for ${items}` : `${transition} for ${items}`;
  });
  return `${parts.join('; ')}.`;
}
