import { describe, expect, it } from 'vitest';
import { readDashboard } from './dashboard';

describe('readDashboard', () => {
  it('reads sections with their items, links and totals', () => {
    const sections = readDashboard({
      sections: [
        {
          name: 'my_tasks',
          label: 'My tasks',
          content: {
            items: [
              { title: 'Call back', subtitle: 'High', link: { entity: 'task', id: 't1' }, due_at: '2027-01-01T09:00:00Z', overdue: true },
              { title: 'Inbox', href: '/approvals' },
            ],
            total: 7,
          },
        },
      ],
    });
    expect(sections).toEqual([
      {
        name: 'my_tasks',
        label: 'My tasks',
        total: 7,
        items: [
          { title: 'Call back', subtitle: 'High', link: { entity: 'task', id: 't1' }, href: undefined, due_at: '2027-01-01T09:00:00Z', overdue: true },
          { title: 'Inbox', subtitle: undefined, link: undefined, href: '/approvals', due_at: undefined, overdue: false },
        ],
      },
    ]);
  });

  it('drops items without a title and counts what is left when no total is given', () => {
    const [section] = readDashboard({ sections: [{ name: 'x', content: { items: [{ subtitle: 'no title' }, { title: 'Kept' }] } }] });
    expect(section?.label).toBe('x');
    expect(section?.items.map((item) => item.title)).toEqual(['Kept']);
    expect(section?.total).toBe(1);
  });

  it('reads nothing from an answer of another shape', () => {
    expect(readDashboard(null)).toEqual([]);
    expect(readDashboard({ sections: 'none' })).toEqual([]);
  });
});
