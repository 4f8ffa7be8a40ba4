import { format, isValid, parseISO, lastDayOfMonth } from "date-fns";
import type { DatePrecision } from "./enums";

/**
 * When words were said, with how precisely we know it. The date is stored as
 * the first day of its period ("2024-09-01" with month precision means
 * "some day in September 2024"), so string order is chronological order of
 * period starts.
 */
export interface SaidOn {
  date: string; // YYYY-MM-DD
  precision: DatePrecision;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Normalise a date to the first day of its period; null when malformed. */
export function normaliseSaidOn(date: string, precision: DatePrecision): string | null {
  const input = precision === "year" && /^\d{4}$/.test(date) ? `${date}-01-01`
    : precision === "month" && /^\d{4}-\d{2}$/.test(date) ? `${date}-01`
    : date;
  if (!ISO_DAY.test(input)) return null;
  const parsed = parseISO(input);
  if (!isValid(parsed) || format(parsed, "yyyy-MM-dd") !== input) return null;
  if (precision === "month") return `${input.slice(0, 7)}-01`;
  if (precision === "year") return `${input.slice(0, 4)}-01-01`;
  return input;
}

/** First and last day (inclusive, ISO) of the period a said-on date covers. */
export function saidOnInterval({ date, precision }: SaidOn): { start: string; end: string } {
  if (precision === "day") return { start: date, end: date };
  if (precision === "year") return { start: `${date.slice(0, 4)}-01-01`, end: `${date.slice(0, 4)}-12-31` };
  const last = lastDayOfMonth(parseISO(date));
  return { start: `${date.slice(0, 7)}-01`, end: format(last, "yyyy-MM-dd") };
}

/**
 * Chronological order for statements. Periods are ordered by their start; a
 * vaguer period sorts after a precise date inside it only when their starts
 * tie ("2024-09" vs "2024-09-01"), because we cannot know which came first and
 * the precise one is the better anchor. Returns <0, 0, >0.
 */
export function compareSaidOn(a: SaidOn, b: SaidOn): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return precisionRank(a.precision) - precisionRank(b.precision);
}

/**
 * compareSaidOn's order as numbers, for sorting thousands of statements at
 * once: each said-on of the set gets a number that sorts the same way (equal
 * periods get equal numbers), so a comparator subtracts instead of comparing
 * strings.
 */
export function saidOnOrdinals(saidOns: Iterable<SaidOn>): (saidOn: SaidOn) => number {
  const dates = new Set<string>();
  for (const { date } of saidOns) dates.add(date);
  // Array sort compares UTF-16 code units, the same order as `<` in compareSaidOn.
  const rank = new Map([...dates].sort().map((date, i) => [date, i]));
  return ({ date, precision }) => rank.get(date)! * 3 + precisionRank(precision);
}

/** How many characters of the ISO date name the period: "2024", "2024-09" or "2024-09-14". */
const PERIOD_CHARS: Record<DatePrecision, number> = { year: 4, month: 7, day: 10 };

/**
 * True when the two periods overlap, so their order is not known. Periods are
 * calendar units (a day, a month, a year), which either nest or are apart, so
 * they overlap exactly when the coarser one's name starts the other's date.
 * This runs for every flag; it needs no date parsing.
 */
export function saidOnOverlaps(a: SaidOn, b: SaidOn): boolean {
  const chars = Math.min(PERIOD_CHARS[a.precision], PERIOD_CHARS[b.precision]);
  return a.date.slice(0, chars) === b.date.slice(0, chars);
}

function precisionRank(p: DatePrecision): number {
  return p === "day" ? 0 : p === "month" ? 1 : 2;
}

/** Formatted dates, by precision and date: pages format the same few hundred dates thousands of times. */
const formatted = new Map<string, string>();
const FORMATTED_MAX = 5000;

/**
 * "14 Jun 2024", "Sep 2024" or "2024". Remembered: date-fns' parse and format
 * were an eighth of the server's time rendering a reader with 1,000 statements.
 */
export function formatSaidOn({ date, precision }: SaidOn): string {
  const key = `${precision}${date}`;
  let text = formatted.get(key);
  if (text === undefined) {
    const d = parseISO(date);
    text = format(d, precision === "year" ? "yyyy" : precision === "month" ? "MMM yyyy" : "d MMM yyyy");
    if (formatted.size >= FORMATTED_MAX) formatted.clear();
    formatted.set(key, text);
  }
  return text;
}

/** A value for <input>: "2024-06-14", "2024-09" or "2024". */
export function saidOnInputValue({ date, precision }: SaidOn): string {
  return precision === "year" ? date.slice(0, 4) : precision === "month" ? date.slice(0, 7) : date;
}
