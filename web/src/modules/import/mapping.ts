/**
 * The wizard's mapping logic, kept apart from the screens so it can be tested: which
 * field each column fills, what a template brings, what the request sends, and what
 * must be fixed before an import can start.
 */
import type { ImportFile, ImportSettings, ImportTarget } from './importApi';

/** Column name → target name; '' leaves the column out. */
export type Choices = Record<string, string>;

export const DEFAULT_SETTINGS: Omit<ImportSettings, 'mapping'> = {
  date_format: 'YYYY-MM-DD',
  decimal_separator: '.',
  mode: 'create',
  key_field: null,
  duplicates: 'skip',
};

/** The server's suggestions for a freshly uploaded file. */
export function suggestedChoices(file: Pick<ImportFile, 'header' | 'suggested_mapping'>): Choices {
  const choices: Choices = {};
  for (const column of file.header) {
    if (column === '' || column in choices) continue;
    choices[column] = file.suggested_mapping[column] ?? '';
  }
  return choices;
}

/** A template's mapping over this file: its columns that the file has, the rest as suggested. */
export function choicesFromTemplate(current: Choices, mapping: Record<string, string>): Choices {
  const next: Choices = {};
  for (const column of Object.keys(current)) next[column] = mapping[column] ?? '';
  return next;
}

/** The mapping the API takes: only the columns that fill a field. */
export function requestMapping(choices: Choices): Record<string, string> {
  return Object.fromEntries(Object.entries(choices).filter(([, target]) => target !== ''));
}

/** The targets a key may be: unique or indexed fields that a column fills. */
export function keyCandidates(targets: ImportTarget[], choices: Choices): ImportTarget[] {
  const mapped = new Set(Object.values(choices));
  return targets.filter((target) => target.key && mapped.has(target.name));
}

/** What stops the import from starting, in words; empty when it may start. */
export function mappingProblems(
  targets: ImportTarget[],
  choices: Choices,
  settings: Omit<ImportSettings, 'mapping'>,
): string[] {
  const problems: string[] = [];
  const chosen = Object.values(choices).filter((target) => target !== '');
  if (chosen.length === 0) problems.push('Choose a field for at least one column.');
  const seen = new Set<string>();
  for (const target of chosen) {
    if (seen.has(target)) {
      const label = targets.find((candidate) => candidate.name === target)?.label ?? target;
      problems.push(`Two columns fill “${label}”.`);
    }
    seen.add(target);
  }
  if (settings.mode !== 'update') {
    for (const target of targets) {
      if (target.required && !seen.has(target.name)) problems.push(`No column fills the required field “${target.label}”.`);
    }
  }
  const needsKey = settings.mode !== 'create';
  if (needsKey && (settings.key_field === null || settings.key_field === '')) {
    problems.push('Choose the key field that finds the records to update.');
  }
  if (settings.key_field !== null && settings.key_field !== '' && !seen.has(settings.key_field)) {
    problems.push('The key field must be filled by a column.');
  }
  return problems;
}

/** The share of rows done, 0–100, for the progress bar. */
export function progressPercent(run: { rows_done: number; rows_total: number | null; status: string }): number {
  if (run.status === 'done') return 100;
  if (run.rows_total === null || run.rows_total === 0) return 0;
  return Math.min(100, Math.round((run.rows_done / run.rows_total) * 100));
}
