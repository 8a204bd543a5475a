import { Button, Collapse, FileButton, Group, Paper, Stack, Text } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconUpload } from '@tabler/icons-react';
import { useId, useRef, useState } from 'react';
import { AttachmentVersionLine } from './AttachmentVersionLine';
import type { AttachmentGroup, AttachmentVersion } from './attachmentVersions';

interface AttachmentItemProps {
  group: AttachmentGroup;
  canUpload: boolean;
  whoIs: (userId: string) => string;
  onPreview: (version: AttachmentVersion) => void;
  /** Uploads a file as the next version of this document, whatever its own name. */
  onNewVersion: (reference: string, file: File) => void;
}

/** A document on the record: its latest version, and the earlier ones on demand. */
export function AttachmentItem({ group, canUpload, whoIs, onPreview, onNewVersion }: AttachmentItemProps) {
  const [open, setOpen] = useState(false);
  const earlierId = useId();
  // Cleared after each choice, so the same file chosen again is still a change.
  const reset = useRef<() => void>(null);
  const { reference, latest, earlier } = group;
  return (
    <Paper component="li" withBorder p="sm" radius="sm" aria-label={reference} style={{ minWidth: 0 }}>
      <AttachmentVersionLine version={latest} heading whoIs={whoIs} onPreview={onPreview} />
      {latest.description === '' ? null : (
        <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {latest.description}
        </Text>
      )}
      {!canUpload && earlier.length === 0 ? null : (
        <Group gap="xs" mt={6} wrap="wrap">
          {earlier.length === 0 ? null : (
            <Button
              size="compact-sm"
              variant="subtle"
              aria-expanded={open}
              aria-controls={earlierId}
              leftSection={open ? <IconChevronUp size={14} aria-hidden="true" /> : <IconChevronDown size={14} aria-hidden="true" />}
              onClick={() => {
                setOpen(!open);
              }}
            >
              {open ? 'Hide' : 'Show'} earlier versions ({earlier.length})
            </Button>
          )}
          {canUpload ? (
            <FileButton
              resetRef={reset}
              onChange={(file) => {
                if (file !== null) onNewVersion(reference, file);
                reset.current?.();
              }}
              inputProps={{ 'aria-label': `File for a new version of ${reference}` }}
            >
              {(props) => (
                <Button size="compact-sm" variant="subtle" leftSection={<IconUpload size={14} aria-hidden="true" />} {...props}>
                  New version
                </Button>
              )}
            </FileButton>
          ) : null}
        </Group>
      )}
      {earlier.length === 0 ? null : (
        <Collapse in={open}>
          <Stack component="ol" id={earlierId} gap="xs" m={0} mt="xs" p={0} pl="sm" aria-label={`Earlier versions of ${reference}`} style={{ listStyle: 'none', borderLeft: '2px solid var(--mantine-color-default-border)' }}>
            {earlier.map((version) => (
              <li key={version.id}>
                <AttachmentVersionLine version={version} heading={false} whoIs={whoIs} onPreview={onPreview} />
              </li>
            ))}
          </Stack>
        </Collapse>
      )}
    </Paper>
  );
}
