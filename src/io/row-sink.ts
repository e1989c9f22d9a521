// The contract between the format readers (CSV scanner, JSON rows, xlsx rows) and the typed-row layer.
// A reader knows the syntax of its format and where every cell is; it knows nothing of what the columns
// mean. It reports syntax problems itself (into the ProblemList it is given) and hands every header
// name and data row to the sink, in order, as it reads (nothing is accumulated: memory stays flat).

/** A raw cell: CSV gives strings; JSON and xlsx also give numbers, booleans and null. */
export type Cell = string | number | boolean | null;

/** Where a cell is: line (CSV/JSON line, xlsx sheet row) and 1-based column (character, or xlsx column). */
export interface CellPlace {
  readonly line: number;
  readonly column: number;
}

export interface RowSink {
  /**
   * A column of the table. CSV and xlsx announce every column once, at the header, in order. JSON
   * announces a key the first time it is seen (its index is the next free one), so a key first seen
   * in a later object means the earlier rows did not have it.
   */
  column(name: string, index: number, place: CellPlace): void;
  /**
   * One data row. `cells[i]` belongs to column i; `undefined` means the row has no such key (JSON
   * only; CSV and xlsx rows always have every column). `places[i]` is where cell i is. `line` is where
   * the row starts. `clean`: the reader found no control character (CONTROL below) in any text the row
   * came from, so no cell of it needs to be searched for one (a CSV reader tests each chunk of the file
   * at once); absent or false, every text cell is searched. `refused`: the cells (by index) the reader
   * has refused itself (an xlsx error value or formula without a result, a merged count, a Parquet NaN,
   * a JSON nested value), already said with their place: the row is refused, and those cells get no
   * second problem ("is empty", "the row has no …"), so that one bad cell is one problem.
   */
  row(cells: readonly (Cell | undefined)[], line: number, places: readonly (CellPlace | undefined)[], clean?: boolean, refused?: readonly number[]): void;
  /**
   * Does the load read column `index` (JSON: a nested value in a column it does not read is no problem,
   * as Parquet reads only the columns it uses)? Absent: every column is read.
   */
  reads?(index: number): boolean;
  /** A blank line or an all-empty row, skipped. */
  blank?(line: number): void;
  /**
   * What the file says about its columns outside them (JSON: the tool's own report's `meta.denominator`,
   * which names what its rows' `denominator` is, and `meta.codeSystem`, the code system of its province
   * codes, `meta.period`, the month of its rows, and `meta.scope.kind`, the areas it is of). Told before the rows it concerns, when the file has it there.
   */
  declare?(what: 'denominator' | 'codeSystem' | 'period' | 'scope' | 'scopeName' | 'scopeArea' | 'scopeAreas' | 'scopeOf', value: string, place: CellPlace): void;
}

/**
 * The control characters a cell may not hold (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, U+007F): TAB,
 * LF and CR are text. `hasControl` is the same set as a loop, which beats the pattern on short cells;
 * test/io/row-sink.test.ts checks that the two agree on every UTF-16 code unit.
 */
// eslint-disable-next-line no-control-regex
export const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function hasControl(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127) return true;
  }
  return false;
}

/** The facts a reader learns about its source. */
export interface ReaderFacts {
  readonly format: 'csv' | 'json' | 'xlsx' | 'parquet';
  readonly delimiter?: string;
  readonly sheet?: string;
  /** xlsx: the sheet row the header was found on. */
  readonly headerRow?: number;
}

/** The text encodings the tool reads (decided by BOM, zero bytes, or --encoding). */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
