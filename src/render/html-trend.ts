// The year in the HTML report (issue 18): the scope's line chart above the table (actual participants,
// the milestone path, the projection at the pace to December, dashed, and the target as a mark at
// December) and a sparkline per row. Inline SVG: no script, nothing fetched.
//
// The line chart has no viewBox: its x coordinates are percentages of its width and its y coordinates
// pixels of a fixed height, so the text keeps its size (12 px) on a 390 px phone and on a 1366 px
// laptop alike, the dots stay round and the strokes keep their width, while the lines stretch across
// the page (a viewBox would scale 12 px text down to 5 px on a phone). The axis's values sit in the
// SVG's left padding (CSS, as wide as the longest of them), outside the box its percentages are of.

import type { Lang, TrendChart } from '../report/model.js';
import { ESTIMATE_MARK } from '../report/estimates.js';
import { formatHuman } from './format.js';
import { monthName, monthPlaces, monthSpan, pathValues, TREND_WORDS, valueAxis, yearOf, type PathEstimates } from './trend.js';

const NONE: PathEstimates = { actual: false, milestones: false, projection: false, target: false };

const esc = (text: string): string => text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
const int = (v: number, lang: Lang): string => formatHuman(v, 'int', lang);

/** Colours (Okabe–Ito, told apart with colour-blindness): actual and its projection blue, milestones orange. */
export const TREND_COLOURS = { actual: '#0072b2', milestones: '#e69f00', target: '#111111', falling: '#c05621' } as const;

/** The plot: gridlines from y = TOP (the axis's top) to y = BASE (its bottom), in pixels; month labels below. */
export const PLOT = { top: 24, base: 204, height: 246 } as const;

/** A number of pixels with at most one decimal. */
const px = (v: number): string => String(Math.round(v * 10) / 10);

/** The x of month i of n: the middle of its band, in percent of the plot's width. */
export const xPercent = (i: number, n: number): string => `${Math.round(((i + 0.5) / n) * 100000) / 1000}%`;

