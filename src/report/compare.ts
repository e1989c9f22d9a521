// breakdown --compare → one Report: each unit with one target column per variant of the rule
// (target_webster, target_level, target_gap_uncovered …), then, as before, `diff` (the second minus the
// first; with more variants, the spread between the largest and the smallest) and `changed`, then for
// each variant after the first its change against the first: `diff_<v>` in people and `diff_pct_<v>`
// as a fraction of the first's target. The columns are a contract like the others (CHANGELOG `output:`).
//
// The first variant is the reference: list today's rule first. The summary (per variant: the units
// that change, who gains and who loses most, the largest change in people and in %) is data in
// meta.summary and a sentence per variant in the notes.

import type { AllocationResult, PlannedUnit } from '../core/allocation/plan.js';
import type { Column, Report, Row, Value } from './model.js';
import { roundHalfUp, roundRatio } from './rounding.js';
import { keyColumns, keyValues, plainNote, totalLabel, unitsByParent } from './common.js';
import { unitsNoun } from './explain.js';
import { groupDigits, keysTitle, type Lang, type Words } from './vocabulary.js';
import { ESTIMATED_REPORT_COLUMN, estimateLegend, estimatedCell, withEstimates } from './estimates.js';

export interface Variant {
  /** Its name in column keys: webster, level, min_none, gap_uncovered. */
  readonly name: string;
  /** Its name for people: Webster / Sainte-Laguë, level, max-coverage 95%, gap / uncovered. */
  readonly label: string;
  readonly result: AllocationResult;
  /** The compared fields and this variant's value of each, as written (for meta). */
  readonly choices: readonly (readonly [string, string])[];
  /** The rule in words (what it weights, its bounds, its method), in both languages. */
  readonly words: Words;
  /** The rule's bounds as given: default, none, a number or a column; max coverage as a fraction or null. */
  readonly bounds: { readonly min: string; readonly max: string; readonly maxCoverage: number | null };
}

export interface Comparison {
  /** The compared fields, in the order given: ['method'], ['mode', 'basis']. */
  readonly fields: readonly string[];
  readonly variants: readonly Variant[];
}

/** A column key from a variant's name: target_huntington_hill. */
export const variantColumn = (name: string): string => `target_${columnName(name)}`;
const columnName = (name: string): string => name.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '').toLowerCase();
export const diffColumn = (name: string): string => `diff_${columnName(name)}`;
export const diffShareColumn = (name: string): string => `diff_pct_${columnName(name)}`;

/** Every column key a comparison of these variant names makes, in order (duplicates possible: the caller refuses them). */
export function comparisonKeys(names: readonly string[]): string[] {
  return ['participants', 'diff', 'changed', ...names.map(variantColumn), ...names.slice(1).flatMap((n) => [diffColumn(n), diffShareColumn(n)]), 'estimated'];
}

export interface UnitChange {
  readonly unit: string;
  readonly people: number;
  /** The change as a fraction of the reference target; null when that target is 0. */
  readonly pct: number | null;
}

/** The summary of one variant against the reference: meta.summary[i]. */
export interface VariantSummary {
  readonly variant: string;
  readonly against: string;
  readonly changedUnits: number;
  readonly units: number;
  readonly gainsMost: UnitChange | null;
  readonly losesMost: UnitChange | null;
  /** The largest change in people, up or down (the first unit in row order on a tie). */
  readonly largestChange: UnitChange | null;
  /** The largest change as a share of the reference target, up or down. */
  readonly largestChangePct: UnitChange | null;
}

const unitKey = (u: PlannedUnit): string => u.keys.join('\u0000');

/** The finest units of a result in report order (children under their parent, cells by row). */
function detailUnits(r: AllocationResult): PlannedUnit[] {
  if (r.shape === 'flat') return r.units.slice();
  const out: PlannedUnit[] = [];
  const byParent = unitsByParent(r.units);
  for (const p of r.parents) for (const u of byParent.get(p.keys[0]!) ?? []) out.push(u);
  return out;
}

/** Per variant after the first: what changes against the first, unit by unit. */
export function summarise(c: Comparison): VariantSummary[] {
  const [ref, ...rest] = c.variants;
  const refUnits = detailUnits(ref!.result);
  return rest.map((v) => {
    const theirs = new Map(v.result.units.map((u) => [unitKey(u), u]));
    let changed = 0;
    let gain: UnitChange | null = null;
    let loss: UnitChange | null = null;
    let largest: UnitChange | null = null;
    let largestPct: UnitChange | null = null;
    for (const u of refUnits) {
      const other = theirs.get(unitKey(u));
      if (!other) continue;
      const people = Number(other.target - u.target);
      if (people === 0) continue;
      changed++;
      // The share to 6 decimals, as every fraction of the machine formats.
      const change: UnitChange = { unit: u.labels.join(' / '), people, pct: u.target === 0n ? null : Number(roundRatio(other.target - u.target, u.target, 6)) };
      if (people > 0 && (!gain || people > gain.people)) gain = change;
      if (people < 0 && (!loss || people < loss.people)) loss = change;
      if (!largest || Math.abs(people) > Math.abs(largest.people)) largest = change;
      if (change.pct !== null && (!largestPct || Math.abs(change.pct) > Math.abs(largestPct.pct!))) largestPct = change;
    }
    return { variant: v.name, against: ref!.name, changedUnits: changed, units: refUnits.length, gainsMost: gain, losesMost: loss, largestChange: largest, largestChangePct: largestPct };
  });
}

