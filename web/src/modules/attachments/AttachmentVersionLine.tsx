import { ActionIcon, Badge, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconDownload, IconEye } from '@tabler/icons-react';
import { formatDateTime } from '@/ui/fields/values';
import { contentUrl } from './attachmentsApi';
import { previewKindOf, type AttachmentVersion } from './attachmentVersions';
import { formatFileSize } from './fileSize';

interface AttachmentVersionLineProps {
  version: AttachmentVersion;
  /** The document's name is the heading of its latest version; earlier ones show their number first. */
  heading: boolean;
  whoIs: (userId: string) => string;
  onPreview: (version: AttachmentVersion) => void;
}

/** One version of a document: its name, number, size, who and when, with its preview and download. */
export function AttachmentVersionLine({ version, heading, whoIs, onPreview }: AttachmentVersionLineProps) {
  const label = `${version.reference} v${String(version.fileVersion)}`;
  const details = [
    version.fileName === version.reference ? '' : version.fileName,
    formatFileSize(version.size),
    `by ${whoIs(version.createdById)}`,
  ].filter((part) => part !== '');
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Group gap={6} wrap="wrap">
          <Badge variant={heading ? 'filled' : 'light'} color="gray" styles={{ label: { textTransform: 'none' } }}>
            v{version.fileVersion}
          </Badge>
          <Text fw={heading ? 600 : 400} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {version.reference}
          </Text>
          {version.source === 'generated' ? (
            <Badge variant="outline" color="grape" size="sm">
              Generated
            </Badge>
          ) : null}
        </Group>
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {details.join(' · ')} ·{' '}
          <time dateTime={version.createdAt}>{formatDateTime(version.createdAt)}</time>
        </Text>
      </Stack>
      <Group gap={4} wrap="nowrap">
        {previewKindOf(version.contentType) === undefined ? null : (
          <Tooltip label="Preview">
            <ActionIcon
              variant="subtle"
              size="lg"
              aria-label={`Preview ${label}`}
              onClick={() => {
                onPreview(version);
              }}
            >
              <IconEye size={18} aria-hidden="true" />
            </ActionIcon>
          </Tooltip>
        )}
        <Tooltip label="Download">
          <ActionIcon
            component="a"
            href={contentUrl(version.id, 'attachment')}
            download={version.fileName}
            variant="subtle"
            size="lg"
            aria-label={`Download ${label}`}
          >
            <IconDownload size={18} aria-hidden="true" />
          </ActionIcon>
        </Tooltip>
      </Group>
    </Group>
  );
}
