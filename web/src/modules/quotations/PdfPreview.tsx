import { Alert, Anchor, Box, Group, Loader, Modal, Select, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { checkFraming } from '@/lib/framing';
import { DocumentLinks } from '@/ui/DocumentLinks';
import { pdfUrl, type RevisionChoice, type RevisionSummary } from './quotationsApi';
import { revisionLabel } from './revisionDiff';

interface PdfPreviewProps {
  quotationId: string;
  number: string;
  /** The quotation's version: the current PDF changes with it. */
  version: number | undefined;
  current: number;
  revisions: readonly RevisionSummary[];
  /** The revision shown; undefined while closed. */
  shown: RevisionChoice | undefined;
  onShow: (revision: RevisionChoice) => void;
  onClose: () => void;
}

/** The printed quotation, as it stands or as a revision was sent, inside the page with a download link. */
export function PdfPreview({ quotationId, number, version, current, revisions, shown, onShow, onClose }: PdfPreviewProps) {
  const phone = useMediaQuery('(max-width: 48em)', false);
  const choice = shown ?? 'current';
  const url = pdfUrl(quotationId, choice);
  const check = useQuery({
    queryKey: ['records', 'quotations', 'pdf', url, version],
    queryFn: ({ signal }) => checkFraming(url, signal),
    enabled: shown !== undefined,
  });
  const revision = choice === 'current' ? current : choice;
  const title = `${number}, ${revisionLabel(choice, current).toLowerCase()}`;
  const options = [
    { value: 'current', label: revisionLabel('current', current) },
    ...revisions.map((entry) => ({ value: String(entry.revision), label: revisionLabel(entry.revision, current) })),
  ];

  return (
    <Modal opened={shown !== undefined} onClose={onClose} title={`PDF of ${number}`} size="xl" fullScreen={phone}>
      <Stack gap="sm">
        <Group gap="xs" align="flex-end" wrap="wrap">
          <Select
            label="Revision"
            data={options}
            value={choice === 'current' ? 'current' : String(choice)}
            allowDeselect={false}
            onChange={(next) => {
              onShow(next === null || next === 'current' ? 'current' : Number(next));
            }}
            w={220}
            comboboxProps={{ withinPortal: true }}
          />
          <DocumentLinks downloadUrl={url} fileName={`${number}-r${String(revision)}.pdf`} inlineUrl={url} />
        </Group>
        {check.isPending ? (
          <Group gap="xs">
            <Loader size="sm" />
            <Text size="sm">Printing…</Text>
          </Group>
        ) : check.isError || !check.data.ok ? (
          <Alert color="red" variant="light" title="The PDF could not be made">
            {check.error?.message ?? 'The server did not answer with a PDF. Try again, or open it in a new tab to see why.'}
          </Alert>
        ) : check.data.framable ? (
          <Box
            component="iframe"
            src={url}
            title={`PDF of ${title}`}
            w="100%"
            h={phone ? 'calc(100dvh - 180px)' : '72vh'}
            style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 4, display: 'block' }}
          />
        ) : (
          // The server forbids showing its answers inside a frame; a broken frame would say less than this.
          <Alert color="blue" variant="light" title="Shown outside the page" role="status">
            This server does not let the PDF be shown inside the page. Open it in a new tab or{' '}
            <Anchor href={url} download={`${number}-r${String(revision)}.pdf`} size="sm">
              download it
            </Anchor>
            .
          </Alert>
        )}
      </Stack>
    </Modal>
  );
}
