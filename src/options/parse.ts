// Option values: strings (from the command line or jamsostek.json) → typed values, with one message
// per kind of mistake. Every function throws UsageError (exit 2) naming the flag and what it expects.

import { decimalToRational, type Rational } from '../core/allocation/exact.js';
import { DEFAULT_METHOD, METHOD_NAMES, METHODS, resolveMethod, type MethodName } from '../core/allocation/methods.js';
import type { Basis, Bound, MarginInput, Mode } from '../core/allocation/spec.js';
import { parsePeriod, type Period } from '../core/calendar.js';
import { parseStandalone, reasonInIndonesian } from '../core/numbers.js';
import { clipValue } from '../core/clip.js';
import { canonicalColumn, KNOWN_DIMS, SEGMENT_COLUMNS } from '../core/columns.js';
import { usage } from '../errors.js';

export type Parser<T> = (raw: string, flag: string) => T;

export function oneOf<const T extends string>(choices: readonly T[]): Parser<T> {
  return (raw, flag) => {
    const v = raw.trim();
    const hit = choices.find((c) => c === v);
    if (hit === undefined) throw usage(`${flag} expects ${choices.join(', ')}, got "${clipValue(raw)}"`, `${flag} memerlukan salah satu dari ${choices.join(', ')}, bukan "${clipValue(raw)}"`);
    return hit;
  };
}

export const text: Parser<string> = (raw, flag) => {
  if (raw.trim() === '') throw usage(`${flag} expects a value`, `${flag} memerlukan sebuah nilai`);
  return raw;
};

/** A count above 0 (--top, --max-errors…): digits, or written with separators in --number-locale like --target (1.000 under id). */
export const positiveInt = (raw: string, flag: string, locale?: 'id' | 'en' | 'auto', example = '10'): number => {
  const s = raw.trim();
  // Digits past 2^53 − 1 are a whole number above 0, too large (rv25 M3: it said "expects a whole number above 0").
  if (/^\d+$/.test(s) && !Number.isSafeInteger(Number(s)))
    throw usage(`${flag} is too large, got "${clipValue(raw)}": the largest it takes is 9007199254740991`, `${flag} terlalu besar, bukan "${clipValue(raw)}": nilai terbesar yang diterima 9007199254740991`);
  const n = /^\d[\d_.,]*$/.test(s) && !/^\d+$/.test(s) ? Number(wholeNumber(s, flag, locale, example)) : Number(s);
  if (!/^\d[\d_.,]*$/.test(s) || n <= 0 || !Number.isSafeInteger(n)) throw usage(`${flag} expects a whole number above 0, got "${clipValue(raw)}"`, `${flag} memerlukan bilangan bulat di atas 0, bukan "${clipValue(raw)}"`);
  return n;
};

export const year: Parser<number> = (raw, flag) => {
  const s = raw.trim();
  if (!/^\d{4}$/.test(s) || Number(s) < 1900) throw usage(`${flag} expects a year such as 2024, got "${clipValue(raw)}"`, `${flag} memerlukan tahun seperti 2024, bukan "${clipValue(raw)}"`);
  return Number(s);
};

export const period: Parser<Period> = (raw, flag) => {
  const p = parsePeriod(raw);
  if (!p) throw usage(`${flag} expects a month as YYYY-MM, got "${clipValue(raw)}"`, `${flag} memerlukan bulan dalam format YYYY-MM, bukan "${clipValue(raw)}"`);
  return p;
};

