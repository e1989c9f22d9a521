// What the charts of the year share (issue 18): the HTML line chart and sparklines, the workbook's
// trend sheet and its native chart, and the terminal's sparkline column all draw Report.trend and
// Row.series with the same words, the same month names and the same value axis.

import type { Lang, TrendChart } from '../report/model.js';
import { roundSignificant } from '../report/rounding.js';

type Words = { readonly en: string; readonly id: string };

/** The names of the scope's four lines, and of the row sparklines. */
export const TREND_WORDS = {
  actual: { en: 'actual', id: 'aktual' },
  milestones: { en: 'milestone path', id: 'jalur tonggak' },
  projection: { en: 'projection at the pace', id: 'proyeksi pada laju' },
  target: { en: 'target', id: 'target' },
  trend: { en: 'trend', id: 'tren' },
  participants: { en: 'participants', id: 'peserta' },
  projected: { en: 'projected', id: 'proyeksi' },
  numbers: { en: 'The chart’s numbers', id: 'Angka grafik' },
  month: { en: 'month', id: 'bulan' },
} as const satisfies Record<string, Words>;

const MONTHS: Record<Lang, readonly string[]> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  id: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
};

/** "2024-06" → "Jun" (en) / "Jun" (id); "2024-08" → "Aug" / "Agu". A text that is not a month stays as it is. */
export function monthName(period: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  const i = m ? Number(m[2]) - 1 : -1;
  return i >= 0 && i < 12 ? MONTHS[lang][i]! : period;
}

/** The year of a month ("2024-06" → "2024"), or null. */
export const yearOf = (period: string): string | null => /^(\d{4})-\d{2}$/.exec(period)?.[1] ?? null;

/** The months of the sparklines in words: "Jan–Jun 2024", "Nov 2023–Jun 2024". */
export function monthSpan(months: readonly string[], lang: Lang): string {
  if (months.length === 0) return '';
  const first = months[0]!;
  const last = months[months.length - 1]!;
  const y1 = yearOf(first);
  const y2 = yearOf(last);
  if (y1 === null || y2 === null) return `${first}–${last}`;
  if (y1 === y2) return `${monthName(first, lang)}–${monthName(last, lang)} ${y2}`;
  return `${monthName(first, lang)} ${y1}–${monthName(last, lang)} ${y2}`;
}

/** The sparklines' header: "trend (Jan–Jun 2024)". */
export const sparklineHeader = (months: readonly string[], lang: Lang): string => `${TREND_WORDS.trend[lang]} (${monthSpan(months, lang)})`;

export interface ValueAxis {
  readonly lo: number;
  readonly hi: number;
  readonly step: number;
  /** lo, lo + step, …, hi. */
  readonly ticks: readonly number[];
}

/** The round step nearest above `raw`: 1, 2, 2.5 or 5 times a power of ten. */
function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(raw));
  const f = raw / p;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * p;
}

/**
 * The value axis of the scope's chart: round gridlines from just below the smallest value to just
 * above the largest, about four steps apart. Participants do not start at zero: 3.3 to 4.0 million on
 * an axis from 0 would be a flat line, and the labels say where the axis starts.
 *
 * Example: 100 … 160 → steps of 20 (60 / 4 = 15, rounded up to 20), axis 100, 120, 140, 160.
 */
export function valueAxis(values: Iterable<number | null>): ValueAxis | null {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === Infinity) return null;
  // One value, or all equal: one step of a tenth of it either side (at least 1).
  const step = max > min ? niceStep((max - min) / 4) : niceStep(Math.max(1, Math.abs(max) / 10));
  let lo = Math.floor(min / step) * step;
  let hi = Math.ceil(max / step) * step;
  if (hi === lo) {
    lo -= step;
    hi += step;
  }
  const ticks: number[] = [];
  // Steps below 1 would need decimals people do not count in; counts never need them.
  for (let k = 0; lo + k * step <= hi + step / 1e6; k++) ticks.push(Number(roundSignificant(lo + k * step, 12)));
  return { lo, hi, step, ticks };
}

/** Every value the scope's chart draws (the axis covers them all). */
export function pathValues(trend: TrendChart): (number | null)[] {
  const p = trend.path;
  const out: (number | null)[] = [];
  for (const xs of [p.actual, p.milestones, p.projection]) for (const v of xs) out.push(v);
  out.push(p.target);
  return out;
}

/** The eight heights of a terminal sparkline, lowest first. */
export const SPARK_CHARS = '▁▂▃▄▅▆▇█';

/**
 * A series as a terminal sparkline, one character a month on the series' own scale (lowest ▁, highest
 * █; a month not reported is a space; a series that does not move is ▄ throughout). Empty when no
 * month is known.
 *
 * Example: [10, 20, null, 40] → "▁▃ █" (20 is a third of the way from 10 to 40: 7 × 1/3 ≈ 2 → ▃).
 */
/**
 * Each month's place on a time axis (months since year 0; `YYYY-MM`), so that a month no file gave is a
 * gap, not a step: Aug, Oct → 0, 2. Undefined when a month is not `YYYY-MM`: places by position.
 */
export function monthPlaces(months: readonly string[]): number[] | undefined {
  const out: number[] = [];
  for (const m of months) {
    const x = /^(\d{4})-(\d{2})$/.exec(m);
    if (!x) return undefined;
    out.push(Number(x[1]) * 12 + Number(x[2]) - 1);
  }
  return out;
}

/** The sparkline characters of a series; `months` (its months): a month between them no file gave is a blank. */
export function sparkline(series: readonly (number | null)[], months?: readonly string[]): string {
  const at = months && months.length === series.length ? monthPlaces(months) : undefined;
  let min = Infinity;
  let max = -Infinity;
  for (const v of series) {
    if (v === null || !Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === Infinity) return '';
  let out = '';
  for (let i = 0; i < series.length; i++) {
    const v = series[i]!;
    if (at && i > 0) out += ' '.repeat(Math.max(0, at[i]! - at[i - 1]! - 1));
    if (v === null || !Number.isFinite(v)) out += ' ';
    else out += max === min ? SPARK_CHARS[3] : SPARK_CHARS[Math.round(((v - min) / (max - min)) * 7)];
  }
  return out;
}

/**
 * Whether a terminal shows the sparkline characters: its locale is UTF-8 (LC_ALL, else LC_CTYPE, else
 * LANG, as the C library reads them) and TERM is not "dumb". The command asks only for a table that
 * goes to a terminal; a pipe or a file never gets the column.
 */
export function sparklineTerminal(env: Readonly<Record<string, string | undefined>>): boolean {
  if (env['TERM'] === 'dumb') return false;
  const locale = env['LC_ALL'] || env['LC_CTYPE'] || env['LANG'] || '';
  return /utf-?8/i.test(locale);
}

/** Which of the scope's four lines are estimates (issue 19), from the Total's estimated columns. */
export interface PathEstimates {
  readonly actual: boolean;
  readonly milestones: boolean;
  readonly projection: boolean;
  readonly target: boolean;
}

/**
 * The lines of the scope's chart that carry the estimate mark, as the Total's cells do in the table:
 * the actual participants when its participants are marked, the milestone path when its milestone is,
 * the projection when its participants or its projection are, the target when its target is.
 */
export function pathEstimates(totalsEstimated: readonly string[] | undefined): PathEstimates {
  const has = (k: string): boolean => totalsEstimated?.includes(k) ?? false;
  return { actual: has('participants'), milestones: has('milestone'), projection: has('participants') || has('projected'), target: has('target') };
}
