// The terminal table: labels and numbers in --lang, numbers right-aligned, a totals row, the status
// coloured only when colour is on (cli-table3's own styles are switched off: they would put escape
// codes into pipes). --chart adds a bar per row: coverage, with the target marked.

import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { RenderContext } from './context.js';
import { describeMeta, formatHuman } from './format.js';
import type { Report, Value } from './model.js';
import { allRows } from './rows.js';

const BAR_WIDTH = 20;

export function bar(value: number | null, target: number | null, width = BAR_WIDTH): string {
  if (value === null || !Number.isFinite(value)) return '';
  const scale = Math.max(1, value, target ?? 0);
  const filled = Math.round((Math.max(0, value) / scale) * width);
  const cells: string[] = Array.from({ length: width }, (_, i) => (i < filled ? '█' : '░'));
  if (target !== null && Number.isFinite(target)) {
    const at = Math.min(width - 1, Math.max(0, Math.round((target / scale) * width) - 1));
    cells[at] = '│';
  }
  return cells.join('');
}

export function renderTable(report: Report, ctx: RenderContext): string {
  const chalk = new Chalk({ level: ctx.color ? 1 : 0 });
  const statusColour: Record<string, (s: string) => string> = {
    achieved: chalk.green,
    'on-track': chalk.cyan,
    'at-risk': chalk.yellow,
    behind: chalk.red,
  };
  const cols = report.columns;
  const chart = ctx.chart && report.chart;
  const head = cols.map((c) => c.label[ctx.lang]);
  if (chart) head.push(ctx.lang === 'id' ? 'cakupan vs target' : 'coverage vs target');
  const table = new Table({
    head: head.map((h) => chalk.bold(h)),
    style: { head: [], border: [], compact: true, 'padding-left': 1, 'padding-right': 1 },
    colAligns: [...cols.map((c) => (c.kind === 'text' || c.kind === 'status' ? 'left' : 'right')), ...(chart ? ['left' as const] : [])],
  });
  for (const row of allRows(report)) {
    const cells = cols.map((c) => {
      const text = formatHuman(row.values[c.key] ?? null, c.kind, ctx.lang);
      const v = row.values[c.key];
      if (c.kind === 'status' && typeof v === 'string' && statusColour[v]) return statusColour[v]!(text);
      return row.level === 'detail' ? text : chalk.bold(text);
    });
    if (chart && report.chart) {
      const num = (v: Value | undefined): number | null => (typeof v === 'number' ? v : null);
      cells.push(bar(num(row.values[report.chart.value]), report.chart.target ? num(row.values[report.chart.target]) : null));
    }
    table.push(cells);
  }
  const meta = report.meta as Record<string, unknown>;
  const lines = [chalk.bold(report.title[ctx.lang])];
  const facts = describeMeta(meta, ctx.lang);
  if (facts) lines.push(facts);
  lines.push(table.toString());
  return lines.join('\n') + '\n';
}
