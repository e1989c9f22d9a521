// Numbers in the two locales our users' files come in, and the one policy that says which a file uses.
//
//   id (Indonesian Excel):  256.129   3.102.552   60,56   60,56%   -1.234,5
//   en:                     256,129   3,102,552   60.56   60.56%   -1,234.5
//
// A value is accepted only in the exact shape of its locale: groups of three after each separator, one
// decimal mark. The locale of a file is deduced, never guessed (see LocalePolicy): counts are whole
// numbers of people, so a count "256.129" can only be Indonesian and "422,934" only English.

export type NumberLocale = 'id' | 'en';

// A grouped number starts with a group of 1–3 digits that is not 0: `0.125` is never 125 grouped the
// Indonesian way (no one writes a leading zero group), so it is the decimal 0.125 and only that. Read
// as 125 it made a coverage cell of 0.125 a "125.00 % stated" warning in a file of plain counts.
const PATTERNS: Record<NumberLocale, { grouped: RegExp; plain: RegExp; group: string; decimal: string }> = {
  id: { grouped: /^-?[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?$/, plain: /^-?\d+(?:,\d+)?$/, group: '.', decimal: ',' },
  en: { grouped: /^-?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$/, plain: /^-?\d+(?:\.\d+)?$/, group: ',', decimal: '.' },
};

export type ParsedNumber = { ok: true; value: number; percent: boolean } | { ok: false; reason: string };

/** Normalise the minus signs and spaces that spreadsheets produce. */
function clean(raw: string): string {
  return raw.trim().replace(/[\u2212\u2013]/g, '-').replace(/[\u00a0\u202f ]+(?=%)/g, '');
}

/**
 * Parse one cell in one locale. Percent cells may end in `%` and are returned as fractions.
 * Example: parseNumber('256.129', 'id') → { ok: true, value: 256129, percent: false }.
 */
export function parseNumber(raw: string, locale: NumberLocale, options: { allowPercent?: boolean } = {}): ParsedNumber {
  let text = clean(raw);
  let percent = false;
  if (text.endsWith('%')) {
    if (!options.allowPercent) return { ok: false, reason: 'a percentage is not allowed here' };
    percent = true;
    text = text.slice(0, -1).trimEnd();
  }
  if (text === '') return { ok: false, reason: 'the cell is empty' };
  const p = PATTERNS[locale];
  if (!p.grouped.test(text) && !p.plain.test(text)) return { ok: false, reason: `not a valid ${locale === 'id' ? 'id-ID' : 'en-US'} number` };
  const value = Number(text.split(p.group).join('').replace(p.decimal, '.'));
  if (!Number.isFinite(value)) return { ok: false, reason: 'the number is too large' };
  return { ok: true, value: percent ? value / 100 : value, percent };
}

export type CellKind = 'count' | 'number' | 'percent';

/** One cell read in both locales: the value in each, or why it is not one. */
export interface Reading {
  readonly id: number | undefined;
  readonly en: number | undefined;
  /** Why the cell is not a value in either locale (undefined when it is one in at least one). */
  readonly problem?: string;
  /**
   * A count of one to three digits, one separator and three digits (`2,000`, `3.000`) that reads as two
   * whole numbers: the locale in which the separator groups thousands. In the other it would be a whole
   * number written with three decimal zeros (2,000 = 2 in Indonesian), which no count of people is: a
   * file in that other locale is refused rather than read as 2 (LocalePolicy.threeDecimals).
   */
  readonly grouping?: NumberLocale;
  /** A count that is not one (with `problem`): why, the same for a cell of text and a stored number. */
  readonly fault?: CountFault;
  /** A count read as the whole number it is within a float's rounding noise of (wholeOfNoise): the value as written. */
  readonly noise?: number;
}

/** What keeps a number from being a count: a fraction, a number below 0, or one beyond 2^53 − 1. */
export type CountFault = 'fraction' | 'negative' | 'too-large';

/**
 * The whole number a count stored as a binary float stands for, when it is one plus a formula's rounding
 * noise (Excel shows =0.1*5000 as 500 and stores 500.00000000000006; a sum of fractions in pandas
 * writes 499.99999999999994): within 2^-46 of it, relative (64 units in the last place of a double, so
 * 15 significant digits agree, as many as a double holds and as Excel shows). Undefined for a whole
 * number, and for any fraction a person writes (500.5, 500.001: far beyond it).
 * Example: wholeOfNoise(500.00000000000006) → 500; wholeOfNoise(500.001) → undefined.
 */
export function wholeOfNoise(value: number): number | undefined {
  if (Number.isInteger(value) || !Number.isFinite(value)) return undefined;
  const whole = Math.round(value);
  // Not near 0: a relative bound means nothing there (1e-300 is no formula's 0), so such a cell is refused.
  if (whole < 1 || !Number.isSafeInteger(whole)) return undefined;
  return Math.abs(value - whole) <= whole * 2 ** -46 ? whole : undefined;
}

/** Why a number is not a count (undefined when it is one). Example: countFault(-5) → 'negative'. */
export function countFault(value: number): CountFault | undefined {
  if (value < 0) return 'negative';
  if (!Number.isInteger(value)) return 'fraction';
  if (!Number.isSafeInteger(value)) return 'too-large';
  return undefined;
}

const FAULT_REASONS: Record<CountFault, string> = {
  negative: 'a count cannot be negative',
  fraction: 'a count must be a whole number',
  'too-large': 'the number is too large',
};
const FAULT_OF_REASON = new Map<string, CountFault>(Object.entries(FAULT_REASONS).map(([f, r]) => [r, f as CountFault]));

function asKind(p: ParsedNumber, kind: CellKind): number | string {
  if (!p.ok) return p.reason;
  if (kind !== 'count') return p.value;
  const fault = countFault(p.value);
  if (fault === undefined) return p.value;
  // A count within a float's rounding noise of a whole number is that number (the reader says so).
  return (fault === 'fraction' || fault === 'negative') && wholeOfNoise(p.value) !== undefined ? wholeOfNoise(p.value)! : FAULT_REASONS[fault];
}

/** Plain digits (most cells of most files) read the same in both locales: no pattern needed. */
function plainDigits(raw: string): number | undefined {
  let start = 0;
  let end = raw.length;
  while (start < end && raw.charCodeAt(start) === 32) start++;
  while (end > start && raw.charCodeAt(end - 1) === 32) end--;
  if (end === start || end - start > 15) return undefined;
  let v = 0;
  for (let i = start; i < end; i++) {
    const c = raw.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return undefined;
    v = v * 10 + c;
  }
  return v;
}

const GROUPING_SHAPE = /^\d{1,3}[.,]\d{3}$/;

/** Example: readCell('256.129', 'count') → { id: 256129, en: undefined }. */
export function readCell(raw: string, kind: CellKind): Reading {
  const plain = plainDigits(raw);
  if (plain !== undefined) return { id: plain, en: plain };
  const opts = { allowPercent: kind === 'percent' };
  const pa = parseNumber(raw, 'id', opts);
  const pb = parseNumber(raw, 'en', opts);
  const a = asKind(pa, kind);
  const b = asKind(pb, kind);
  const id = typeof a === 'number' ? a : undefined;
  const en = typeof b === 'number' ? b : undefined;
  if (kind === 'count' && id !== undefined && en !== undefined && id !== en) {
    const t = clean(raw);
    if (GROUPING_SHAPE.test(t)) return { id, en, grouping: t.includes(',') ? 'en' : 'id' };
  }
  if (id !== undefined || en !== undefined) {
    // A count read as the whole number of its rounding noise: the value as written, for the reader's note.
    if (kind === 'count' && pa.ok && id !== undefined && pa.value !== id) return { id, en, noise: pa.value };
    if (kind === 'count' && pb.ok && en !== undefined && pb.value !== en) return { id, en, noise: pb.value };
    return { id, en };
  }
  // Neither: the most telling reason (negative and fractional beat "not a valid number").
  const reasons = [a, b].filter((x): x is string => typeof x === 'string');
  const problem = reasons.find((r) => !r.startsWith('not a valid')) ?? 'is not a number';
  if (problem.startsWith('not a valid')) return { id, en, problem: 'is not a number' };
  const fault = FAULT_OF_REASON.get(problem);
  return fault !== undefined ? { id, en, problem, fault } : { id, en, problem };
}

// The Indonesian of every reason above, for messages under --lang id. The reasons stay English in the
// values (messages, golden files and tests read them); test/errors/bilingual.test.ts produces each one
// and reads this file for reasons it does not know yet.
const REASONS_ID = new Map<string, string>([
  ['a percentage is not allowed here', 'persentase tidak diperbolehkan di sini'],
  ['the cell is empty', 'sel kosong'],
  ['the number is too large', 'angka terlalu besar'],
  ['a count cannot be negative', 'jumlah tidak boleh negatif'],
  ['a count must be a whole number', 'jumlah harus bilangan bulat'],
  ['is not a number', 'bukan angka'],
]);

/** A reason of parseNumber, readCell or parseStandalone in Indonesian (undefined if it is not one). */
export function reasonInIndonesian(reason: string): string | undefined {
  const fixed = REASONS_ID.get(reason);
  if (fixed) return fixed;
  const invalid = /^not a valid (\S+) number$/.exec(reason);
  if (invalid) return `bukan angka ${invalid[1]} yang sah`;
  const ambiguous = /^ambiguous: it reads as (\S+) in Indonesian and (\S+) in English \(pass --number-locale, or write it without separators\)$/.exec(reason);
  if (ambiguous) return `ambigu: terbaca ${ambiguous[1]} dalam format Indonesia dan ${ambiguous[2]} dalam format Inggris (tentukan dengan --number-locale, atau tulis tanpa pemisah)`;
  return undefined;
}

/** A cell's place and raw text, for messages. */
export interface CellRef {
  readonly line: number;
  readonly column: number;
  readonly raw: string;
}

/**
 * The locale of one file, deduced from its cells as they stream past. Each locale stays a candidate
 * while every cell reads in it (counts as whole numbers); one left decides; none left is a
 * contradiction (the first cell that ruled out each locale is kept, to name both).
 * A forced locale (--number-locale) decides from the start.
 */
export class LocalePolicy {
  private idOk = true;
  private enOk = true;
  /** The first cell that was only Indonesian / only English. */
  idOnly?: CellRef;
  enOnly?: CellRef;
  /** The first count that groups thousands in English (`2,000`) / in Indonesian (`3.000`), with its readings. */
  private groupsEn?: { at: CellRef; id: number; en: number };
  private groupsId?: { at: CellRef; id: number; en: number };

  constructor(readonly forced?: NumberLocale) {
    if (forced === 'id') this.enOk = false;
    if (forced === 'en') this.idOk = false;
  }

  /** The decided locale, or undefined while both remain. */
  get locale(): NumberLocale | undefined {
    return this.idOk && !this.enOk ? 'id' : this.enOk && !this.idOk ? 'en' : undefined;
  }

  get contradicted(): boolean {
    return !this.idOk && !this.enOk;
  }

  /**
   * Take one reading into account. Returns the value when it is known (decided, or the same in both),
   * 'pending' when it differs between two live candidates, or 'contradiction' when this cell rules out
   * the last candidate (under a forced locale: the cell does not read in it). Under a forced locale, a
   * count that groups thousands in the other locale (`750,000` under id, `750.000` under en: see
   * Reading.grouping) is 'other-grouping': read in the forced locale it would be a whole number written
   * with three decimal zeros, a thousandth of what the file most likely means.
   */
  take(r: Reading, at: CellRef | (() => CellRef)): number | 'pending' | 'contradiction' | 'other-grouping' {
    const inId = r.id !== undefined;
    const inEn = r.en !== undefined;
    const ref = (): CellRef => (typeof at === 'function' ? at() : at);
    if (inId && !inEn) this.idOnly ??= ref();
    if (inEn && !inId) this.enOnly ??= ref();
    if (r.grouping === 'en' && !this.forced) this.groupsEn ??= { at: ref(), id: r.id!, en: r.en! };
    if (r.grouping === 'id' && !this.forced) this.groupsId ??= { at: ref(), id: r.id!, en: r.en! };
    if (this.forced) {
      // The rule of threeDecimals, under a forced locale: `750,000` under id is 750 with three decimal
      // zeros, which no count of people is written as; it is the English grouping of 750000 (rv21 J).
      if (r.grouping !== undefined && r.grouping !== this.forced) return 'other-grouping';
      return (this.forced === 'id' ? r.id : r.en) ?? 'contradiction';
    }
    if (!inId) this.idOk = false;
    if (!inEn) this.enOk = false;
    if (!this.idOk && !this.enOk) return 'contradiction';
    if (this.idOk && this.enOk) return r.id === r.en ? r.id! : 'pending';
    return this.idOk ? r.id! : r.en!;
  }

  /**
   * Once the locale is decided from the file's cells: the first count that in this locale would be a
   * whole number with three decimal zeros (`2,000` in an Indonesian file), with the cell that decided
   * the locale. Such a count is the other locale's grouping (2000): the file mixes formats, and reading
   * it as 2 would be a silent factor of a thousand. Undefined when there is none, or the locale was forced.
   */
  threeDecimals(): { at: CellRef; value: number; grouped: number; locale: NumberLocale; decidedBy: CellRef } | undefined {
    const locale = this.locale;
    if (this.forced || !locale) return undefined;
    const c = locale === 'id' ? this.groupsEn : this.groupsId;
    const decidedBy = locale === 'id' ? this.idOnly : this.enOnly;
    if (!c || !decidedBy) return undefined;
    return locale === 'id' ? { at: c.at, value: c.id, grouped: c.en, locale, decidedBy } : { at: c.at, value: c.en, grouped: c.id, locale, decidedBy };
  }
}

/**
 * What a cell is in a forced locale when it is not a value there (a count that is not whole in it, or
 * not a number in it), and what it is in the other locale: for the one message about that cell.
 * Example: underForced('1.500', 'count', 'en') → { value: 1.5, reason: 'a count must be a whole number', other: 'id', otherValue: 1500 }.
 */
export function underForced(raw: string, kind: CellKind, locale: NumberLocale): { value?: number; reason: string; other: NumberLocale; otherValue?: number } {
  const opts = { allowPercent: kind === 'percent' };
  const other: NumberLocale = locale === 'id' ? 'en' : 'id';
  const p = parseNumber(raw, locale, opts);
  const here = asKind(p, kind);
  const there = asKind(parseNumber(raw, other, opts), kind);
  return { ...(p.ok ? { value: p.value } : {}), reason: typeof here === 'string' ? here : 'is not a number', other, ...(typeof there === 'number' ? { otherValue: there } : {}) };
}

/**
 * A number given outside a data file (a flag such as --target, a value in jamsostek.json): the stated
 * locale if there is one, else the value's own evidence. A value that reads differently in the two
 * locales (256.129) is refused, never guessed. Underscores may group digits (70_000_000).
 */
export function parseStandalone(raw: string, locale: NumberLocale | 'auto' | undefined, options: { allowPercent?: boolean } = {}): ParsedNumber {
  const text = raw.trim().replace(/(?<=\d)_(?=\d)/g, '');
  if (locale === 'id' || locale === 'en') return parseNumber(text, locale, options);
  const id = parseNumber(text, 'id', options);
  const en = parseNumber(text, 'en', options);
  if (id.ok && en.ok && id.value !== en.value) {
    return { ok: false, reason: `ambiguous: it reads as ${id.value} in Indonesian and ${en.value} in English (pass --number-locale, or write it without separators)` };
  }
  return en.ok ? en : id;
}

/**
 * num / den as the float nearest to it (den > 0), also when num and den are past 2^53 (Number(num) /
 * Number(den) would round three times). For values built from integer counts (a change in coverage in
 * points) so that an exact half such as 0.035 stays the float whose shortest text is "0.035".
 */
export function ratioToNumber(num: bigint, den: bigint): number {
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const negative = num < 0n;
  const n = negative ? -num : num;
  // 25 significant digits or more of the quotient (truncated), then one decimal-to-binary conversion:
  // correctly rounded unless the quotient lies within 10^-25 (relative) of a midpoint between two floats.
  const shift = Math.max(0, 26 - (n.toString().length - den.toString().length));
  const digits = (n * 10n ** BigInt(shift)) / den;
  return (negative ? -1 : 1) * Number(`${digits}e-${shift}`);
}
