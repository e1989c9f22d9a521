// The registry of output formats. `satisfies Record<Format, …>` means a format cannot be half-added:
// naming it in FORMATS without a renderer does not compile. Each renderer is loaded on use, so that
// `--help` and commands that fail early pay nothing for chalk or the workbook writer (measured in
// bench/startup.js).
//
// render() gives the output and the renderer's notes (columns dropped to fit the terminal, a chart
// left out): the command prints each note once on stderr. RENDERERS gives the output alone.

import type { RenderContext, Rendered, Renderer } from './context.js';
import type { Report } from '../report/model.js';

export const FORMATS = ['table', 'csv', 'tsv', 'json', 'jsonl', 'md', 'xlsx', 'html'] as const;
export type Format = (typeof FORMATS)[number];

const plain = (output: string | Uint8Array): Rendered => ({ output, notes: [] });

const RENDER = {
  table: async (report, ctx) => (await import('./table.js')).renderTableWithNotes(report, ctx),
  csv: async (report, ctx) => plain((await import('./csv.js')).renderCsv(report, ctx)),
  tsv: async (report, ctx) => plain((await import('./csv.js')).renderTsv(report, ctx)),
  json: async (report) => plain((await import('./json.js')).renderJson(report)),
  jsonl: async (report) => plain((await import('./json.js')).renderJsonl(report)),
  md: async (report, ctx) => plain((await import('./markdown.js')).renderMarkdown(report, ctx)),
  xlsx: async (report, ctx) => (await import('./xlsx.js')).renderXlsxWithNotes(report, ctx),
  html: async (report, ctx) => (await import('./html.js')).renderHtmlWithNotes(report, ctx),
} satisfies Record<Format, (report: Report, ctx: RenderContext) => Promise<Rendered>>;

/** Render a report in a format: the output, and notes for stderr. */
export function render(format: Format, report: Report, ctx: RenderContext): Promise<Rendered> {
  return RENDER[format](report, ctx);
}

export const RENDERERS = Object.fromEntries(FORMATS.map((f) => [f, async (report: Report, ctx: RenderContext) => (await RENDER[f](report, ctx)).output])) as Record<Format, Renderer>;

/** Formats that are bytes for a file rather than text for a terminal. */
export const BINARY_FORMATS: ReadonlySet<Format> = new Set(['xlsx']);
