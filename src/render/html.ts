// One self-contained HTML file: no scripts, no external assets, nothing from the network (a CSP says
// so to the browser). Title and facts, the report's notes, the table (it scrolls inside its own box on
// a phone), the cross-tab of a matrix, bar charts and "about this report" in the report language.
// Every interpolated string is escaped.
//
// The charts are HTML boxes sized in percent, not an SVG: an SVG scales its text with its width
// (12 px text in a 780-unit drawing is 5 px on a 390 px phone), while HTML text keeps its size and only
// the bars shrink.
//
// On a screen the page uses the window's width (up to 120rem; prose stays at 72rem), so a 13-column
// coverage table fits a 1366 px laptop whole. The table sits in a box no taller than the window that
// scrolls both ways: its header row sticks to the top of the box and the key column to its left, so
// every column is reachable and the headings never scroll away (a header can only stick inside the
// box that scrolls sideways). Printing: A4 landscape, compact (the 38-province coverage report on two
// pages: the table, then the two charts side by side and "about" in three columns), the table header
// repeats on every page, a heading stays with its chart, bars keep their colours. The page is written
// as it is produced (streamHtml): the table row by row.

import type { RenderContext, RenderNote, Streamed } from './context.js';
import { crossTabCell, crossTabMarked, crossTabValueColumns } from './crosstab.js';
import { formatHuman, humanFormatter } from './format.js';
import { roundHalfUp } from '../report/rounding.js';
import { describeMeta, metaLines, noteSections, SECTION } from './meta.js';
import type { AnyReport, Column, ColumnKind, CrossTab, Lang, Row, Value } from '../report/model.js';
import { cellValue, eachRowCells, isKeyColumn, isTextKind, markEstimate, rowCells } from './rows.js';
import { sparklineSvg, TREND_STYLE, trendSection } from './html-trend.js';
import { pathEstimates, sparklineHeader } from './trend.js';

/** Past this many bars a chart is a smear, and its markup would outweigh the table: it is left out. */
export const MAX_CHART_BARS = 600;

/** Colours for the keys across in the stacked chart (Okabe–Ito: told apart with colour-blindness). */
const STACK_COLOURS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#555555'];

