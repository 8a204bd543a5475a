import { Alert, Button, Group, Modal, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconArchive, IconArchiveOff, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { isApiError } from '@/lib/api';
import type { EntityDefinition } from '@/lib/metadata';
import { archiveRecord, deleteRecord, restoreRecord, type EntityRecord } from '@/lib/records';
import { TransitionButtons } from './TransitionButtons';
import { recordKeys } from './useEntity';

interface RecordActionsProps {
  entity: EntityDefinition;
  record: EntityRecord;
  title: string;
  editing: boolean;
  onEdit: () => void;
  /** Reports the outcome of an action the page should show (e.g. an approval request). */
  onMessage: (message: { color: string; text: string } | undefined) => void;
}

/** Edit, archive or restore, and delete (through an approval for master data). */
export function RecordActions({ entity, record, title, editing, onEdit, onMessage }: RecordActionsProps) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const archived = record.archived_at !== null && record.archived_at !== undefined;

  const refresh = (updated: EntityRecord) => {
    queryClient.setQueryData(recordKeys.detail(entity.plural, record.id), updated);
    void queryClient.invalidateQueries({ queryKey: recordKeys.all(entity.plural) });
  };
  const archive = useMutation({
    mutationFn: () => (archived ? restoreRecord(entity.plural, record.id) : archiveRecord(entity.plural, record.id)),
    onSuccess: (updated) => {
      refresh(updated);
      onMessage({ color: 'green', text: archived ? 'Restored.' : 'Archived.' });
    },
    onError: (error) => {
      onMessage({ color: 'red', text: error.message });
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteRecord(entity.plural, record.id),
    onSuccess: (answer) => {
      setConfirming(false);
      if (answer === undefined) {
        void queryClient.invalidateQueries({ queryKey: recordKeys.all(entity.plural) });
        void navigate(`/${entity.plural}`, { replace: true });
      } else {
        onMessage({ color: 'blue', text: `Deletion requested: ${entity.label.toLowerCase()} records are master data, so the deletion waits for approval.` });
      }
    },
  });
  const deleteError = remove.error;

  return (
    <Group gap="xs">
      {editing || archived ? null : <TransitionButtons entity={entity} record={record} onMessage={onMessage} />}
      {editing || entity.rights.edit === false ? null : (
        <Button leftSection={<IconPencil size={16} aria-hidden="true" />} onClick={onEdit}>
          Edit
        </Button>
      )}
      {entity.rights.edit === false ? null : (
        <Button
          variant="default"
          loading={archive.isPending}
          leftSection={archived ? <IconArchiveOff size={16} aria-hidden="true" /> : <IconArchive size={16} aria-hidden="true" />}
          onClick={() => {
            onMessage(undefined);
            archive.mutate();
          }}
        >
          {archived ? 'Restore' : 'Archive'}
        </Button>
      )}
      {entity.rights.delete === false ? null : (
        <Button
          variant="default"
          color="red"
          leftSection={<IconTrash size={16} aria-hidden="true" />}
          onClick={() => {
            remove.reset();
            setConfirming(true);
          }}
        >
          Delete
        </Button>
      )}
      <Modal
        opened={confirming}
        onClose={() => {
          setConfirming(false);
        }}
        title={`Delete ${title}?`}
      >
        <Text size="sm">
          {entity.master_data
            ? `${entity.label_plural} are master data: deleting asks for approval, and the record stays until it is approved.`
            : 'The record is deleted for good.'}
        </Text>
        {deleteError === null ? null : (
          <Alert color="red" variant="light" mt="sm" role="alert">
            {deleteError.message}
            {isApiError(deleteError) && deleteError.fields.length > 0
              ? ` Referred to by: ${deleteError.fields.map((field) => field.message || field.field).join(', ')}.`
              : ''}
          </Alert>
        )}
        <Group justify="flex-end" mt="md">
          <Button
            variant="default"
            onClick={() => {
              setConfirming(false);
            }}
          >
            Cancel
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() => {
              remove.mutate();
            }}
          >
            {entity.master_data ? 'Request deletion' : 'Delete'}
          </Button>
        </Group>
      </Modal>
    </Group>
  );
}
