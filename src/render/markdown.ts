// Markdown: a table ready to paste into a report, labels and numbers in --lang, totals row in bold;
// the cross-tab of a matrix as a second table, and the report's notes as a list.
// Text is escaped so that nothing in a cell becomes a link, HTML or a table break.

import type { RenderContext, Streamed } from './context.js';
import { crossTabCell, crossTabMarked, crossTabValueColumns, flatLabel } from './crosstab.js';
import { formatHuman, humanFormatter } from './format.js';
import { noteSections } from './meta.js';
import type { AnyReport } from '../report/model.js';
import { cellValue, eachRowCells, isTextKind, markEstimate } from './rows.js';

/** Escape what Markdown would interpret; a leading formula character in text is escaped too. */
function escapeMd(text: string, isText: boolean): string {
  const escaped = text.replace(/[\\`*_[\]<>|]/g, (ch) => `\\${ch}`).replace(/\r?\n/g, ' ');
  return isText ? escaped.replace(/^([=+\-@#])/, '\\$1').replace(/\(/g, '\\(') : escaped;
}

const bold = (cells: string[]): string[] => cells.map((x) => (x && x !== '–' ? `**${x}**` : x));

function* markdownChunks(report: AnyReport, ctx: RenderContext): Generator<string> {
  const lang = ctx.lang;
  const cols = report.columns;
  yield `## ${escapeMd(report.title[lang], false)}\n\n`;
  yield `| ${cols.map((c) => escapeMd(c.label[lang], true)).join(' | ')} |\n`;
  yield `|${cols.map((c) => (isTextKind(c.kind) ? ' --- ' : ' ---: ')).join('|')}|\n`;
  const keys = cols.map((c) => c.key);
  const format = cols.map((c) => humanFormatter(c.kind, lang));
  const text = cols.map((c) => isTextKind(c.kind));
  for (const row of eachRowCells(report, keys)) {
    const cells = cols.map((_c, j) => escapeMd(markEstimate(format[j]!(row.cells[j]!), row.estimated !== undefined && row.estimated.includes(keys[j]!)), text[j]!));
    yield `| ${(row.level === 'detail' ? cells : bold(cells)).join(' | ')} |\n`;
  }
  if (report.legend) yield `\n${escapeMd(report.legend[lang], false)}\n`; // issue 19: what the * means
  const ct = report.crosstab;
  if (ct) {
    const values = crossTabValueColumns(ct);
    yield `\n### ${escapeMd(ct.title[lang], false)}\n\n`;
    yield `| ${ct.rowHeader.map((c) => escapeMd(c.label[lang], true)).concat(values.map((v) => escapeMd(flatLabel(v, lang), true))).join(' | ')} |\n`;
    yield `|${ct.rowHeader.map(() => ' --- ').concat(values.map(() => ' ---: ')).join('|')}|\n`;
    for (const row of ct.rows) {
      const cells = ct.rowHeader
        .map((c) => escapeMd(formatHuman(cellValue(row.header, c.key), c.kind, lang), isTextKind(c.kind)))
        .concat(values.map((v) => escapeMd(markEstimate(formatHuman(crossTabCell(row.cells, v), v.kind, lang), crossTabMarked(ct, row, v)), false)));
      yield `| ${(row.level === 'detail' ? cells : bold(cells)).join(' | ')} |\n`;
    }
  }
  // Warnings (what changes what a number means) under their own heading, before the other notes.
  for (const section of noteSections(report.notes)) {
    yield `\n**${section.title[lang]}**\n\n`;
    for (const n of section.notes) yield `- ${escapeMd(n[lang], false)}\n`;
  }
}

export const streamMarkdown = (report: AnyReport, ctx: RenderContext): Streamed => ({ chunks: markdownChunks(report, ctx), notes: [] });
