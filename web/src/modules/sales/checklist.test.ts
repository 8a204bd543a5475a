import { describe, expect, it } from 'vitest';
import { type ChecklistItem, groupChecklist, heldBack, heldBackHint } from './checklist';

function item(id: string, guards: string, position: number | null, done = false): ChecklistItem {
  return { id, label: `Check ${id}`, category: 'documents', guards, position, done, done_by: null, done_at: null, remarks: null };
}

describe('groupChecklist', () => {
  it('groups by the step guarded, in the order the steps are taken, items by position', () => {
    const groups = groupChecklist([
      item('pod', 'close', 5),
      item('carrier', 'dispatch', 4, true),
      item('po', 'submit', 1, true),
      item('packed', 'dispatch', 2),
      item('note', 'dispatch', 3),
    ]);
    expect(groups.map((group) => group.step)).toEqual(['Confirming', 'Dispatch', 'Closing']);
    expect(groups[1]?.items.map((entry) => entry.id)).toEqual(['packed', 'note', 'carrier']);
    expect(groups.map((group) => group.open)).toEqual([0, 2, 1]);
  });

  it('keeps an unknown guard, last, and items without a position after the others', () => {
    const groups = groupChecklist([item('x', 'invoice', null), item('b', 'submit', null), item('a', 'submit', 1)]);
    expect(groups.map((group) => group.guard)).toEqual(['submit', 'invoice']);
    expect(groups[0]?.items.map((entry) => entry.id)).toEqual(['a', 'b']);
    expect(groupChecklist([])).toEqual([]);
  });
});

describe('heldBack', () => {
  it("reads the order's counters and says which steps wait for how many items", () => {
    const held = heldBack({ id: 'o1', open_for_submit: 1, open_for_dispatch: 3, open_for_deliver: 0, open_for_close: null });
    expect(held).toEqual([
      { guard: 'submit', transition: 'Confirm', open: 1 },
      { guard: 'dispatch', transition: 'Dispatched', open: 3 },
    ]);
    expect(heldBackHint(held)).toBe('Confirm waits for 1 open item; Dispatched for 3 open items.');
    expect(heldBackHint([])).toBe('No open item holds back a step.');
  });
});
