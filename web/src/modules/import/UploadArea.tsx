import { FileInput, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';

interface UploadAreaProps {
  onFile: (file: File) => void;
  /** The share sent (0–1) while uploading. */
  progress: number | undefined;
}

/** A file chosen by dropping it here or through the file input. */
export function UploadArea({ onFile, progress }: UploadAreaProps) {
  const [dragging, setDragging] = useState(false);
  return (
    <Paper
      withBorder
      p="lg"
      data-testid="import-drop"
      style={{ borderStyle: 'dashed', background: dragging ? 'var(--mantine-color-blue-light)' : undefined }}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => {
        setDragging(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        const file = event.dataTransfer.files[0];
        if (file !== undefined) onFile(file);
      }}
    >
      <Stack gap="sm" align="stretch">
        <Text>
          <IconFileSpreadsheet size={18} aria-hidden="true" style={{ verticalAlign: 'text-bottom' }} /> Drop a CSV or XLSX file
          here, or choose one.
        </Text>
        <FileInput
          label="File to import"
          placeholder="Choose a file"
          accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(file) => {
            if (file !== null) onFile(file);
          }}
        />
        {progress === undefined ? null : (
          <Progress value={Math.round(progress * 100)} aria-label="Upload progress" animated={progress < 1} />
        )}
      </Stack>
    </Paper>
  );
}
