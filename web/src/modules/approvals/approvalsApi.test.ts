import { describe, expect, it } from 'vitest';
import { approvalTitle, levelText, waitingText } from './approvalsApi';

describe('approval texts', () => {
  it('names an approval after its rule, or after what it deletes', () => {
    expect(approvalTitle({ rule_name: 'Big new account', kind: 'create', entity: 'account' })).toBe('Big new account');
    expect(approvalTitle({ rule_name: null, kind: 'delete', entity: 'account' })).toBe('Delete a account');
  });

  it('says whom a pending approval waits for', () => {
    expect(waitingText({ status: 'pending', waiting_for: [{ user_id: 'u1', name: 'Lena Lead' }, { user_id: 'u2', name: null }] })).toBe(
      'Lena Lead, u2',
    );
    expect(waitingText({ status: 'pending', waiting_for: [], waiting_for_right: 'approve' })).toBe(
      'anyone with the approve right',
    );
    expect(waitingText({ status: 'approved', waiting_for: [] })).toBe('');
  });

  it('describes each kind of level', () => {
    expect(levelText({ kind: 'role', role: 'sales_lead', mode: 'any' })).toBe('one of role sales_lead');
    expect(levelText({ kind: 'manager', depth: 2, mode: 'any' })).toBe("the requester's manager, 2 levels up");
    expect(levelText({ kind: 'manager', mode: 'any' })).toBe("the requester's manager");
    expect(levelText({ kind: 'users', user_ids: ['u1', 'u2'], mode: 'all' }, new Map([['u1', 'Lena Lead']]))).toBe(
      'all of Lena Lead, u2',
    );
  });
});