export function escapeHtml(text: string): string {
  // Most cells (numbers, codes, names) have nothing to escape: tested before a replace is made.
  if (!/[&<>"']/.test(text)) return text;
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

const num = (v: Value | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
// A position in CSS, to a tenth of a percent (layout, not a number shown).
const pct = (x: number): string => `${roundHalfUp(Math.round(x * 1000) / 10, 1)}%`;

interface BarItem {
  readonly label: string;
  readonly value: number;
  readonly mark: number | null;
  readonly text: string;
}

/** Horizontal bars, one row each: label, bar (and target mark), value. Signed values grow from a zero line. */
function barChart(items: readonly BarItem[], id: string, title: string, kind: ColumnKind): string {
  // Shares are drawn on their whole scale (0–100 %): a bar at 57 % is not made to look half of one at 68 %.
  let maxPos = kind === 'pct' ? 1 : 0;
  let maxNeg = 0;
  for (const it of items) {
    if (it.value > maxPos) maxPos = it.value;
    if (-it.value > maxNeg) maxNeg = -it.value;
    if (it.mark !== null && it.mark > maxPos) maxPos = it.mark;
  }
  const span = maxPos + maxNeg || 1;
  const zero = maxNeg / span;
  const rows = items.map((it) => {
    const w = Math.abs(it.value) / span;
    const left = it.value < 0 ? zero - w : zero;
    const mark = it.mark !== null ? `<span class="mark" style="left:${pct(zero + it.mark / span)}"></span>` : '';
    const axis = maxNeg > 0 ? `<span class="axis" style="left:${pct(zero)}"></span>` : '';
    return (
      `<div class="bar-row" title="${escapeHtml(`${it.label}: ${it.text}`)}"><span class="bar-label">${escapeHtml(it.label)}</span>` +
      `<span class="track">${axis}<span class="bar${it.value < 0 ? ' negative' : ''}" style="left:${pct(left)};width:${pct(w)}"></span>${mark}</span>` +
      `<span class="bar-value">${escapeHtml(it.text)}</span></div>`
    );
  });
  return `<figure class="chart" id="${id}" aria-label="${escapeHtml(title)}" style="--value-width:${valueWidth(items.map((i) => i.text))}">\n${rows.join('\n')}\n</figure>`;
}

/** The value column of a chart, as wide as its longest value (every row of a chart lines up). */
function valueWidth(texts: readonly string[]): string {
  const longest = texts.reduce((m, t) => Math.max(m, t.length), 0);
  return `${longest + 1}ch`;
}

interface Section {
  readonly html: string;
  readonly notes: RenderNote[];
}

function omitted(bars: number, lang: Lang): Section {
  const count = formatHuman(bars, 'int', lang);
  const max = formatHuman(MAX_CHART_BARS, 'int', lang);
  const en = `Chart left out: ${count} bars are more than the ${max} a chart can show readably; the table has every value.`;
  const id = `Grafik tidak ditampilkan: ${count} batang melebihi ${max} yang masih terbaca; tabel memuat semua nilai.`;
  return { html: `<p class="omitted">${escapeHtml(lang === 'id' ? id : en)}</p>`, notes: [{ code: 'html-chart-omitted', en, id }] };
}

/**
 * The detail rows, counted, and kept only while there are at most `limit` (a chart needs no more): they
 * are counted from their cells (no column asked for: a big report makes no row for this), and read as
 * rows only when there are few enough to keep.
 */
function detailRows(report: AnyReport, limit: number): { count: number; rows: Row[] } {
  let count = 0;
  for (const r of rowCells(report.rows, [])) if (r.level === 'detail') count++;
  const rows: Row[] = [];
  if (count <= limit) for (const r of report.rows) if ((r.level ?? 'detail') === 'detail') rows.push(r);
  return { count, rows };
}

/** One diverging chart per series of report.chart.changes: each unit's change, largest gain first, losses below the zero line. */
function changeCharts(report: AnyReport, changes: NonNullable<NonNullable<AnyReport['chart']>['changes']>, lang: Lang): Section {
  const byKey = new Map(report.columns.map((c) => [c.key, c]));
  const { count, rows: detail } = detailRows(report, MAX_CHART_BARS);
  let html = '';
  const notes: RenderNote[] = [];
  changes.series.forEach((s, k) => {
    const title = byKey.get(s.value)?.label[lang] ?? s.value;
    if (count > MAX_CHART_BARS) {
      const o = omitted(count, lang);
      html += `<section class="chart-block">\n<h2>${escapeHtml(title)}</h2>\n${o.html}\n</section>\n`;
      if (k === 0) for (const n of o.notes) notes.push(n);
      return;
    }
    const items: BarItem[] = detail
      .map((r) => {
        const share = s.share ? cellValue(r.values, s.share) : null;
        return {
          label: changes.label.map((l) => String(cellValue(r.values, l) ?? '')).join(' · '),
          value: num(cellValue(r.values, s.value)) ?? 0,
          mark: null,
          text: formatHuman(cellValue(r.values, s.value), 'signed-int', lang) + (typeof share === 'number' ? ` (${formatHuman(share, 'signed-pct', lang)})` : ''),
        };
      })
      .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
    html += `<section class="chart-block">\n<h2>${escapeHtml(title)}</h2>\n${barChart(items, `chart-change-${k + 1}`, title, 'signed-int')}\n</section>\n`;
  });
  return { html, notes };
}

/** The coverage chart (with target marks) and the second chart (e.g. the gap) from report.chart. */
function flatCharts(report: AnyReport, lang: Lang): Section {
  const spec = report.chart;
  if (!spec) return { html: '', notes: [] };
  if (spec.changes) return changeCharts(report, spec.changes, lang);
  const L = (en: string, id: string): string => (lang === 'id' ? id : en);
  const byKey = new Map(report.columns.map((c) => [c.key, c]));
  const { count, rows: detail } = detailRows(report, MAX_CHART_BARS);
  if (count === 0) return { html: '', notes: [] };
  const valueCol = byKey.get(spec.value);
  const title = valueCol?.label[lang] ?? spec.value;
  if (count > MAX_CHART_BARS) {
    const o = omitted(count, lang);
    return { html: `<section class="chart-block">\n<h2>${escapeHtml(title)}</h2>\n${o.html}\n</section>\n`, notes: o.notes };
  }
  // `own`: a row's own value for its bar where it gives one (spec.barValue: the coverage of the parts a
  // target covers, fx53), else the column's.
  const items = (key: string, mark: string | undefined, kind: ColumnKind, own?: string): BarItem[] =>
    detail
      .map((r) => {
        const ownValue = own ? cellValue(r.values, own) : null;
        const v = ownValue !== null ? ownValue : cellValue(r.values, key);
        return { label: String(cellValue(r.values, spec.label) ?? ''), value: num(v) ?? 0, mark: mark ? num(cellValue(r.values, mark)) : null, text: formatHuman(v, kind, lang) };
      })
      .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
  const coverage = items(spec.value, spec.target, valueCol?.kind ?? 'pct', spec.barValue);
  // A legend only for what is drawn: no "line = target" when no row has a target.
  const marks = coverage.some((i) => i.mark !== null);
  let html = `<section class="chart-block">\n<h2>${escapeHtml(title)}${marks ? ` <span class="legend">(${L('line = target', 'garis = target')})</span>` : ''}</h2>\n`;
  html += barChart(coverage, 'chart-coverage', title, valueCol?.kind ?? 'pct') + '\n</section>\n';
  const second = spec.second ? byKey.get(spec.second) : undefined;
  if (spec.second && detail.some((r) => num(cellValue(r.values, spec.second!)) !== null)) {
    const t2 = second?.label[lang] ?? spec.second;
    html += `<section class="chart-block">\n<h2>${escapeHtml(t2)}</h2>\n${barChart(items(spec.second, undefined, second?.kind ?? 'int'), 'chart-second', t2, second?.kind ?? 'int')}\n</section>\n`;
  }
  return { html, notes: [] };
}

/** The cross-tab as a table with two header rows: keys across, then the measures under each. */
function crossTabTable(ct: CrossTab, lang: Lang): string {
  const values = crossTabValueColumns(ct);
  const top =
    ct.rowHeader.map((c) => `<th rowspan="2" class="text" scope="col">${escapeHtml(c.label[lang])}</th>`).join('') +
    ct.across.map((a) => `<th colspan="${ct.measures.length}" class="group" scope="colgroup">${escapeHtml(a.label[lang])}</th>`).join('');
  const sub = values.map((v) => `<th class="num${v.measure === 0 ? ' first' : ''}" scope="col">${escapeHtml(v.label[lang])}</th>`).join('');
  const sticky = stickyColumn(ct.rowHeader);
  const body = ct.rows.map((row) => {
    const head = ct.rowHeader.map((c, i) => `<td class="text${i === sticky ? ' key' : ''}">${escapeHtml(formatHuman(cellValue(row.header, c.key), c.kind, lang))}</td>`).join('');
    const cells = values.map((v) => `<td class="num${v.measure === 0 ? ' first' : ''}">${escapeHtml(markEstimate(formatHuman(crossTabCell(row.cells, v), v.kind, lang), crossTabMarked(ct, row, v)))}</td>`).join('');
    return `<tr class="${row.level}">${head}${cells}</tr>`;
  });
  return `<div class="table-wrap" role="region" tabindex="0" aria-label="${escapeHtml(ct.title[lang])}">\n<table class="crosstab">\n<thead><tr>${top}</tr><tr>${sub}</tr></thead>\n<tbody>\n${body.join('\n')}\n</tbody>\n</table>\n</div>`;
}

/** One stacked bar per cross-tab row: a segment per key across (the last key, the row total, is the length). */
function stackedChart(report: AnyReport, ct: CrossTab, lang: Lang): Section {
  const L = (en: string, id: string): string => (lang === 'id' ? id : en);
  const chosen = ct.measures.findIndex((x) => x.key === report.chart?.stack);
  const measure = chosen >= 0 ? chosen : ct.measures.length - 1;
  const detail = ct.rows.filter((r) => r.level === 'detail');
  if (detail.length === 0 || ct.across.length < 2) return { html: '', notes: [] };
  const parts = ct.across.length - 1;
  const kind = ct.measures[measure]!.kind;
  const title = `${ct.measures[measure]!.label[lang]} ${L('by', 'per')} ${ct.across
    .slice(0, parts)
    .map((a) => a.label[lang])
    .join(', ')}`;
  if (detail.length > MAX_CHART_BARS) {
    const o = omitted(detail.length, lang);
    return { html: `<section class="chart-block">\n<h2>${escapeHtml(title)}</h2>\n${o.html}\n</section>\n`, notes: o.notes };
  }
  const labelCol = ct.rowHeader[ct.rowHeader.length - 1];
  const rows = detail
    .map((r) => ({
      label: labelCol ? String(cellValue(r.header, labelCol.key) ?? '') : '',
      segments: ct.across.slice(0, parts).map((_a, j) => Math.max(0, num(r.cells[j]?.[measure]) ?? 0)),
      total: r.cells[parts]?.[measure] ?? null,
    }))
    .map((r) => ({ ...r, length: r.segments.reduce((s, x) => s + x, 0) }))
    .sort((a, b) => b.length - a.length || a.label.localeCompare(b.label));
  const max = rows.reduce((mx, r) => Math.max(mx, r.length), 0) || 1;
  const legend = ct.across
    .slice(0, parts)
    .map((a, j) => `<li><span class="swatch s${j % STACK_COLOURS.length}"></span>${escapeHtml(a.label[lang])}</li>`)
    .join('');
  const bars = rows.map((r) => {
    let at = 0;
    const segs = r.segments.map((v, j) => {
      const html = v > 0 ? `<span class="seg s${j % STACK_COLOURS.length}" style="left:${pct(at / max)};width:${pct(v / max)}" title="${escapeHtml(`${ct.across[j]!.label[lang]}: ${formatHuman(v, kind, lang)}`)}"></span>` : '';
      at += v;
      return html;
    });
    const text = formatHuman(r.total ?? r.length, kind, lang);
    return `<div class="bar-row" title="${escapeHtml(`${r.label}: ${text}`)}"><span class="bar-label">${escapeHtml(r.label)}</span><span class="track">${segs.join('')}</span><span class="bar-value">${escapeHtml(text)}</span></div>`;
  });
  const html =
    `<section class="chart-block">\n<h2>${escapeHtml(title)}</h2>\n<ul class="stack-legend">${legend}</ul>\n` +
    `<figure class="chart stacked" id="chart-stacked" aria-label="${escapeHtml(title)}" style="--value-width:${valueWidth(rows.map((r) => formatHuman(r.total ?? r.length, kind, lang)))}">\n${bars.join('\n')}\n</figure>\n</section>\n`;
  return { html, notes: [] };
}

/** The last key column (the sparklines go right after it); -1: none, they go first. */
function sparkColumn(report: AnyReport): number {
  let last = -1;
  for (let i = 0; i < report.columns.length && isKeyColumn(report, i); i++) last = i;
  return last;
}

/** The column that stays in view while the table scrolls sideways: the first key that is not a code. */
function stickyColumn(cols: readonly Column[]): number {
  let i = 0;
  while (i < cols.length && cols[i]!.kind === 'text' && /(^|_)code$/.test(cols[i]!.key)) i++;
  return i < cols.length && cols[i]!.kind === 'text' ? i : -1;
}

function metaList(report: AnyReport, lang: Lang): string {
  return metaLines(report.meta, lang)
    .map((l) => {
      const cls = `d${Math.min(l.depth, 3)}${l.heading ? ' group' : ''}`;
      const value = l.heading ? '' : l.value === null ? '–' : typeof l.value === 'number' ? formatHuman(l.value, l.kind === 'text' ? 'number' : l.kind, lang) : l.value;
      return `<dt class="${cls}">${escapeHtml(l.label)}</dt><dd class="${cls}">${escapeHtml(value)}</dd>`;
    })
    .join('\n');
}

const STYLE = `
*, *::before, *::after { box-sizing: border-box; }
body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 1rem auto; padding: 0 1rem; max-width: 120rem; color: #1a1a1a; line-height: 1.35; }
h1 { font-size: 1.35rem; margin: 0 0 0.2rem; }
h2 { font-size: 1.05rem; margin: 1.6rem 0 0.5rem; break-after: avoid; page-break-after: avoid; }
p, .notes { max-width: 72rem; }
.facts { color: #444; margin-top: 0; }
.notes { border-left: 4px solid #c69200; background: #fff8e5; padding: 0.4rem 0.8rem; margin: 0.8rem 0; }
.notes h2 { margin: 0.2rem 0; font-size: 0.95rem; }
.notes ul { margin: 0.2rem 0; padding-left: 1.2rem; }
.notes.warnings { border-left-color: #b3261e; background: #fdecea; }
.table-wrap { overflow: auto; max-width: 100%; max-height: calc(100vh - 1rem); border: 1px solid #e2e2e2; width: max-content; }
table { border-collapse: separate; border-spacing: 0; font-size: 0.85rem; }
th, td { border-bottom: 1px solid #ddd; padding: 0.25rem 0.45rem; }
thead { position: sticky; top: 0; z-index: 2; }
th { background: #f2f2f2; vertical-align: bottom; }
th.text { text-align: left; }
th.group { text-align: center; border-left: 1px solid #ccc; }
td.first, th.first { border-left: 1px solid #ccc; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num, td.text { white-space: nowrap; }
td.key, th.key { position: sticky; left: 0; box-shadow: 1px 0 0 #ddd; }
td.key { z-index: 1; background: #fff; }
th.key { z-index: 3; }
tr.subtotal td, tr.total td { font-weight: bold; }
tr.subtotal td.key, tr.total td.key { background: #fafafa; }
tr.total td { border-top: 2px solid #333; }
.status-achieved { color: #1b7a1b; } .status-on-track { color: #1b5e7a; } .status-at-risk { color: #9a6a00; } .status-behind { color: #b00020; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 30rem), 1fr)); gap: 0 2.5rem; }
.chart { margin: 0; font-size: 0.8rem; }
.bar-row { display: grid; grid-template-columns: minmax(4.5rem, min(12rem, 35%)) minmax(3rem, 1fr) var(--value-width, 6ch); gap: 0.5rem; align-items: center; min-height: 1.3rem; }
.bar-label { text-align: right; overflow-wrap: anywhere; }
.bar-value { font-variant-numeric: tabular-nums; white-space: nowrap; }
.track { position: relative; height: 0.9rem; }
.bar, .seg, .mark, .axis { position: absolute; top: 0; bottom: 0; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
.bar { background: #2b6cb0; } .bar.negative { background: #c05621; }
.mark { width: 2px; margin-left: -1px; top: -0.15rem; bottom: -0.15rem; background: #111; }
.axis { width: 1px; background: #999; top: -0.2rem; bottom: -0.2rem; }
${STACK_COLOURS.map((c, i) => `.s${i} { background: ${c}; }`).join(' ')}
.stack-legend { list-style: none; padding: 0; margin: 0 0 0.5rem; display: flex; flex-wrap: wrap; gap: 0.3rem 1rem; font-size: 0.8rem; }
.swatch { display: inline-block; width: 0.8rem; height: 0.8rem; margin-right: 0.3rem; vertical-align: -0.1rem; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
.legend { font-weight: normal; font-size: 0.85rem; color: #555; }
.omitted { color: #555; font-style: italic; }
dl { display: grid; grid-template-columns: minmax(0, max-content) minmax(0, 1fr); gap: 0.1rem 1rem; font-size: 0.8rem; color: #333; max-width: 72rem; }
dt, dd { margin: 0; overflow-wrap: anywhere; }
dt.group { font-weight: bold; }
dt.d1 { padding-left: 1rem; } dt.d2 { padding-left: 2rem; } dt.d3 { padding-left: 3rem; }
@media (max-width: 40rem) { td.text { white-space: normal; } }
@page { size: A4 landscape; margin: 9mm; }
@media print {
  body { margin: 0; padding: 0; max-width: none; font-size: 8pt; line-height: 1.2; }
  h1 { font-size: 12pt; }
  h2 { font-size: 9.5pt; margin: 0.7rem 0 0.3rem; }
  p, .notes, dl { max-width: none; }
  .notes { padding: 0.15rem 0.5rem; margin: 0.4rem 0; }
  .table-wrap { overflow: visible; max-height: none; border: 0; width: auto; }
  table { font-size: 6.8pt; width: 100%; }
  th, td { padding: 0.05rem 0.25rem; }
  thead { display: table-header-group; }
  thead, td.key, th.key { position: static; box-shadow: none; }
  tr { break-inside: avoid; }
  .charts { grid-template-columns: 1fr 1fr; gap: 0 1.5rem; }
  .chart { font-size: 6.5pt; }
  .bar-row { min-height: 0; gap: 0.3rem; }
  .track { height: 0.55rem; }
  .chart-block { break-inside: avoid; }
  .stack-legend { font-size: 7pt; margin-bottom: 0.2rem; }
  dl { display: block; columns: 3; column-gap: 1.2rem; font-size: 6pt; line-height: 1.2; }
  dt { float: left; clear: left; width: 42%; padding-right: 0.4rem; break-inside: avoid; break-after: avoid; }
  dd { margin-left: 42%; break-before: avoid; break-inside: avoid; min-height: 1.2em; }
  .about h2 { margin-top: 0.4rem; }
}
`;

/**
 * The page a piece at a time: everything above the table, each row, then the cross-tab, the charts
 * and "about". The charts (at most 600 bars each) and their notes are made before the first piece.
 */
export function streamHtml(report: AnyReport, ctx: RenderContext): Streamed {
  const lang = ctx.lang;
  const stacked = report.crosstab ? stackedChart(report, report.crosstab, lang) : undefined;
  const charts = flatCharts(report, lang);
  return { chunks: htmlChunks(report, lang, stacked, charts), notes: [...(stacked?.notes ?? []), ...charts.notes] };
}

function* htmlChunks(report: AnyReport, lang: Lang, stacked: Section | undefined, charts: Section): Generator<string> {
  const cols = report.columns;
  const title = escapeHtml(report.title[lang]);
  yield `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${title}</title>
<style>${STYLE}${report.trend ? TREND_STYLE : ''}</style>
</head>
<body>
<h1>${title}</h1>
`;
  const facts = describeMeta(report.meta, lang);
  if (facts) yield `<p class="facts">${escapeHtml(facts)}</p>\n`;
  // Warnings (what changes what a number means) under their own heading, before the other notes.
  for (const section of noteSections(report.notes)) {
    yield `<section class="${section.kind === 'warning' ? 'notes warnings' : 'notes'}">\n<h2>${section.title[lang]}</h2>\n<ul>\n${section.notes.map((n) => `<li>${escapeHtml(n[lang])}</li>`).join('\n')}\n</ul>\n</section>\n`;
  }
  // The year at the top: the scope's line chart, above the table.
  const trend = report.trend;
  if (trend) yield trendSection(trend, lang, pathEstimates(report.totalsEstimated), report.legend?.[lang]);
  const sticky = stickyColumn(cols);
  // Each row's sparkline right after its keys, beside its name (on a phone too, where the table scrolls).
  const spark = trend ? sparkColumn(report) : -1;
  const sparkHead = trend ? `<th class="text spark-cell" scope="col">${escapeHtml(sparklineHeader(trend.months, lang))}</th>` : '';
  const head = cols.map((c, i) => `<th class="${isTextKind(c.kind) ? 'text' : 'num'}${i === sticky ? ' key' : ''}" scope="col">${escapeHtml(c.label[lang])}</th>${i === spark ? sparkHead : ''}`).join('');
  yield `<div class="table-wrap" role="region" tabindex="0" aria-label="${title}">\n<table>\n<thead><tr>${spark < 0 ? sparkHead : ''}${head}</tr></thead>\n<tbody>\n`;
  // Each column's class and formatter, resolved once for every row.
  const base = cols.map((c, i) => (isTextKind(c.kind) ? 'text' : 'num') + (i === sticky ? ' key' : ''));
  const open = base.map((b) => `<td class="${b}">`);
  const format = cols.map((c) => humanFormatter(c.kind, lang));
  const keys = cols.map((c) => c.key);
  for (const row of eachRowCells(report, keys)) {
    let cells = '';
    const sparkCell = trend ? `<td class="spark-cell">${sparklineSvg(row.series, trend.months, lang)}</td>` : '';
    if (spark < 0) cells += sparkCell;
    const values = row.cells;
    const estimated = row.estimated;
    for (let i = 0; i < cols.length; i++) {
      const v = values[i]!;
      const text = escapeHtml(markEstimate(format[i]!(v), estimated !== undefined && estimated.includes(keys[i]!)));
      cells += cols[i]!.kind === 'status' && typeof v === 'string' ? `<td class="${base[i]} status-${v.replace(/[^a-z-]/g, '')}">${text}</td>` : open[i] + text + '</td>';
      if (i === spark) cells += sparkCell;
    }
    yield `<tr class="${row.level}">${cells}</tr>\n`;
  }
  yield '</tbody>\n</table>\n</div>\n';
  if (report.legend) yield `<p class="legend">${escapeHtml(report.legend[lang])}</p>\n`; // issue 19: what the * means
  if (report.crosstab) {
    yield `<section class="block">\n<h2>${escapeHtml(report.crosstab.title[lang])}</h2>\n${crossTabTable(report.crosstab, lang)}\n</section>\n`;
    yield stacked?.html ?? '';
  }
  if (charts.html) yield `<div class="charts">\n${charts.html}</div>\n`;
  yield `<section class="about">\n<h2>${SECTION.about[lang]}</h2>\n<dl>\n${metaList(report, lang)}\n</dl>\n</section>\n</body>\n</html>\n`;
}
