// One self-contained HTML file: no scripts, no external assets, nothing from the network. Title,
// period and method, the table, and two SVG charts (coverage per area as sorted horizontal bars with
// the target marked, and the gap per area). Every interpolated string is escaped. Prints cleanly.

import type { RenderContext } from './context.js';
import { describeMeta, formatHuman } from './format.js';
import type { Report, Value } from './model.js';
import { allRows } from './rows.js';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

const num = (v: Value | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function barChart(
  items: { label: string; value: number; mark: number | null; text: string }[],
  opts: { title: string; signed: boolean; id: string },
): string {
  const rowH = 22;
  const labelW = 190;
  const plotW = 480;
  const textW = 110;
  const width = labelW + plotW + textW;
  const height = items.length * rowH + 30;
  const max = Math.max(...items.map((i) => Math.abs(i.value)), ...items.map((i) => i.mark ?? 0), opts.signed ? 1 : 1e-9);
  const zero = opts.signed && items.some((i) => i.value < 0) ? labelW + plotW / 2 : labelW;
  const span = opts.signed && items.some((i) => i.value < 0) ? plotW / 2 : plotW;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="${opts.id}" role="img" aria-label="${escapeHtml(opts.title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`);
  parts.push(`<title>${escapeHtml(opts.title)}</title>`);
  items.forEach((it, k) => {
    const y = 20 + k * rowH;
    const w = (Math.abs(it.value) / max) * span;
    const x = it.value < 0 ? zero - w : zero;
    parts.push(`<text x="${labelW - 6}" y="${y + 14}" text-anchor="end" class="label">${escapeHtml(it.label)}</text>`);
    parts.push(`<rect class="bar${it.value < 0 ? ' negative' : ''}" x="${x.toFixed(1)}" y="${y + 3}" width="${Math.max(w, 0.5).toFixed(1)}" height="${rowH - 8}"><title>${escapeHtml(it.label)}: ${escapeHtml(it.text)}</title></rect>`);
    if (it.mark !== null) {
      const mx = zero + (it.mark / max) * span;
      parts.push(`<line class="target" x1="${mx.toFixed(1)}" x2="${mx.toFixed(1)}" y1="${y}" y2="${y + rowH - 2}"/>`);
    }
    parts.push(`<text x="${labelW + plotW + 6}" y="${y + 14}" class="value">${escapeHtml(it.text)}</text>`);
  });
  parts.push(`<line class="axis" x1="${zero}" x2="${zero}" y1="14" y2="${height - 8}"/>`);
  parts.push('</svg>');
  return parts.join('\n');
}

export function renderHtml(report: Report, ctx: RenderContext): string {
  const lang = ctx.lang;
  const L = (en: string, id: string): string => (lang === 'id' ? id : en);
  const cols = report.columns;
  const head = cols.map((c) => `<th class="${c.kind === 'text' || c.kind === 'status' ? 'text' : 'num'}">${escapeHtml(c.label[lang])}</th>`).join('');
  const body = allRows(report)
    .map((row) => {
      const cells = cols
        .map((c) => {
          const v = row.values[c.key] ?? null;
          const cls = [c.kind === 'text' || c.kind === 'status' ? 'text' : 'num', c.kind === 'status' && typeof v === 'string' ? `status-${v}` : ''].filter(Boolean).join(' ');
          return `<td class="${escapeHtml(cls)}">${escapeHtml(formatHuman(v, c.kind, lang))}</td>`;
        })
        .join('');
      return `<tr class="${row.level}">${cells}</tr>`;
    })
    .join('\n');
  let charts = '';
  if (report.chart) {
    const spec = report.chart;
    const valueCol = cols.find((c) => c.key === spec.value);
    const detail = report.rows.filter((r) => (r.level ?? 'detail') === 'detail');
    const items = detail
      .map((r) => ({
        label: String(r.values[spec.label] ?? ''),
        value: num(r.values[spec.value]) ?? 0,
        mark: spec.target ? num(r.values[spec.target]) : null,
        text: formatHuman(r.values[spec.value] ?? null, valueCol?.kind ?? 'pct', lang),
      }))
      .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
    charts += `<h2>${escapeHtml(valueCol?.label[lang] ?? spec.value)}${spec.target ? ` <span class="legend">(${L('line = target', 'garis = target')})</span>` : ''}</h2>\n`;
    charts += barChart(items, { title: valueCol?.label[lang] ?? spec.value, signed: false, id: 'chart-coverage' });
    if (spec.second) {
      const secondCol = cols.find((c) => c.key === spec.second);
      const gaps = detail
        .map((r) => ({ label: String(r.values[spec.label] ?? ''), value: num(r.values[spec.second!]) ?? 0, mark: null, text: formatHuman(r.values[spec.second!] ?? null, secondCol?.kind ?? 'int', lang) }))
        .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
      charts += `\n<h2>${escapeHtml(secondCol?.label[lang] ?? spec.second)}</h2>\n`;
      charts += barChart(gaps, { title: secondCol?.label[lang] ?? spec.second, signed: true, id: 'chart-second' });
    }
  }
  const facts = describeMeta(report.meta as Record<string, unknown>, lang);
  const metaList = Object.entries(report.meta)
    .filter(([, v]) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
    .map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(String(v))}</dd>`)
    .join('');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(report.title[lang])}</title>
<style>
body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 2rem; color: #1a1a1a; }
h1 { font-size: 1.4rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.1rem; margin-top: 2rem; }
.facts { color: #444; margin-top: 0; }
table { border-collapse: collapse; font-size: 0.85rem; }
th, td { border-bottom: 1px solid #ddd; padding: 0.25rem 0.5rem; }
th { background: #f2f2f2; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
tr.subtotal td, tr.total td { font-weight: bold; }
tr.total td { border-top: 2px solid #333; }
.status-achieved { color: #1b7a1b; } .status-on-track { color: #1b5e7a; } .status-at-risk { color: #9a6a00; } .status-behind { color: #b00020; }
svg.chart { display: block; max-width: 100%; height: auto; }
svg .bar { fill: #2b6cb0; } svg .bar.negative { fill: #c05621; }
svg .target { stroke: #111; stroke-width: 2; } svg .axis { stroke: #999; }
svg text { font-size: 12px; fill: #222; }
.legend { font-weight: normal; font-size: 0.85rem; color: #555; }
dl { display: grid; grid-template-columns: max-content auto; gap: 0.1rem 1rem; font-size: 0.8rem; color: #444; }
@media print { body { margin: 0.5cm; } table { font-size: 0.7rem; } h2 { break-before: auto; } svg.chart { break-inside: avoid; } }
</style>
</head>
<body>
<h1>${escapeHtml(report.title[lang])}</h1>
<p class="facts">${escapeHtml(facts)}</p>
<table>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
${charts}
<h2>${L('About this report', 'Tentang laporan ini')}</h2>
<dl>${metaList}</dl>
</body>
</html>
`;
}
