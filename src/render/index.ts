// The registry of output formats. `satisfies Record<Format, …>` means a format cannot be half-added:
// naming it in FORMATS (output-formats.ts) without a renderer does not compile. Each renderer is loaded
// on use, so that `--help` and commands that fail early pay nothing for chalk or the workbook writer
// (measured in bench/startup.js).
//
// stream() gives the output as it is produced (chunks, written by io/output.ts as they come: a
// million-row report is never held whole) and the renderer's notes (columns dropped to fit the
// terminal, a chart left out), known before the first chunk: the command prints each note once on
// stderr. render() gives the same output gathered whole (the library, the tests).

import { collectChunks } from './chunks.js';
import type { RenderContext, Rendered, Streamed } from './context.js';
import type { AnyReport } from '../report/model.js';
import type { Format } from './output-formats.js';

export { BINARY_FORMATS, FORMATS, type Format } from './output-formats.js';

const STREAM = {
  table: async (report, ctx) => (await import('./table.js')).streamTable(report, ctx),
  csv: async (report, ctx) => (await import('./csv.js')).streamCsv(report, ctx),
  tsv: async (report, ctx) => (await import('./csv.js')).streamTsv(report, ctx),
  json: async (report) => (await import('./json.js')).streamJson(report),
  jsonl: async (report) => (await import('./json.js')).streamJsonl(report),
  md: async (report, ctx) => (await import('./markdown.js')).streamMarkdown(report, ctx),
  xlsx: async (report, ctx) => (await import('./xlsx.js')).streamXlsx(report, ctx),
  html: async (report, ctx) => (await import('./html.js')).streamHtml(report, ctx),
} satisfies Record<Format, (report: AnyReport, ctx: RenderContext) => Promise<Streamed>>;

/**
 * A report in a format, as it is produced: what can be refused (an xlsx of too many rows) is refused
 * here, and measuring passes are made here; the chunks do the rest of the work as they are read.
 */
export function stream(format: Format, report: AnyReport, ctx: RenderContext): Promise<Streamed> {
  return STREAM[format](report, ctx);
}

/** Render a report in a format: the whole output, and notes for stderr. */
export async function render(format: Format, report: AnyReport, ctx: RenderContext): Promise<Rendered> {
  const s = await stream(format, report, ctx);
  return { output: collectChunks(s.chunks), notes: s.notes };
}
