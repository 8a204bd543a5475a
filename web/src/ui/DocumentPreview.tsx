import { Group, Modal, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { DocumentFrame } from './DocumentFrame';
import { DocumentLinks } from './DocumentLinks';

export interface PreviewedDocument {
  /** The dialog's title: what is shown. */
  title: string;
  /** Sent inline, to show in the page or a new tab. */
  inlineUrl: string;
  /** Sent as a download. */
  downloadUrl: string;
  fileName: string;
  kind: 'pdf' | 'image';
}

/** A document in a dialog (the whole screen on a phone), with its download and a new tab beside it. */
export function DocumentPreview({ shown, onClose }: { shown: PreviewedDocument | undefined; onClose: () => void }) {
  const phone = useMediaQuery('(max-width: 48em)', false);
  return (
    <Modal opened={shown !== undefined} onClose={onClose} title={shown?.title} size="xl" fullScreen={phone}>
      {shown === undefined ? null : (
        <Stack gap="sm">
          <Group gap="xs" wrap="wrap">
            <DocumentLinks downloadUrl={shown.downloadUrl} fileName={shown.fileName} inlineUrl={shown.inlineUrl} />
          </Group>
          <DocumentFrame url={shown.inlineUrl} kind={shown.kind} title={shown.title} fileName={shown.fileName} />
        </Stack>
      )}
    </Modal>
  );
}
