import { Button } from '@mantine/core';
import { IconAddressBook } from '@tabler/icons-react';
import type { RecordActionSlotProps } from '@/lib/recordSlots';
import { vcardUrl } from './duplicatesApi';

/** Downloads a contact as a vCard; a plain link, so the browser saves the file itself. */
export function VcardButton({ entity, record }: RecordActionSlotProps) {
  if (entity.name !== 'contact') return null;
  return (
    <Button
      component="a"
      href={vcardUrl(entity.plural, record.id)}
      download
      variant="default"
      leftSection={<IconAddressBook size={16} aria-hidden="true" />}
    >
      vCard
    </Button>
  );
}
