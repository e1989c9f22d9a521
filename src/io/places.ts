// Places in messages: "file:line", or a cell of a workbook ("book.xlsx:Sheet1!A7").

import { clipValue } from '../core/clip.js';
import type { Table } from '../core/table.js';
import { xlsxCellName } from '../core/cell-name.js';

/** Where a row is, as a message place ("file:line", "book.xlsx:Sheet1!A7", "x.parquet:row 7"). */
export function rowPlace(table: Table, src: number, line: number, lang: 'id' | 'en' = 'en'): string {
  const s = table.sources[src];
  if (!s) return `${lang === 'id' ? 'baris' : 'line'} ${line}`;
  if (s.format === 'parquet') return `${s.name}:${lang === 'id' ? 'baris' : 'row'} ${line}`;
  return s.sheet ? `${s.name}:${xlsxCellName(s.sheet, line, 1)}` : `${s.name}:${line}`;
}

/** A cell of a Parquet file in messages: `x.parquet:row 7 (province)`; the column alone for line 0. */
export function parquetPlace(name: string, columns: readonly string[], line: number, column?: number): string {
  const col = column !== undefined && columns[column - 1] !== undefined ? ` (${clipValue(columns[column - 1]!)})` : '';
  return line >= 1 ? `${name}:row ${line}${col}` : `${name}${col}`;
}
