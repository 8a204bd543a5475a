import { Button } from '@mantine/core';
import { IconDownload, IconExternalLink } from '@tabler/icons-react';

/** A shown document's two ways out: saved under its file name, or opened in a tab of its own. */
export function DocumentLinks({ downloadUrl, fileName, inlineUrl }: { downloadUrl: string; fileName: string; inlineUrl: string }) {
  return (
    <>
      <Button
        component="a"
        href={downloadUrl}
        download={fileName}
        variant="light"
        leftSection={<IconDownload size={16} aria-hidden="true" />}
      >
        Download
      </Button>
      <Button
        component="a"
        href={inlineUrl}
        target="_blank"
        rel="noopener"
        variant="default"
        leftSection={<IconExternalLink size={16} aria-hidden="true" />}
      >
        Open in a new tab
      </Button>
    </>
  );
}