/** Month, lines and mark of the scope's chart as SVG elements (the part the tests read). */
function plotElements(trend: TrendChart, lang: Lang, marks: PathEstimates): string | null {
  const p = trend.path;
  const n = p.months.length;
  const axis = valueAxis(pathValues(trend));
  if (!axis || n === 0) return null;
  const y = (v: number): number => PLOT.base - ((v - axis.lo) / (axis.hi - axis.lo)) * (PLOT.base - PLOT.top);
  const x = (i: number): string => xPercent(i, n);
  const W = TREND_WORDS;
  const parts: string[] = [];
  // Gridlines and their values (in the left padding).
  for (const t of axis.ticks) {
    parts.push(`<line class="grid" x1="0" x2="100%" y1="${px(y(t))}" y2="${px(y(t))}"/><text class="tick" x="-6" y="${px(y(t) + 4)}" text-anchor="end">${esc(int(t, lang))}</text>`);
  }
  // Months below: short names, the year under the first month and under each January; on a phone
  // every other name is hidden (class alt): the first month and December are always shown, and the
  // second is hidden when the first is (Jan, Apr, Jun, Aug, Oct, Dec).
  p.months.forEach((m, i) => {
    const alt = i !== 0 && ((n - 1 - i) % 2 === 1 || (i === 1 && n > 3)) ? ' alt' : '';
    parts.push(`<text class="month${alt}" x="${x(i)}" y="${PLOT.base + 18}" text-anchor="middle">${esc(monthName(m, lang))}</text>`);
    const year = yearOf(m);
    if (year && (i === 0 || monthName(m, 'en') === 'Jan')) parts.push(`<text class="year" x="${x(i)}" y="${PLOT.base + 34}" text-anchor="middle">${esc(year)}</text>`);
  });
  const line = (name: string, values: readonly (number | null)[], dots: 'all' | 'ends' | 'none'): string => {
    const segs: string[] = [];
    for (let i = 0; i + 1 < n; i++) {
      const a = values[i];
      const b = values[i + 1];
      if (a === null || a === undefined || b === null || b === undefined) continue;
      segs.push(`<line x1="${x(i)}" y1="${px(y(a))}" x2="${x(i + 1)}" y2="${px(y(b))}"/>`);
    }
    const known = values.flatMap((v, i) => (v === null || v === undefined ? [] : [i]));
    const dotted = known.filter((i) => {
      if (dots === 'all') return true;
      const alone = (values[i - 1] ?? null) === null && (values[i + 1] ?? null) === null;
      return alone || (dots === 'ends' && i === known[known.length - 1]);
    });
    const label = W[name as keyof typeof W][lang] + (marks[name as keyof PathEstimates] ? ESTIMATE_MARK : '');
    const circles = dotted.map((i) => `<circle cx="${x(i)}" cy="${px(y(values[i]!))}" r="3.5"><title>${esc(`${monthName(p.months[i]!, lang)} ${yearOf(p.months[i]!) ?? ''} · ${label}: ${int(values[i]!, lang)}`)}</title></circle>`);
    return `<g class="series ${name}" data-values="${values.map((v) => (v === null || v === undefined ? '' : String(v))).join(' ')}">${segs.join('')}${circles.join('')}</g>`;
  };
  parts.push(line('milestones', p.milestones, 'none'));
  parts.push(line('projection', p.projection, 'ends'));
  parts.push(line('actual', p.actual, 'all'));
  if (p.target !== null) {
    const left = `${Math.round(((n - 1 + 0.5 - 0.38) / n) * 100000) / 1000}%`;
    const right = `${Math.round(((n - 1 + 0.5 + 0.38) / n) * 100000) / 1000}%`;
    parts.push(`<g class="series target" data-values="${p.target}"><line x1="${left}" x2="${right}" y1="${px(y(p.target))}" y2="${px(y(p.target))}"><title>${esc(`${monthName(p.months[n - 1]!, lang)} ${yearOf(p.months[n - 1]!) ?? ''} · ${W.target[lang]}${marks.target ? ESTIMATE_MARK : ''}: ${int(p.target, lang)}`)}</title></line></g>`);
  }
  parts.push(valueLabels(trend, lang, y, marks));
  return parts.join('\n');
}

/**
 * The numbers people read off the chart: the last month reported (above its dot, or below it when the
 * milestone line is above), and at December the projection and the target.
 */
function valueLabels(trend: TrendChart, lang: Lang, y: (v: number) => number, marks: PathEstimates): string {
  const mark = (on: boolean): string => (on ? ESTIMATE_MARK : '');
  const p = trend.path;
  const n = p.months.length;
  const out: string[] = [];
  let last = -1;
  p.actual.forEach((v, i) => {
    if (v !== null) last = i;
  });
  if (last >= 0) {
    const v = p.actual[last]!;
    const m = p.milestones[last] ?? null;
    const below = m !== null && m > v;
    const anchor = last === 0 ? 'start' : last === n - 1 ? 'end' : 'middle';
    out.push(`<text class="value actual" x="${xPercent(last, n)}" y="${px(y(v) + (below ? 17 : -9))}" text-anchor="${anchor}">${esc(int(v, lang) + mark(marks.actual))}</text>`);
  }
  const end: { cls: string; text: string; v: number }[] = [];
  const projected = p.projection[n - 1] ?? null;
  if (projected !== null && last !== n - 1) end.push({ cls: 'projection', text: `${TREND_WORDS.projected[lang]} ${int(projected, lang)}${mark(marks.projection)}`, v: projected });
  if (p.target !== null) end.push({ cls: 'target', text: `${TREND_WORDS.target[lang]} ${int(p.target, lang)}${mark(marks.target)}`, v: p.target });
  end.sort((a, b) => b.v - a.v);
  // Each label above its point (the line comes up to it from the left, below the label), the lower
  // one below its point when the two points are too close for that; kept inside the plot, 14 px apart.
  const at = end.map((e) => y(e.v) - 9);
  if (at.length === 2) {
    if (y(end[1]!.v) - y(end[0]!.v) < 26 && y(end[1]!.v) + 17 <= PLOT.base - 3) at[1] = y(end[1]!.v) + 17;
    if (at[1]! - at[0]! < 14) at[0] = at[1]! - 14;
  }
  end.forEach((e, k) => out.push(`<text class="value ${e.cls}" x="${xPercent(n - 1, n)}" y="${px(Math.max(12, at[k]!))}" text-anchor="end">${esc(e.text)}</text>`));
  return out.join('\n');
}

