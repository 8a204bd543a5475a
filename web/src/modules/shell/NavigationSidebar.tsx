import { NavLink as NavigationLink, ScrollArea, Skeleton, Stack, Text } from '@mantine/core';
import { IconBell, IconChecklist, IconHome, IconHourglass, IconReceipt, IconSettings } from '@tabler/icons-react';
import { NavLink } from 'react-router';
import { useMetadata, type EntitySummary } from '@/lib/metadata';
import { useSession } from '@/lib/session';
import { EmptyState } from '@/ui/EmptyState';

interface NavigationSidebarProps {
  /** Called after a link is followed, so the narrow-screen drawer can close. */
  onNavigate: () => void;
}

/** Navigation built from the entity definitions the server says the user may see. */
export function NavigationSidebar({ onNavigate }: NavigationSidebarProps) {
  const metadata = useMetadata();
  const session = useSession();

  return (
    <ScrollArea type="auto" style={{ flex: 1 }}>
      <Stack gap={2}>
        <NavigationLink
          component={NavLink}
          to="/"
          end
          label="Home"
          leftSection={<IconHome size={18} aria-hidden="true" />}
          onClick={onNavigate}
        />
        <NavigationLink
          component={NavLink}
          to="/reminders"
          label="Reminders"
          leftSection={<IconBell size={18} aria-hidden="true" />}
          onClick={onNavigate}
        />
        <NavigationLink
          component={NavLink}
          to="/approvals"
          label="Approvals"
          leftSection={<IconChecklist size={18} aria-hidden="true" />}
          onClick={onNavigate}
        />
        <NavigationLink
          component={NavLink}
          to="/pricing"
          label="Price check"
          leftSection={<IconReceipt size={18} aria-hidden="true" />}
          onClick={onNavigate}
        />
        <NavigationLink
          component={NavLink}
          to="/reports/ageing"
          label="Ageing"
          leftSection={<IconHourglass size={18} aria-hidden="true" />}
          onClick={onNavigate}
        />
        <EntityLinks
          status={metadata.status}
          entities={metadata.data?.entities ?? []}
          onNavigate={onNavigate}
        />
        {session.data?.user.is_admin === true ? (
          <NavigationLink
            component={NavLink}
            to="/admin"
            label="Administration"
            leftSection={<IconSettings size={18} aria-hidden="true" />}
            onClick={onNavigate}
            mt="sm"
          />
        ) : null}
      </Stack>
    </ScrollArea>
  );
}

function EntityLinks({
  status,
  entities,
  onNavigate,
}: {
  status: 'pending' | 'error' | 'success';
  entities: readonly EntitySummary[];
  onNavigate: () => void;
}) {
  if (status === 'pending') {
    return (
      <Stack gap={6} mt="sm" px="sm" aria-hidden="true">
        <Skeleton h={20} />
        <Skeleton h={20} />
        <Skeleton h={20} />
      </Stack>
    );
  }
  if (entities.length === 0) {
    return (
      <EmptyState title="Nothing here yet">
        Sections appear here once the server describes the records you can work with.
      </EmptyState>
    );
  }
  return (
    <>
      {groupByModule(entities).map(([module, members]) => (
        <Stack key={module} gap={2} mt="sm" component="section" aria-label={moduleTitle(module)}>
          {module === '' ? null : (
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt={4}>
              {moduleTitle(module)}
            </Text>
          )}
          {members.map((entity) => (
            <NavigationLink
              key={entity.name}
              component={NavLink}
              to={`/${encodeURIComponent(entity.plural)}`}
              label={entity.label_plural}
              onClick={onNavigate}
            />
          ))}
        </Stack>
      ))}
    </>
  );
}

/** Keeps the server's order: modules in order of first appearance, entities within them. */
function groupByModule(entities: readonly EntitySummary[]): [string, EntitySummary[]][] {
  const groups = new Map<string, EntitySummary[]>();
  for (const entity of entities) {
    const members = groups.get(entity.module);
    if (members === undefined) {
      groups.set(entity.module, [entity]);
    } else {
      members.push(entity);
    }
  }
  return [...groups];
}

function moduleTitle(module: string): string {
  const words = module.replace(/[_-]+/g, ' ').trim();
  return words === '' ? 'General' : words.charAt(0).toUpperCase() + words.slice(1);
}
