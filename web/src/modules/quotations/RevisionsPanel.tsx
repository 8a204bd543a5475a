import { Alert, Badge, Button, Card, Group, Modal, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconEye, IconFileTypePdf, IconGitCompare } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { EntityDefinition } from '@/lib/metadata';
import type { EntityRecord } from '@/lib/records';
import { formatDateTime, formatDecimal } from '@/ui/fields/values';
import {
  fetchDiff,
  fetchRevision,
  quotationKeys,
  type RevisionChoice,
  type RevisionList,
} from './quotationsApi';
import { type Comparison, defaultComparison, readDiff, revisionLabel } from './revisionDiff';
import { RevisionDiffView } from './RevisionDiffView';
import { RevisionView } from './RevisionView';

interface RevisionsPanelProps {
  quotation: EntityRecord;
  revisions: RevisionList | undefined;
  error: Error | null;
  quotationEntity: EntityDefinition;
  lineEntity: EntityDefinition;
  onPreview: (revision: RevisionChoice) => void;
}

/**
 * The revisions frozen when the quotation was sent or revised: each opens read-only or as
 * its PDF, and any two (or one and the quotation as it stands) are compared.
 */
export function RevisionsPanel({ quotation, revisions, error, quotationEntity, lineEntity, onPreview }: RevisionsPanelProps) {
  const phone = useMediaQuery('(max-width: 48em)', false);
  const [opened, setOpened] = useState<number | undefined>(undefined);
  const [choice, setChoice] = useState<Partial<Comparison>>({});
  const [compared, setCompared] = useState<Comparison | undefined>(undefined);
  const key = quotationKeys.revisions(quotation.id);

  const snapshot = useQuery({
    queryKey: [...key, 'frozen', opened],
    queryFn: ({ signal }) => fetchRevision(quotation.id, opened ?? 0, signal),
    enabled: opened !== undefined,
    // A frozen revision never changes.
    staleTime: Infinity,
  });
  const diff = useQuery({
    // The version is in the key: a comparison with the current revision follows its changes.
    queryKey: [...key, 'diff', compared?.from, compared?.to, quotation.version],
    queryFn: async ({ signal }) => readDiff(await fetchDiff(quotation.id, compared?.from ?? 1, compared?.to ?? 'current', signal)),
    enabled: compared !== undefined,
  });

  if (revisions === undefined) {
    return error === null ? null : (
      <Alert color="red" variant="light" title="The revisions could not be loaded">
        {error.message}
      </Alert>
    );
  }
  const current = revisions.current;
  const frozen = revisions.data;
  const currentFrozen = frozen.some((entry) => entry.revision === current);
  const initial = defaultComparison(revisions);
  const from = choice.from ?? initial?.from;
  const to = choice.to ?? initial?.to;
  const toOptions = [
    { value: 'current', label: revisionLabel('current', current) },
    ...frozen.map((entry) => ({ value: String(entry.revision), label: revisionLabel(entry.revision, current) })),
  ];

  return (
    <Card withBorder padding="sm" component="section" aria-label="Revisions">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Revisions
        </Title>
        {frozen.length === 0 ? (
          <Text size="sm" c="dimmed">
            Revision {String(current)} is being prepared. A revision is frozen when it is sent or revised, and kept as
            it was.
          </Text>
        ) : (
          <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Frozen revisions">
            {frozen.map((entry) => (
              <Paper key={entry.revision} component="li" withBorder p="xs">
                <Group justify="space-between" gap="xs" wrap="wrap">
                  <Stack gap={2} style={{ minWidth: 0, flex: '1 1 220px' }}>
                    <Group gap="xs" wrap="wrap">
                      <Text size="sm" fw={700}>
                        Revision {entry.revision}
                      </Text>
                      {entry.revision === current ? (
                        <Badge size="sm" variant="light">
                          current
                        </Badge>
                      ) : null}
                      {entry.total === undefined ? null : (
                        <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                          {formatDecimal(entry.total.amount)} {entry.total.currency}
                        </Text>
                      )}
                    </Group>
                    <Text size="xs" c="dimmed">
                      Frozen {formatDateTime(entry.frozen_at)}
                      {entry.line_count === undefined ? '' : `, ${String(entry.line_count)} ${entry.line_count === 1 ? 'line' : 'lines'}`}
                    </Text>
                    {entry.reason === null ? null : (
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                        Why: {entry.reason}
                      </Text>
                    )}
                  </Stack>
                  <Group gap="xs">
                    <Button
                      size="xs"
                      variant="light"
                      leftSection={<IconEye size={16} aria-hidden="true" />}
                      aria-label={`Open revision ${String(entry.revision)}`}
                      onClick={() => {
                        setOpened(entry.revision);
                      }}
                    >
                      Open
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      leftSection={<IconFileTypePdf size={16} aria-hidden="true" />}
                      aria-label={`PDF of revision ${String(entry.revision)}`}
                      onClick={() => {
                        onPreview(entry.revision);
                      }}
                    >
                      PDF
                    </Button>
                  </Group>
                </Group>
              </Paper>
            ))}
            {currentFrozen ? null : (
              <Paper component="li" withBorder p="xs" bg="var(--mantine-color-gray-light)">
                <Group gap="xs" wrap="wrap">
                  <Text size="sm" fw={700}>
                    Revision {current}
                  </Text>
                  <Badge size="sm" variant="light">
                    current
                  </Badge>
                  <Text size="sm" c="dimmed">
                    being prepared: it is frozen when sent
                  </Text>
                </Group>
                {typeof quotation.revision_reason === 'string' && quotation.revision_reason !== '' ? (
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    Why: {quotation.revision_reason}
                  </Text>
                ) : null}
              </Paper>
            )}
          </Stack>
        )}
        {frozen.length === 0 || from === undefined || to === undefined ? null : (
          <form
            aria-label="Compare revisions"
            onSubmit={(event) => {
              event.preventDefault();
              setCompared({ from, to });
            }}
          >
            <Group gap="xs" align="flex-end" wrap="wrap">
              <Select
                label="Compare"
                data={frozen.map((entry) => ({ value: String(entry.revision), label: revisionLabel(entry.revision, current) }))}
                value={String(from)}
                allowDeselect={false}
                onChange={(next) => {
                  if (next !== null) setChoice({ ...choice, from: Number(next) });
                }}
                w={{ base: '100%', xs: 200 }}
              />
              <Select
                label="with"
                data={toOptions}
                value={to === 'current' ? 'current' : String(to)}
                allowDeselect={false}
                onChange={(next) => {
                  if (next !== null) setChoice({ ...choice, to: next === 'current' ? 'current' : Number(next) });
                }}
                w={{ base: '100%', xs: 220 }}
              />
              <Button type="submit" variant="light" leftSection={<IconGitCompare size={16} aria-hidden="true" />}>
                Show differences
              </Button>
            </Group>
          </form>
        )}
        {compared === undefined ? null : diff.isError ? (
          <Alert color="red" variant="light" title="Not compared">
            {diff.error.message}
          </Alert>
        ) : diff.data === undefined ? (
          <Text size="sm" c="dimmed">
            Comparing…
          </Text>
        ) : (
          <RevisionDiffView
            diff={diff.data}
            title={`${revisionLabel(compared.from, current)} → ${revisionLabel(compared.to, current)}`}
            quotationEntity={quotationEntity}
            lineEntity={lineEntity}
          />
        )}
      </Stack>
      <Modal
        opened={opened !== undefined}
        onClose={() => {
          setOpened(undefined);
        }}
        title={opened === undefined ? '' : `Revision ${String(opened)}, as it was frozen`}
        size="xl"
        fullScreen={phone}
      >
        {snapshot.isError ? (
          <Alert color="red" variant="light" title="Not loaded">
            {snapshot.error.message}
          </Alert>
        ) : snapshot.data === undefined ? (
          <Text size="sm" c="dimmed">
            Loading the revision…
          </Text>
        ) : (
          <Stack gap="sm">
            <Group>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconFileTypePdf size={16} aria-hidden="true" />}
                onClick={() => {
                  const revision = opened;
                  setOpened(undefined);
                  if (revision !== undefined) onPreview(revision);
                }}
              >
                PDF of this revision
              </Button>
            </Group>
            <RevisionView snapshot={snapshot.data} quotationEntity={quotationEntity} />
          </Stack>
        )}
      </Modal>
    </Card>
  );
}