/** The chart in one sentence, for screen readers (the SVG's desc). */
function describe(trend: TrendChart, lang: Lang): string {
  const p = trend.path;
  const when = (m: string): string => `${monthName(m, lang)} ${yearOf(m) ?? ''}`.trim();
  const known = p.actual.flatMap((v, i) => (v === null ? [] : [i]));
  const parts: string[] = [];
  if (known.length) {
    const a = known[0]!;
    const b = known[known.length - 1]!;
    parts.push(
      lang === 'id'
        ? `Peserta aktual dari ${when(p.months[a]!)} (${int(p.actual[a]!, lang)}) sampai ${when(p.months[b]!)} (${int(p.actual[b]!, lang)})`
        : `Actual participants from ${when(p.months[a]!)} (${int(p.actual[a]!, lang)}) to ${when(p.months[b]!)} (${int(p.actual[b]!, lang)})`,
    );
    const m = p.milestones[b] ?? null;
    if (m !== null) parts.push(lang === 'id' ? `tonggak ${when(p.months[b]!)}: ${int(m, lang)}` : `milestone for ${when(p.months[b]!)}: ${int(m, lang)}`);
  }
  const n = p.months.length;
  const projected = p.projection[n - 1] ?? null;
  if (projected !== null) parts.push(lang === 'id' ? `pada laju ini ${int(projected, lang)} pada ${when(p.months[n - 1]!)}` : `at the pace, ${int(projected, lang)} in ${when(p.months[n - 1]!)}`);
  if (p.target !== null) parts.push(`target ${when(p.months[n - 1]!)}: ${int(p.target, lang)}`);
  return parts.join('; ') + '.';
}

/** A legend entry's picture: a short line as the chart draws it. */
function swatch(kind: 'actual' | 'milestones' | 'projection' | 'target'): string {
  const stroke = kind === 'milestones' ? TREND_COLOURS.milestones : kind === 'target' ? TREND_COLOURS.target : TREND_COLOURS.actual;
  const dash = kind === 'projection' ? ' stroke-dasharray="5 3"' : '';
  const width = kind === 'target' ? 3 : kind === 'milestones' ? 2 : 2.5;
  const dot = kind === 'actual' ? `<circle cx="12" cy="6" r="3" fill="${stroke}"/>` : '';
  const [x1, x2] = kind === 'target' ? [5, 19] : [0, 24];
  return `<svg class="swatch-line" width="24" height="12" aria-hidden="true"><line x1="${x1}" x2="${x2}" y1="6" y2="6" stroke="${stroke}" stroke-width="${width}"${dash}/>${dot}</svg>`;
}

