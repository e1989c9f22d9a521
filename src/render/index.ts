// The registry of output formats. `satisfies Record<Format, Renderer>` means a format cannot be
// half-added: naming it in FORMATS without a renderer does not compile. Each renderer is loaded on
// use, so that `--help` and commands that fail early pay nothing for chalk, cli-table3 or the
// workbook writer (measured in bench/startup.js).

import type { Renderer } from './context.js';

export const FORMATS = ['table', 'csv', 'tsv', 'json', 'jsonl', 'md', 'xlsx', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export const RENDERERS = {
  table: async (report, ctx) => (await import('./table.js')).renderTable(report, ctx),
  csv: async (report, ctx) => (await import('./csv.js')).renderCsv(report, ctx),
  tsv: async (report, ctx) => (await import('./csv.js')).renderTsv(report, ctx),
  json: async (report) => (await import('./json.js')).renderJson(report),
  jsonl: async (report) => (await import('./json.js')).renderJsonl(report),
  md: async (report, ctx) => (await import('./markdown.js')).renderMarkdown(report, ctx),
  xlsx: async (report, ctx) => (await import('./xlsx.js')).renderXlsx(report, ctx),
  html: async (report, ctx) => (await import('./html.js')).renderHtml(report, ctx),
} satisfies Record<Format, Renderer>;

/** Formats that are bytes for a file rather than text for a terminal. */
export const BINARY_FORMATS: ReadonlySet<Format> = new Set(['xlsx']);
