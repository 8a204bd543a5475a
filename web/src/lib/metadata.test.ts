import { describe, expect, it } from 'vitest';
import { formCanCreate, readMetadata, relationsOf } from './metadata';

describe('readMetadata', () => {
  it('keeps well-formed entities and drops the rest', () => {
    const metadata = readMetadata({
      entities: [
        { name: 'account', plural: 'accounts', label: 'Account', label_plural: 'Accounts', module: 'parties' },
        { name: 'broken' },
        'not an object',
        { name: 'task', plural: 'tasks', module: 'work' },
      ],
    });
    expect(metadata.entities.map(({ name, plural, label, label_plural, module }) => ({ name, plural, label, label_plural, module }))).toEqual([
      { name: 'account', plural: 'accounts', label: 'Account', label_plural: 'Accounts', module: 'parties' },
      { name: 'task', plural: 'tasks', label: 'task', label_plural: 'tasks', module: 'work' },
    ]);
  });

  it('reads an answer without entities as none', () => {
    expect(readMetadata(undefined).entities).toEqual([]);
    expect(readMetadata({ entities: 'x' }).entities).toEqual([]);
  });

  it('reads fields, resolving picklists into choices', () => {
    const [account] = readMetadata({
      picklists: { areas: [{ key: 'north', label: 'North' }] },
      entities: [
        {
          name: 'account',
          plural: 'accounts',
          title_field: 'name',
          list_columns: ['name', 'area'],
          sections: [{ label: 'Main', fields: ['name', 'area'] }],
          rights: { create: true, delete: false },
          fields: [
            { name: 'name', type: 'text', label: 'Name', required: true, sortable: true, operators: ['eq'], max_length: 200 },
            { name: 'area', type: 'enum', label: 'Area', picklist: 'areas' },
            { type: 'text' },
          ],
        },
      ],
    }).entities;
    expect(account?.fields.map((field) => field.name)).toEqual(['name', 'area']);
    expect(account?.fields[0]).toMatchObject({ required: true, sortable: true, max_length: 200, operators: ['eq'] });
    expect(account?.fields[1]?.values).toEqual([{ key: 'north', label: 'North' }]);
    expect(account?.rights).toEqual({ create: true, delete: false });
    expect(account?.sections).toEqual([{ label: 'Main', fields: ['name', 'area'] }]);
  });
});

describe('relationsOf', () => {
  const { entities } = readMetadata({
    entities: [
      { name: 'account', plural: 'accounts', label_plural: 'Accounts', fields: [{ name: 'parent_id', type: 'link', entity: 'account' }] },
      {
        name: 'account_contact',
        plural: 'account_contacts',
        label_plural: 'Account contacts',
        fields: [
          { name: 'account_id', type: 'link', entity: 'account' },
          { name: 'contact_id', type: 'link', entity: 'contact' },
        ],
      },
      { name: 'contact', plural: 'contacts', label_plural: 'Contacts', fields: [{ name: 'last_name', type: 'text' }] },
    ],
  });

  it('finds children, the parent link and entities reached through a join entity', () => {
    const [account, , contact] = entities;
    if (account === undefined || contact === undefined) throw new Error('missing entities');
    expect(relationsOf(account, entities).map((relation) => relation.target.plural)).toEqual([
      'accounts',
      'account_contacts',
      'contacts',
    ]);
    expect(relationsOf(contact, entities).map((relation) => relation.target.plural)).toEqual(['account_contacts', 'accounts']);
  });
});

describe('formCanCreate', () => {
  const entityWith = (fields: object[], rights: object = { create: true }) => {
    const [entity] = readMetadata({ entities: [{ name: 'thing', plural: 'things', rights, fields }] }).entities;
    if (entity === undefined) throw new Error('the entity was not read');
    return entity;
  };

  it('allows the form when every required field can be written', () => {
    expect(formCanCreate(entityWith([{ name: 'name', type: 'text', required: true }]))).toBe(true);
  });

  it('refuses it without the right to create', () => {
    expect(formCanCreate(entityWith([{ name: 'name', type: 'text' }], { create: false }))).toBe(false);
  });

  it('refuses it when a required field is read-only: only the system makes such records', () => {
    const attachment = entityWith([
      { name: 'parent', type: 'parent', required: true, read_only: true },
      { name: 'description', type: 'long_text' },
    ]);
    expect(formCanCreate(attachment)).toBe(false);
  });

  it('allows it when a required read-only field is numbered or has a default', () => {
    expect(formCanCreate(entityWith([{ name: 'number', type: 'text', required: true, read_only: true, numbered: true }]))).toBe(true);
    expect(formCanCreate(entityWith([{ name: 'status', type: 'enum', required: true, read_only: true, default: 'open' }]))).toBe(true);
  });
});