const signed = (n: number, lang: Lang): string => (n > 0 ? '+' : '') + groupDigits(n, lang);
const signedPct = (x: number | null, lang: Lang): string => {
  if (x === null) return '–';
  const t = roundHalfUp(x, 2, 2);
  return (x > 0 ? '+' : '') + (lang === 'id' ? t.replace('.', ',') : t) + '%';
};

/** The summary of one variant as a sentence: "level vs gap: 31 of 38 provinces change; …". */
export function summaryWords(s: VariantSummary, c: Comparison): Words {
  const label = (name: string): string => c.variants.find((v) => v.name === name)?.label ?? name;
  const dims = c.variants[0]!.result.dims;
  const shape = c.variants[0]!.result.shape;
  const noun = (lang: Lang): string => (shape === 'matrix' ? (lang === 'en' ? 'cells' : 'sel') : unitsNoun(dims[dims.length - 1]!)[lang]);
  const change = (x: UnitChange, lang: Lang): string => `${x.unit} (${signed(x.people, lang)}, ${signedPct(x.pct, lang)})`;
  const say = (lang: Lang): string => {
    const L = (en: string, id: string): string => (lang === 'en' ? en : id);
    const head = `${label(s.variant)} ${L('vs', 'dibanding')} ${label(s.against)}`;
    if (s.changedUnits === 0) return `${head}: ${L(`no ${noun(lang)} change`, `tidak ada ${noun(lang)} yang berubah`)}`;
    const parts = [L(`${s.changedUnits} of ${s.units} ${noun(lang)} change`, `${s.changedUnits} dari ${s.units} ${noun(lang)} berubah`)];
    if (s.gainsMost) parts.push(L(`gains most: ${change(s.gainsMost, lang)}`, `naik paling banyak: ${change(s.gainsMost, lang)}`));
    if (s.losesMost) parts.push(L(`loses most: ${change(s.losesMost, lang)}`, `turun paling banyak: ${change(s.losesMost, lang)}`));
    if (s.largestChangePct) parts.push(L(`largest change in %: ${change(s.largestChangePct, lang)}`, `perubahan terbesar dalam %: ${change(s.largestChangePct, lang)}`));
    return `${head}: ${parts.join('; ')}`;
  };
  return { en: say('en'), id: say('id') };
}

/**
 * Meta keys of the base report (the first variant's) and what they stand for in a result: where the
 * variants differ in it (the mode compared, and so the default basis too), one variant's value would
 * misstate the others, so it is null at the top and given per variant.
 */
const PER_VARIANT: readonly (readonly [readonly string[], (r: AllocationResult) => unknown])[] = [
  [['method', 'methodName'], (r) => r.method],
  [['mode'], (r) => r.mode],
  [['basis'], (r) => r.basis],
  [['denominator'], (r) => r.denominator],
  [['total', 'targetSource', 'increase'], (r) => `${r.total.target} ${r.total.source}`],
];

