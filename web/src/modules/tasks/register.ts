import { addRecordSlot } from '@/lib/recordSlots';
import { AssigneesPanel } from './AssigneesPanel';
import { TaskBoardLink } from './TaskBoardLink';

/** Puts the assignees panel on assignable records and the board link on the task list. */
export function registerTaskSlots(): void {
  addRecordSlot('recordPanels', AssigneesPanel);
  addRecordSlot('listActions', TaskBoardLink);
}
