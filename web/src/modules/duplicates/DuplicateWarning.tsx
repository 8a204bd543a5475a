import { Alert, Anchor, Badge, Group, List, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { EntityDefinition } from '@/lib/metadata';
import { checkDuplicates, DUPLICATE_ENTITIES } from './duplicatesApi';

/** How long typing must pause before the values are checked. */
const CHECK_DELAY_MS = 400;

/** The values the server compares, as typed so far; empty when nothing worth checking is there. */
function comparedValues(values: Record<string, unknown>): Record<string, unknown> {
  const compared: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'string' && value.trim().length >= 2) compared[name] = value;
    else if (value !== null && typeof value === 'object' && !Array.isArray(value)) compared[name] = value;
  }
  return compared;
}

function useSettled<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => {
      setSettled(value);
    }, delay);
    return () => {
      window.clearTimeout(timer);
    };
  }, [value, delay]);
  return settled;
}

/**
 * While a new account or contact is typed: the existing records that look like it, with
 * links, so the user can open one instead of creating a second. Saving stays possible.
 */
export function DuplicateWarning({ entity, values }: { entity: EntityDefinition; values: Record<string, unknown> }) {
  const applies = DUPLICATE_ENTITIES.has(entity.name);
  const settled = useSettled(JSON.stringify(comparedValues(values)), CHECK_DELAY_MS);
  const check = useQuery({
    queryKey: ['duplicates', entity.plural, 'check', settled],
    queryFn: ({ signal }) => checkDuplicates(entity.plural, JSON.parse(settled) as Record<string, unknown>, signal),
    enabled: applies && settled !== '{}',
    retry: false,
    staleTime: 30_000,
  });
  if (!applies || settled === '{}' || check.data === undefined || check.data.data.length === 0) return null;
  const candidates = check.data.data;
  return (
    <Alert color="yellow" variant="light" role="status" title="Possible duplicates" aria-label="Possible duplicates">
      <Text size="sm" mb="xs">
        {candidates.length === 1
          ? `1 existing ${entity.label.toLowerCase()} looks like this one. Open it instead, or save anyway.`
          : `${String(candidates.length)} existing ${entity.label_plural.toLowerCase()} look like this one. Open one instead, or save anyway.`}
      </Text>
      <List size="sm" spacing={4}>
        {candidates.map((candidate) => (
          <List.Item key={candidate.id}>
            <Group gap="xs" wrap="wrap">
              <Anchor component={Link} to={`/${entity.plural}/${encodeURIComponent(candidate.id)}`} target="_blank">
                {candidate.title === '' ? candidate.id : candidate.title}
              </Anchor>
              <Badge size="sm" variant="light" color={candidate.score >= 80 ? 'red' : 'yellow'}>
                {`${String(candidate.score)}%`}
              </Badge>
              <Text size="xs" c="dimmed">
                {`same ${candidate.reasons.join(', ')}`}
              </Text>
            </Group>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
