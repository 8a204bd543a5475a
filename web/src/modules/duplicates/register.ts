import { addRecordSlot } from '@/lib/recordSlots';
import { DuplicatesLink } from './DuplicatesLink';
import { DuplicateWarning } from './DuplicateWarning';
import { VcardButton } from './VcardButton';

/** Puts the duplicates warning, the duplicates link and the vCard button on the record pages. */
export function registerDuplicateSlots(): void {
  addRecordSlot('createForm', DuplicateWarning);
  addRecordSlot('listActions', DuplicatesLink);
  addRecordSlot('recordActions', VcardButton);
}
