import { useMetadata, type EntityDefinition } from '@/lib/metadata';

/** The definition of the entity at `/:plural`, once the metadata has arrived. */
export function useEntityOf(plural: string | undefined): {
  status: 'pending' | 'error' | 'success';
  entity: EntityDefinition | undefined;
} {
  const metadata = useMetadata();
  return { status: metadata.status, entity: metadata.data?.entities.find((candidate) => candidate.plural === plural) };
}

/** The record query keys the record pages use, so a merge refreshes what they show. */
export const recordQueryKeys = {
  all: (plural: string) => ['records', plural] as const,
  detail: (plural: string, id: string) => ['records', plural, 'detail', id] as const,
};
