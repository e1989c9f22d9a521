// Number display. Human formats (table, md, html) follow --lang; machine formats never do.

import type { Column, Lang, Value } from '../report/model.js';
import { STATUS_LABELS } from '../report/model.js';

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
const decFormat = lazy({ minimumFractionDigits: 2, maximumFractionDigits: 2 });
const numFormat = lazy({ maximumSignificantDigits: 8 });

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
  // Intl's formats are made on first use (lazy), then kept here.
  let decimal: Intl.NumberFormat | undefined;
  const dec = (v: number): string => (decimal ??= decFormat[lang]).format(v);
  switch (kind) {
    case 'int':
      return number(whole);
    case 'signed-int':
      return number((v) => (v > 0 ? '+' : '') + whole(v));
    case 'pct':
      return number((v) => dec(v * 100) + '%');
    case 'signed-pct':
      return number((v) => (v > 0 ? '+' : '') + dec(v * 100) + '%');
    case 'points': {
      const unit = lang === 'id' ? ' poin' : ' pp';
      return number((v) => (v > 0 ? '+' : '') + dec(v) + unit);
    }
    default: {
      let any: Intl.NumberFormat | undefined;
      return number((v) => (any ??= numFormat[lang]).format(v));
    }
  }
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
  const digits = String(v < 0 ? -v : v);
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
// times 100 otherwise shows float noise, 1.1799999999999997).
const sixDecimals: MachineFormatter = (v) => (typeof v === 'number' ? (Number.isFinite(v) ? Number(v.toFixed(6)) : null) : machineText(v));
const MACHINE: Record<Column['kind'], MachineFormatter> = {
  text: (v) => (typeof v === 'number' ? (Number.isFinite(v) ? v : null) : machineText(v)),
  int: (v) => (typeof v === 'number' ? (Number.isFinite(v) ? v : null) : machineText(v)),
  'signed-int': (v) => (typeof v === 'number' ? (Number.isFinite(v) ? v : null) : machineText(v)),
  status: (v) => (typeof v === 'number' ? (Number.isFinite(v) ? v : null) : machineText(v)),
  pct: sixDecimals,
  'signed-pct': sixDecimals,
  points: sixDecimals,
  number: (v) => (typeof v === 'number' ? (Number.isFinite(v) ? Number(v.toPrecision(12)) : null) : machineText(v)),
};

/** formatMachine for one kind, resolved once (a renderer takes one per column). */
export function machineFormatter(kind: Column['kind']): MachineFormatter {
  return Object.hasOwn(MACHINE, kind) ? MACHINE[kind] : MACHINE.text;
}

/** Cells that a spreadsheet would run as a formula are made inert with a leading apostrophe. */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(text) ? `'${text}` : text;
}
