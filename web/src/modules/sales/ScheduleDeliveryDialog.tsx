import { Alert, Button, Modal, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconTruckDelivery } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { useNavigate } from 'react-router';
import { isApiError } from '@/lib/api';
import type { EntityRecord } from '@/lib/records';
import { DialogFooter } from '@/ui/DialogFooter';
import { plainError } from './errors';
import { LinesChoiceTable } from './LinesChoiceTable';
import { fetchOrderLinesToDeliver, scheduleDelivery } from './salesApi';
import {
  checkDelivery,
  type DeliveryErrors,
  deliveryErrorsFrom,
  type DeliveryForm,
  deliveryForm,
  deliveryRequest,
  hasDeliveryErrors,
  updateDeliveryLine,
} from './scheduleDelivery';

const noErrors: DeliveryErrors = { lines: {}, fields: {}, general: undefined };

function today(): string {
  const now = new Date();
  const pad = (part: number) => String(part).padStart(2, '0');
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The refusal in words; a refusal for the order's state is about delivering here, not invoicing. */
function refusal(error: unknown): string {
  if (isApiError(error) && error.code === 'ORDER_NOT_CONFIRMED') return 'Only a confirmed order is delivered: confirm it first.';
  return plainError(error);
}

/** Schedules a delivery of what a confirmed order has left to deliver, all of it or part; the delivery opens once made. */
export function ScheduleDeliveryDialog({ order }: { order: EntityRecord }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [form, setForm] = useState<DeliveryForm | undefined>(undefined);
  const [errors, setErrors] = useState<DeliveryErrors>(noErrors);
  const lines = useQuery({
    queryKey: ['records', 'order_lines', 'to-deliver', order.id, order.version],
    queryFn: ({ signal }) => fetchOrderLinesToDeliver(order.id, signal),
    enabled: opened,
  });
  const shown = form ?? (lines.data === undefined ? undefined : deliveryForm(lines.data.data, today()));
  const make = useMutation({
    mutationFn: (current: DeliveryForm) => scheduleDelivery(order.id, deliveryRequest(current)),
    onSuccess: async (delivery) => {
      await queryClient.invalidateQueries({ queryKey: ['records'] });
      setOpened(false);
      await navigate(`/deliveries/${encodeURIComponent(delivery.id)}`);
    },
    onError: (error, current) => {
      const placed = isApiError(error) ? deliveryErrorsFrom(current, error.fields) : noErrors;
      setErrors(hasDeliveryErrors(placed) && placed.general === undefined ? placed : { ...placed, general: refusal(error) });
    },
  });
  const change = (next: DeliveryForm, lineId?: string, field?: string) => {
    setForm(next);
    // A problem goes once what it was about is changed, not on the next submit.
    const lineErrors = Object.fromEntries(Object.entries(errors.lines).filter(([id]) => id !== lineId));
    const fieldErrors = Object.fromEntries(Object.entries(errors.fields).filter(([name]) => name !== field));
    setErrors({ lines: lineErrors, fields: fieldErrors, general: undefined });
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (shown === undefined) return;
    const problems = checkDelivery(shown);
    setErrors(problems);
    if (!hasDeliveryErrors(problems)) make.mutate(shown);
  };
  const close = () => {
    setOpened(false);
  };

  return (
    <>
      <Button
        variant="light"
        leftSection={<IconTruckDelivery size={16} aria-hidden="true" />}
        onClick={() => {
          setForm(undefined);
          setErrors(noErrors);
          make.reset();
          setOpened(true);
        }}
      >
        Schedule delivery…
      </Button>
      <Modal opened={opened} onClose={close} title="Schedule delivery" size="lg">
        <form onSubmit={submit} noValidate aria-label="Schedule delivery">
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              Each line starts at what is still to deliver. Lower a quantity to send part of it now; 0 leaves the line
              for a later delivery.
            </Text>
            <LinesChoiceTable
              label="Lines to deliver"
              headings={['Line', 'Left', 'Deliver']}
              inputWidth={120}
              loaded={shown !== undefined}
              error={lines.isError ? lines.error : null}
            >
            {shown === undefined
              ? null
              : shown.lines.map((line, index) => (
                  <Table.Tr key={line.lineId}>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      <Text size="sm">{`${String(index + 1)}. ${line.name}`}</Text>
                      <Text size="xs" c="dimmed">
                        Ordered {line.ordered}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>{line.open}</Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={`Quantity to deliver of line ${String(index + 1)}: ${line.name}`}
                        inputMode="decimal"
                        autoComplete="off"
                        size="xs"
                        disabled={line.open === '0'}
                        value={line.quantity}
                        error={errors.lines[line.lineId]}
                        onChange={(event) => {
                          change(updateDeliveryLine(shown, line.lineId, event.currentTarget.value), line.lineId);
                        }}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
            </LinesChoiceTable>
            <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
              <TextInput
                label="Scheduled for"
                type="date"
                required
                value={shown?.scheduledDate ?? ''}
                error={errors.fields.scheduled_date}
                onChange={(event) => {
                  if (shown !== undefined) change({ ...shown, scheduledDate: event.currentTarget.value }, undefined, 'scheduled_date');
                }}
              />
              <TextInput
                label="Carrier"
                placeholder="Needed before it ships"
                autoComplete="off"
                maxLength={200}
                value={shown?.carrier ?? ''}
                error={errors.fields.carrier}
                onChange={(event) => {
                  if (shown !== undefined) change({ ...shown, carrier: event.currentTarget.value }, undefined, 'carrier');
                }}
              />
              <TextInput
                label="Tracking number"
                autoComplete="off"
                maxLength={200}
                value={shown?.trackingNumber ?? ''}
                error={errors.fields.tracking_number}
                onChange={(event) => {
                  if (shown !== undefined) change({ ...shown, trackingNumber: event.currentTarget.value }, undefined, 'tracking_number');
                }}
              />
            </SimpleGrid>
            {errors.general === undefined ? null : (
              <Alert color="red" variant="light" title="No delivery scheduled" role="alert">
                {errors.general}
              </Alert>
            )}
            <DialogFooter submitLabel="Schedule delivery" pending={make.isPending} onCancel={close} disabled={shown === undefined} />
          </Stack>
        </form>
      </Modal>
    </>
  );
}
