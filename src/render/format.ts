// Number display. Human formats (table, md, html) follow --lang; machine formats never do.

import type { Column, Lang, Value } from '../report/model.js';
import { STATUS_LABELS } from '../report/model.js';
import { numberText, roundHalfUp, roundSignificant } from '../report/rounding.js';

// Made on first use: creating them loads ICU's locale data (~35 ms, measured), which machine formats
// (csv, json) never need.
const lazy = (options: Intl.NumberFormatOptions): Record<Lang, Intl.NumberFormat> => {
  const made = new Map<Lang, Intl.NumberFormat>();
  const get = (lang: Lang): Intl.NumberFormat => {
    let f = made.get(lang);
    if (!f) made.set(lang, (f = new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-US', options)));
    return f;
  };
  return {
    get id() {
      return get('id');
    },
    get en() {
      return get('en');
    },
  };
};
const intFormat = lazy({ maximumFractionDigits: 0 });
const markFormat = lazy({ minimumFractionDigits: 1 });

/**
 * A value for people: 256.129 / 60,56% (id) or 256,129 / 60.56% (en). The percent sign follows the
 * number directly in both languages, as Excel and LibreOffice show `0.00%` in an Indonesian locale, so
 * the table, Markdown, HTML and the workbook all read the same.
 */
export function formatHuman(value: Value, kind: Column['kind'], lang: Lang): string {
  return humanFormatter(kind, lang)(value);
}

type Formatter = (value: Value) => string;
const humanFormatters = { en: new Map<string, Formatter>(), id: new Map<string, Formatter>() };

/**
 * formatHuman for one kind and language, resolved once: a renderer takes one per column and calls it
 * for every cell (a million-row table formats millions of cells).
 */
export function humanFormatter(kind: Column['kind'], lang: Lang): Formatter {
  const made = humanFormatters[lang];
  let f = made.get(kind);
  if (!f) made.set(kind, (f = makeHumanFormatter(kind, lang)));
  return f;
}

function makeHumanFormatter(kind: Column['kind'], lang: Lang): Formatter {
  const whole = wholeNumber(lang);
  const number = (format: (v: number) => string): Formatter => (value) => {
    if (value === null || value === undefined) return '–';
    if (typeof value === 'string') return kind === 'status' ? statusLabel(value, lang) : value;
    if (!Number.isFinite(value)) return value > 0 ? '∞' : value < 0 ? '−∞' : '–';
    return format(value);
  };
  // Fractions are rounded by roundHalfUp (exact decimal halves up: 0.035 % shows 0.04 %), never by
  // Intl on v × 100 (the product's binary noise turned 0.035 into 0.0349999…), then grouped here.
  const decimal = localDecimal(lang);
  switch (kind) {
    case 'int':
      return number(whole);
    case 'signed-int':
      return number((v) => (v > 0 ? '+' : '') + whole(v));
    case 'pct':
      return number((v) => decimal(roundHalfUp(v, 2, 2)) + '%');
    case 'signed-pct':
      return number((v) => (v > 0 ? '+' : '') + decimal(roundHalfUp(v, 2, 2)) + '%');
    case 'points': {
      const unit = lang === 'id' ? ' poin' : ' pp';
      return number((v) => (v > 0 ? '+' : '') + decimal(roundHalfUp(v, 2)) + unit);
    }
    default:
      return number((v) => decimal(roundSignificant(v, 8)));
  }
}

/**
 * A rounded number's plain text ("-1234567.5", from roundHalfUp) in a language: its whole part grouped
 * and its decimal mark, as Intl writes them (en 1,234,567.5; id 1.234.567,5).
 */
export function localDecimal(lang: Lang): (text: string) => string {
  let sep: string | null | undefined;
  let mark: string | undefined;
  return (text) => {
    if (sep === undefined) {
      sep = groupSeparator(lang);
      mark = markFormat[lang].formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? (lang === 'id' ? ',' : '.');
    }
    const negative = text.startsWith('-');
    const dot = text.indexOf('.');
    const wholePart = text.slice(negative ? 1 : 0, dot < 0 ? text.length : dot);
    let out = wholePart;
    if (wholePart.length > 3) {
      const s = sep ?? (lang === 'id' ? '.' : ',');
      out = wholePart.slice(0, ((wholePart.length - 1) % 3) + 1);
      for (let i = out.length; i < wholePart.length; i += 3) out += s + wholePart.slice(i, i + 3);
    }
    return (negative ? '-' : '') + out + (dot < 0 ? '' : mark + text.slice(dot + 1));
  };
}

/**
 * A count as intFormat shows it. Most counts are safe integers: their digits are grouped here, with
 * the separator Intl uses (a tenth of the time of Intl's format, on a million-row table), once a few
 * probes have shown that Intl groups them the same way (a Node built with other locale data may not:
 * then Intl formats every value). -0 ("-0"), fractions and huge values always go to Intl.
 */
function wholeNumber(lang: Lang): (v: number) => string {
  let sep: string | null | undefined;
  let f: Intl.NumberFormat | undefined;
  return (v) => {
    if (sep === undefined) sep = groupSeparator(lang);
    if (sep === null || !Number.isSafeInteger(v) || Object.is(v, -0)) return (f ??= intFormat[lang]).format(v);
    return groupDigits(v, sep);
  };
}

function groupDigits(v: number, sep: string): string {
  // Not String(): V8's number-to-string cache would keep each new count's text past the young
  // generation (an HTML table of a million distinct counts; rounding.ts numberText).
  const digits = numberText(v < 0 ? -v : v);
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += sep + digits.slice(i, i + 3);
  return v < 0 ? '-' + out : out;
}

const separators = new Map<Lang, string | null>();
/** The grouping separator of intFormat[lang], or null when grouping by hand would not match it. */
function groupSeparator(lang: Lang): string | null {
  let sep = separators.get(lang);
  if (sep !== undefined) return sep;
  const f = intFormat[lang];
  sep = f.formatToParts(1234567).find((p) => p.type === 'group')?.value ?? null;
  const probes = [0, 7, 12, 123, 1234, 12345, 123456, 1234567, -1, -1234, -123456789, 9007199254740991, -9007199254740991];
  if (sep === '' || (sep !== null && !probes.every((n) => f.format(n) === groupDigits(n, sep!)))) sep = null;
  separators.set(lang, sep);
  return sep;
}

/** A status (achieved, on-track…) in words; an unknown one as it is. */
export function statusLabel(status: string, lang: Lang): string {
  return Object.hasOwn(STATUS_LABELS, status) ? STATUS_LABELS[status]![lang] : status;
}

/** A value for machines: plain, locale-neutral; fractions and points to 6 decimals; "no value" is null (never ""). */
export function formatMachine(value: Value, kind: Column['kind']): string | number | null {
  return machineFormatter(kind)(value);
}

type MachineFormatter = (value: Value) => string | number | null;

const machineText = (value: string | null | undefined): string | null => (value === null || value === undefined || value === '' ? null : value);
// Fractions and percentage points: 6 decimals (the README's contract; a difference of two shares
// times 100 otherwise shows float noise, 1.1799999999999997), exact halves up (roundHalfUp:
// 2,536,875 / 50,000,000 = 0.0507375 is 0.050738, never 0.050737 as the binary value rounds).
const sixDecimals: MachineFormatter = (v) => (typeof v === 'number' ? (Number.isFinite(v) ? roundedToSix(v) : null) : machineText(v));

/**
 * Number(roundHalfUp(x, 6)) for a finite x, without the decimal text where the float alone decides it: a
 * report of 400,000 rows with targets writes 1.6 million fractions, and the text (two number-to-string
 * conversions and a parse a cell) was a tenth of its time (issue 20). For |x| < 2,000, x × 10^6 is within
 * 2^-22 of the shortest decimal of x times 10^6 (that decimal is within half an ulp of x, 2^-43, and the
 * product is rounded to half an ulp of itself, 2^-23: x × 10^6 < 2^31), so its fraction
 * tells the half-up rounding of that decimal except within a margin of one half: those (and larger
 * values) take roundHalfUp. Next to an integer either side rounds to that integer. q / 10^6 is the
 * float Number("0.qqqqqq") reads (both are correctly rounded: q < 2^53, 10^6 exact). A negative x keeps
 * its sign, -0 included, as the text "-0.000000" does. test/render/number-format.test.ts compares the
 * two on exact halves and random values.
 */
function roundedToSix(x: number): number {
  const a = Math.abs(x);
  if (a < 2000) {
    const t = a * 1e6;
    const whole = Math.floor(t);
    const f = t - whole;
    if (f < 0.4999 || f > 0.5001) {
      const q = (f > 0.5 ? whole + 1 : whole) / 1e6;
      return x < 0 || Object.is(x, -0) ? -q : q;
    }
  }
  return Number(roundHalfUp(x, 6));
}
const MACHINE: Record<Column['kind'], MachineFormatter> = {
  text: (v) => (typeof v === 'number' ? (Number.isFinite(v) ? v : null) : machineText(v)),
  int: (v) => (typeof v === 'number' ? (Number.isFinite(v) ? v : null) : machineText(v)),
  'signed-int': (v) => (typeof v === 'number' ? (Number.isFinite(v) ? v : null) : machineText(v)),
  status: (v) => (typeof v === 'number' ? (Number.isFinite(v) ? v : null) : machineText(v)),
  pct: sixDecimals,
  'signed-pct': sixDecimals,
  points: sixDecimals,
  number: (v) => (typeof v === 'number' ? (Number.isFinite(v) ? Number(roundSignificant(v, 12)) : null) : machineText(v)),
};

/** formatMachine for one kind, resolved once (a renderer takes one per column). */
export function machineFormatter(kind: Column['kind']): MachineFormatter {
  return Object.hasOwn(MACHINE, kind) ? MACHINE[kind] : MACHINE.text;
}

/** Cells that a spreadsheet would run as a formula are made inert with a leading apostrophe. */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(text) ? `'${text}` : text;
}