/** The chart's numbers, month by month: a table behind a summary (the values of every point, readable anywhere). */
function numbersTable(trend: TrendChart, lang: Lang): string {
  const p = trend.path;
  const W = TREND_WORDS;
  const n = p.months.length;
  const cell = (v: number | null | undefined): string => `<td class="num">${v === null || v === undefined ? '–' : esc(int(v, lang))}</td>`;
  const head = [W.month, W.actual, W.milestones, W.projection, W.target].map((w, j) => `<th class="${j === 0 ? 'text' : 'num'}" scope="col">${esc(w[lang])}</th>`).join('');
  const rows = p.months.map((m, i) => `<tr><td class="text">${esc(m)}</td>${cell(p.actual[i])}${cell(p.milestones[i])}${cell(p.projection[i])}${cell(i === n - 1 ? p.target : null)}</tr>`);
  return `<details class="trend-numbers">\n<summary>${esc(W.numbers[lang])}</summary>\n<div class="table-wrap" role="region" tabindex="0" aria-label="${esc(W.numbers[lang])}">\n<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>\n</div>\n</details>`;
}

/**
 * The scope's line chart with its heading, legend and numbers; '' when there is nothing to draw. A line
 * that is an estimate (issue 19: `marks`, from the Total's marked cells) carries the mark in the legend
 * and on its value; the page's legend says what the mark means.
 */
export function trendSection(trend: TrendChart, lang: Lang, marks: PathEstimates = NONE, markWords?: string): string {
  const plot = plotElements(trend, lang, marks);
  if (plot === null) return '';
  const W = TREND_WORDS;
  const title = trend.title[lang];
  const legend = (['actual', 'milestones', 'projection', 'target'] as const)
    .filter((k) => (k === 'target' ? trend.path.target !== null : trend.path[k].some((v) => v !== null)))
    .map((k) => `<li>${swatch(k)}${esc(W[k][lang] + (marks[k] ? ESTIMATE_MARK : ''))}</li>`)
    .join('');
  const ticks = valueAxis(pathValues(trend))!.ticks.map((t) => int(t, lang));
  const pad = ticks.reduce((m, t) => Math.max(m, t.length), 0) + 1;
  return (
    `<section class="trend-block">\n<h2 id="trend-title">${esc(title)}</h2>\n<ul class="trend-legend">${legend}</ul>\n` +
    `<svg class="trend-chart" id="chart-trend" role="img" aria-labelledby="trend-svg-title trend-svg-desc" height="${PLOT.height}" style="padding-left:${pad}ch">\n` +
    `<title id="trend-svg-title">${esc(title)}</title>\n<desc id="trend-svg-desc">${esc(describe(trend, lang))}</desc>\n${plot}\n</svg>\n` +
    (markWords && (marks.actual || marks.milestones || marks.projection || marks.target) ? `<p class="legend">${esc(markWords)}</p>\n` : '') +
    `${numbersTable(trend, lang)}\n</section>\n`
  );
}

/** Sparkline size in pixels: readable on a phone beside the row's name. */
export const SPARK = { width: 72, height: 20 } as const;

/**
 * A row's sparkline: its participants month by month on its own scale (a line, split where a month is
 * missing, a small dot for a month alone between missing ones, and a dot on the last month), blue when the last month is at or above the first, orange
 * when below. Its title lists every month's value. '' when no month is known.
 */
