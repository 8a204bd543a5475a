import { Grid, SegmentedControl, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApprovalDetail } from './ApprovalDetail';
import { ApprovalList } from './ApprovalList';
import { DelegationsPanel } from './DelegationsPanel';
import { approvalKeys, approvalsApi, type ApprovalStatus } from './approvalsApi';

/** `/approvals`: what waits for the caller's decision, their own requests, and their delegations. */
export function ApprovalsPage() {
  const [parameters, setParameters] = useSearchParams();
  const tab = parameters.get('tab') ?? 'waiting';
  const selected = parameters.get('approval') ?? undefined;
  const [status, setStatus] = useState<ApprovalStatus | 'all'>('all');
  const waiting = useQuery({
    queryKey: approvalKeys.waiting,
    queryFn: ({ signal }) => approvalsApi.waitingForMe(signal),
    enabled: tab === 'waiting',
  });
  const mine = useQuery({
    queryKey: approvalKeys.mine(status),
    queryFn: ({ signal }) => approvalsApi.myRequests(status, signal),
    enabled: tab === 'mine',
  });
  const select = (id: string) => { setParameters((current) => {
      const next = new URLSearchParams(current);
      next.set('approval', id);
      return next;
    }); };
  const decidable = tab === 'waiting' && (waiting.data ?? []).some((approval) => approval.id === selected);

  return (
    <Stack gap="md">
      <Title order={1}>Approvals</Title>
      <Tabs
        keepMounted={false}
        value={tab}
        onChange={(value) => { setParameters(() => {
            const next = new URLSearchParams();
            next.set('tab', value ?? 'waiting');
            return next;
          }); }
        }
      >
        <Tabs.List>
          <Tabs.Tab value="waiting">Waiting for me{waiting.data !== undefined ? ` (${String(waiting.data.length)})` : ''}</Tabs.Tab>
          <Tabs.Tab value="mine">My requests</Tabs.Tab>
          <Tabs.Tab value="delegations">Delegations</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="waiting" pt="md">
          <Grid gutter="md">
            <Grid.Col span={{ base: 12, md: 5 }}>
              {waiting.isPending ? (
                <Text c="dimmed">Loading…</Text>
              ) : (
                <ApprovalList approvals={waiting.data ?? []} selected={selected} onSelect={select} empty="Nothing waits for you" />
              )}
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 7 }}>
              {selected !== undefined ? <ApprovalDetail key={selected} id={selected} decidable={decidable} /> : null}
            </Grid.Col>
          </Grid>
        </Tabs.Panel>
        <Tabs.Panel value="mine" pt="md">
          <Stack gap="sm">
            <SegmentedControl
              aria-label="Status"
              value={status}
              onChange={(value) => { setStatus(value as ApprovalStatus | 'all'); }}
              data={[
                { value: 'all', label: 'All' },
                { value: 'pending', label: 'Pending' },
                { value: 'approved', label: 'Approved' },
                { value: 'rejected', label: 'Rejected' },
              ]}
            />
            <Grid gutter="md">
              <Grid.Col span={{ base: 12, md: 5 }}>
                <ApprovalList approvals={mine.data ?? []} selected={selected} onSelect={select} empty="You asked for nothing" />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 7 }}>
                {selected !== undefined ? <ApprovalDetail key={selected} id={selected} decidable={false} /> : null}
              </Grid.Col>
            </Grid>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="delegations" pt="md">
          <DelegationsPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
