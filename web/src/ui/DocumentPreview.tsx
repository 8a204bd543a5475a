import { Button, Group, Modal, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconDownload, IconExternalLink } from '@tabler/icons-react';
import { DocumentFrame } from './DocumentFrame';

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
            <Button
              component="a"
              href={shown.downloadUrl}
              download={shown.fileName}
              variant="light"
              leftSection={<IconDownload size={16} aria-hidden="true" />}
            >
              Download
            </Button>
            <Button
              component="a"
              href={shown.inlineUrl}
              target="_blank"
              rel="noopener"
              variant="default"
              leftSection={<IconExternalLink size={16} aria-hidden="true" />}
            >
              Open in a new tab
            </Button>
          </Group>
          <DocumentFrame url={shown.inlineUrl} kind={shown.kind} title={shown.title} fileName={shown.fileName} />
        </Stack>
      )}
    </Modal>
  );
}
