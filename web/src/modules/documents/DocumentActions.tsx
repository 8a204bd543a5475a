import { Alert, Button, Group, Stack } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { attachmentsKey } from '@/lib/attachments';
import { errorText } from '@/lib/errorText';
import type { RecordActionSlotProps } from '@/lib/recordSlots';
import type { EntityRecord } from '@/lib/records';
import { asText } from '@/ui/fields/values';
import { savePdf } from './documentsApi';
import { EmailDialog } from './EmailDialog';

interface Notice {
  color: 'green' | 'red';
  text: string;
}

/** "Quotation QUO-2026-00001, version 2": the saved PDF as the attachments panel lists it. */
function savedAs(attachment: EntityRecord): string {
  const reference = asText(attachment.reference) || asText(attachment.file_name) || 'the PDF';
  return typeof attachment.file_version === 'number' ? `${reference}, version ${String(attachment.file_version)}` : reference;
}

/** A quotation's or an invoice's PDF kept with its attachments, or e-mailed to the customer. */
export function DocumentActions({ entity, record }: RecordActionSlotProps) {
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  const noun = entity.label.toLowerCase();
  // Either way a new PDF version is among the record's attachments.
  const refreshAttachments = () => queryClient.invalidateQueries({ queryKey: attachmentsKey(entity.plural, record.id) });
  const save = useMutation({
    mutationFn: () => savePdf(entity.plural, record.id),
    onMutate: () => {
      setNotice(undefined);
    },
    onSuccess: async (attachment) => {
      setNotice({ color: 'green', text: `PDF saved: ${savedAs(attachment)}.` });
      await refreshAttachments();
    },
    onError: (error) => {
      setNotice({ color: 'red', text: `No PDF saved. ${errorText(error)}` });
    },
  });

  return (
    <Stack gap={4} align="flex-end" style={{ maxWidth: '100%' }}>
      <Group gap="xs" role="group" aria-label={`The ${noun}'s PDF`} wrap="wrap">
        <Button
          variant="default"
          leftSection={<IconFileTypePdf size={16} aria-hidden="true" />}
          loading={save.isPending}
          onClick={() => {
            save.mutate();
          }}
        >
          Save PDF
        </Button>
        <EmailDialog
          plural={entity.plural}
          id={record.id}
          noun={noun}
          onSent={(answer) => {
            setNotice({ color: 'green', text: `E-mail to ${answer.to_address} queued with ${savedAs(answer.attachment)}.` });
            void refreshAttachments();
          }}
        />
      </Group>
      {notice === undefined ? null : (
        <Alert
          color={notice.color}
          variant="light"
          role={notice.color === 'red' ? 'alert' : 'status'}
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => {
            setNotice(undefined);
          }}
          maw={420}
          py={6}
          styles={{ message: { overflowWrap: 'anywhere' } }}
        >
          {notice.text}
        </Alert>
      )}
    </Stack>
  );
}
