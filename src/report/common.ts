// What the report builders share: key columns (a province shows as its code and its name), the facts
// of the input files for meta, notes in words.

import type { PlannedUnit } from '../core/allocation/plan.js';
import type { Note } from '../core/facts.js';
import type { SourceFacts } from '../core/table.js';
import type { Column, ReportNote, Value } from './model.js';
import { noteKind } from './note-kinds.js';
import { dimLabel, noteText, scopeText, type Words } from './vocabulary.js';
import type { Scope } from '../core/scope.js';

/** The report columns of the key dimensions. */
export function keyColumns(dims: readonly string[]): Column[] {
  const cols: Column[] = [];
  for (const d of dims) {
    if (d === 'province') cols.push({ key: 'province_code', label: dimLabel('province_code'), kind: 'text' });
    cols.push({ key: d, label: dimLabel(d), kind: 'text' });
  }
  return cols;
}

/** The key cells of a row: keys and labels by dimension. */
export function keyValues(dims: readonly string[], keys: readonly string[], labels: readonly string[]): Record<string, Value> {
  const out: Record<string, Value> = Object.create(null) as Record<string, Value>;
  dims.forEach((d, i) => {
    if (d === 'province') out['province_code'] = keys[i] ?? null;
    out[d] = labels[i] ?? null;
  });
  return out;
}

/**
 * The units of a nested breakdown by their parent's key (their first), in order: one pass, where a
 * filter of every unit for every parent grew with their product (20,000 branches: 5.8 s of 6).
 */
export function unitsByParent(units: readonly PlannedUnit[]): Map<string, PlannedUnit[]> {
  const out = new Map<string, PlannedUnit[]>();
  for (const u of units) {
    const parent = u.keys[0]!;
    const list = out.get(parent);
    if (list) list.push(u);
    else out.set(parent, [u]);
  }
  return out;
}

/** The label cell of a subtotal or total row: the first key, and 'Total' in the next. */
export function totalLabel(dims: readonly string[], keys: readonly string[], labels: readonly string[]): Record<string, Value> {
  const out = keyValues(dims.slice(0, keys.length), keys, labels);
  const next = dims[keys.length];
  if (next) out[next] = 'Total';
  return out;
}

export function inputsMeta(sources: readonly SourceFacts[]): Record<string, unknown>[] {
  return sources.map((s) => ({
    name: s.name,
    sha256: s.sha256,
    bytes: s.bytes,
    rows: s.rows,
    format: s.format,
    delimiter: s.delimiter ?? null,
    sheet: s.sheet ?? null,
    numberLocale: s.numberLocale,
    encoding: s.encoding,
  }));
}

/** What the readers decided about the input files (the sheet of a workbook, merged cells filled down). */
export function sourceNotes(sources: readonly SourceFacts[]): Note[] {
  const out: Note[] = [];
  for (const s of sources) {
    for (const n of s.notes ?? []) {
      if (n.code !== 'total-rows' || n.rows.every((r) => r.checked)) out.push(n);
      else {
        // A total row left out unchecked is a warning of its own, with why (fx44): its figures were
        // never compared with the rows, which a mistyped row would have shown.
        const checked = n.rows.filter((r) => r.checked);
        if (checked.length) out.push({ ...n, rows: checked });
        out.push({ code: 'total-rows-unchecked', rows: n.rows.filter((r) => !r.checked).map(({ checked: _, ...r }) => r) });
      }
    }
  }
  return out;
}

/** The core's notes in words, each with its kind (warning or note, as the command line says it) and code. */
export function notesInWords(notes: readonly Note[]): ReportNote[] {
  return notes.map((n) => ({ en: noteText(n, 'en'), id: noteText(n, 'id'), kind: noteKind(n.code), code: n.code }));
}

/** A note in words that is not one of the core's (what a report builder says itself): a note, not a warning. */
export const plainNote = (words: Words): ReportNote => ({ en: words.en, id: words.id, kind: 'note' });

export const ratio = (a: number | null | undefined, b: number | null | undefined): number | null =>
  a === null || a === undefined || b === null || b === undefined || b === 0 ? null : a / b;

/** The scope in words in both languages (JSON meta.scopeText, like the notes), or null without one. */
export function scopeWords(scope: Scope | undefined): Words | null {
  const en = scope ? scopeText(scope, 'en') : undefined;
  const id = scope ? scopeText(scope, 'id') : undefined;
  return en && id ? { en, id } : null;
}

/** A title with the report's scope after it: "Coverage 2024-06 by province — Kanwil Sulawesi Maluku (Sulama): 8 provinces". */
export function withScope(title: Words, scope: Scope | undefined): Words {
  if (!scope) return title;
  const en = scopeText(scope, 'en');
  const id = scopeText(scope, 'id');
  return en && id ? { en: `${title.en} — ${en}`, id: `${title.id} — ${id}` } : title;
}