export function compareReport(c: Comparison, base: Report, summary: readonly VariantSummary[] = summarise(c)): Report {
  const { variants } = c;
  const first = variants[0]!.result;
  const dims = first.dims;
  const many = variants.length > 2;
  const targets = variants.map((v) => variantColumn(v.name));
  const rest = variants.slice(1);
  // Method names are short where their labels are long (Webster / Sainte-Laguë): the difference columns use them.
  const short = (v: Variant): string => (c.fields.includes('method') ? v.name : v.label);
  const ref = short(variants[0]!);
  const columns: Column[] = [
    ...keyColumns(dims),
    { key: 'participants', label: { en: 'participants today', id: 'peserta saat ini' }, kind: 'int' },
    ...variants.map((v, i): Column => ({ key: targets[i]!, label: { en: `target (${v.label})`, id: `target (${v.label})` }, kind: 'int' })),
    many ? { key: 'diff', label: { en: 'spread (largest − smallest)', id: 'rentang (terbesar − terkecil)' }, kind: 'int' } : { key: 'diff', label: { en: 'difference', id: 'selisih' }, kind: 'signed-int' },
    { key: 'changed', label: { en: 'differs', id: 'berbeda' }, kind: 'status' },
    ...rest.flatMap((v): Column[] => [
      { key: diffColumn(v.name), label: { en: `${short(v)} − ${ref}`, id: `${short(v)} − ${ref}` }, kind: 'signed-int' },
      { key: diffShareColumn(v.name), label: { en: `${short(v)} − ${ref} (%)`, id: `${short(v)} − ${ref} (%)` }, kind: 'signed-pct' },
    ]),
    ESTIMATED_REPORT_COLUMN,
  ];
  const line = (units: readonly (Pick<PlannedUnit, 'participants' | 'target' | 'estimated'> | undefined)[]): Record<string, Value> => {
    const t = units.map((u) => (u ? Number(u.target) : null));
    const known = t.filter((x): x is number => x !== null);
    const out = Object.create(null) as Record<string, Value>;
    out['participants'] = units.find((u) => u !== undefined)?.participants ?? null;
    targets.forEach((col, i) => (out[col] = t[i] ?? null));
    const spread = known.length === t.length ? known.reduce((m, x) => Math.max(m, x), -Infinity) - known.reduce((m, x) => Math.min(m, x), Infinity) : null;
    out['diff'] = many ? spread : t[0] !== null && t[1] !== null ? t[1]! - t[0]! : null;
    out['changed'] = spread === null ? null : spread !== 0 ? 'yes' : null;
    rest.forEach((v, k) => {
      const a = t[0] ?? null;
      const b = t[k + 1] ?? null;
      out[diffColumn(v.name)] = a === null || b === null ? null : b - a;
      out[diffShareColumn(v.name)] = a === null || b === null || a === 0 ? null : (b - a) / a;
    });
    // Estimates: participants as the data labels them; each variant's target when planned on one (the
    // variants may differ in their denominator).
    const est = [...(units.some((u) => u?.estimated?.includes('participants')) ? ['participants'] : []), ...targets.filter((_, i) => units[i]?.estimated?.length)];
    out['estimated'] = estimatedCell(est);
    return out;
  };
  const marked = (values: Record<string, Value>): readonly string[] | undefined => (typeof values['estimated'] === 'string' ? values['estimated'].split(',') : undefined);
  const indexes = variants.map((v) => new Map(v.result.units.map((u) => [unitKey(u), u])));
  const parentIdx = variants.map((v) => new Map(v.result.parents.map((u) => [unitKey(u), u])));
  const rows: Row[] = [];
  let changed = 0;
  const detail = (u: PlannedUnit): void => {
    const values = Object.assign(keyValues(dims, u.keys, u.labels), line(indexes.map((m) => m.get(unitKey(u)))));
    if (values['changed'] === 'yes') changed++;
    rows.push(withEstimates({ values }, marked(values)));
  };
  if (first.shape === 'flat') first.units.forEach(detail);
  else {
    const byParent = unitsByParent(first.units);
    for (const p of first.parents) {
      for (const u of byParent.get(p.keys[0]!) ?? []) detail(u);
      const values = Object.assign(totalLabel(dims, p.keys, p.labels), line(parentIdx.map((m) => m.get(unitKey(p)))));
      rows.push(withEstimates({ level: 'subtotal', values }, marked(values)));
    }
  }
  // The totals: the given targets are no estimate; the participants are where any unit's are.
  const anyEstimated = first.units.some((u) => u.estimated?.includes('participants'));
  const totals = Object.assign(Object.create(null) as Record<string, Value>, { [dims[0]!]: 'Total' }, line(variants.map((v) => ({ participants: v.result.total.participants, target: v.result.total.target }))), { estimated: anyEstimated ? 'participants' : null });

  const meta = Object.assign(Object.create(null) as Record<string, unknown>, base.meta);
  // What the variants set is said per variant: one variant's value at the top would misstate the others.
  delete meta['explain'];
  for (const [keys, of] of PER_VARIANT) if (variants.some((v) => of(v.result) !== of(first))) for (const k of keys) meta[k] = null;
  meta['compare'] = c.fields.join(',');
  meta['variants'] = variants.map((v) => ({
    name: v.name,
    label: v.label,
    column: variantColumn(v.name),
    choices: Object.fromEntries(v.choices),
    method: v.result.method,
    mode: v.result.mode,
    basis: v.result.basis,
    denominator: v.result.denominator,
    min: v.bounds.min,
    max: v.bounds.max,
    maxCoverage: v.bounds.maxCoverage,
    total: Number(v.result.total.target),
    targetSource: v.result.total.source,
    words: v.words,
  }));
  meta['changedUnits'] = changed;
  meta['summary'] = summary;
  const labels = variants.map((v) => v.label);
  return {
    kind: 'comparison',
    title: { en: `Targets by ${keysTitle(dims, 'en')}: ${labels.join(' vs ')}`, id: `Target per ${keysTitle(dims, 'id')}: ${labels.join(' vs ')}` },
    columns,
    rows,
    totals,
    totalsEstimated: anyEstimated ? ['participants'] : undefined,
    legend: estimateLegend(rows.some((x) => x.estimated?.length)),
    meta,
    notes: [...summary.map((s) => plainNote(summaryWords(s, c))), ...(base.notes ?? [])],
    chart: {
      label: dims[dims.length - 1]!,
      value: rest.length ? diffColumn(rest[0]!.name) : targets[0]!,
      changes: { label: first.shape === 'flat' ? [dims[0]!] : [dims[0]!, dims[1]!], series: rest.map((v) => ({ value: diffColumn(v.name), share: diffShareColumn(v.name) })) },
    },
    humanColumns: [...keyColumns(dims).map((col) => col.key), 'participants', ...targets, ...rest.flatMap((v) => [diffColumn(v.name), diffShareColumn(v.name)]), ...(many ? ['diff'] : []), 'changed'],
  };
}
