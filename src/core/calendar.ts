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

// Month names as Indonesian and English exports write them (with Indonesian's older spellings), full and
// short: the names title rows are read with too (src/io/title-date.ts).
const MONTH_NUMBER: ReadonlyMap<string, number> = new Map(
  (
    [
      ['januari january jan', 1],
      ['februari pebruari february feb peb', 2],
      ['maret march mar', 3],
      ['april apr', 4],
      ['mei may', 5],
      ['juni june jun', 6],
      ['juli july jul', 7],
      ['agustus august agu agt agust aug', 8],
      ['september sep sept', 9],
      ['oktober october okt oct', 10],
      ['november nopember nov nop', 11],
      ['desember december des dec', 12],
    ] as const
  ).flatMap(([names, n]) => names.split(' ').map((x) => [x, n] as const)),
);

/**
 * A month written the way an Indonesian (or English) export writes it, where parsePeriod reads none: a
 * month's name and a 4-digit year ("Juni 2026", "Jun 2026", "Pebruari-2026", "June, 2026"), Excel's
 * `mmm-yy` ("Jun-26": 20yy), or a dd/mm/yyyy date whose day is over 12 ("30/06/2026"; "01/06/2026" could
 * be 6 January written mm/dd: `ambiguous`, refused by the caller with its hint).
 * Example: writtenMonth('Juni 2026') → { period: '2026-06', form: 'name' }; writtenMonth('30/06/2026') →
 * { period: '2026-06', form: 'date' }; writtenMonth('05/06/2026') → { ambiguous: true }.
 */
export function writtenMonth(raw: string): { period: Period; form: 'name' | 'date' } | { ambiguous: true } | undefined {
  const t = raw.trim();
  let m = /^([a-z]+)\.?(?:\s*[-,]\s*|\s+)(\d{4})$/i.exec(t) ?? /^([a-z]+)-(\d{2})$/i.exec(t);
  if (m) {
    const month = MONTH_NUMBER.get(m[1]!.toLowerCase());
    const year = m[2]!.length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
    const p = month === undefined ? undefined : make(year, month);
    return p ? { period: p, form: 'name' } : undefined;
  }
  m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(t);
  if (!m) return undefined;
  const day = Number(m[1]);
  const month = Number(m[3]);
  const p = make(Number(m[4]), month, day);
  if (!p) return undefined;
  return day > 12 ? { period: p, form: 'date' } : { ambiguous: true };
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
