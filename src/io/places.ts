// Places in messages: "file:line", or a cell of a workbook ("book.xlsx:Sheet1!A7").

import type { Table } from '../core/table.js';
import { xlsxCellName } from './cell-name.js';

/** Where a row is, as a message place ("file:line", or "book.xlsx:Sheet1!A7"). */
export function rowPlace(table: Table, src: number, line: number, lang: 'id' | 'en' = 'en'): string {
  const s = table.sources[src];
  if (!s) return `${lang === 'id' ? 'baris' : 'line'} ${line}`;
  return s.sheet ? `${s.name}:${xlsxCellName(s.sheet, line, 1)}` : `${s.name}:${line}`;
}
