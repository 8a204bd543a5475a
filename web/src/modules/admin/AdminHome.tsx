import { Paper, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconBolt, IconCalendarTime, IconChecklist, IconListDetails, IconMail, IconRoute, IconShieldLock, IconUsers, IconUsersGroup } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

const sections: { to: string; title: string; text: string; icon: ReactNode }[] = [
  { to: '/admin/users', title: 'Users', text: 'Accounts, roles, teams, managers and scope attributes.', icon: <IconUsers size={22} aria-hidden="true" /> },
  { to: '/admin/teams', title: 'Teams', text: 'Groups of users for team-scoped rights.', icon: <IconUsersGroup size={22} aria-hidden="true" /> },
  { to: '/admin/roles', title: 'Roles', text: 'The rights matrix and field rights of each role.', icon: <IconShieldLock size={22} aria-hidden="true" /> },
  { to: '/admin/picklists', title: 'Picklists', text: 'The values of areas, industries and other choices.', icon: <IconListDetails size={22} aria-hidden="true" /> },
  { to: '/admin/routing-paths', title: 'Routing paths', text: 'Who handles each type of record, step by step, with SLAs.', icon: <IconRoute size={22} aria-hidden="true" /> },
  { to: '/admin/business-calendars', title: 'Business calendars', text: 'Working hours, time zones and holidays for SLAs.', icon: <IconCalendarTime size={22} aria-hidden="true" /> },
  { to: '/admin/templates', title: 'Templates', text: 'E-mail and text templates with merge fields, and their preview.', icon: <IconMail size={22} aria-hidden="true" /> },
  { to: '/admin/automation-rules', title: 'Automation rules', text: 'Follow-ups, notices, e-mails and field changes that happen by themselves.', icon: <IconBolt size={22} aria-hidden="true" /> },
  { to: '/admin/approval-rules', title: 'Approval rules', text: 'Which changes and deletions wait for whose approval, level by level.', icon: <IconChecklist size={22} aria-hidden="true" /> },
];

/** `/admin`: the administration sections. */
export function AdminHome() {
  return (
    <Stack gap="md">
      <Title order={1}>Administration</Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {sections.map((section) => (
          <UnstyledButton key={section.to} component={Link} to={section.to} aria-label={section.title}>
            <Paper withBorder p="md" h="100%">
              <Stack gap={4}>
                <Text fw={700} style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
                  {section.icon}
                  {section.title}
                </Text>
                <Text size="sm" c="dimmed">
                  {section.text}
                </Text>
              </Stack>
            </Paper>
          </UnstyledButton>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
