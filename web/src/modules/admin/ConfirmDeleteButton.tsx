import { Button, Group, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconTrash } from '@tabler/icons-react';

interface ConfirmDeleteButtonProps {
  /** What is deleted, e.g. `the team "Sales North"`. */
  what: string;
  consequence: string;
  deleting: boolean;
  onConfirm: () => void;
}

/** A delete button that asks first, in a dialog. */
export function ConfirmDeleteButton({ what, consequence, deleting, onConfirm }: ConfirmDeleteButtonProps) {
  const [opened, dialog] = useDisclosure(false);
  return (
    <>
      <Button color="red" variant="light" leftSection={<IconTrash size={16} aria-hidden="true" />} onClick={dialog.open}>
        Delete
      </Button>
      <Modal opened={opened} onClose={dialog.close} title={`Delete ${what}?`} centered>
        <Text size="sm">{consequence}</Text>
        <Group justify="flex-end" gap="sm" mt="md">
          <Button variant="default" onClick={dialog.close}>
            Keep
          </Button>
          <Button
            color="red"
            loading={deleting}
            onClick={() => {
              onConfirm();
            }}
          >
            Delete
          </Button>
        </Group>
      </Modal>
    </>
  );
}
