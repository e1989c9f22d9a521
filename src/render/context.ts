import type { Lang } from './model.js';

export type CsvDialect = 'rfc4180' | 'excel-id';

export interface RenderContext {
  readonly lang: Lang;
  /** Colour escapes allowed (decided once, from --color, NO_COLOR, FORCE_COLOR and the TTY). */
  readonly color: boolean;
  /** Draw a bar per row in the terminal table. */
  readonly chart: boolean;
  readonly csvDialect: CsvDialect;
}

export type Renderer = (report: import('./model.js').Report, ctx: RenderContext) => Promise<string | Uint8Array> | string | Uint8Array;
