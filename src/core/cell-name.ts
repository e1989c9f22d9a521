// How Excel names a cell: Sheet1!B7 (a sheet name with spaces or that looks like a cell is quoted).

/**
 * The name Excel shows for a cell: `Sheet1!B7`, or `'Data Juni'!B7` when the sheet name needs quotes
 * (anything but letters, digits, `_` and `.`; a leading digit; a name that reads as a cell reference).
 * An apostrophe in a quoted name is doubled, as Excel writes it.
 */
export function xlsxCellName(sheet: string, row: number, column: number): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) && !/^[A-Za-z]{1,3}[0-9]+$/.test(sheet) && !/^[Rr][0-9]*([Cc][0-9]*)?$/.test(sheet);
  const name = plain ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${columnLetters(column)}${row}`;
}

/** 1 → A, 26 → Z, 27 → AA, 16384 → XFD. */
export function columnLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