/** A whole number of people (--target): 70000000, 70_000_000, 70.000.000 (id) or 70,000,000 (en). */
export function wholeNumber(raw: string, flag: string, locale?: 'id' | 'en' | 'auto', example = '70000000'): bigint {
  // 1e15: a number, but not one written as a whole number (its reason was "not a valid id-ID number").
  if (/^\d+(?:[.,]\d+)?e[+-]?\d+$/i.test(raw.trim())) {
    const v = Number(raw.trim().replace(',', '.'));
    const digits = Number.isSafeInteger(v) ? BigInt(v).toString() : undefined;
    throw usage(
      { message: `${flag} expects a whole number such as ${example}, got "${clipValue(raw)}" (not a whole number as written: an exponent)`, hint: digits ? `write it in digits: ${digits}` : 'write it in digits' },
      { message: `${flag} memerlukan bilangan bulat seperti ${example}, bukan "${clipValue(raw)}" (bukan bilangan bulat seperti tertulis: eksponen)`, hint: digits ? `tulis dalam angka: ${digits}` : 'tulis dalam angka' },
    );
  }
  const r = parseStandalone(raw, locale);
  if (!r.ok) throw usage(`${flag} expects a whole number such as ${example}, got "${clipValue(raw)}" (${r.reason})`, `${flag} memerlukan bilangan bulat seperti ${example}, bukan "${clipValue(raw)}" (${reasonInIndonesian(r.reason) ?? r.reason})`);
  if (Number.isInteger(r.value) && r.value > Number.MAX_SAFE_INTEGER)
    throw usage(
      { message: `${flag} is above 9,007,199,254,740,991 (2^53 − 1), the largest whole number the command line takes, got "${clipValue(raw)}"`, hint: "the library's planBreakdown takes a bigint total" },
      { message: `${flag} melebihi 9.007.199.254.740.991 (2^53 − 1), bilangan bulat terbesar yang diterima baris perintah, bukan "${clipValue(raw)}"`, hint: 'planBreakdown di pustaka menerima total bigint' },
    );
  if (!Number.isSafeInteger(r.value) || r.value < 0) throw usage(`${flag} expects a whole non-negative number, got "${clipValue(raw)}"`, `${flag} memerlukan bilangan cacah (bulat, tidak negatif), bukan "${clipValue(raw)}"`);
  return BigInt(r.value);
}

/**
 * A decimal as the user typed it for a fraction flag: "12.5", or "12,5" under --number-locale id (a
 * decimal comma, as Indonesian tables write 12,5%). Nothing else changes: no grouping in a percentage.
 */
const decimalComma = (body: string, locale: 'id' | 'en' | 'auto' | undefined): string => (locale === 'id' && /^\d+,\d+$/.test(body) ? body.replace(',', '.') : body);

/** The refusal of a fraction flag, with the way to a decimal comma when one was typed without --number-locale id. */
function fractionError(raw: string, en: string, id: string): never {
  if (!/^\d+,\d+%?$/.test(raw.trim())) throw usage(en, id);
  const dot = raw.trim().replace(',', '.');
  throw usage({ message: en, hint: `write ${dot}, or pass --number-locale id to read a decimal comma` }, { message: id, hint: `tulis ${dot}, atau berikan --number-locale id untuk membaca koma desimal` });
}

/** A share below 1, as a fraction (0.05) or a percentage (5%): --at-risk-margin. */
export const share = (raw: string, flag: string, locale?: 'id' | 'en' | 'auto'): number => {
  const s = raw.trim();
  const pct = s.endsWith('%');
  const body = decimalComma(pct ? s.slice(0, -1).trim() : s, locale);
  if (!/^\d+(\.\d+)?$/.test(body)) fractionError(raw, `${flag} expects a share such as 0.05 or 5%, got "${clipValue(raw)}"`, `${flag} memerlukan porsi seperti 0.05 atau 5%, bukan "${clipValue(raw)}"`);
  // `${body}e-2`: the decimal 57.1% read as 0.571 itself (57.1 / 100 is 0.5710000000000001 in floating point).
  const v = pct ? Number(`${body}e-2`) : Number(body);
  if (v >= 1) throw usage(`${flag} expects a share below 1 (e.g. 0.05 or 5%), got "${clipValue(raw)}"`, `${flag} memerlukan porsi di bawah 1 (mis. 0.05 atau 5%), bukan "${clipValue(raw)}"`);
  return v;
};

/** A share of the denominator as an exact fraction between 0 and 1: --max-coverage 0.95 or 95%. */
export const exactShare = (raw: string, flag: string, locale?: 'id' | 'en' | 'auto'): Rational => {
  const s = raw.trim();
  const pct = s.endsWith('%');
  const r = decimalToRational(decimalComma(pct ? s.slice(0, -1).trim() : s, locale));
  const v = r && pct ? { num: r.num, den: r.den * 100n } : r;
  if (!v || v.num < 0n || v.num > v.den) fractionError(raw, `${flag} expects a share between 0 and 1, such as 0.95 or 95%, got "${clipValue(raw)}"`, `${flag} memerlukan porsi antara 0 dan 1, seperti 0.95 atau 95%, bukan "${clipValue(raw)}"`);
  return v;
};

