// What a title above a sheet's or file's header says of a date (rv27 F6): the readers name the rows set
// aside, and the note says that a month (or, for --targets, a year) written there is not read.

// A month in a title above the header: labelled (Periode, Bulan), a month's name and a year (Indonesian,
// English, or short: "Data per Juni 2024", "Des 2024"), or digits ("2024-06", "06/2024").
const MONTH_NAMES = 'januari|january|februari|february|maret|march|april|mei|may|juni|june|juli|july|agustus|august|september|oktober|october|november|nopember|desember|december|jan|feb|mar|apr|jun|jul|agu|agt|aug|sep|sept|okt|oct|nov|des|dec';
const TITLE_MONTH = new RegExp(`^\\s*(periode|period|bulan)\\b|\\b(${MONTH_NAMES})\\.?\\s+(19|20)\\d\\d\\b|\\b(19|20)\\d\\d[-/.](0?[1-9]|1[0-2])\\b|\\b(0?[1-9]|1[0-2])[-/.](19|20)\\d\\d\\b`, 'i');
const TITLE_YEAR = /\b(19|20)\d\d\b/;

/**
 * What the rows above a header say of a date: a month (and whether the header has a period column), or a year alone.
 * Example: [{ text: 'Data per Juni 2024' }] → { period: 'none' }; [{ text: 'Target Tahun 2025' }] → { year: true }.
 */
export function titleDate(above: readonly { readonly text: string }[], periodColumn: boolean): { period?: 'column' | 'none'; year?: true } {
  if (above.some((r) => TITLE_MONTH.test(r.text))) return { period: periodColumn ? 'column' : 'none' };
  return above.some((r) => TITLE_YEAR.test(r.text)) ? { year: true } : {};
}

