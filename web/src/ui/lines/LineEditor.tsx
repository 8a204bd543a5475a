import { ActionIcon, Alert, Button, Card, Group, Modal, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconFileTypePdf, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { EntityDefinition } from '@/lib/metadata';
import { createRecord, updateRecord, type EntityRecord } from '@/lib/records';
import { EmptyState } from '@/ui/EmptyState';
import {
  archiveDocumentLine,
  type DocumentLine,
  documentLinesKey,
  fetchDocumentLines,
  type LineDocumentKind,
} from './documentLines';
import { LineForm } from './LineForm';
import {
  changedValues,
  checkLine,
  createValues,
  draftFromLine,
  hasLineErrors,
  type LineDraft,
  lineErrorsFrom,
  type LineErrors,
  lineName,
  newLineDraft,
  noLineErrors,
} from './lineForm';
import { LineExplanations, LinesTable, Totals } from './LinesTable';

interface LineEditorProps {
  kind: LineDocumentKind;
  document: EntityRecord;
  lineEntity: EntityDefinition;
  /** Shows the printed document; no button without it. */
  onPreview?: (() => void) | undefined;
}

/**
 * A document's lines: added, changed and removed while it is a draft, read-only after.
 * Every save is priced by the server; the document is read again for its new totals.
 */
export function LineEditor({ kind, document, lineEntity, onPreview }: LineEditorProps) {
  const queryClient = useQueryClient();
  const addRef = useRef<HTMLButtonElement>(null);
  const [draft, setDraft] = useState<LineDraft | undefined>(undefined);
  const [errors, setErrors] = useState<LineErrors>(noLineErrors);
  const [removing, setRemoving] = useState<DocumentLine | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const status = typeof document.status === 'string' ? document.status : 'draft';
  const currency = typeof document.currency === 'string' ? document.currency : '';
  const archived = document.archived_at !== null && document.archived_at !== undefined;
  // The document's version is in the key: repricing after a change of its price list or
  // date, and a transition, show at once.
  const lines = useQuery({
    queryKey: [...documentLinesKey(kind, document.id), document.version],
    queryFn: ({ signal }) => fetchDocumentLines(kind, document.id, signal),
    placeholderData: keepPreviousData,
  });
  const productField = lineEntity.fields.find((field) => field.name === 'product_id');
  const editable = status === 'draft' && !archived && lineEntity.rights.edit !== false;
  const canAdd = editable && lineEntity.rights.create !== false;

  const refresh = async () => {
    // The totals live on the document: read it again, and the lines with it.
    await queryClient.invalidateQueries({ queryKey: ['records', kind.plural, 'detail', document.id] });
    await queryClient.invalidateQueries({ queryKey: documentLinesKey(kind, document.id) });
  };
  const close = () => {
    setDraft(undefined);
    setErrors(noLineErrors);
    // The form is gone with the focus in it: the keyboard goes back to where lines start.
    requestAnimationFrame(() => addRef.current?.focus());
  };
  const save = useMutation({
    mutationFn: ({ line, stored }: { line: LineDraft; stored: DocumentLine | undefined }) =>
      stored === undefined
        ? createRecord(kind.linePlural, createValues(line, { field: kind.parentField, id: document.id }, currency))
        : updateRecord(kind.linePlural, stored.id, stored.version, changedValues(line, stored, currency)),
    onSuccess: async (_saved, { stored }) => {
      await refresh();
      setNotice(stored === undefined ? 'Line added.' : 'Line saved.');
      close();
    },
    onError: (error) => {
      setErrors(lineErrorsFrom(error));
    },
  });
  const remove = useMutation({
    mutationFn: (line: DocumentLine) => archiveDocumentLine(kind, line.id),
    onSuccess: async () => {
      await refresh();
      setRemoving(undefined);
      setNotice('Line removed.');
      requestAnimationFrame(() => addRef.current?.focus());
    },
  });

  if (productField === undefined) return null;
  const list = lines.data ?? [];
  const stored = draft?.id === undefined ? undefined : list.find((line) => line.id === draft.id);
  const editingIndex = stored === undefined ? -1 : list.indexOf(stored);
  const lockedNote = editable ? undefined : archived ? 'Archived: restore it to change its lines.' : kind.lockedNotes[status];

  const startEditing = (next: LineDraft) => {
    setNotice(undefined);
    setErrors(noLineErrors);
    save.reset();
    setDraft(next);
  };
  const saveDraft = () => {
    if (draft === undefined) return;
    const problems = checkLine(draft);
    if (hasLineErrors(problems)) {
      setErrors(problems);
      return;
    }
    if (stored !== undefined && Object.keys(changedValues(draft, stored, currency)).length === 0) {
      close();
      return;
    }
    setErrors(noLineErrors);
    save.mutate({ line: draft, stored });
  };

  return (
    <Card withBorder padding="sm" component="section" aria-label="Lines">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4">
            Lines
          </Title>
          <Group gap="xs">
            {onPreview === undefined ? null : (
              <Button
                size="xs"
                variant="default"
                leftSection={<IconFileTypePdf size={16} aria-hidden="true" />}
                onClick={onPreview}
              >
                Preview PDF
              </Button>
            )}
            {canAdd ? (
              <Button
                ref={addRef}
                size="xs"
                leftSection={<IconPlus size={16} aria-hidden="true" />}
                disabled={draft !== undefined}
                onClick={() => {
                  startEditing(newLineDraft());
                }}
              >
                Add line
              </Button>
            ) : null}
          </Group>
        </Group>
        {lockedNote === undefined ? null : (
          <Text size="sm" c="dimmed">
            {lockedNote}
          </Text>
        )}
        {notice === undefined ? null : (
          <Text size="sm" c="green.8" role="status">
            {notice}
          </Text>
        )}
        {lines.isError ? (
          <Alert color="red" variant="light" title="The lines could not be loaded">
            {lines.error.message}
          </Alert>
        ) : null}
        {lines.isPending ? (
          <Text size="sm" c="dimmed">
            Loading the lines…
          </Text>
        ) : list.length === 0 ? (
          <EmptyState title="No lines yet">
            {canAdd ? 'Add the products; each is priced as it is saved.' : `This ${kind.noun} has no lines yet.`}
          </EmptyState>
        ) : (
          <>
            {currency === '' ? null : (
              <Text size="sm" c="dimmed">
                Amounts in {currency}.
              </Text>
            )}
            <LinesTable
              lines={list}
              label={kind.tableLabel}
              selected={draft?.id}
              actions={
                editable
                  ? (line, number) => (
                      <Group gap={4} wrap="nowrap">
                        <Tooltip label={`Change line ${number}`}>
                          <ActionIcon
                            variant="subtle"
                            aria-label={`Change line ${number}: ${lineName(line)}`}
                            disabled={draft !== undefined}
                            onClick={() => {
                              startEditing(draftFromLine(line));
                            }}
                          >
                            <IconPencil size={18} aria-hidden="true" />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={`Remove line ${number}`}>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={`Remove line ${number}: ${lineName(line)}`}
                            disabled={draft !== undefined}
                            onClick={() => {
                              setNotice(undefined);
                              remove.reset();
                              setRemoving(line);
                            }}
                          >
                            <IconTrash size={18} aria-hidden="true" />
                          </ActionIcon>
                        </Tooltip>
                      </Group>
                    )
                  : undefined
              }
            />
          </>
        )}
        {draft === undefined ? null : (
          <LineForm
            title={stored === undefined ? 'New line' : `Line ${String(editingIndex + 1)}: ${lineName(stored)}`}
            draft={draft}
            document={document}
            dateField={kind.dateField}
            productField={productField}
            errors={errors}
            saving={save.isPending}
            onChange={setDraft}
            onSave={saveDraft}
            onCancel={close}
          />
        )}
        <Totals net={document.net_total} tax={document.tax_total} total={document.total} />
        <LineExplanations lines={list} />
      </Stack>
      <Modal
        opened={removing !== undefined}
        onClose={() => {
          setRemoving(undefined);
        }}
        title="Remove this line?"
      >
        <Stack>
          <Text size="sm">
            {removing === undefined ? '' : lineName(removing)} leaves the {kind.noun}, and the totals are summed again.
          </Text>
          {remove.isError ? (
            <Alert color="red" variant="light">
              {remove.error.message}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => {
                setRemoving(undefined);
              }}
            >
              Keep it
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => {
                if (removing !== undefined) remove.mutate(removing);
              }}
            >
              Remove line
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
