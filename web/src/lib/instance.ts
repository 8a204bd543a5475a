import { useQuery } from '@tanstack/react-query';
import { api } from './api';

/** What `GET /api/v1/instance` tells about this installation. */
export interface InstanceInfo {
  name: string;
  version: string;
}

export const instanceQueryKey = ['instance'] as const;

/** The installation's name and version; never retried, since callers can do without. */
export function useInstanceInfo() {
  return useQuery({
    queryKey: instanceQueryKey,
    queryFn: ({ signal }) => api.get<InstanceInfo>('/instance', { signal }),
    retry: false,
    staleTime: Infinity,
  });
}
