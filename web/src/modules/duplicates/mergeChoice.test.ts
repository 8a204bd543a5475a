import { describe, expect, it } from 'vitest';
import type { EntityDefinition, FieldDefinition } from '@/lib/metadata';
import { defaultChoices, differingFields, mergeValues, previewOf, withSurvivor } from './mergeChoice';

function field(name: string, extra: Partial<FieldDefinition> = {}): FieldDefinition {
  return { name, label: name, type: 'text', required: false, read_only: false, ...extra } as FieldDefinition;
}

const entity = {
  name: 'account',
  plural: 'accounts',
  label: 'Account',
  label_plural: 'Accounts',
  title_field: 'name',
  fields: [field('code', { read_only: true }), field('name'), field('email'), field('phone'), field('website')],
} as unknown as EntityDefinition;

const first = { id: 'a', code: 'ACC-1', name: 'Acme GmbH', email: 'office@acme.example', phone: null, website: 'x' };
const second = { id: 'b', code: 'ACC-2', name: 'Acme', email: 'sales@acme.example', phone: '+49 1', website: 'x' };

describe('merge choices', () => {
  it('offers only editable fields whose values differ', () => {
    expect(differingFields(entity, [first, second]).map((candidate) => candidate.name)).toEqual(['name', 'email', 'phone']);
  });

  it("starts from the survivor's values, taking another record's where the survivor has none", () => {
    expect(defaultChoices(entity, 'a', [first, second])).toEqual({ name: 'a', email: 'a', phone: 'b' });
    expect(defaultChoices(entity, 'b', [first, second])).toEqual({ name: 'b', email: 'b', phone: 'b' });
  });

  it('sends only the values that come from a merged record', () => {
    expect(mergeValues('a', { name: 'a', email: 'b', phone: 'b' })).toEqual({ email: 'b', phone: 'b' });
    expect(mergeValues('a', { name: 'a' })).toEqual({});
  });

  it('previews the survivor with the chosen values', () => {
    const preview = previewOf('a', [first, second], { name: 'a', email: 'b', phone: 'b' });
    expect(preview).toMatchObject({ id: 'a', code: 'ACC-1', name: 'Acme GmbH', email: 'sales@acme.example', phone: '+49 1' });
  });

  it('moves the choices that followed the survivor to a new survivor', () => {
    expect(withSurvivor({ name: 'a', email: 'b' }, 'a', 'b')).toEqual({ name: 'b', email: 'b' });
  });
});
