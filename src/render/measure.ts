// How wide a text is: in terminal cells (the table) and in spreadsheet column units (the workbook).

/** Terminal cells: combining marks take none, East Asian wide and fullwidth characters take two. */
export function displayWidth(text: string): number {
  // Most cells are printable ASCII: one cell per character (the fast path for a million rows).
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (/\p{M}/u.test(ch) || cp === 0x200b) continue;
    w += (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1faff) || (cp >= 0x20000 && cp <= 0x3fffd) ? 2 : 1;
  }
  return w;
}

// Advance widths of Arial (and Liberation Sans, which LibreOffice uses in its place: the two are
// metric-compatible), in 1/1000 em, for ASCII 32–126, regular and bold. These are the published font
// metrics (the same as Helvetica's AFM files). A spreadsheet column width counts widths of the
// digit "0" (556), so a text's width in column units is the sum of its advances / 556.
const REGULAR = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778,
  722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
const BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778,
  722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
  611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];
const DIGIT = 556;

/** A text's width in spreadsheet column units (widths of "0") in Arial; other characters as an "m" would be. */
export function sheetTextWidth(text: string, bold: boolean): number {
  const table = bold ? BOLD : REGULAR;
  let sum = 0;
  // Printable ASCII (most cells: numbers as shown, codes, names): straight from the table.
  if (/^[\x20-\x7e]*$/.test(text)) {
    for (let i = 0; i < text.length; i++) sum += table[text.charCodeAt(i) - 32]!;
    return sum / DIGIT;
  }
  for (const ch of text.normalize('NFD')) {
    const cp = ch.codePointAt(0)!;
    if (/\p{M}/u.test(ch)) continue;
    sum += cp >= 32 && cp <= 126 ? table[cp - 32]! : cp === 0x2013 || cp === 0x2212 ? 584 : 889;
  }
  return sum / DIGIT;
}
