import { Alert, Anchor, Button, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '@/ui/EmptyState';
import { PageHeader } from '@/ui/PageHeader';
import { intervalsText, useCalendars, weekdays } from './routingApi';

/** `/admin/business-calendars`: the working-hours calendars SLAs count on. */
export function BusinessCalendarsPage() {
  const calendars = useCalendars();
  return (
    <Stack gap="md">
      <PageHeader
        title="Business calendars"
        back={{ to: '/admin', label: 'Administration' }}
        actions={
          <Button component={Link} to="/admin/business-calendars/new" leftSection={<IconPlus size={16} aria-hidden="true" />}>
            New calendar
          </Button>
        }
      />
      {calendars.isError ? (
        <Alert color="red" variant="light" title="The calendars could not be loaded">
          {calendars.error.message}
        </Alert>
      ) : calendars.isPending ? (
        <Text size="sm" c="dimmed" role="status">
          Loading…
        </Text>
      ) : calendars.data.length === 0 ? (
        <EmptyState title="No calendars yet">A calendar says when work happens: SLAs count only its working hours.</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={360} type="native">
          <Table striped="even" verticalSpacing="xs" aria-label="Business calendars">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Time zone</Table.Th>
                <Table.Th>Monday</Table.Th>
                <Table.Th>Holidays</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {calendars.data.map((calendar) => (
                <Table.Tr key={calendar.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/admin/business-calendars/${encodeURIComponent(calendar.id)}`} size="sm" fw={600}>
                      {calendar.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{calendar.time_zone}</Table.Td>
                  <Table.Td>{intervalsText(calendar.hours[weekdays[0]])}</Table.Td>
                  <Table.Td>{calendar.holidays.length}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
