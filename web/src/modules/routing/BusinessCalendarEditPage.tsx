import { Alert, Button, Group, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '@/lib/api';
import { FullPageLoader } from '@/ui/FullPageLoader';
import { NotFoundPage } from '@/ui/NotFoundPage';
import { PageHeader } from '@/ui/PageHeader';
import {
  intervalsText,
  parseIntervals,
  routingApi,
  routingKeys,
  weekdays,
  type BusinessCalendar,
  type BusinessCalendarInput,
  type Weekday,
} from './routingApi';

const weekdayLabels: Record<Weekday, string> = {
  monday: 'Monday',
  tuesday: 'Tuesday',
  wednesday: 'Wednesday',
  thursday: 'Thursday',
  friday: 'Friday',
  saturday: 'Saturday',
  sunday: 'Sunday',
};

const officeHours = '08:00-17:00';

/** `/admin/business-calendars/:id` (or `new`): a calendar's time zone, working hours per weekday and holidays. */
export function BusinessCalendarEditPage() {
  const { id = 'new' } = useParams();
  const creating = id === 'new';
  const calendar = useQuery({
    queryKey: routingKeys.calendar(id),
    queryFn: ({ signal }) => routingApi.getCalendar(id, signal),
    enabled: !creating,
  });
  if (!creating && calendar.isPending) return <FullPageLoader label="Loading the calendar" />;
  if (!creating && calendar.isError) {
    return isApiError(calendar.error) && calendar.error.status === 404 ? (
      <NotFoundPage />
    ) : (
      <Alert color="red" variant="light" title="The calendar could not be loaded">
        {calendar.error.message}
      </Alert>
    );
  }
  return <CalendarForm key={calendar.data?.version ?? 0} calendar={creating ? undefined : calendar.data} />;
}

function CalendarForm({ calendar }: { calendar: BusinessCalendar | undefined }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [name, setName] = useState(calendar?.name ?? '');
  const [timeZone, setTimeZone] = useState(calendar?.time_zone ?? 'Europe/Berlin');
  const [days, setDays] = useState<Record<Weekday, string>>(() => {
    const initial = {} as Record<Weekday, string>;
    for (const day of weekdays) {
      initial[day] = calendar === undefined ? (day === 'saturday' || day === 'sunday' ? '' : officeHours) : intervalsText(calendar.hours[day]);
    }
    return initial;
  });
  const [holidays, setHolidays] = useState((calendar?.holidays ?? []).join('\n'));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | undefined>();

  const save = useMutation({
    mutationFn: (input: BusinessCalendarInput) =>
      calendar === undefined ? routingApi.createCalendar(input) : routingApi.updateCalendar(calendar.id, input),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: routingKeys.calendars });
      void navigate(`/admin/business-calendars/${encodeURIComponent(saved.id)}`, { replace: true });
      setGeneral(undefined);
      setErrors({});
    },
    onError: (error) => {
      if (!isApiError(error)) {
        setGeneral('The calendar could not be saved.');
        return;
      }
      const fields: Record<string, string> = {};
      for (const entry of error.fields) fields[entry.field] = entry.message;
      setErrors(fields);
      setGeneral(error.fields.length === 0 ? error.message : undefined);
    },
  });
  const remove = useMutation({
    mutationFn: () => routingApi.deleteCalendar(calendar?.id ?? ''),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: routingKeys.calendars });
      void navigate('/admin/business-calendars');
    },
    onError: (error) => { setGeneral(error.message); },
  });

  const submit = () => {
    const hours: BusinessCalendarInput['hours'] = {};
    const problems: Record<string, string> = {};
    for (const day of weekdays) {
      const parsed = parseIntervals(days[day]);
      if (parsed === undefined) problems[`hours.${day}`] = 'Write intervals as 08:00-12:00, 13:00-17:00.';
      else hours[day] = parsed;
    }
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      return;
    }
    const dates = holidays.split(/[\s,]+/).filter((date) => date !== '');
    save.mutate({
      name: name.trim(),
      time_zone: timeZone.trim(),
      hours,
      holidays: dates,
      ...(calendar === undefined ? {} : { version: calendar.version }),
    });
  };

  return (
    <Stack gap="md">
      <PageHeader
        title={calendar?.name ?? 'New business calendar'}
        back={{ to: '/admin/business-calendars', label: 'Business calendars' }}
      />
      <form onSubmit={(event) => { event.preventDefault(); submit(); }}>
        <Stack gap="sm" maw={720}>
          {general === undefined ? null : (
            <Alert color="red" variant="light" role="alert">
              {general}
            </Alert>
          )}
          <TextInput label="Name" required maxLength={200} value={name} error={errors.name} onChange={(event) => { setName(event.currentTarget.value); }} />
          <TextInput
            label="Time zone"
            description="An IANA name, e.g. Europe/Berlin or America/New_York"
            required
            value={timeZone}
            error={errors.time_zone}
            onChange={(event) => { setTimeZone(event.currentTarget.value); }}
          />
          <Text size="sm" fw={600}>
            Working hours (local time; several intervals a day, comma-separated; empty: no work)
          </Text>
          {errors.hours === undefined ? null : <Text size="sm" c="red">{errors.hours}</Text>}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {weekdays.map((day) => (
              <TextInput
                key={day}
                label={weekdayLabels[day]}
                placeholder="08:00-12:00, 13:00-17:00"
                value={days[day]}
                error={errors[`hours.${day}`]}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  setDays((current) => ({ ...current, [day]: value }));
                }}
              />
            ))}
          </SimpleGrid>
          <Textarea
            label="Holidays"
            description="One date a line, YYYY-MM-DD"
            autosize
            minRows={3}
            value={holidays}
            error={errors.holidays}
            onChange={(event) => { setHolidays(event.currentTarget.value); }}
          />
          <Group gap="sm">
            <Button type="submit" loading={save.isPending}>
              Save
            </Button>
            {calendar === undefined ? null : (
              <Button variant="default" color="red" loading={remove.isPending} onClick={() => { remove.mutate(); }}>
                Delete
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
