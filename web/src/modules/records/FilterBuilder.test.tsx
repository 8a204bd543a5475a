import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { readMetadata, type EntityDefinition } from '@/lib/metadata';
import { FilterBuilder } from './FilterBuilder';
import type { FilterRow } from './filterFields';

const { entities } = readMetadata({
  picklists: { areas: [{ key: 'north', label: 'North' }, { key: 'south', label: 'South' }] },
  entities: [
    {
      name: 'account',
      plural: 'accounts',
      fields: [
        { name: 'name', type: 'text', label: 'Name', operators: ['eq', 'contains', 'starts', 'empty'] },
        { name: 'area', type: 'enum', label: 'Area', picklist: 'areas', operators: ['eq', 'ne', 'in', 'empty'] },
        { name: 'credit_limit', type: 'money', label: 'Credit limit', operators: ['eq', 'ge', 'le'] },
        { name: 'billing_address', type: 'address', label: 'Billing address', parts: ['city', 'country'], operators: ['eq', 'contains'] },
        { name: 'comments', type: 'long_text', label: 'Comments', operators: [] },
      ],
    },
  ],
});
function firstEntity(list: EntityDefinition[]): EntityDefinition {
  const [first] = list;
  if (first === undefined) throw new Error('the test metadata has no entity');
  return first;
}
const account = firstEntity(entities);

function renderBuilder(applied: FilterRow[] = []) {
  const onApply = vi.fn();
  render(
    <MantineProvider env="test">
      <QueryClientProvider client={new QueryClient()}>
        <FilterBuilder entity={account} applied={applied} onApply={onApply} />
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { onApply, user: userEvent.setup() };
}

async function choose(user: ReturnType<typeof userEvent.setup>, label: string, option: string) {
  await user.click(screen.getByRole('textbox', { name: label }));
  await user.click(await screen.findByRole('option', { name: option }));
}

// Many select interactions in one test; a busy machine needs more than the default 5 s.
describe('FilterBuilder', { timeout: 20_000 }, () => {
  it('offers only fields with operators, and addresses by their parts', async () => {
    const { user } = renderBuilder();
    await user.click(screen.getByRole('button', { name: 'Add condition' }));
    await user.click(screen.getByRole('textbox', { name: 'Condition 1 field' }));
    const options = (await screen.findAllByRole('option')).map((option) => option.textContent);
    expect(options).toEqual(['Name', 'Area', 'Credit limit', 'Billing address: City', 'Billing address: Country']);
  });

  it('builds "area eq north" from field, operator and an enum value', async () => {
    const { onApply, user } = renderBuilder();
    await user.click(screen.getByRole('button', { name: 'Add condition' }));
    await choose(user, 'Condition 1 field', 'Area');
    await choose(user, 'Condition 1 operator', 'is');
    await choose(user, 'Condition 1 value', 'North');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    expect(onApply).toHaveBeenLastCalledWith([expect.objectContaining({ path: 'area', operator: 'eq', value: 'north' })], 'area eq "north"');
    expect(screen.getByTestId('filter-dsl')).toHaveTextContent('area eq "north"');
  });

  it('offers only the operators the server allows for the field', async () => {
    const { user } = renderBuilder();
    await user.click(screen.getByRole('button', { name: 'Add condition' }));
    await choose(user, 'Condition 1 field', 'Area');
    await user.click(screen.getByRole('textbox', { name: 'Condition 1 operator' }));
    const operators = (await screen.findAllByRole('option')).map((option) => option.textContent);
    expect(operators).toEqual(['is', 'is not', 'is any of', 'is empty', 'is not empty']);
  });

  it('joins conditions with and: a text value, a bare number for money, an address part and not empty', async () => {
    const { onApply, user } = renderBuilder();
    await user.click(screen.getByRole('button', { name: 'Add condition' }));
    await choose(user, 'Condition 1 operator', 'contains');
    await user.type(screen.getByRole('textbox', { name: 'Condition 1 value' }), 'say "GmbH"');

    await user.click(screen.getByRole('button', { name: 'Add condition' }));
    await choose(user, 'Condition 2 field', 'Credit limit');
    await choose(user, 'Condition 2 operator', 'at least');
    await user.type(screen.getByRole('textbox', { name: 'Condition 2 value' }), '1000');

    await user.click(screen.getByRole('button', { name: 'Add condition' }));
    await choose(user, 'Condition 3 field', 'Billing address: City');
    await user.type(screen.getByRole('textbox', { name: 'Condition 3 value' }), 'Köln');

    await user.click(screen.getByRole('button', { name: 'Add condition' }));
    await choose(user, 'Condition 4 field', 'Area');
    await choose(user, 'Condition 4 operator', 'is not empty');
    expect(screen.queryByRole('textbox', { name: 'Condition 4 value' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(onApply.mock.lastCall?.[1]).toBe(
      'name contains "say \\"GmbH\\"" and credit_limit ge 1000 and billing_address.city eq "Köln" and area not empty',
    );
  });

  it('writes "is any of" as a list, and Clear removes every condition', async () => {
    const { onApply, user } = renderBuilder([{ key: 1, path: 'area', operator: 'in', value: ['north', 'south'] }]);
    expect(screen.getByTestId('filter-dsl')).toHaveTextContent('area in ["north", "south"]');

    await user.click(screen.getByRole('button', { name: 'Remove condition 1' }));
    expect(screen.queryByTestId('filter-dsl')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear' }));
    expect(onApply).toHaveBeenLastCalledWith([], '');
  });
});
