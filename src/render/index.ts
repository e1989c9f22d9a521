// The registry of output formats. `satisfies Record<Format, Renderer>` means a format cannot be
// half-added: naming it in FORMATS without a renderer does not compile.

import type { Renderer } from './context.js';
import { renderCsv, renderTsv } from './csv.js';
import { renderJson, renderJsonl } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderTable } from './table.js';

export const FORMATS = ['table', 'csv', 'tsv', 'json', 'jsonl', 'md', 'xlsx', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export const RENDERERS = {
  table: renderTable,
  csv: renderCsv,
  tsv: renderTsv,
  json: renderJson,
  jsonl: renderJsonl,
  md: renderMarkdown,
  // Loaded on use: the workbook writer and the HTML template are not needed for a terminal table.
  xlsx: async (report, ctx) => (await import('./xlsx.js')).renderXlsx(report, ctx),
  html: async (report, ctx) => (await import('./html.js')).renderHtml(report, ctx),
} satisfies Record<Format, Renderer>;

/** Formats that are bytes for a file rather than text for a terminal. */
export const BINARY_FORMATS: ReadonlySet<Format> = new Set(['xlsx']);
