// What a title above a sheet's or file's header says of a date (rv27 F6): the readers name the rows set
// aside, and the note says that a month (or, for --targets, a year) written there is not read.

// A month in a title above the header: labelled (Periode, Bulan), a month's name and a year (Indonesian,
// with its older spellings, English, or short: "Data per Juni 2024", "Pebruari 2024", "Des 2024",
// "Juni-2024", "Juni, 2024", "Jun-24", "Juni'24"), or digits ("2024-06", "06/2024").
const MONTH_NAMES = 'januari|january|februari|pebruari|february|maret|march|april|mei|may|juni|june|juli|july|agustus|august|september|oktober|october|november|nopember|desember|december|jan|feb|peb|mar|apr|jun|jul|agu|agt|agust|aug|sep|sept|okt|oct|nov|nop|des|dec';
const TITLE_MONTH = new RegExp(
  `^\\s*(periode|period|bulan)\\b|\\b(${MONTH_NAMES})\\.?(\\s*[-,'’]\\s*|\\s+)(19|20)\\d\\d\\b|\\b(${MONTH_NAMES})\\.?\\s*[-'’]\\s*\\d\\d\\b|\\b(19|20)\\d\\d[-/.](0?[1-9]|1[0-2])\\b|\\b(0?[1-9]|1[0-2])[-/.](19|20)\\d\\d\\b`,
  'i',
);
const TITLE_YEAR = /\b(19|20)\d\d\b/;

// A print date is not the data's month (rv29 S5): "Dicetak 2026-07-03", "Tanggal cetak: 3 Juli 2026",
// "Printed 03/07/2026" — the rest of the cell after the word is left out of the search.
const PRINTED = /\b(di)?cetak\b[^|]*|\bprint(ed)?\b[^|]*|\b(di)?unduh\b[^|]*|\bdownload(ed)?\b[^|]*|\bgenerated\b[^|]*/gi;
// A date with its day (2026-07-03, 03/07/2026, 3 Juli 2026) is a day: the data's month only where a
// label says the data stand at it ("Posisi 31 Des. 2024", "per 30 Juni 2024", "as of …"); otherwise
// (a print or a signing date: "Gorontalo, 3 Juli 2026") it is left out. Warning: don't take every day's
// month, "Jakarta, 3 Juli 2026" under June's table would invite --period 2026-07.
const DAY_DATE = new RegExp(
  `(\\b(posisi|per|as\\s+(of|at)|keadaan|kondisi|s\\.?\\s*d\\.?|sampai(\\s+dengan)?|hingga|until|through|periode|period)\\s*:?\\s*)?` +
    `(\\b(19|20)\\d\\d[-/.](0?[1-9]|1[0-2])[-/.](0?[1-9]|[12]\\d|3[01])\\b|\\b(0?[1-9]|[12]\\d|3[01])[-/.](0?[1-9]|1[0-2])[-/.](19|20)\\d\\d\\b|\\b(0?[1-9]|[12]\\d|3[01])\\s+(${MONTH_NAMES})\\.?,?\\s+(19|20)\\d\\d\\b)`,
  'gi',
);

/** The text with its print dates and unlabelled days left out: what may say the data's month. */
function dataDates(text: string): string {
  return text.replace(PRINTED, ' ').replace(DAY_DATE, (all: string, label: string | undefined) => (label ? all : ' '));
}

/**
 * What the rows above a header say of a date: a month (and whether the header has a period column), or a year alone.
 * Example: [{ text: 'Data per Juni 2024' }] → { period: 'none' }; [{ text: 'Target Tahun 2025' }] → { year: true };
 * [{ text: 'Dicetak 2026-07-03' }] → {} (a print date).
 */
export function titleDate(above: readonly { readonly text: string }[], periodColumn: boolean): { period?: 'column' | 'none'; year?: true } {
  const texts = above.map((r) => dataDates(r.text));
  if (texts.some((t) => TITLE_MONTH.test(t))) return { period: periodColumn ? 'column' : 'none' };
  return texts.some((t) => TITLE_YEAR.test(t)) ? { year: true } : {};
}