/**
 * A threshold in percent (--fail-below): "40" and "40%" are 40 %. A bare value below 1 ("0.3") is
 * refused as a likely slip for 30 %: write "0.3%" to mean 0.3 %.
 */
export const percent = (raw: string, flag: string, locale?: 'id' | 'en' | 'auto'): number => {
  const s = raw.trim();
  const pct = s.endsWith('%');
  const body = decimalComma(pct ? s.slice(0, -1).trim() : s, locale);
  if (!/^\d+(\.\d+)?$/.test(body)) fractionError(raw, `${flag} expects a percentage such as 40 or 40%, got "${clipValue(raw)}"`, `${flag} memerlukan persentase seperti 40 atau 40%, bukan "${clipValue(raw)}"`);
  const v = Number(body);
  if (!pct && v > 0 && v < 1) {
    const hundred = Number(`${body}e2`); // 0.57 → 57 (0.57 × 100 is 56.99999999999999)
    throw usage(
      { message: `${flag} ${clipValue(s)}: percentages are written as 30 for 30 %; a value below 1 is taken for a slip`, hint: `write ${hundred} for ${hundred} %, or ${clipValue(s)}% if you mean ${clipValue(s)} %` },
      { message: `${flag} ${clipValue(s)}: persentase ditulis 30 untuk 30 %; nilai di bawah 1 dianggap salah ketik`, hint: `tulis ${hundred} untuk ${hundred} %, atau ${clipValue(s)}% jika yang dimaksud ${clipValue(s)} %` },
    );
  }
  if (v > 100) throw usage(`${flag} expects a percentage up to 100, got "${clipValue(raw)}"`, `${flag} memerlukan persentase paling tinggi 100, bukan "${clipValue(raw)}"`);
  // The decimal 57.1 % read as 0.571 itself: 57.1 / 100 is 0.5710000000000001, and a row at exactly 57.1 %
  // (571 of 1,000) would be counted below it.
  return Number(`${body}e-2`);
};

/** 'webster (sainte-lague, default), hamilton (largest-remainder), …': the methods as help and hints list them (core/allocation/methods.ts). */
export const METHOD_LIST = METHOD_NAMES.map((m) => {
  const also = [METHODS[m].aliases[0], m === DEFAULT_METHOD ? 'default' : undefined].filter((x) => x !== undefined);
  return also.length > 0 ? `${m} (${also.join(', ')})` : m;
}).join(', ');

export const method: Parser<MethodName> = (raw, flag) => {
  const m = resolveMethod(raw);
  if (!m) {
    const known = METHOD_LIST;
    throw usage({ message: `${flag}: unknown method "${clipValue(raw)}"`, hint: `methods: ${known}` }, { message: `${flag}: metode "${clipValue(raw)}" tidak dikenal`, hint: `metode: ${known}` });
  }
  return m;
};

export const mode: Parser<Mode> = oneOf(['gap', 'level'] as const);

/** The rule fields --compare can vary, as written after the flag (`--compare mode=gap,level`). */
export const COMPARE_FIELDS = ['method', 'mode', 'basis', 'denominator', 'min', 'max', 'max-coverage', 'scenario'] as const;
export type CompareField = (typeof COMPARE_FIELDS)[number];

/** What one compared value sets, in the terms of the flags it stands for (undefined: the default). */
export interface RuleChoice {
  readonly method?: MethodName;
  readonly mode?: Mode;
  readonly basis?: Basis;
  readonly denominator?: string;
  readonly min?: Bound;
  readonly max?: Bound;
  /** null: no cap (the default upper bound is the whole denominator). */
  readonly maxCoverage?: Rational | null;
  readonly scenario?: string;
}

/** One --compare: a rule field and two or more values of it, each with the choice it makes. */
export interface CompareAxis {
  readonly field: CompareField;
  readonly values: readonly { readonly name: string; readonly set: RuleChoice }[];
}

