// Markdown: a table ready to paste into a report, labels and numbers in --lang, totals row in bold.
// Text is escaped so that nothing in a cell becomes a link, HTML or a table break.

import type { RenderContext } from './context.js';
import { formatHuman } from './format.js';
import type { Report } from './model.js';
import { allRows } from './rows.js';

/** Escape what Markdown would interpret; a leading formula character in text is escaped too. */
function escapeMd(text: string, isText: boolean): string {
  const escaped = text.replace(/[\\`*_[\]<>|]/g, (ch) => `\\${ch}`).replace(/\r?\n/g, ' ');
  return isText ? escaped.replace(/^([=+\-@#])/, '\\$1').replace(/\(/g, '\\(') : escaped;
}

export function renderMarkdown(report: Report, ctx: RenderContext): string {
  const cols = report.columns;
  const numeric = (kind: string): boolean => kind !== 'text' && kind !== 'status';
  const lines: string[] = [`## ${report.title[ctx.lang]}`, ''];
  lines.push(`| ${cols.map((c) => escapeMd(c.label[ctx.lang], true)).join(' | ')} |`);
  lines.push(`|${cols.map((c) => (numeric(c.kind) ? ' ---: ' : ' --- ')).join('|')}|`);
  for (const row of allRows(report)) {
    const cells = cols.map((c) => escapeMd(formatHuman(row.values[c.key] ?? null, c.kind, ctx.lang), !numeric(c.kind)));
    lines.push(`| ${row.level === 'detail' ? cells.join(' | ') : cells.map((x) => (x && x !== '–' ? `**${x}**` : x)).join(' | ')} |`);
  }
  return lines.join('\n') + '\n';
}
