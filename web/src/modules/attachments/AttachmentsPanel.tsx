import { Alert, Button, FileButton, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconUpload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState, type DragEvent } from 'react';
import { attachmentsKey } from '@/lib/attachments';
import type { EntityDefinition } from '@/lib/metadata';
import type { EntityRecord } from '@/lib/records';
import { DocumentPreview, type PreviewedDocument } from '@/ui/DocumentPreview';
import { AttachmentItem } from './AttachmentItem';
import { contentUrl, listAttachments } from './attachmentsApi';
import { groupByReference, previewKindOf, readAttachment, type AttachmentVersion } from './attachmentVersions';
import { UploadList } from './UploadList';
import { useAttachmentUploads } from './useAttachmentUploads';
import { usePeopleNames } from './usePeopleNames';

interface AttachmentsPanelProps {
  entity: EntityDefinition;
  record: EntityRecord;
  /** The attachment entity as the caller sees it: its rights say whether uploads are offered. */
  attachment: EntityDefinition;
}

function previewOf(version: AttachmentVersion): PreviewedDocument | undefined {
  const kind = previewKindOf(version.contentType);
  if (kind === undefined) return undefined;
  return {
    title: `${version.reference}, version ${String(version.fileVersion)}`,
    inlineUrl: contentUrl(version.id, 'inline'),
    downloadUrl: contentUrl(version.id, 'attachment'),
    fileName: version.fileName,
    kind,
  };
}

/** Files on a record: each document's latest version with its earlier ones, uploads by button or by dropping them here. */
export function AttachmentsPanel({ entity, record, attachment }: AttachmentsPanelProps) {
  const list = useQuery({
    queryKey: attachmentsKey(entity.plural, record.id),
    queryFn: ({ signal }) => listAttachments(entity.plural, record.id, signal),
  });
  const { uploads, upload, dismiss } = useAttachmentUploads(entity, record.id);
  const whoIs = usePeopleNames();
  const [dragging, setDragging] = useState(false);
  const [preview, setPreview] = useState<PreviewedDocument | undefined>(undefined);
  const reset = useRef<() => void>(null);
  // A phone or tablet has nothing to drop files from: the hint would only puzzle.
  const touch = useMediaQuery('(pointer: coarse)', false);
  const archived = record.archived_at !== null && record.archived_at !== undefined;
  const canUpload = attachment.rights.create === true && !archived;
  const groups = groupByReference((list.data?.data ?? []).map(readAttachment));

  // Only a drag carrying files is a drop target: dragged text or links pass by.
  const carriesFiles = (event: DragEvent) => canUpload && event.dataTransfer.types.includes('Files');
  const dropHandlers = {
    onDragOver: (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    },
    onDragLeave: (event: DragEvent) => {
      // Moving over a child leaves the panel's own box without leaving the panel.
      if (event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget)) return;
      setDragging(false);
    },
    onDrop: (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      setDragging(false);
      const files = [...event.dataTransfer.files];
      if (files.length > 0) upload(files);
    },
  };

  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-label="Attachments"
      data-dragging={dragging || undefined}
      style={{
        borderStyle: dragging ? 'dashed' : undefined,
        borderColor: dragging ? 'var(--mantine-color-blue-filled)' : undefined,
        background: dragging ? 'var(--mantine-color-blue-light)' : undefined,
      }}
      {...dropHandlers}
    >
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4">
            Attachments{groups.length > 0 ? ` (${String(groups.length)})` : ''}
          </Title>
          {canUpload ? (
            <FileButton
              multiple
              resetRef={reset}
              onChange={(files) => {
                if (files.length > 0) upload(files);
                reset.current?.();
              }}
              inputProps={{ 'aria-label': 'Files to attach' }}
            >
              {(props) => (
                <Button size="xs" variant="light" leftSection={<IconUpload size={16} aria-hidden="true" />} {...props}>
                  Upload files
                </Button>
              )}
            </FileButton>
          ) : null}
        </Group>
        {canUpload ? (
          <Text size="xs" c="dimmed">
            {dragging
              ? 'Drop the files to attach them.'
              : `${touch ? '' : 'Or drop files here. '}A file named like one already here becomes its next version.`}
          </Text>
        ) : null}
        <UploadList uploads={uploads} onDismiss={dismiss} />
        {list.isPending ? (
          <Loader size="sm" aria-label="Loading the attachments" />
        ) : list.isError ? (
          <Alert color="red" variant="light" title="The attachments could not be loaded">
            {list.error.message}
          </Alert>
        ) : groups.length === 0 ? (
          <Text size="sm" c="dimmed">
            No files yet.
          </Text>
        ) : (
          <Stack component="ul" gap="xs" m={0} p={0} aria-label="Attached documents" style={{ listStyle: 'none' }}>
            {groups.map((group) => (
              <AttachmentItem
                key={group.reference}
                group={group}
                canUpload={canUpload}
                whoIs={whoIs}
                onPreview={(version) => {
                  setPreview(previewOf(version));
                }}
                onNewVersion={(reference, file) => {
                  upload([file], reference);
                }}
              />
            ))}
          </Stack>
        )}
        {list.data?.next_cursor == null ? null : (
          <Text size="xs" c="dimmed">
            Only the first 200 files and versions are shown.
          </Text>
        )}
      </Stack>
      <DocumentPreview
        shown={preview}
        onClose={() => {
          setPreview(undefined);
        }}
      />
    </Paper>
  );
}
