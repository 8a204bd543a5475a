import { Alert, Button, Checkbox, Group, Modal, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { IconReceiptRefund } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { useNavigate } from 'react-router';
import { isApiError } from '@/lib/api';
import type { EntityRecord } from '@/lib/records';
import { documentLinesKey, fetchDocumentLines } from '@/ui/lines/documentLines';
import {
  checkCreditNote,
  type CreditNoteErrors,
  creditNoteErrorsFrom,
  type CreditNoteForm,
  creditNoteForm,
  creditNoteRequest,
  hasCreditNoteErrors,
  updateLine,
} from './creditNote';
import { plainError } from './errors';
import { LinesChoiceTable } from './LinesChoiceTable';
import { invoiceLines, makeCreditNote } from './salesApi';

const noErrors: CreditNoteErrors = { lines: {}, general: undefined };

/** Credits some or all of an issued invoice's lines; the credit note opens as a draft to check and issue. */
export function CreditNoteDialog({ invoice }: { invoice: EntityRecord }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [form, setForm] = useState<CreditNoteForm | undefined>(undefined);
  const [errors, setErrors] = useState<CreditNoteErrors>(noErrors);
  const lines = useQuery({
    queryKey: [...documentLinesKey(invoiceLines, invoice.id), invoice.version],
    queryFn: ({ signal }) => fetchDocumentLines(invoiceLines, invoice.id, signal),
    enabled: opened,
  });
  const shown = form ?? (lines.data === undefined ? undefined : creditNoteForm(lines.data));
  const make = useMutation({
    mutationFn: (current: CreditNoteForm) => makeCreditNote(invoice.id, creditNoteRequest(current)),
    onSuccess: async (credit) => {
      await queryClient.invalidateQueries({ queryKey: ['records'] });
      setOpened(false);
      await navigate(`/invoices/${encodeURIComponent(credit.id)}`);
    },
    onError: (error, current) => {
      const placed = isApiError(error) ? creditNoteErrorsFrom(current, error.fields) : noErrors;
      setErrors(hasCreditNoteErrors(placed) && placed.general === undefined ? placed : { ...placed, general: plainError(error) });
    },
  });
  const change = (next: CreditNoteForm, lineId?: string) => {
    setForm(next);
    // A problem goes once the line it was about is changed, not on the next submit.
    if (lineId !== undefined && (errors.lines[lineId] !== undefined || errors.general !== undefined)) {
      setErrors({ lines: Object.fromEntries(Object.entries(errors.lines).filter(([id]) => id !== lineId)), general: undefined });
    }
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (shown === undefined) return;
    const problems = checkCreditNote(shown);
    setErrors(problems);
    if (!hasCreditNoteErrors(problems)) make.mutate(shown);
  };

  return (
    <>
      <Button
        variant="light"
        leftSection={<IconReceiptRefund size={16} aria-hidden="true" />}
        onClick={() => {
          setForm(undefined);
          setErrors(noErrors);
          make.reset();
          setOpened(true);
        }}
      >
        Credit note…
      </Button>
      <Modal
        opened={opened}
        onClose={() => {
          setOpened(false);
        }}
        title="Credit note"
        size="lg"
      >
        <form onSubmit={submit} noValidate aria-label="Credit note">
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              Choose the lines to credit and how many of each. The credit note opens as a draft; once issued it settles
              the invoice by its amount.
            </Text>
            <LinesChoiceTable
              label="Lines to credit"
              headings={['Line', 'Invoiced', 'Credit']}
              inputWidth={130}
              loaded={shown !== undefined}
              error={lines.isError ? lines.error : null}
            >
            {shown === undefined
              ? null
              : shown.lines.map((line, index) => (
                  <Table.Tr key={line.lineId}>
                    <Table.Td>
                      <Checkbox
                        label={`${String(index + 1)}. ${line.name}`}
                        checked={line.chosen}
                        onChange={(event) => {
                          change(updateLine(shown, line.lineId, { chosen: event.currentTarget.checked }), line.lineId);
                        }}
                        styles={{ label: { overflowWrap: 'anywhere' } }}
                      />
                    </Table.Td>
                    <Table.Td style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>{line.invoiced}</Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={`Quantity to credit of line ${String(index + 1)}: ${line.name}`}
                        inputMode="decimal"
                        autoComplete="off"
                        size="xs"
                        disabled={!line.chosen}
                        value={line.quantity}
                        error={errors.lines[line.lineId]}
                        onChange={(event) => {
                          change(updateLine(shown, line.lineId, { quantity: event.currentTarget.value }), line.lineId);
                        }}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
            </LinesChoiceTable>
            <Textarea
              label="Reason"
              description="Printed on the credit note, e.g. Damaged in transit."
              autosize
              minRows={2}
              maxLength={2000}
              value={shown?.reason ?? ''}
              onChange={(event) => {
                if (shown !== undefined) change({ ...shown, reason: event.currentTarget.value });
              }}
            />
            {errors.general === undefined ? null : (
              <Alert color="red" variant="light" title="No credit note made" role="alert">
                {errors.general}
              </Alert>
            )}
            <Group justify="flex-end" gap="xs">
              <Button
                variant="default"
                onClick={() => {
                  setOpened(false);
                }}
              >
                Cancel
              </Button>
              <Button type="submit" loading={make.isPending} disabled={shown === undefined}>
                Make credit note
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
