/**
 * The reminder form's recurrence builder as plain data, and its translation to and from
 * an RFC 5545 RRULE. Rules the builder cannot show (written through the API) are kept
 * as they are, under "custom".
 */

export const FREQUENCIES = ['once', 'daily', 'weekly', 'monthly', 'yearly', 'custom'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const WEEKDAY_LABELS: Record<Weekday, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};

export type EndKind = 'never' | 'after' | 'on';

export interface RecurrenceChoice {
  frequency: Frequency;
  /** Every `interval` days, weeks, months or years. */
  interval: number;
  /** Weekly: the days it falls on (none: the start's weekday). */
  weekdays: Weekday[];
  /** Monthly: the day of the month, 1–31, or -1 for the last day. */
  monthDay: number;
  end: EndKind;
  /** end "after": how many occurrences in all. */
  count: number;
  /** end "on": the last day, YYYY-MM-DD (local). */
  until: string;
  /** custom: the rule as written. */
  custom: string;
}

export const DEFAULT_CHOICE: RecurrenceChoice = {
  frequency: 'once',
  interval: 1,
  weekdays: [],
  monthDay: 1,
  end: 'never',
  count: 10,
  until: '',
  custom: '',
};

const FREQ_OF: Partial<Record<Frequency, string>> = {
  daily: 'DAILY',
  weekly: 'WEEKLY',
  monthly: 'MONTHLY',
  yearly: 'YEARLY',
};

/** The RRULE for a choice; '' for a one-off reminder. */
export function toRrule(choice: RecurrenceChoice): string {
  if (choice.frequency === 'once') return '';
  if (choice.frequency === 'custom') return choice.custom.trim();
  const parts = [`FREQ=${FREQ_OF[choice.frequency] ?? 'DAILY'}`];
  if (choice.interval > 1) parts.push(`INTERVAL=${String(Math.floor(choice.interval))}`);
  if (choice.frequency === 'weekly' && choice.weekdays.length > 0) {
    const ordered = WEEKDAYS.filter((day) => choice.weekdays.includes(day));
    parts.push(`BYDAY=${ordered.join(',')}`);
  }
  if (choice.frequency === 'monthly') parts.push(`BYMONTHDAY=${String(choice.monthDay)}`);
  if (choice.end === 'after') parts.push(`COUNT=${String(Math.max(1, Math.floor(choice.count)))}`);
  if (choice.end === 'on' && /^\d{4}-\d{2}-\d{2}$/.test(choice.until)) {
    parts.push(`UNTIL=${choice.until.replaceAll('-', '')}`);
  }
  return parts.join(';');
}

/** The builder's view of a stored rule; rules it cannot show become "custom". */
export function fromRrule(rule: string): RecurrenceChoice {
  const text = rule.trim().replace(/^RRULE:/i, '');
  if (text === '') return { ...DEFAULT_CHOICE };
  const custom: RecurrenceChoice = { ...DEFAULT_CHOICE, frequency: 'custom', custom: text };
  const parts = new Map<string, string>();
  for (const part of text.split(';')) {
    const [key, value] = part.split('=');
    if (key === undefined || value === undefined || parts.has(key.toUpperCase())) return custom;
    parts.set(key.toUpperCase(), value.toUpperCase());
  }
  const frequency = (
    { DAILY: 'daily', WEEKLY: 'weekly', MONTHLY: 'monthly', YEARLY: 'yearly' } as Record<string, Frequency>
  )[parts.get('FREQ') ?? ''];
  if (frequency === undefined) return custom;
  const choice: RecurrenceChoice = { ...DEFAULT_CHOICE, frequency };
  for (const [key, value] of parts) {
    switch (key) {
      case 'FREQ':
        break;
      case 'INTERVAL': {
        const interval = Number(value);
        if (!Number.isInteger(interval) || interval < 1) return custom;
        choice.interval = interval;
        break;
      }
      case 'BYDAY': {
        if (frequency !== 'weekly') return custom;
        const days = value.split(',');
        if (!days.every((day): day is Weekday => (WEEKDAYS as readonly string[]).includes(day))) return custom;
        choice.weekdays = days;
        break;
      }
      case 'BYMONTHDAY': {
        const day = Number(value);
        if (frequency !== 'monthly' || !Number.isInteger(day) || day === 0 || day < -1 || day > 31) return custom;
        choice.monthDay = day;
        break;
      }
      case 'COUNT': {
        const count = Number(value);
        if (!Number.isInteger(count) || count < 1) return custom;
        choice.end = 'after';
        choice.count = count;
        break;
      }
      case 'UNTIL': {
        const match = /^(\d{4})(\d{2})(\d{2})/.exec(value);
        if (match === null) return custom;
        choice.end = 'on';
        choice.until = `${match[1] ?? ''}-${match[2] ?? ''}-${match[3] ?? ''}`;
        break;
      }
      default:
        return custom;
    }
  }
  if (frequency === 'monthly' && !parts.has('BYMONTHDAY')) return custom;
  return choice;
}

/** A short description for lists: "Every 2 weeks on Monday, Wednesday, 5 times". */
export function describeRrule(rule: string): string {
  const choice = fromRrule(rule);
  if (choice.frequency === 'once') return 'Once';
  if (choice.frequency === 'custom') return `Repeats: ${choice.custom}`;
  const unit = { daily: 'day', weekly: 'week', monthly: 'month', yearly: 'year' }[choice.frequency];
  let text = choice.interval > 1 ? `Every ${String(choice.interval)} ${unit}s` : `Every ${unit}`;
  if (choice.frequency === 'weekly' && choice.weekdays.length > 0) {
    text += ` on ${choice.weekdays.map((day) => WEEKDAY_LABELS[day]).join(', ')}`;
  }
  if (choice.frequency === 'monthly') {
    text += choice.monthDay === -1 ? ' on the last day' : ` on day ${String(choice.monthDay)}`;
  }
  if (choice.end === 'after') text += `, ${String(choice.count)} times`;
  if (choice.end === 'on') text += `, until ${choice.until}`;
  return text;
}
