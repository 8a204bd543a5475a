import { Alert, Anchor, Box, Group, Image, Loader, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { checkFraming } from '@/lib/framing';

interface DocumentFrameProps {
  /** The document's address, sent inline by the server. */
  url: string;
  kind: 'pdf' | 'image';
  /** What the frame or image shows, for screen readers. */
  title: string;
  /** The name a download gets where the frame cannot show the document. */
  fileName: string;
}

/**
 * A PDF or an image shown inside the page. A PDF's headers are read first: a server that
 * forbids framing would otherwise leave a broken frame that explains nothing.
 */
export function DocumentFrame({ url, kind, title, fileName }: DocumentFrameProps) {
  const phone = useMediaQuery('(max-width: 48em)', false);
  const check = useQuery({
    queryKey: ['framing', url],
    queryFn: ({ signal }) => checkFraming(url, signal),
    enabled: kind === 'pdf',
    staleTime: 60_000,
  });
  const height = phone ? 'calc(100dvh - 180px)' : '72vh';
  if (kind === 'image') {
    return <Image src={url} alt={title} fit="contain" mah={height} w="auto" maw="100%" mx="auto" />;
  }
  if (check.isPending) {
    return (
      <Group gap="xs">
        <Loader size="sm" />
        <Text size="sm">Opening…</Text>
      </Group>
    );
  }
  if (check.isError || !check.data.ok) {
    return (
      <Alert color="red" variant="light" title="The document could not be opened">
        {check.error?.message ?? 'The server did not send the document. Try again, or download it to see why.'}
      </Alert>
    );
  }
  if (!check.data.framable) {
    return (
      <Alert color="blue" variant="light" title="Shown outside the page" role="status">
        This server does not let the document be shown inside the page. Open it in a new tab or{' '}
        <Anchor href={url} download={fileName} size="sm">
          download it
        </Anchor>
        .
      </Alert>
    );
  }
  return (
    <Box
      component="iframe"
      src={url}
      title={title}
      w="100%"
      h={height}
      style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 4, display: 'block' }}
    />
  );
}
