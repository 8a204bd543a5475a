import { Alert, Group, Loader, Stack, Text } from '@mantine/core';
import type { PendingUpload } from './useAttachmentUploads';

/** The files being sent, and those the server refused with its reason until dismissed. */
export function UploadList({ uploads, onDismiss }: { uploads: readonly PendingUpload[]; onDismiss: (key: number) => void }) {
  if (uploads.length === 0) return null;
  return (
    <Stack gap="xs">
      {uploads.map((upload) =>
        upload.problem === undefined ? (
          <Group key={upload.key} gap="xs" wrap="nowrap" role="status">
            <Loader size="xs" aria-hidden="true" />
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              Uploading {upload.fileName}…
            </Text>
          </Group>
        ) : (
          <Alert
            key={upload.key}
            color="red"
            variant="light"
            role="alert"
            title={`${upload.fileName} was not attached`}
            withCloseButton
            closeButtonLabel={`Dismiss the problem with ${upload.fileName}`}
            onClose={() => {
              onDismiss(upload.key);
            }}
            styles={{ message: { overflowWrap: 'anywhere' } }}
          >
            {upload.problem}
          </Alert>
        ),
      )}
    </Stack>
  );
}
