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
   * the row starts.
   */
  row(cells: readonly (Cell | undefined)[], line: number, places: readonly (CellPlace | undefined)[]): void;
  /** A blank line or an all-empty row, skipped. */
  blank?(line: number): void;
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
