import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { type DashboardItem, type DashboardSection, useDashboard } from '@/lib/dashboard';
import { useMetadata } from '@/lib/metadata';
import { displayName, useSession } from '@/lib/session';
import { formatWhen } from '@/lib/formatWhen';

function itemTarget(item: DashboardItem, pluralOf: (entity: string) => string | undefined): string | undefined {
  if (item.href !== undefined) {
    return item.href;
  }
  if (item.link === undefined) {
    return undefined;
  }
  const plural = pluralOf(item.link.entity);
  return plural === undefined ? undefined : `/${plural}/${item.link.id}`;
}

function SectionCard({ section, pluralOf }: { section: DashboardSection; pluralOf: (entity: string) => string | undefined }) {
  return (
    <Card withBorder padding="sm" component="section" aria-label={section.label}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={2} size="h4">
          {section.label}
        </Title>
        <Badge variant="light" aria-label={`${String(section.total)} in all`}>
          {section.total}
        </Badge>
      </Group>
      {section.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing here.
        </Text>
      ) : (
        <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {section.items.map((item, index) => {
            const target = itemTarget(item, pluralOf);
            return (
              <li key={`${item.link?.id ?? item.href ?? ''}-${String(index)}`}>
                {target === undefined ? (
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {item.title}
                  </Text>
                ) : (
                  <Anchor component={Link} to={target} size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {item.title}
                  </Anchor>
                )}
                <Group gap={6}>
                  {item.subtitle !== undefined ? (
                    <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {item.subtitle}
                    </Text>
                  ) : null}
                  {item.due_at !== undefined ? (
                    <Text size="xs" c={item.overdue === true ? 'red' : 'dimmed'}>
                      {item.overdue === true ? 'Overdue · ' : 'Due '}
                      {formatWhen(item.due_at)}
                    </Text>
                  ) : null}
                </Group>
              </li>
            );
          })}
        </Stack>
      )}
    </Card>
  );
}

/** The start page: the signed-in user's dashboard, kept live by the server's events. */
export function HomePage() {
  const session = useSession();
  const dashboard = useDashboard();
  const metadata = useMetadata();
  const name = session.data === undefined ? undefined : displayName(session.data.user);
  const pluralOf = (entity: string) => metadata.data?.entities.find((candidate) => candidate.name === entity)?.plural;

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>Welcome</Title>
        <Text c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {name === undefined ? 'Your dashboard' : `Signed in as ${name}: your dashboard`}, live as things happen. Press
          Ctrl+K to search everything.
        </Text>
      </div>
      {dashboard.isError ? (
        <Text c="red" role="alert">
          The dashboard could not be loaded.
        </Text>
      ) : null}
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
        {(dashboard.data ?? []).map((section) => (
          <SectionCard key={section.name} section={section} pluralOf={pluralOf} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
