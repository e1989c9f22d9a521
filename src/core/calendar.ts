// Months. A period is a real calendar month written YYYY-MM; targets are for December of a year.
//
// Accepted spellings of a month in input files: 2024-06, 2024/06, 2024-6, 202406, 06/2024, 6-2024, and a
// full date that exists (2024-06-30, as Excel date cells arrive). Refused: 2024-13, 2024-00, 0000-06,
// 2024-06-99, 2024-02-30. Years outside 1900–2199 are refused (a typo, not a month).

/** A month as YYYY-MM. */
export type Period = string;

const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

function daysIn(year: number, month: number): number {
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function make(year: number, month: number, day?: number): Period | undefined {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return undefined;
  if (!Number.isInteger(month) || month < 1 || month > 12) return undefined;
  if (day !== undefined && (!Number.isInteger(day) || day < 1 || day > daysIn(year, month))) return undefined;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** Example: parsePeriod('2024/6') → '2024-06'; parsePeriod('2024-06-99') → undefined. */
export function parsePeriod(raw: string): Period | undefined {
  const t = raw.trim();
  let m = /^(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?$/.exec(t);
  if (m) return make(Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3]));
  m = /^(\d{4})(\d{2})$/.exec(t);
  if (m) return make(Number(m[1]), Number(m[2]));
  m = /^(\d{1,2})[-/](\d{4})$/.exec(t);
  if (m) return make(Number(m[2]), Number(m[1]));
  return undefined;
}

/** A month of a phasing profile: a calendar month 1–12 (any year), or a period. */
export function parseProfileMonth(raw: string): { month: number } | { period: Period } | undefined {
  const t = raw.trim();
  if (/^\d{1,2}$/.test(t)) {
    const n = Number(t);
    return n >= 1 && n <= 12 ? { month: n } : undefined;
  }
  const p = parsePeriod(t);
  return p ? { period: p } : undefined;
}

export function periodYear(p: Period): number {
  return Number(p.slice(0, 4));
}

export function periodMonth(p: Period): number {
  return Number(p.slice(5, 7));
}

/** Whole months from a to b (b − a): monthsBetween('2023-12', '2024-06') = 6. */
export function monthsBetween(a: Period, b: Period): number {
  return (periodYear(b) - periodYear(a)) * 12 + periodMonth(b) - periodMonth(a);
}

export function addMonths(p: Period, n: number): Period {
  const total = periodYear(p) * 12 + periodMonth(p) - 1 + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** All months after `from` up to and including December of `year`: ('2023-12', 2024) → 2024-01 … 2024-12. */
export function monthsUntilDecember(from: Period, year: number): Period[] {
  const n = monthsBetween(from, `${year}-12`);
  const out: Period[] = [];
  for (let k = 1; k <= n; k++) out.push(addMonths(from, k));
  return out;
}

/** Months left until December of the target year, counted from the reporting month (0 in December). */
export function monthsLeft(period: Period, targetYear: number): number {
  return Math.max(0, monthsBetween(period, `${targetYear}-12`));
}

/** The latest of some periods (string order is time order for YYYY-MM). */
export function latestPeriod(periods: Iterable<Period | null | undefined>): Period | undefined {
  let best: Period | undefined;
  for (const p of periods) if (p && (best === undefined || p > best)) best = p;
  return best;
}
