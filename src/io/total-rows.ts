// Total rows in data files: the "Jumlah" or "Total" row at the bottom of an Excel table, in any key
// column. They are not data (their numbers are the sum of the rows above), so they are left out — said
// in a note, and checked against those rows where that is possible (see TypedRows and FileFold).
//
// What counts as a total (after case, accents, spaces and punctuation are set aside):
// - a grand total: total, jumlah, grand total, total/jumlah keseluruhan, jumlah total, total jumlah,
//   total/jumlah seluruhnya, total/jumlah nasional, nasional, indonesia, total/jumlah indonesia. It totals
//   the rows of its file that agree with it on its other (non-empty) key cells, and is checked against
//   them: BPS and Disnaker tables end with such a row ("INDONESIA", "Jumlah"). So too a total whose
//   words name the whole of the file's areas: "Total Kanwil", "Jumlah Provinsi", "Jumlah 8 Provinsi",
//   "Total Wilayah", "Jumlah Kabupaten/Kota" (WHOLE below).
// - a subtotal: any other label that starts with total, jumlah, subtotal or sub total ("Total Kanwil
//   Sulawesi Maluku", "Jumlah Kab. Gorontalo"). Which rows it totals is in its words, not in its keys:
//   words that name a regional office or a province are checked against its provinces' rows (TypedRows
//   areaNamed, rv28 R10), "Jumlah Kabupaten" / "Jumlah Kota" against the rows of that type (fx52); others
//   are left out without a check (the note says so).
// A province, regency or segment never has such a name, and a free-text key (a sector, a branch) that
// reads "Total" is a total row in every table we have seen; the tool's own outputs mark their total rows
// in a `level` column instead, which is read first.

const GRAND = new Set([
  'total',
  'jumlah',
  'grand total',
  'total keseluruhan',
  'jumlah keseluruhan',
  'jumlah total',
  'total jumlah',
  'total seluruhnya',
  'jumlah seluruhnya',
  'total nasional',
  'jumlah nasional',
  'nasional',
  'indonesia',
  'total indonesia',
  'jumlah indonesia',
]);

// A total whose words name the file's whole, not one of its areas (rv32 W6): "Total Kanwil" under a
// Kanwil's provinces, "Jumlah Provinsi", "Jumlah 8 Provinsi", "Total Wilayah", "Jumlah Seluruh Provinsi",
// "Jumlah Kabupaten/Kota". A grand total, checked against every row (as "Jumlah" is): left unchecked,
// every monthly run of such a file warned. "Jumlah Kabupaten" or "Jumlah Kota" alone totals some rows
// only (a BPS regency table's subtotals): a subtotal, checked against the kabupaten or kota rows in a
// file with a regency column (TypedRows areaNamed, fx52).
const WHOLE = /^(total|jumlah|grand total)( (seluruh|semua|se))?( \d+)? (provinsi|kanwil|kantor wilayah|wilayah|kabupaten kota|kab kota|kabupaten dan kota)$/;

const SUB = /^(total|jumlah|subtotal|sub total) \S/;

/** 'grand' or 'sub' when a key cell names a total row, else undefined. Cheap for ordinary values. */
export function totalKind(raw: string): 'grand' | 'sub' | undefined {
  const t = raw.trim();
  if (t.length < 5 || t.length > 80) return undefined;
  const c = t.charCodeAt(0) | 0x20;
  // total, jumlah, subtotal, sub total, grand total, nasional, indonesia
  if (c !== 0x74 && c !== 0x6a && c !== 0x73 && c !== 0x67 && c !== 0x6e && c !== 0x69) return undefined;
  const n = t
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (GRAND.has(n) || WHOLE.test(n)) return 'grand';
  return SUB.test(n) ? 'sub' : undefined;
}
