import { addRecordSlot } from '@/lib/recordSlots';
import { ApprovalBanner } from './ApprovalBanner';

/** Puts the pending-approval banner on the record pages (it shows itself only while one is pending). */
export function registerApprovalSlots(): void {
  addRecordSlot('recordPanels', ApprovalBanner);
}
