import { useQuery } from '@tanstack/react-query';
import { isRecord } from './json';
import { api } from './api';

/** One entity as listed by `GET /api/v1/metadata`; more attributes arrive with the engine. */
export interface EntitySummary {
  name: string;
  plural: string;
  label: string;
  label_plural: string;
  module: string;
}

export interface Metadata {
  entities: EntitySummary[];
}

export const metadataQueryKey = ['metadata'] as const;

/** Keeps only well-formed entries, so one bad definition cannot break navigation. */
export function readMetadata(answer: unknown): Metadata {
  const list = isRecord(answer) && Array.isArray(answer.entities) ? answer.entities : [];
  const entities = list.flatMap((entry: unknown): EntitySummary[] => {
    if (!isRecord(entry)) {
      return [];
    }
    const { name, plural, label, label_plural: labelPlural, module } = entry;
    if (typeof name !== 'string' || typeof plural !== 'string' || plural === '') {
      return [];
    }
    const singular = typeof label === 'string' && label !== '' ? label : name;
    return [
      {
        name,
        plural,
        label: singular,
        label_plural: typeof labelPlural === 'string' && labelPlural !== '' ? labelPlural : plural,
        module: typeof module === 'string' ? module : '',
      },
    ];
  });
  return { entities };
}

/** The entity definitions the caller may see; the workspace is rendered from them. */
export function useMetadata() {
  return useQuery({
    queryKey: metadataQueryKey,
    queryFn: async ({ signal }) => readMetadata(await api.get<unknown>('/metadata', { signal })),
    staleTime: 5 * 60 * 1000,
  });
}
