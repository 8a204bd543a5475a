import { ActionIcon, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { LinkInput } from '@/ui/fields/LinkFields';
import { type LineDraft, type LinePart, linkField, newLine } from './priceCheckForm';
import { MAX_LINES } from './pricingApi';

const productField = linkField('product', 'product', 'Product');

interface PriceLinesEditorProps {
  lines: LineDraft[];
  /** By line key. */
  errors: Record<string, Partial<Record<LinePart, string>>>;
  /** An error about the lines as a whole (none, too many). */
  error?: string | undefined;
  onChange: (lines: LineDraft[]) => void;
}

/** The products to price: each with a quantity and, when the rules should not decide, a price or discount. */
export function PriceLinesEditor({ lines, errors, error, onChange }: PriceLinesEditorProps) {
  const editorRef = useRef<HTMLDivElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  // Where the keyboard goes once the lines have changed: a new line's product (its key), or
  // "Add line" ('add') when the focused remove button disappeared with its line.
  const focusNext = useRef<string | null>(null);

  useEffect(() => {
    const target = focusNext.current;
    if (target === null) return;
    focusNext.current = null;
    if (target === 'add') {
      addRef.current?.focus();
    } else {
      editorRef.current?.querySelector<HTMLInputElement>(`[data-line="${target}"] input`)?.focus();
    }
  }, [lines]);

  const change = (key: string, update: Partial<LineDraft>) => {
    onChange(lines.map((line) => (line.key === key ? { ...line, ...update } : line)));
  };

  return (
    <Stack ref={editorRef} gap="sm">
      <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Lines">
        {lines.map((line, index) => {
          const number = String(index + 1);
          const problems = errors[line.key] ?? {};
          return (
            <Paper key={line.key} component="li" withBorder p="sm" data-line={line.key}>
              <Stack gap="xs" role="group" aria-label={`Line ${number}`}>
                <Group justify="space-between" gap="xs" wrap="nowrap">
                  <Text size="sm" fw={600} c="dimmed" aria-hidden="true">
                    Line {number}
                  </Text>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Remove line ${number}`}
                    // A quote needs one line at least; the last one stays to be filled in.
                    disabled={lines.length === 1}
                    onClick={() => {
                      onChange(lines.filter((other) => other.key !== line.key));
                      focusNext.current = 'add';
                    }}
                  >
                    <IconTrash size={18} aria-hidden="true" />
                  </ActionIcon>
                </Group>
                <LinkInput
                  field={productField}
                  label="Product"
                  required
                  value={line.product}
                  error={problems.product}
                  onChange={(next) => {
                    change(line.key, { product: typeof next === 'string' && next !== '' ? next : null });
                  }}
                />
                <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs" verticalSpacing="xs">
                  <TextInput
                    label="Quantity"
                    required
                    inputMode="decimal"
                    autoComplete="off"
                    value={line.quantity}
                    error={problems.quantity}
                    onChange={(event) => {
                      change(line.key, { quantity: event.currentTarget.value });
                    }}
                  />
                  <TextInput
                    label="Unit price"
                    placeholder="from the rules"
                    inputMode="decimal"
                    autoComplete="off"
                    value={line.unitPrice}
                    error={problems.unit_price}
                    onChange={(event) => {
                      change(line.key, { unitPrice: event.currentTarget.value });
                    }}
                  />
                  <TextInput
                    label="Discount %"
                    placeholder="from the rules"
                    inputMode="decimal"
                    autoComplete="off"
                    value={line.discount}
                    error={problems.discount}
                    onChange={(event) => {
                      change(line.key, { discount: event.currentTarget.value });
                    }}
                  />
                </SimpleGrid>
              </Stack>
            </Paper>
          );
        })}
      </Stack>
      {error === undefined ? null : (
        <Text size="sm" c="red">
          {error}
        </Text>
      )}
      <Group>
        <Button
          ref={addRef}
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden="true" />}
          disabled={lines.length >= MAX_LINES}
          onClick={() => {
            const line = newLine();
            onChange([...lines, line]);
            focusNext.current = line.key;
          }}
        >
          Add line
        </Button>
      </Group>
    </Stack>
  );
}
