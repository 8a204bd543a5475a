import { Alert, Button, FileInput, Modal, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconFileImport } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { useNavigate } from 'react-router';
import type { ListActionSlotProps } from '@/lib/recordSlots';
import { DialogFooter } from '@/ui/DialogFooter';
import { orderFileContentType, orderFileProblems, orderFileVerdict } from './orderImport';
import { OrderProblemsTable } from './OrderProblemsTable';
import { importOrderFile } from './salesApi';

/**
 * A customer's purchase order received as a file (UBL 2.1 or EDIFACT ORDERS) becomes a draft
 * order, which then opens; a file with problems imports nothing and lists every problem.
 */
export function OrderImportDialog({ entity }: ListActionSlotProps) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const phone = useMediaQuery('(max-width: 48em)', false);
  const [opened, setOpened] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const run = useMutation({
    mutationFn: (chosen: File) => importOrderFile(chosen, orderFileContentType(chosen)),
    onSuccess: async (order) => {
      await queryClient.invalidateQueries({ queryKey: ['records', entity.plural] });
      setOpened(false);
      await navigate(`/${entity.plural}/${encodeURIComponent(order.id)}`);
    },
  });
  const close = () => {
    setOpened(false);
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setMissing(file === null);
    if (file !== null) run.mutate(file);
  };

  return (
    <>
      <Button
        variant="default"
        size="sm"
        leftSection={<IconFileImport size={16} aria-hidden="true" />}
        onClick={() => {
          setFile(null);
          setMissing(false);
          run.reset();
          setOpened(true);
        }}
      >
        Import order file
      </Button>
      <Modal opened={opened} onClose={close} title="Import order file" size="xl" fullScreen={phone}>
        <form onSubmit={submit} noValidate aria-label="Import order file">
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              A purchase order as a UBL 2.1 Order (XML) or an EDIFACT ORDERS file becomes a draft order of the customer it
              names, at the prices it gives. The customer and the products are found by their codes.
            </Text>
            <FileInput
              label="Order file"
              placeholder="Choose a file"
              required
              clearable
              accept=".xml,.edi,.edifact,.txt,application/xml,text/xml,text/plain"
              value={file}
              error={missing ? 'Choose the order file.' : undefined}
              onChange={(chosen) => {
                setFile(chosen);
                setMissing(false);
                run.reset();
              }}
            />
            {run.isError ? (
              <Stack gap="xs">
                <Alert color="red" variant="light" title={orderFileVerdict(run.error)} role="alert">
                  Correct the file, or the customers and products it names, and import it again.
                </Alert>
                <OrderProblemsTable problems={orderFileProblems(run.error)} />
              </Stack>
            ) : null}
            <DialogFooter submitLabel="Import" pending={run.isPending} onCancel={close} />
          </Stack>
        </form>
      </Modal>
    </>
  );
}
