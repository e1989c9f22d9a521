import type { Lang, Report } from '../report/model.js';

export type CsvDialect = 'rfc4180' | 'excel-id';

export interface RenderContext {
  readonly lang: Lang;
  /** Colour escapes allowed (decided once, from --color, NO_COLOR, FORCE_COLOR and the TTY). */
  readonly color: boolean;
  /** Draw a bar per row in the terminal table. */
  readonly chart: boolean;
  readonly csvDialect: CsvDialect;
  /**
   * The terminal's width in characters (`process.stdout.columns`), given only when the table goes to a
   * terminal. Unset: the table is drawn at its natural width (a pipe or a file has no width).
   */
  readonly columns?: number;
  /** --wide: show every column even when the table is wider than the terminal. Unset: false. */
  readonly wide?: boolean;
}

/** Something a renderer did that people should know (one line on stderr, unless --quiet). */
export interface RenderNote {
  /** Stable, for scripts and tests: 'table-columns-dropped', 'html-chart-omitted'. */
  readonly code: string;
  readonly en: string;
  readonly id: string;
}

/** A renderer's output, and what it left out (the command prints each note once). */
export interface Rendered {
  /** Text; bytes for xlsx, and for text too large for one JavaScript string. */
  readonly output: string | Uint8Array;
  readonly notes: readonly RenderNote[];
}

export type Renderer = (report: Report, ctx: RenderContext) => Promise<string | Uint8Array> | string | Uint8Array;