export function sparklineSvg(series: readonly (number | null)[] | undefined, months: readonly string[], lang: Lang): string {
  if (!series) return '';
  const known = series.flatMap((v, i) => (v === null || !Number.isFinite(v) ? [] : [i]));
  if (known.length === 0) return '';
  let min = Infinity;
  let max = -Infinity;
  for (const i of known) {
    min = Math.min(min, series[i]!);
    max = Math.max(max, series[i]!);
  }
  const n = series.length;
  // Placed by month: a month no file gave leaves its space (Aug → Oct is two steps, not one).
  const at = monthPlaces(months)?.slice(0, n);
  const place = (i: number): number => (at && at.length === n ? at[i]! - at[0]! : i);
  const span = place(n - 1);
  const x = (i: number): string => px(n === 1 || span === 0 ? SPARK.width / 2 : 3 + (place(i) * (SPARK.width - 6)) / span);
  const y = (v: number): string => px(max === min ? SPARK.height / 2 : SPARK.height - 3 - ((v - min) / (max - min)) * (SPARK.height - 6));
  const runs: string[] = [];
  let run: string[] = [];
  series.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      if (run.length > 1) runs.push(run.join(' '));
      run = [];
    } else run.push(`${x(i)},${y(v)}`);
  });
  if (run.length > 1) runs.push(run.join(' '));
  // A month between two missing ones has no line to be on: a dot.
  const alone = known.filter((i) => (series[i - 1] ?? null) === null && (series[i + 1] ?? null) === null && i !== known[known.length - 1]);
  const first = series[known[0]!]!;
  const lastI = known[known.length - 1]!;
  const last = series[lastI]!;
  const colour = last >= first ? TREND_COLOURS.actual : TREND_COLOURS.falling;
  const values = series.map((v) => (v === null ? '–' : int(v, lang))).join(', ');
  const title = `${TREND_WORDS.participants[lang]}, ${monthSpan(months, lang)}: ${values}`;
  return (
    `<svg class="spark" role="img" width="${SPARK.width}" height="${SPARK.height}" viewBox="0 0 ${SPARK.width} ${SPARK.height}"><title>${esc(title)}</title>` +
    runs.map((r) => `<polyline points="${r}" fill="none" stroke="${colour}" stroke-width="1.5" stroke-linejoin="round" stroke-linecap="round"/>`).join('') +
    alone.map((i) => `<circle cx="${x(i)}" cy="${y(series[i]!)}" r="1.5" fill="${colour}"/>`).join('') +
    `<circle cx="${x(lastI)}" cy="${y(last)}" r="2.2" fill="${colour}"/></svg>`
  );
}

/** The CSS of the trend chart and sparklines, added to the page only when the report has a trend. */
export const TREND_STYLE = `
.trend-block { max-width: 72rem; break-inside: avoid; page-break-inside: avoid; }
.trend-legend { list-style: none; padding: 0; margin: 0 0 0.3rem; display: flex; flex-wrap: wrap; gap: 0.2rem 1.1rem; font-size: 0.8rem; }
.trend-legend li { display: flex; align-items: center; gap: 0.35rem; }
.trend-chart { display: block; width: 100%; font-size: 12px; overflow: visible; box-sizing: border-box; padding-right: 1rem; }
.trend-chart text { fill: #333; }
.trend-chart .grid { stroke: #e2e2e2; stroke-width: 1; }
.trend-chart .year { fill: #666; }
.trend-chart .value { font-weight: bold; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
.trend-chart .series line { stroke-width: 2.5; stroke-linecap: round; }
.trend-chart .actual line { stroke: ${TREND_COLOURS.actual}; }
.trend-chart .actual circle { fill: ${TREND_COLOURS.actual}; }
.trend-chart .projection line { stroke: ${TREND_COLOURS.actual}; stroke-dasharray: 6 4; stroke-linecap: butt; }
.trend-chart .projection circle { fill: #fff; stroke: ${TREND_COLOURS.actual}; stroke-width: 2; }
.trend-chart .milestones line { stroke: ${TREND_COLOURS.milestones}; stroke-width: 2; }
.trend-chart .milestones circle { fill: ${TREND_COLOURS.milestones}; }
.trend-chart .target line { stroke: ${TREND_COLOURS.target}; stroke-width: 3.5; stroke-linecap: butt; }
.trend-chart .value.actual { fill: ${TREND_COLOURS.actual}; }
.trend-chart .value.target { fill: ${TREND_COLOURS.target}; }
.trend-numbers { font-size: 0.8rem; margin: 0.3rem 0 0; }
.trend-numbers summary { cursor: pointer; color: #444; }
.trend-numbers table { font-size: 0.8rem; }
td.spark-cell { padding-top: 0; padding-bottom: 0; line-height: 0; }
.spark { display: block; }
@media (max-width: 30rem) { .trend-chart .month.alt { display: none; } }
@media print { .trend-numbers { display: none; } .spark { width: 40pt; height: 11pt; } }
`;
