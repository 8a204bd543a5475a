import { describe, expect, it } from 'vitest';
import { exportUrl } from './exportLink';

describe('exportUrl', () => {
  it("carries the list's filter, sort, columns and archived rows", () => {
    const url = exportUrl(
      'accounts',
      { filter: 'area eq "north" and name contains "a&b"', sort: '-name', fields: ['code', 'name', 'parent_id'], archived: 'include' },
      'csv',
    );
    const [path, search] = url.split('?');
    expect(path).toBe('/api/v1/accounts/export');
    const params = new URLSearchParams(search);
    expect(params.get('format')).toBe('csv');
    expect(params.get('filter')).toBe('area eq "north" and name contains "a&b"');
    expect(params.get('sort')).toBe('-name');
    expect(params.get('fields')).toBe('code,name,parent_id');
    expect(params.get('archived')).toBe('include');
    expect(params.has('bom')).toBe(false);
  });

  it('asks for the byte order mark for spreadsheet programs, and for XLSX', () => {
    expect(new URLSearchParams(exportUrl('contacts', {}, 'csv-bom').split('?')[1]).get('bom')).toBe('true');
    const xlsx = new URLSearchParams(exportUrl('contacts', {}, 'xlsx').split('?')[1]);
    expect(xlsx.get('format')).toBe('xlsx');
    expect(xlsx.has('bom')).toBe(false);
  });

  it('leaves out what the list does not restrict', () => {
    expect(exportUrl('accounts', { filter: '  ', sort: '', fields: [], archived: 'exclude' }, 'csv')).toBe(
      '/api/v1/accounts/export?format=csv',
    );
  });
});
