import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api';
import type { FieldRight, Right } from './adminApi';
import {
  cellOf,
  fieldRightsToModes,
  matrixToRights,
  modesToFieldRights,
  rightsToMatrix,
  roleErrorsFrom,
  withCell,
} from './rightsMatrix';

const rights: Right[] = [
  { entity: 'contact', action: 'read', scope: 'team' },
  { entity: 'account', action: 'edit', scope: 'own' },
  { entity: 'account', action: 'read', scope: 'rule', rule: 'area in user.areas' },
];

describe('rights matrix', () => {
  it('turns rights into cells and back, in the order of the entities and actions', () => {
    const matrix = rightsToMatrix(rights);
    expect(cellOf(matrix, 'account', 'read')).toEqual({ scope: 'rule', rule: 'area in user.areas' });
    expect(cellOf(matrix, 'account', 'delete')).toEqual({ scope: 'none', rule: '' });

    const { rights: sent, cells } = matrixToRights(matrix, ['account', 'contact']);
    expect(sent).toEqual([
      { entity: 'account', action: 'read', scope: 'rule', rule: 'area in user.areas' },
      { entity: 'account', action: 'edit', scope: 'own' },
      { entity: 'contact', action: 'read', scope: 'team' },
    ]);
    expect(cells).toEqual(['account.read', 'account.edit', 'contact.read']);
  });

  it('sends no rule for other scopes and drops cells set back to none', () => {
    let matrix = rightsToMatrix(rights);
    matrix = withCell(matrix, 'account', 'read', { scope: 'all', rule: 'area in user.areas' });
    matrix = withCell(matrix, 'account', 'edit', { scope: 'none', rule: '' });
    const { rights: sent } = matrixToRights(matrix, ['account', 'contact']);
    expect(sent).toEqual([
      { entity: 'account', action: 'read', scope: 'all' },
      { entity: 'contact', action: 'read', scope: 'team' },
    ]);
  });

  it('keeps rights of entities the screen does not list, after the listed ones', () => {
    const { rights: sent, cells } = matrixToRights(rightsToMatrix(rights), ['account']);
    expect(cells).toEqual(['account.read', 'account.edit', 'contact.read']);
    expect(sent[2]).toEqual({ entity: 'contact', action: 'read', scope: 'team' });
  });

  it('trims a rule and ignores unknown actions or scopes from the server', () => {
    const matrix = rightsToMatrix([
      { entity: 'account', action: 'read', scope: 'rule', rule: '  area in user.areas ' },
      { entity: 'account', action: 'fly' as Right['action'], scope: 'all' },
      { entity: 'account', action: 'edit', scope: 'everyone' as Right['scope'] },
    ]);
    expect(matrixToRights(matrix, ['account']).rights).toEqual([
      { entity: 'account', action: 'read', scope: 'rule', rule: 'area in user.areas' },
    ]);
  });
});

describe('field rights', () => {
  it('turns field rights into modes and back', () => {
    const fieldRights: FieldRight[] = [
      { entity: 'account', field: 'credit_limit', mode: 'hidden' },
      { entity: 'account', field: 'code', mode: 'read_only' },
      { entity: 'contact', field: 'email', mode: 'hidden' },
    ];
    const modes = fieldRightsToModes(fieldRights);
    expect(modes.account).toEqual({ credit_limit: 'hidden', code: 'read_only' });
    const { fieldRights: sent, keys } = modesToFieldRights(modes, ['contact', 'account']);
    expect(keys).toEqual(['contact.email', 'account.credit_limit', 'account.code']);
    expect(sent).toHaveLength(3);
  });
});

describe('role errors', () => {
  const failure = (fields: { field: string; code: string; message: string }[]) =>
    new ApiError({ status: 422, code: 'VALIDATION_FAILED', message: 'the role is not valid', fields });

  it("puts rights[i] errors on the cell sent at position i", () => {
    const errors = roleErrorsFrom(
      failure([
        { field: 'rights[1].rule', code: 'RULE_INVALID', message: "Account has no field 'nonsense'" },
        { field: 'rights[0].scope', code: 'FIELD_INVALID_ENUM', message: 'all, team, own or rule' },
        { field: 'field_rights[0].field', code: 'UNKNOWN_FIELD', message: 'no such field' },
        { field: 'name', code: 'UNIQUE_VIOLATION', message: 'the name is taken' },
      ]),
      ['account.create', 'account.read'],
      ['account.credit_limit'],
    );
    expect(errors.cells).toEqual({ 'account.read': "Account has no field 'nonsense'", 'account.create': 'all, team, own or rule' });
    expect(errors.fieldRights).toEqual({ 'account.credit_limit': 'no such field' });
    expect(errors.fields).toEqual({ name: 'the name is taken' });
    expect(errors.general).toEqual([]);
  });

  it('keeps errors it cannot place, with the overall message, and whole-list errors', () => {
    const errors = roleErrorsFrom(
      failure([
        { field: 'rights[7].rule', code: 'RULE_INVALID', message: 'bad' },
        { field: 'rights', code: 'FIELD_INVALID', message: 'a list' },
      ]),
      ['account.read'],
      [],
    );
    expect(errors.cells).toEqual({});
    expect(errors.general).toEqual(['the role is not valid', 'rights[7].rule: bad', 'rights: a list']);
  });

  it('reports a failure without field errors as a general message', () => {
    const forbidden = new ApiError({ status: 403, code: 'FORBIDDEN', message: 'only administrators' });
    expect(roleErrorsFrom(forbidden, [], []).general).toEqual(['only administrators']);
    expect(roleErrorsFrom(new Error('offline'), [], []).general).toEqual(['offline']);
  });
});
