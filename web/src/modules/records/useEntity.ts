import { useMetadata, type EntityDefinition, type Metadata } from '@/lib/metadata';

/** The definition of the entity at `/:plural`, once the metadata has arrived. */
export function useEntity(plural: string | undefined): {
  status: 'pending' | 'error' | 'success';
  entity: EntityDefinition | undefined;
  metadata: Metadata | undefined;
} {
  const metadata = useMetadata();
  const entity = metadata.data?.entities.find((candidate) => candidate.plural === plural);
  return { status: metadata.status, entity, metadata: metadata.data };
}

/** Query keys of records, so every page invalidates the same entries. */
export const recordKeys = {
  all: (plural: string) => ['records', plural] as const,
  list: (plural: string, parameters: unknown) => ['records', plural, 'list', parameters] as const,
  detail: (plural: string, id: string) => ['records', plural, 'detail', id] as const,
  history: (plural: string, id: string) => ['records', plural, 'history', id] as const,
};
