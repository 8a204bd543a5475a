import { Alert, Box, Button, Group, SimpleGrid, Stack, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { IconCalculator } from '@tabler/icons-react';
import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { EmptyState } from '@/ui/EmptyState';
import { LinkInput } from '@/ui/fields/LinkFields';
import { PageHeader } from '@/ui/PageHeader';
import { PriceLinesEditor } from './PriceLinesEditor';
import { PricedLinesTable } from './PricedLinesTable';
import {
  buildQuoteRequest,
  checkDraft,
  hasErrors,
  initialDraft,
  linkField,
  noQuoteErrors,
  type PriceCheckDraft,
  quoteErrorsFrom,
  type QuoteErrors,
} from './priceCheckForm';
import { type Quote, useQuote } from './pricingApi';

const customerField = linkField('account', 'account', 'Customer');
const priceListField = linkField('price_list', 'price_list', 'Price list');

/** `/pricing`: what a customer pays for some products on a date, and which prices and rules decided it. */
export function PriceCheckPage() {
  const [draft, setDraft] = useState<PriceCheckDraft>(() => initialDraft());
  const [errors, setErrors] = useState<QuoteErrors>(noQuoteErrors);
  // The answer shown, with the request it answers, to tell when the form has moved on.
  const [result, setResult] = useState<{ quote: Quote; sent: string } | undefined>(undefined);
  // Counts failed submissions, so each one moves the focus to its first invalid input.
  const [failures, setFailures] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const quote = useQuote();

  // On a phone the answer arrives below the fold: bring it up, leaving the focus on Price.
  const answered = result?.quote;
  useEffect(() => {
    const element = resultRef.current;
    if (answered === undefined || element === null) return;
    if (element.getBoundingClientRect().top > window.innerHeight * 0.75) element.scrollIntoView({ block: 'start' });
  }, [answered]);

  useEffect(() => {
    if (failures === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [failures]);

  const update = (change: Partial<PriceCheckDraft>) => {
    setDraft((current) => ({ ...current, ...change }));
  };

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const problems = checkDraft(draft);
    if (hasErrors(problems)) {
      setErrors(problems);
      setFailures((count) => count + 1);
      return;
    }
    setErrors(noQuoteErrors);
    const request = buildQuoteRequest(draft);
    const sentLines = draft.lines;
    // Only the last request's answer lands: the mutation drops callbacks of earlier ones.
    quote.mutate(request, {
      onSuccess: (answer) => {
        setResult({ quote: answer, sent: JSON.stringify(request) });
      },
      onError: (error) => {
        // An answer for other inputs would read as the answer to these.
        setResult(undefined);
        setErrors(quoteErrorsFrom(error, sentLines));
        setFailures((count) => count + 1);
      },
    });
  };

  const stale = result !== undefined && result.sent !== JSON.stringify(buildQuoteRequest(draft));
  const placed = Object.keys(errors.fields).length > 0 || Object.keys(errors.lines).length > 0;

  return (
    <Stack gap="md" maw={1000}>
      <PageHeader title="Price check" />
      <Text size="sm" c="dimmed">
        What a customer pays for products on a date, and which prices, discounts and taxes decided it.
      </Text>
      <form ref={formRef} onSubmit={submit} noValidate aria-label="Price check">
        <Stack gap="md">
          {errors.general.length > 0 ? (
            <Alert color="red" variant="light" title="Not priced">
              {errors.general.join(' ')}
              {placed ? ' See the inputs marked below.' : ''}
            </Alert>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
            <LinkInput
              field={customerField}
              label="Customer"
              required
              value={draft.account}
              error={errors.fields.account}
              onChange={(next) => {
                update({ account: typeof next === 'string' && next !== '' ? next : null });
              }}
            />
            <TextInput
              type="date"
              label="Date"
              value={draft.date}
              error={errors.fields.date}
              onChange={(event) => {
                update({ date: event.currentTarget.value });
              }}
            />
            <TextInput
              label="Currency"
              placeholder="the customer's"
              maxLength={3}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              value={draft.currency}
              error={errors.fields.currency}
              onChange={(event) => {
                // ISO codes are capitals; typing them in lower case is no mistake to report.
                update({ currency: event.currentTarget.value.toUpperCase() });
              }}
            />
            <LinkInput
              field={priceListField}
              label="Price list"
              value={draft.priceList}
              error={errors.fields.price_list}
              onChange={(next) => {
                update({ priceList: typeof next === 'string' && next !== '' ? next : null });
              }}
            />
          </SimpleGrid>
          <Title order={2} size="h4">
            Products
          </Title>
          <PriceLinesEditor
            lines={draft.lines}
            errors={errors.lines}
            error={errors.fields.lines}
            onChange={(lines) => {
              update({ lines });
            }}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={quote.isPending} leftSection={<IconCalculator size={16} aria-hidden="true" />}>
              Price
            </Button>
          </Group>
        </Stack>
      </form>
      {/* A short spoken summary: announcing the whole table on every answer would drown it. */}
      <VisuallyHidden role="status">
        {quote.isPending
          ? 'Pricing…'
          : result === undefined
            ? ''
            : `Priced ${String(result.quote.lines.length)} ${result.quote.lines.length === 1 ? 'line' : 'lines'}: total ${result.quote.totals.total} ${result.quote.currency}`}
      </VisuallyHidden>
      <Box aria-busy={quote.isPending}>
        {result === undefined ? (
          errors.general.length > 0 || placed ? null : (
            <EmptyState title="No prices yet">
              Choose a customer and products, then press Price. Leave the price and discount empty to let the rules
              decide.
            </EmptyState>
          )
        ) : (
          // The margin keeps the heading clear of the sticky header when scrolled to.
          <Stack ref={resultRef} gap="sm" style={{ opacity: quote.isPending ? 0.6 : 1, scrollMarginTop: 72 }}>
            <Title order={2} size="h3">
              Prices
            </Title>
            {stale ? (
              <Text size="sm" c="orange.8" role="status">
                The form has changed since these prices: press Price to update them.
              </Text>
            ) : null}
            <PricedLinesTable quote={result.quote} />
          </Stack>
        )}
      </Box>
    </Stack>
  );
}
