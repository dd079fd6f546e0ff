import type { EntityMatch } from '../types';
import { findMatches, WORD_END, WORD_START } from './findMatches';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const RELATIVE_DAYS: Record<string, number> = { yesterday: -1, today: 0, tonight: 0, tomorrow: 1 };

const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(?:,?\\s*(\\d{4}))?';

/** Each form with the order of its capture groups. */
const FORMS: { pattern: string; read: (groups: string[], context: DateContext) => Ymd | null }[] = [
  { pattern: '(\\d{4})-(\\d{1,2})-(\\d{1,2})', read: ([y, m, d]) => ymd(y, m, d) },
  {
    pattern: '(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4}|\\d{2})',
    read: ([a, b, y], context) => {
      const first = Number(a);
      const dayFirst = context.dayFirst || first > 12;
      return dayFirst ? ymd(y, b, a) : ymd(y, a, b);
    },
  },
  {
    pattern: `${MONTH}\\s+${DAY}${YEAR}`,
    read: ([m, d, y], context) => ymd(y ?? context.year, monthOf(m), d),
  },
  {
    pattern: `${DAY}\\s+(?:of\\s+)?${MONTH}${YEAR}`,
    read: ([d, m, y], context) => ymd(y ?? context.year, monthOf(m), d),
  },
  {
    pattern: '(yesterday|today|tonight|tomorrow)',
    read: ([word], context) => shift(context.today, RELATIVE_DAYS[word?.toLowerCase() ?? ''] ?? 0),
  },
  {
    pattern: `(?:(next|this|on)\\s+)?(${WEEKDAYS.join('|')})`,
    read: ([modifier, weekday], context) => {
      const target = WEEKDAYS.indexOf(weekday?.toLowerCase() ?? '');
      let ahead = (target - context.today.getUTCDay() + 7) % 7;
      if (ahead === 0 && modifier?.toLowerCase() === 'next') ahead = 7;
      return shift(context.today, ahead);
    },
  },
];

const DATE = new RegExp(
  `${WORD_START}(?:${FORMS.map((form) => `(${form.pattern})`).join('|')})${WORD_END}`,
  'giu',
);
const GROUPS_PER_FORM = FORMS.map((form) => new RegExp(`${form.pattern}|`).exec('')?.length ?? 1);

interface DateContext {
  today: Date;
  year: string;
  dayFirst: boolean;
}
type Ymd = Date;

/**
 * Dates as ISO `YYYY-MM-DD`. Relative words ("tomorrow", "next friday") count from `now`, in UTC.
 * Numeric dates read month first in English (`5/3/2025` is May 3) unless the first number cannot
 * be a month, and day first in other languages.
 */
export function extractDates(text: string, now: Date, dayFirst: boolean): EntityMatch[] {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const context: DateContext = { today, year: String(today.getUTCFullYear()), dayFirst };
  return findMatches(text, 'date', DATE, (match) => {
    let group = 1;
    for (const [position, form] of FORMS.entries()) {
      const size = GROUPS_PER_FORM[position] as number;
      if (match[group] !== undefined) {
        const groups = match.slice(group + 1, group + size) as string[];
        const date = form.read(groups, context);
        return date === null ? null : date.toISOString().slice(0, 10);
      }
      group += size;
    }
    return null;
  });
}

function monthOf(name: string | undefined): string {
  return String(MONTHS.indexOf((name ?? '').slice(0, 3).toLowerCase()) + 1);
}

function ymd(
  year: string | undefined,
  month: string | undefined,
  day: string | undefined,
): Ymd | null {
  const y = Number(year?.length === 2 ? `20${year}` : year);
  const m = Number(month);
  const d = Number(day);
  const date = new Date(Date.UTC(y, m - 1, d));
  const valid =
    date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  return valid ? date : null;
}

function shift(day: Date, days: number): Ymd {
  return new Date(day.getTime() + days * 86_400_000);
}
