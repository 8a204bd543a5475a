import { Alert, Box, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, type SyntheticEvent } from 'react';
import type { FieldDefinition } from '@/lib/metadata';
import { requestQuote } from '@/lib/pricing';
import type { EntityRecord } from '@/lib/records';
import { LinkInput } from '@/ui/fields/LinkFields';
import { formatDecimal } from '@/ui/fields/values';
import { PriceExplanation } from '@/ui/PriceExplanation';
import { type LineDraft, type LineErrors, lineErrorsFrom, liveQuoteRequest, plainDecimal } from './lineForm';
import { SourceBadge } from './LinesTable';

// Long enough to let a quantity be typed digit by digit, short enough to feel immediate.
const LIVE_DELAY_MS = 300;

interface LineFormProps {
  title: string;
  draft: LineDraft;
  /** The document the line belongs to, priced on its `dateField`. */
  document: EntityRecord;
  dateField: string;
  productField: FieldDefinition;
  errors: LineErrors;
  saving: boolean;
  onChange: (draft: LineDraft) => void;
  onSave: () => void;
  onCancel: () => void;
}

/**
 * One line being added or changed, with what the pricing function makes of it as it is
 * typed: the same question the server asks when the line is saved, so the explanation
 * shown is the one the line will keep.
 */
export function LineForm({ title, draft, document, dateField, productField, errors, saving, onChange, onSave, onCancel }: LineFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const quantityRef = useRef<HTMLInputElement>(null);
  // A stored line is mostly changed in its quantity; a new one starts with its product.
  const startAtQuantity = draft.id !== undefined;
  const currency = typeof document.currency === 'string' ? document.currency : '';
  const request = liveQuoteRequest(draft, document, dateField);
  const asked = request === undefined ? '' : JSON.stringify(request);
  const [debounced] = useDebouncedValue(asked, LIVE_DELAY_MS);
  const live = useQuery({
    queryKey: ['pricing', 'quote', debounced],
    queryFn: ({ signal }) => requestQuote(JSON.parse(debounced) as NonNullable<typeof request>, signal),
    enabled: debounced !== '',
    // The previous answer stays, dimmed, while the next is asked: no flicker between keys.
    placeholderData: keepPreviousData,
    staleTime: 0,
    gcTime: 30 * 1000,
    retry: false,
  });
  const priced = asked !== '' && live.data !== undefined ? live.data.lines[0] : undefined;
  const waiting = asked !== debounced || live.isFetching;
  const liveErrors = live.isError && asked !== '' ? lineErrorsFrom(live.error) : undefined;

  // The form opens below the table: bring it into view and put the keyboard in it.
  useEffect(() => {
    const form = formRef.current;
    if (form === null) return;
    form.scrollIntoView({ block: 'nearest' });
    (startAtQuantity ? quantityRef.current : form.querySelector<HTMLInputElement>('input'))?.focus();
  }, [startAtQuantity]);

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    onSave();
  };
  const parts = errors.parts;

  return (
    <Paper withBorder p="sm" style={{ scrollMarginTop: 72 }}>
      <form ref={formRef} onSubmit={submit} noValidate aria-label={title}>
        <Stack gap="sm">
          <Title order={3} size="h5">
            {title}
          </Title>
          {errors.general.length > 0 ? (
            <Alert color="red" variant="light" title="Not saved">
              {errors.general.join(' ')}
            </Alert>
          ) : null}
          <LinkInput
            field={productField}
            label="Product"
            required
            value={draft.product}
            error={parts.product}
            onChange={(next) => {
              onChange({ ...draft, product: typeof next === 'string' && next !== '' ? next : null });
            }}
          />
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs" verticalSpacing="xs">
            <TextInput
              ref={quantityRef}
              label="Quantity"
              required
              inputMode="decimal"
              autoComplete="off"
              value={draft.quantity}
              error={parts.quantity}
              onChange={(event) => {
                onChange({ ...draft, quantity: event.currentTarget.value });
              }}
            />
            <TextInput
              label={currency === '' ? 'Unit price by hand' : `Unit price by hand (${currency})`}
              placeholder="from the rules"
              inputMode="decimal"
              autoComplete="off"
              value={draft.unitPrice}
              error={parts.unit_price}
              onChange={(event) => {
                onChange({ ...draft, unitPrice: event.currentTarget.value });
              }}
            />
            <TextInput
              label="Discount % by hand"
              placeholder="from the rules"
              inputMode="decimal"
              autoComplete="off"
              value={draft.discount}
              error={parts.discount}
              onChange={(event) => {
                onChange({ ...draft, discount: event.currentTarget.value });
              }}
            />
          </SimpleGrid>
          <Box
            component="section"
            aria-label="Live price"
            aria-busy={waiting}
            p="xs"
            bg="var(--mantine-color-gray-light)"
            style={{ borderRadius: 'var(--mantine-radius-sm)' }}
          >
            {asked === '' ? (
              <Text size="sm" c="dimmed">
                Choose a product and a quantity to see the price and how it is found.
              </Text>
            ) : liveErrors !== undefined ? (
              <Text size="sm" c="red" role="status">
                Not priced: {[...Object.values(liveErrors.parts), ...liveErrors.general].join(' ')}
              </Text>
            ) : priced === undefined ? (
              <Text size="sm" c="dimmed">
                Pricing…
              </Text>
            ) : (
              <Stack gap="xs" style={{ opacity: waiting ? 0.6 : 1 }}>
                <Group gap="xs" wrap="wrap" role="status" aria-label="Live price of this line">
                  <Text size="sm" fw={600}>
                    {formatDecimal(plainDecimal(priced.quantity))} × {formatDecimal(priced.unit_price)}
                    {plainDecimal(priced.discount_percent) === '0' ? '' : ` − ${plainDecimal(priced.discount_percent)}%`} ={' '}
                    {formatDecimal(priced.net_amount)} net, {formatDecimal(priced.total)} {live.data?.currency ?? currency} with
                    tax
                  </Text>
                  <SourceBadge source={priced.price_source} />
                </Group>
                <PriceExplanation steps={priced.explanation} label="How this line is priced" />
              </Stack>
            )}
          </Box>
          <Group gap="xs" justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              Save line
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
