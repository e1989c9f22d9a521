// Strict number parsing for the two number locales our users' files come in.
//
//   id (Indonesian Excel):  256.129   3.102.552   60,56   60,56%   -1.234,5
//   en:                     256,129   3,102,552   60.56   60.56%   -1,234.5
//
// A value is accepted only in the exact shape of its locale: groups of three after each separator,
// one decimal mark. Nothing is guessed: "256.129" is 256129 in id and 256.129 in en, and a file that
// only has such values does not decide the locale by itself (see detectNumberLocale).

export type NumberLocale = 'id' | 'en';

const PATTERNS: Record<NumberLocale, { grouped: RegExp; plain: RegExp; group: string; decimal: string }> = {
  id: { grouped: /^-?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/, plain: /^-?\d+(?:,\d+)?$/, group: '.', decimal: ',' },
  en: { grouped: /^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/, plain: /^-?\d+(?:\.\d+)?$/, group: ',', decimal: '.' },
};

export type ParsedNumber = { ok: true; value: number; percent: boolean } | { ok: false; reason: string };

/** Normalise the minus signs and spaces that spreadsheets produce. */
function clean(raw: string): string {
  return raw.trim().replace(/[\u2212\u2013]/g, '-').replace(/[\u00a0\u202f ]+(?=%)/g, '');
}

/**
 * Parse one cell. `percent` cells may end in `%` and are returned as fractions (60,56% → 0.6056).
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
  if (!p.grouped.test(text) && !p.plain.test(text)) {
    return { ok: false, reason: `not a valid ${locale === 'id' ? 'id-ID' : 'en-US'} number` };
  }
  const normalised = text.split(p.group).join('').replace(p.decimal, '.');
  const value = Number(normalised);
  if (!Number.isFinite(value)) return { ok: false, reason: 'the number is too large' };
  return { ok: true, value: percent ? value / 100 : value, percent };
}

export type LocaleEvidence = 'id' | 'en' | 'ambiguous' | 'none';

/**
 * What one value says about the locale:
 * - `id`: `1.234.567`, `60,56`, `1.234,5`;  `en`: `1,234,567`, `60.56`, `1,234.5`
 * - `ambiguous`: one separator followed by exactly three digits (`256.129`, `1,234`)
 * - `none`: plain digits, or not a number at all.
 */
export function localeEvidence(raw: string): LocaleEvidence {
  const text = clean(raw).replace(/%$/, '').trimEnd().replace(/^-/, '');
  if (/^\d+$/.test(text) || text === '') return 'none';
  const idOk = PATTERNS.id.grouped.test(text) || PATTERNS.id.plain.test(text);
  const enOk = PATTERNS.en.grouped.test(text) || PATTERNS.en.plain.test(text);
  if (idOk && enOk) return 'ambiguous';
  if (idOk) return 'id';
  if (enOk) return 'en';
  return 'none';
}

export interface LocaleDecision {
  locale?: NumberLocale;
  /** Why no locale could be chosen: only ambiguous values, or evidence for both. */
  problem?: { kind: 'ambiguous'; example: string } | { kind: 'mixed'; idExample: string; enExample: string };
}

/** Decide a file's number locale from all its numeric cells, or say why it cannot. */
export function detectNumberLocale(values: Iterable<string>): LocaleDecision {
  let idExample: string | undefined;
  let enExample: string | undefined;
  let ambiguousExample: string | undefined;
  for (const v of values) {
    const e = localeEvidence(v);
    if (e === 'id') idExample ??= v;
    else if (e === 'en') enExample ??= v;
    else if (e === 'ambiguous') ambiguousExample ??= v;
  }
  if (idExample !== undefined && enExample !== undefined) return { problem: { kind: 'mixed', idExample, enExample } };
  if (idExample !== undefined) return { locale: 'id' };
  if (enExample !== undefined) return { locale: 'en' };
  if (ambiguousExample !== undefined) return { problem: { kind: 'ambiguous', example: ambiguousExample } };
  return { locale: 'en' }; // only plain digits: both locales read them identically
}

/** Counts must be whole and non-negative. */
export function parseCount(raw: string, locale: NumberLocale): { ok: true; value: number } | { ok: false; reason: string } {
  const r = parseNumber(raw, locale);
  if (!r.ok) return r;
  if (!Number.isInteger(r.value)) return { ok: false, reason: 'a count must be a whole number' };
  if (r.value < 0) return { ok: false, reason: 'a count cannot be negative' };
  if (!Number.isSafeInteger(r.value)) return { ok: false, reason: 'the number is too large' };
  return { ok: true, value: r.value };
}

/**
 * One value whose file gives no locale of its own (a flag such as --target, a key,total file, a
 * phasing profile): the stated locale if there is one, else the value's own evidence. A value that
 * reads differently in the two locales (`256.129`) is refused, never guessed.
 * Underscores may group digits (70_000_000).
 */
export function parseStandalone(raw: string, locale: NumberLocale | 'auto' | undefined, options: { allowPercent?: boolean } = {}): ParsedNumber {
  const text = raw.trim().replace(/(?<=\d)_(?=\d)/g, '');
  if (locale === 'id' || locale === 'en') return parseNumber(text, locale, options);
  const evidence = localeEvidence(text);
  if (evidence === 'ambiguous') {
    const id = parseNumber(text, 'id', options);
    const en = parseNumber(text, 'en', options);
    return {
      ok: false,
      reason: `ambiguous: it reads as ${id.ok ? id.value : '?'} in Indonesian and ${en.ok ? en.value : '?'} in English (pass --number-locale, or write it without separators)`,
    };
  }
  return parseNumber(text, evidence === 'id' ? 'id' : 'en', options);
}
