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
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string') {
    if (kind === 'status') return statusLabel(value, lang);
    return value;
  }
  if (!Number.isFinite(value)) return value > 0 ? '∞' : value < 0 ? '−∞' : '–';
  switch (kind) {
    case 'int':
      return intFormat[lang].format(value);
    case 'signed-int':
      return (value > 0 ? '+' : '') + intFormat[lang].format(value);
    case 'pct':
      return decFormat[lang].format(value * 100) + '%';
    case 'signed-pct':
      return (value > 0 ? '+' : '') + decFormat[lang].format(value * 100) + '%';
    case 'points':
      return (value > 0 ? '+' : '') + decFormat[lang].format(value) + (lang === 'id' ? ' poin' : ' pp');
    default:
      return numFormat[lang].format(value);
  }
}

/** A status (achieved, on-track…) in words; an unknown one as it is. */
export function statusLabel(status: string, lang: Lang): string {
  return Object.hasOwn(STATUS_LABELS, status) ? STATUS_LABELS[status]![lang] : status;
}

/** A value for machines: plain, locale-neutral; fractions and points to 6 decimals; "no value" is null (never ""). */
export function formatMachine(value: Value, kind: Column['kind']): string | number | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return null;
  // Fractions and percentage points: 6 decimals (the README's contract; a difference of two shares
  // times 100 otherwise shows float noise, 1.1799999999999997).
  if (kind === 'pct' || kind === 'signed-pct' || kind === 'points') return Number(value.toFixed(6));
  if (kind === 'number') return Number(value.toPrecision(12));
  return value;
}

/** Cells that a spreadsheet would run as a formula are made inert with a leading apostrophe. */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(text) ? `'${text}` : text;
}
