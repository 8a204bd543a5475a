import { describe, expect, it } from 'vitest';
import { readMetadata } from './metadata';

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
    expect(metadata.entities).toEqual([
      { name: 'account', plural: 'accounts', label: 'Account', label_plural: 'Accounts', module: 'parties' },
      { name: 'task', plural: 'tasks', label: 'task', label_plural: 'tasks', module: 'work' },
    ]);
  });

  it('reads an answer without entities as none', () => {
    expect(readMetadata(undefined).entities).toEqual([]);
    expect(readMetadata({ entities: 'x' }).entities).toEqual([]);
  });
});
