import { useQuery } from '@tanstack/react-query';
import { findPeople } from '@/lib/people';
import { useSession } from '@/lib/session';

/**
 * Who uploaded a version, by name: the signed-in user as "you", colleagues from the people
 * list (its first 50 by name: a record's uploaders are nearly always among them).
 */
export function usePeopleNames(): (userId: string) => string {
  const session = useSession();
  const people = useQuery({
    queryKey: ['people', ''],
    queryFn: ({ signal }) => findPeople('', signal),
    staleTime: 5 * 60 * 1000,
  });
  const me = session.data?.user;
  const names = new Map((people.data?.data ?? []).map((person) => [person.id, person.name]));
  return (userId) => {
    if (userId === '') return 'the system';
    if (me?.id === userId) return 'you';
    return names.get(userId) ?? 'a colleague';
  };
}
