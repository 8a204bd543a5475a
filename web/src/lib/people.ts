/** Colleagues by name, as every signed-in user may look them up (`GET /api/v1/people`). */
import { api } from './api';

export interface Person {
  id: string;
  name: string;
}

/** Up to 50 active colleagues whose name or username contains `query`; every one for an empty query. */
export function findPeople(query: string, signal?: AbortSignal) {
  return api.get<{ data: Person[] }>(`/people?q=${encodeURIComponent(query)}`, { signal });
}
