import type { Lang } from '../report/model.js';

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
  /**
   * The columns are the ones the user named (--fields): one left out to fit the terminal is then the
   * user's own request dropped, said as a warning (kept under --quiet; rv24 G10). Unset: false.
   */
  readonly fieldsNamed?: boolean;
  /** --wide: show every column even when the table is wider than the terminal. Unset: false. */
  readonly wide?: boolean;
  /**
   * A sparkline column (▁▂▃▄▅▆▇█, each row's participants month by month) in the terminal table of a
   * report with a trend: set only for a terminal that can show it (trend.ts sparklineTerminal). Unset: false.
   */
  readonly sparkline?: boolean;
}

/** Something a renderer did that people should know (one line on stderr, unless --quiet). */
export interface RenderNote {
  /** Stable, for scripts and tests: 'table-columns-dropped', 'html-chart-omitted'. */
  readonly code: string;
  readonly en: string;
  readonly id: string;
  /** It changes what the output shows (an answer column left out): said under --quiet too. */
  readonly warning?: boolean;
}

/** A piece of output: text (written as UTF-8) or bytes. */
export type Chunk = string | Uint8Array;

/**
 * A renderer's output as it is produced (issue 20: a million-row report is written row by row, never
 * held whole): chunks to write in order, read once, and the notes, known before the first chunk. The
 * chunks are made as they are read, so a renderer's work happens while its output is written.
 */
export interface Streamed {
  readonly chunks: Iterable<Chunk>;
  readonly notes: readonly RenderNote[];
}

/** A renderer's whole output, and what it left out (the command prints each note once). */
export interface Rendered {
  /** Text; bytes for xlsx, and for text too large for one JavaScript string. */
  readonly output: string | Uint8Array;
  readonly notes: readonly RenderNote[];
}
