import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@test/render';
import { readMetadata, type EntityDefinition } from '@/lib/metadata';
import { ExportMenu } from './ExportMenu';

function accountWith(rights: Record<string, boolean>): EntityDefinition {
  const [account] = readMetadata({
    picklists: {},
    entities: [
      {
        name: 'account',
        plural: 'accounts',
        label: 'Account',
        label_plural: 'Accounts',
        title_field: 'name',
        list_columns: ['name'],
        rights,
        fields: [{ name: 'name', type: 'text', label: 'Name', operators: ['eq'] }],
      },
    ],
  }).entities;
  if (account === undefined) throw new Error('the test metadata has no entity');
  return account;
}

// The menu's links are tested in exportLink.test.ts and in the browser journey (web/e2e/export.mjs).
describe('ExportMenu', () => {
  it('is there with the export right', () => {
    renderWithProviders(<ExportMenu entity={accountWith({ read: true, export: true })} query={{}} />);
    expect(screen.getByRole('button', { name: 'Export' })).toBeInTheDocument();
  });

  it('is not there without the export right', () => {
    renderWithProviders(<ExportMenu entity={accountWith({ read: true, export: false })} query={{}} />);
    expect(screen.queryByRole('button', { name: 'Export' })).toBeNull();
  });
});
