import { CalendarDate, DateFormatter, getLocalTimeZone, parseDate } from '@internationalized/date';

/**
 * Dates typed and shown as the interface language writes them (`ca` and `es` day first, `en`
 * month first, as Intl writes each). The typed text is read in the locale's order of day, month
 * and year (any of / . - or a space between them, or the ISO form 2026-12-04), checked with
 * @internationalized/date's calendar (no 31 February) and given to the API as an ISO date.
 */

export type DateParse =
  | { ok: true; value: string }
  | { ok: false; reason: 'EMPTY' }
  /** Not written as a date of this locale; `example` shows one as it is written. */
  | { ok: false; reason: 'DATE_FORMAT'; example: string }
  /** Written as a date, but there is no such day (31/02/2026). */
  | { ok: false; reason: 'INVALID_DATE' };

type Part = 'day' | 'month' | 'year';

/** The order the locale writes day, month and year in. */
export function dateOrder(tag: string): Part[] {
  return new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'numeric', year: 'numeric' })
    .formatToParts(new Date(Date.UTC(2026, 11, 31, 12)))
    .map((part) => part.type)
    .filter((type): type is Part => type === 'day' || type === 'month' || type === 'year');
}

/** A date of the locale's short form (31/12/2026, 12/31/2026), the example shown with a refusal. */
export function dateExample(tag: string): string {
  return new DateFormatter(tag, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(2026, 11, 31, 12)));
}

const LETTERS: Record<string, Record<Part, string>> = {
  ca: { day: 'dd', month: 'mm', year: 'aaaa' },
  es: { day: 'dd', month: 'mm', year: 'aaaa' },
  en: { day: 'dd', month: 'mm', year: 'yyyy' },
};

/** The pattern of the locale's dates in its own letters ("dd/mm/aaaa", "mm/dd/yyyy"). */
export function datePattern(tag: string): string {
  const letters = LETTERS[tag.split('-')[0] ?? ''] ?? LETTERS.en;
  return dateOrder(tag)
    .map((part) => letters?.[part])
    .join('/');
}

/** The text typed in a date field, read as the locale `tag` writes dates. */
export function parseLocalDate(text: string, tag: string): DateParse {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'EMPTY' };
  const refused: DateParse = { ok: false, reason: 'DATE_FORMAT', example: dateExample(tag) };
  let fields: Record<Part, number>;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  if (iso) {
    fields = { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  } else {
    const numbers = trimmed.split(/\s*[/.\-\s]\s*/);
    const order = dateOrder(tag);
    if (numbers.length !== 3 || numbers.some((n) => !/^\d+$/.test(n))) return refused;
    const entries = order.map((part, index) => [part, numbers[index] ?? ''] as const);
    // A two-digit year (26) could be 1926 or 2026: the year is written in full.
    if (entries.some(([part, digits]) => (part === 'year' ? digits.length !== 4 : digits.length > 2)))
      return refused;
    fields = Object.fromEntries(entries.map(([part, digits]) => [part, Number(digits)])) as Record<
      Part,
      number
    >;
  }
  const { year, month, day } = fields;
  if (month < 1 || month > 12 || day < 1) return { ok: false, reason: 'INVALID_DATE' };
  // CalendarDate constrains a day past the month's end to its last: a changed day is no such date.
  const date = new CalendarDate(year, month, day);
  if (date.day !== day || date.month !== month || date.year !== year)
    return { ok: false, reason: 'INVALID_DATE' };
  return { ok: true, value: date.toString() };
}

/** An ISO date (2026-12-04) as the locale writes it in a field (04/12/2026). */
export function formatDateForInput(iso: string, tag: string): string {
  const date = parseDate(iso.slice(0, 10));
  return new DateFormatter(tag, { day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    date.toDate(getLocalTimeZone()),
  );
}

/** A moment (an ISO timestamp) as the locale writes it: a date, or a date and time. */
export function formatMoment(iso: string, tag: string, withTime = false): string {
  // In the platform's city, so that a list reads the same on every machine.
  const timeZone = 'Europe/Madrid';
  return new DateFormatter(
    tag,
    withTime ? { dateStyle: 'medium', timeStyle: 'short', timeZone } : { dateStyle: 'medium', timeZone },
  ).format(new Date(iso));
}
