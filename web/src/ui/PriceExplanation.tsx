import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useMetadata } from '@/lib/metadata';
import type { PricingStep } from '@/lib/pricing';

const STEP_LABELS: Record<string, string> = {
  manual_price: 'Typed by hand',
  special_price: 'Special price',
  customer_price: 'Customer price',
  price_list: 'Price list',
  list_price: 'List price',
  discount: 'Discount',
  tax: 'Tax',
  rounding: 'Rounding',
};

/** The steps that decided one line's price, in the server's order, with the sources passed over muted. */
export function PriceExplanation({ steps, label }: { steps: readonly PricingStep[]; label: string }) {
  const metadata = useMetadata();
  const entities = metadata.data?.entities ?? [];

  return (
    <Stack component="ol" gap={6} p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
      {steps.map((step, index) => {
        const skipped = step.kind === 'skipped';
        // A link to the rule or price behind the step, when the user may read that entity.
        const source = step.source_id === '' ? undefined : entities.find((entity) => entity.name === step.source);
        const muted = skipped ? { c: 'dimmed' } : {};
        return (
          <Group key={`${String(index)}-${step.kind}`} component="li" gap={8} wrap="nowrap" align="flex-start">
            <Badge
              variant={skipped ? 'outline' : 'light'}
              color={skipped ? 'gray' : 'blue'}
              size="sm"
              miw={96}
              style={{ flexShrink: 0 }}
            >
              {skipped ? 'not used' : (STEP_LABELS[step.kind] ?? step.kind.replace(/_/g, ' '))}
            </Badge>
            <Text size="sm" {...muted} style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
              {step.text}
              {source === undefined ? null : (
                <>
                  {' '}
                  <Anchor
                    component={Link}
                    to={`/${encodeURIComponent(source.plural)}/${encodeURIComponent(step.source_id)}`}
                    size="sm"
                    {...muted}
                    // The visible word starts the name, so speech input finds it by what it shows.
                    aria-label={`Open the ${source.label.toLowerCase()}`}
                  >
                    Open
                  </Anchor>
                </>
              )}
              {step.approval_id === '' ? null : (
                <>
                  {' '}
                  <Anchor
                    component={Link}
                    to={`/approvals?approval=${encodeURIComponent(step.approval_id)}`}
                    size="sm"
                    {...muted}
                  >
                    See the approval
                  </Anchor>
                </>
              )}
            </Text>
          </Group>
        );
      })}
    </Stack>
  );
}