const FIELD_NAMES = new Map<string, CompareField>([...COMPARE_FIELDS.map((f) => [f, f] as const), ['max_coverage', 'max-coverage'], ['maxcoverage', 'max-coverage']]);

/** A bound in a comparison: also `default` (today's participants for min, the denominator for max). */
const compareBound = (raw: string, flag: string, locale?: 'id' | 'en' | 'auto'): Bound => (raw.trim() === 'default' ? { kind: 'default' } : bound(raw, flag, locale));

function choiceOf(field: CompareField, raw: string, flag: string, locale?: 'id' | 'en' | 'auto'): RuleChoice {
  switch (field) {
    case 'method':
      return { method: method(raw, flag) };
    case 'mode':
      return { mode: mode(raw, flag) };
    case 'basis':
      return { basis: basis(raw, flag) };
    case 'denominator':
      return { denominator: denominatorColumn(raw, flag) };
    case 'min':
      return { min: compareBound(raw, flag, locale) };
    case 'max':
      return { max: compareBound(raw, flag, locale) };
    case 'max-coverage':
      return { maxCoverage: raw.trim() === 'none' ? null : exactShare(raw, flag) };
    case 'scenario':
      return { scenario: text(raw, flag).trim() };
  }
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));

/** The same choice twice (hamilton and largest-remainder, 95% and 0.95) is one variant. */
const choiceKey = (c: RuleChoice): string => {
  const share = c.maxCoverage ? `${c.maxCoverage.num / gcd(c.maxCoverage.num, c.maxCoverage.den)}/${c.maxCoverage.den / gcd(c.maxCoverage.num, c.maxCoverage.den)}` : c.maxCoverage;
  return JSON.stringify({ ...c, maxCoverage: share }, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
};

/**
 * --compare: `webster,hamilton` (methods, as before) or `field=value,value…` for any rule field
 * (mode, basis, denominator, min, max, max-coverage, scenario). Two or more values, each once.
 */
/**
 * The number locale of a flag value, asked for only where a number with a separator is read: a list's
 * commas (--compare method=webster,hamilton, PU=…,BPU=…) are not read in it, so they do not give
 * --number-locale an effect (options/resolve.ts records the settings that asked).
 */
export type LocaleOf = () => 'id' | 'en' | 'auto' | undefined;

export function comparison(raw: string, flag: string, fixed?: CompareField, localeOf?: LocaleOf): CompareAxis {
  const s = raw.trim();
  const eq = fixed ? -1 : s.indexOf('=');
  const named = fixed ?? (eq < 0 ? 'method' : s.slice(0, eq).trim().toLowerCase());
  const field = FIELD_NAMES.get(named);
  const fields = COMPARE_FIELDS.join(', ');
  if (!field) {
    throw usage(
      { message: `${flag}: unknown rule field "${clipValue(s.slice(0, eq).trim())}"`, hint: `fields: ${fields}; e.g. ${flag} mode=gap,level or ${flag} webster,hamilton` },
      { message: `${flag}: bidang aturan "${clipValue(s.slice(0, eq).trim())}" tidak dikenal`, hint: `bidang: ${fields}; mis. ${flag} mode=gap,level atau ${flag} webster,hamilton` },
    );
  }
  const parts = (eq < 0 ? s : s.slice(eq + 1)).split(',').map((x) => x.trim());
  if (parts.some((x) => x === '')) throw usage(`${flag} ${clipValue(s)}: an empty value`, `${flag} ${clipValue(s)}: ada nilai yang kosong`);
  const what = field === 'method' ? { en: 'methods', id: 'metode' } : { en: `values of ${field}`, id: `nilai ${field}` };
  const example = field === 'method' ? 'webster,hamilton' : fixed ? '…,…' : `${field}=…,…`;
  if (parts.length < 2) throw usage(`${flag} compares two or more ${what.en}, e.g. ${flag} ${example}`, `${flag} membandingkan dua ${what.id} atau lebih, mis. ${flag} ${example}`);
  const values = parts.map((x) => ({ name: x, set: choiceOf(field, x, flag, /[.,]/.test(x) ? localeOf?.() : undefined) }));
  const seen = new Set<string>();
  for (const v of values) {
    const key = choiceKey(v.set);
    if (seen.has(key)) throw usage(`${flag} names ${field === 'method' ? 'a method' : `a value of ${field}`} twice: ${clipValue(raw)}`, `${flag} menyebut ${field === 'method' ? 'satu metode' : `satu nilai ${field}`} dua kali: ${clipValue(raw)}`);
    seen.add(key);
  }
  return { field, values };
}

const COLUMN = /^[\p{L}_][\p{L}\p{N}_ .-]*$/u;

type Words = { readonly en: string; readonly id: string };

/**
 * A column name of the input (as the user spells it; matched like headers). `expects`: what the flag
 * takes, when a column is one of its forms (--min: a whole number, a column or none), so that `--min -1`
 * is not told it "expects a column name".
 */
export const column = (raw: string, flag: string, expects: Words = { en: 'a column name', id: 'nama kolom' }): string => {
  const s = raw.trim();
  if (!COLUMN.test(s)) throw usage(`${flag} expects ${expects.en}, got "${clipValue(raw)}"`, `${flag} memerlukan ${expects.id}, bukan "${clipValue(raw)}"`);
  return s;
};

/**
 * The column of --denominator: any number column of the input but the report's own count (participants,
 * or a segment's: coverage would be 100 % everywhere) and the target, and never a key column (province,
 * period…: not a number). Refused before any file is read (rv21 G, H3).
 */
export const denominatorColumn = (raw: string, flag: string): string => {
  const s = column(raw, flag);
  const c = canonicalColumn(s);
  const counted = c === 'participants' || SEGMENT_COLUMNS.has(c);
  if (counted || c === 'target') {
    const what = counted ? { en: 'the participants, the count the report divides', id: 'peserta, jumlah yang dibagi oleh laporan' } : { en: 'the target, which the report compares participants with (achievement)', id: 'target, pembanding peserta dalam laporan (capaian)' };
    throw usage(
      { message: `${flag} ${clipValue(s)}: the ${clipValue(s)} column cannot be the denominator: it holds ${what.en}, so coverage would be participants ÷ ${c === 'participants' ? 'participants = 100 % everywhere' : counted ? 'the participants of one segment' : 'target'}`, hint: 'name a workforce column instead: employed, potential_workers, workforce or another number column of the file' },
      { message: `${flag} ${clipValue(s)}: kolom ${clipValue(s)} tidak dapat menjadi penyebut: isinya ${what.id}, sehingga cakupan menjadi peserta ÷ ${c === 'participants' ? 'peserta = 100 % di mana-mana' : counted ? 'peserta satu segmen' : 'target'}`, hint: 'sebutkan kolom tenaga kerja sebagai gantinya: employed, potential_workers, workforce atau kolom angka lain dari berkas' },
    );
  }
  const key = c === 'province_code' || c === 'regency_code' ? c.slice(0, -5) : KNOWN_DIMS.has(c) ? c : undefined;
  if (key !== undefined) {
    throw usage(
      { message: `${flag} ${clipValue(s)}: "${clipValue(s)}" is a key column (${key}), not a number column`, hint: 'name a workforce column instead: employed, potential_workers, workforce or another number column of the file' },
      { message: `${flag} ${clipValue(s)}: "${clipValue(s)}" adalah kolom kunci (${key}), bukan kolom angka`, hint: 'sebutkan kolom tenaga kerja sebagai gantinya: employed, potential_workers, workforce atau kolom angka lain dari berkas' },
    );
  }
  return s;
};

const BASIS_FORMS: Words = { en: 'workforce, uncovered, participants, equal or the name of a numeric column', id: 'workforce, uncovered, participants, equal atau nama kolom angka' };
const BOUND_FORMS: Words = { en: 'a whole number of 0 or more (e.g. 100000), the name of a column, or none', id: 'bilangan bulat 0 atau lebih (mis. 100000), nama kolom, atau none' };

export const basis: Parser<Basis> = (raw, flag) => {
  const s = raw.trim();
  if (s === 'workforce' || s === 'uncovered' || s === 'participants' || s === 'equal') return { kind: s };
  return { kind: 'column', column: column(s, flag, BASIS_FORMS) };
};

/** A bound: a whole number (read in --number-locale, like --target), a column of the input, or none. */
export const bound = (raw: string, flag: string, locale?: 'id' | 'en' | 'auto'): Bound => {
  const s = raw.trim();
  if (s === 'none') return { kind: 'none' };
  if (/^[\d_.,]+$/.test(s)) return { kind: 'value', value: wholeNumber(s, flag, locale) };
  return { kind: 'column', column: column(s, flag, BOUND_FORMS) };
};

/**
 * The items of a comma-separated list; an empty one (`province,,segment`, a trailing comma) is refused:
 * a name left out by a slip would otherwise be dropped without a word.
 */
function listItems(raw: string, flag: string): string[] {
  const list = raw.split(',').map((x) => x.trim());
  if (list.length > 1 && list.some((x) => x === '')) {
    const tidy = list.filter(Boolean).join(',');
    // Only commas (--by ' , '): no item to give as the example.
    throw usage(
      { message: `${flag} ${clipValue(raw)}: an empty item in the list`, hint: tidy ? `name every item once between the commas, e.g. ${flag} ${clipValue(tidy)}` : 'name every item once between the commas (the list has none)' },
      { message: `${flag} ${clipValue(raw)}: ada butir kosong di daftar`, hint: tidy ? `sebutkan setiap butir sekali di antara koma, mis. ${flag} ${clipValue(tidy)}` : 'sebutkan setiap butir sekali di antara koma (daftar ini tidak memuat satu pun)' },
    );
  }
  return list.filter(Boolean);
}

/** Key columns (--by): one or more names, each once. */
export const columns: Parser<string[]> = (raw, flag) => {
  const list = listItems(raw, flag);
  if (!list.length) throw usage(`${flag} needs at least one column`, `${flag} memerlukan paling sedikit satu kolom`);
  for (const c of list) column(c, flag);
  if (new Set(list.map((x) => x.toLowerCase())).size !== list.length) throw usage(`${flag} names a column twice: ${clipValue(raw)}`, `${flag} menyebut satu kolom dua kali: ${clipValue(raw)}`);
  return list;
};

/** A comma-separated list (--fields, --sectors, --compare-scenario): each item once (case and spacing aside). */
export const fields: Parser<string[]> = (raw, flag) => {
  const list = listItems(raw, flag);
  if (!list.length) throw usage(`${flag} needs at least one name`, `${flag} memerlukan paling sedikit satu nama`);
  const seen = new Set<string>();
  for (const x of list) {
    const k = x.toLowerCase().replace(/\s+/g, ' ');
    if (seen.has(k)) throw usage({ message: `${flag} names "${clipValue(x)}" twice`, hint: 'give each name once' }, { message: `${flag} menyebut "${clipValue(x)}" dua kali`, hint: 'sebutkan setiap nama sekali saja' });
    seen.add(k);
  }
  return list;
};

/** Inline margins (PU=30000000,BPU=…) or a file: inline when every part is key=number. */
export type MarginSpec = MarginInput;

/**
 * A value that is a file or a word: a bare word (letters, digits, `-` and `_`, no extension and no
 * folder) is not taken for a file name, since it is far likelier a mistyped word (`--phasing uneven`)
 * than a file without an extension; such a file is named with its folder (`./uneven`).
 */
const BARE_WORD = /^[\p{L}\p{N}_-]+$/u;

function notAFile(raw: string, flag: string, forms: Words, example: string): never {
  const s = clipValue(raw.trim());
  throw usage(
    { message: `${flag} expects ${forms.en}, got "${s}"`, hint: `e.g. ${flag} ${example}; a file without an extension is named with its folder: ${flag} ./${s}` },
    { message: `${flag} memerlukan ${forms.id}, bukan "${s}"`, hint: `mis. ${flag} ${example}; berkas tanpa ekstensi disebut dengan foldernya: ${flag} ./${s}` },
  );
}

const MARGIN_FORMS: Words = { en: 'totals written key=number,… (PU=30000000,BPU=20000000) or a key,total file', id: 'total yang ditulis kunci=angka,… (PU=30000000,BPU=20000000) atau berkas kunci,total' };

export function margins(localeOf?: LocaleOf): Parser<MarginSpec> {
  return (raw, flag) => {
    const s = raw.trim();
    if (s === '') throw usage({ message: `${flag} expects totals (key=number,…) or a file`, hint: `e.g. ${flag} PU=30000000,BPU=20000000` }, { message: `${flag} memerlukan total (kunci=angka,…) atau sebuah berkas`, hint: `mis. ${flag} PU=30000000,BPU=20000000` });
    // Any `=` makes it inline totals (a file named with one is written with its folder: ./a=b.csv).
    if (s.includes('=') && !/[\\/]/.test(s)) {
      // A trailing or doubled comma is an empty item (not a number "2000000," in the locale).
      listItems(s, flag);
      const totals = new Map<string, bigint>();
      for (const part of s.split(/,(?=[^=,]*=)/)) {
        const [k, v, more] = part.split('=');
        if (!k?.trim() || v === undefined || v.trim() === '' || more !== undefined) {
          throw usage(
            { message: `${flag}: "${clipValue(part)}" is not key=number`, hint: `e.g. ${flag} PU=30000000,BPU=20000000 (a file whose name has = is named with its folder: ./${clipValue(s)})` },
            { message: `${flag}: "${clipValue(part)}" bukan kunci=angka`, hint: `mis. ${flag} PU=30000000,BPU=20000000 (berkas yang namanya memuat = disebut dengan foldernya: ./${clipValue(s)})` },
          );
        }
        if (totals.has(k.trim())) throw usage(`${flag} names "${clipValue(k.trim())}" twice`, `${flag} menyebut "${clipValue(k.trim())}" dua kali`);
        totals.set(k.trim(), wholeNumber(v, `${flag} ${clipValue(k.trim())}`, /[.,]/.test(v) ? localeOf?.() : undefined));
      }
      return { kind: 'inline', totals };
    }
    if (BARE_WORD.test(s)) notAFile(s, flag, MARGIN_FORMS, 'PU=30000000,BPU=20000000');
    return { kind: 'file', path: s };
  };
}

/** --phasing: even, or a month,weight profile file. */
export const phasing: Parser<string> = (raw, flag) => {
  const s = text(raw, flag);
  if (s.trim() === 'even') return 'even';
  if (BARE_WORD.test(s.trim())) notAFile(s, flag, { en: 'even or a month,weight profile file', id: 'even atau berkas profil bulan,bobot' }, 'profile.csv');
  return s;
};

export const delimiter: Parser<string> = (raw, flag) => {
  const d = raw === '\\t' || raw.toLowerCase() === 'tab' ? '\t' : raw;
  if (d.length !== 1 || d === '"' || d === '\n' || d === '\r') throw usage(`${flag} expects one character (or \\t), got "${clipValue(raw)}"`, `${flag} memerlukan satu karakter (atau \\t), bukan "${clipValue(raw)}"`);
  return d;
};

export const sortKey: Parser<string> = (raw, flag) => {
  const s = raw.trim();
  if (!s) throw usage(`${flag} expects gap, coverage, achievement, name or a column`, `${flag} memerlukan gap, coverage, achievement, name atau nama kolom`);
  return s;
};

/** What --expect names: kanwil:NAME, province:NAME, national (or all), or a file listing the keys. */
export type ExpectInput = { readonly kind: 'kanwil' | 'province'; readonly name: string } | { readonly kind: 'national' } | { readonly kind: 'file'; readonly path: string };

export const expect: Parser<ExpectInput> = (raw, flag) => {
  const t = raw.trim();
  if (t === '') throw usage(`${flag}: give kanwil:NAME, province:NAME, national or a file`, `${flag}: berikan kanwil:NAMA, province:NAMA, national atau berkas`);
  const m = /^(kanwil|province|provinsi)\s*:\s*(.*)$/i.exec(t);
  if (m) {
    const name = m[2]!.trim().replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1');
    if (!name) throw usage(`${flag} ${m[1]}: the name is missing (e.g. ${m[1]}:Gorontalo)`, `${flag} ${m[1]}: namanya belum diisi (mis. ${m[1]}:Gorontalo)`);
    return { kind: m[1]!.toLowerCase() === 'kanwil' ? 'kanwil' : 'province', name };
  }
  if (/^(national|all|indonesia|nasional)$/i.test(t)) return { kind: 'national' };
  return { kind: 'file', path: raw };
};
