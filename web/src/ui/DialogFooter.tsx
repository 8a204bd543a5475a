import { Button, Group } from '@mantine/core';

interface DialogFooterProps {
  /** What the dialog does, on its submit button ("Send", "Import"). */
  submitLabel: string;
  pending: boolean;
  onCancel: () => void;
  disabled?: boolean | undefined;
}

/** A form dialog's closing row: Cancel, then the dialog's own action (which submits its form). */
export function DialogFooter({ submitLabel, pending, onCancel, disabled }: DialogFooterProps) {
  return (
    <Group justify="flex-end" gap="xs">
      <Button variant="default" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" loading={pending} disabled={disabled === true}>
        {submitLabel}
      </Button>
    </Group>
  );
}
