import { Checkbox, Group, NumberInput, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import {
  type EndKind,
  type Frequency,
  type RecurrenceChoice,
  type Weekday,
  WEEKDAY_LABELS,
  WEEKDAYS,
  toRrule,
} from './recurrence';

const FREQUENCY_OPTIONS: { value: Frequency; label: string }[] = [
  { value: 'once', label: 'Once' },
  { value: 'daily', label: 'Daily' },
  { value: 'weekly', label: 'Weekly' },
  { value: 'monthly', label: 'Monthly' },
  { value: 'yearly', label: 'Yearly' },
  { value: 'custom', label: 'Custom rule (RRULE)' },
];

const UNIT: Partial<Record<Frequency, string>> = { daily: 'days', weekly: 'weeks', monthly: 'months', yearly: 'years' };

const MONTH_DAYS = [
  ...Array.from({ length: 31 }, (_, index) => ({ value: String(index + 1), label: String(index + 1) })),
  { value: '-1', label: 'Last day' },
];

interface RecurrenceBuilderProps {
  value: RecurrenceChoice;
  onChange: (value: RecurrenceChoice) => void;
  /** The server's message about the rule, if it refused it. */
  error?: string | undefined;
}

/** Once, daily, weekly on days, monthly on a day, yearly; every N; ends never, after N times or on a date. */
export function RecurrenceBuilder({ value, onChange, error }: RecurrenceBuilderProps) {
  const set = (change: Partial<RecurrenceChoice>) => {
    onChange({ ...value, ...change });
  };
  const repeats = value.frequency !== 'once' && value.frequency !== 'custom';
  const rule = toRrule(value);

  return (
    <Stack gap="xs">
      <Select
        label="Repeats"
        data={FREQUENCY_OPTIONS}
        value={value.frequency}
        allowDeselect={false}
        onChange={(frequency) => {
          if (frequency !== null) set({ frequency: frequency as Frequency });
        }}
        error={value.frequency === 'custom' ? undefined : error}
      />
      {value.frequency === 'custom' ? (
        <TextInput
          label="Rule"
          description="An RFC 5545 RRULE, e.g. FREQ=MONTHLY;BYDAY=1MO"
          value={value.custom}
          maxLength={500}
          onChange={(event) => {
            set({ custom: event.currentTarget.value });
          }}
          error={error}
        />
      ) : null}
      {repeats ? (
        <>
          <NumberInput
            label={`Every how many ${UNIT[value.frequency] ?? 'days'}`}
            min={1}
            max={1000}
            allowDecimal={false}
            value={value.interval}
            onChange={(interval) => {
              set({ interval: typeof interval === 'number' && interval >= 1 ? interval : 1 });
            }}
          />
          {value.frequency === 'weekly' ? (
            <Checkbox.Group
              label="On"
              value={value.weekdays}
              onChange={(days) => {
                set({ weekdays: days as Weekday[] });
              }}
            >
              <Group gap="xs" mt={4}>
                {WEEKDAYS.map((day) => (
                  <Checkbox key={day} value={day} label={WEEKDAY_LABELS[day].slice(0, 3)} aria-label={WEEKDAY_LABELS[day]} />
                ))}
              </Group>
            </Checkbox.Group>
          ) : null}
          {value.frequency === 'monthly' ? (
            <Select
              label="Day of the month"
              description="Months without that day are skipped; “Last day” never is."
              data={MONTH_DAYS}
              value={String(value.monthDay)}
              allowDeselect={false}
              onChange={(day) => {
                if (day !== null) set({ monthDay: Number(day) });
              }}
            />
          ) : null}
          <Radio.Group
            label="Ends"
            value={value.end}
            onChange={(end) => {
              set({ end: end as EndKind });
            }}
          >
            <Stack gap={6} mt={4}>
              <Radio value="never" label="Never" />
              <Radio value="after" label="After a number of times" />
              <Radio value="on" label="On a date" />
            </Stack>
          </Radio.Group>
          {value.end === 'after' ? (
            <NumberInput
              label="Times in all"
              min={1}
              max={100000}
              allowDecimal={false}
              value={value.count}
              onChange={(count) => {
                set({ count: typeof count === 'number' && count >= 1 ? count : 1 });
              }}
            />
          ) : null}
          {value.end === 'on' ? (
            <TextInput
              type="date"
              label="Last day"
              value={value.until}
              onChange={(event) => {
                set({ until: event.currentTarget.value });
              }}
            />
          ) : null}
        </>
      ) : null}
      {rule === '' ? null : (
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          Rule: {rule}
        </Text>
      )}
    </Stack>
  );
}
