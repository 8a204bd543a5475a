import { ActionIcon, Alert, Button, Card, Group, Modal, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconFileTypePdf, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { EntityDefinition } from '@/lib/metadata';
import { createRecord, updateRecord, type EntityRecord } from '@/lib/records';
import { EmptyState } from '@/ui/EmptyState';
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
import { archiveLine, fetchLines, quotationKeys, type QuotationLine } from './quotationsApi';

const LOCKED_NOTES: Record<string, string> = {
  pending_approval: 'Locked while the approval is pending.',
  approved: 'Approved as it is: take New revision to change it.',
  sent: 'Sent to the customer: take New revision to change it.',
  accepted: 'Accepted by the customer.',
  rejected: 'Rejected by the customer: take New revision to offer another.',
  expired: 'Expired: take New revision to offer it again.',
};

interface LineEditorProps {
  quotation: EntityRecord;
  lineEntity: EntityDefinition;
  onPreview: () => void;
}

/**
 * The quotation's lines: added, changed and removed while it is a draft, read-only after.
 * Every save is priced by the server; the quotation is read again for its new totals.
 */
export function LineEditor({ quotation, lineEntity, onPreview }: LineEditorProps) {
  const queryClient = useQueryClient();
  const addRef = useRef<HTMLButtonElement>(null);
  const [draft, setDraft] = useState<LineDraft | undefined>(undefined);
  const [errors, setErrors] = useState<LineErrors>(noLineErrors);
  const [removing, setRemoving] = useState<QuotationLine | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const status = typeof quotation.status === 'string' ? quotation.status : 'draft';
  const currency = typeof quotation.currency === 'string' ? quotation.currency : '';
  const archived = quotation.archived_at !== null && quotation.archived_at !== undefined;
  // The quotation's version is in the key: repricing after a change of its price list or
  // date, and a transition, show at once.
  const lines = useQuery({
    queryKey: [...quotationKeys.lines(quotation.id), quotation.version],
    queryFn: ({ signal }) => fetchLines(quotation.id, signal),
    placeholderData: keepPreviousData,
  });
  const productField = lineEntity.fields.find((field) => field.name === 'product_id');
  const editable = status === 'draft' && !archived && lineEntity.rights.edit !== false;
  const canAdd = editable && lineEntity.rights.create !== false;

  const refresh = async () => {
    // The totals live on the quotation: read it again, and the lines with it.
    await queryClient.invalidateQueries({ queryKey: ['records', 'quotations', 'detail', quotation.id] });
    await queryClient.invalidateQueries({ queryKey: quotationKeys.lines(quotation.id) });
  };
  const close = () => {
    setDraft(undefined);
    setErrors(noLineErrors);
    // The form is gone with the focus in it: the keyboard goes back to where lines start.
    requestAnimationFrame(() => addRef.current?.focus());
  };
  const save = useMutation({
    mutationFn: ({ line, stored }: { line: LineDraft; stored: QuotationLine | undefined }) =>
      stored === undefined
        ? createRecord('quotation_lines', createValues(line, quotation.id, currency))
        : updateRecord('quotation_lines', stored.id, stored.version, changedValues(line, stored, currency)),
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
    mutationFn: (line: QuotationLine) => archiveLine(line.id),
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
  const lockedNote = editable ? undefined : archived ? 'Archived: restore it to change its lines.' : LOCKED_NOTES[status];

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
            <Button
              size="xs"
              variant="default"
              leftSection={<IconFileTypePdf size={16} aria-hidden="true" />}
              onClick={onPreview}
            >
              Preview PDF
            </Button>
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
            {canAdd ? 'Add the products to offer; each is priced as it is saved.' : 'This quotation offers nothing yet.'}
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
              label="Quotation lines"
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
            quotation={quotation}
            productField={productField}
            errors={errors}
            saving={save.isPending}
            onChange={setDraft}
            onSave={saveDraft}
            onCancel={close}
          />
        )}
        <Totals net={quotation.net_total} tax={quotation.tax_total} total={quotation.total} />
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
            {removing === undefined ? '' : lineName(removing)} leaves the quotation, and the totals are summed again.
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
