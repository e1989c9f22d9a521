// --explain: the reasoning behind a breakdown, in words (stderr; also in JSON meta.explain as data).

import type { Rational } from '../core/allocation/exact.js';
import type { AllocationResult } from '../core/allocation/plan.js';
import type { SplitRule } from '../core/allocation/spec.js';
import { roundRatio, roundSignificant } from './rounding.js';
import { dimLabel, groupDigits, METHOD_NAMES, type Lang, type Words } from './vocabulary.js';

const fmt = (n: number): string => (Number.isFinite(n) ? roundSignificant(n, 10) : '∞');
const list = (xs: readonly string[]): string => (xs.length ? (xs.length > 12 ? `${xs.slice(0, 12).join(', ')}, … (${xs.length})` : xs.join(', ')) : 'none');

export function explainLines(r: AllocationResult, lang: Lang): string[] {
  const L = (en: string, id: string): string => (lang === 'id' ? id : en);
  const out: string[] = [];
  out.push(`${L('method', 'metode')} ${METHOD_NAMES.get(r.method) ?? r.method} (${r.method}), ${L('mode', 'mode')} ${r.mode}, ${L('basis', 'bobot')} ${r.basis}${r.denominator ? `, ${L('denominator', 'penyebut')} ${r.denominator}` : ''}`);
  out.push(`${L('total', 'total')} ${r.total.target} (${r.total.source})${r.total.participants !== null ? ` = ${L('today', 'saat ini')} ${r.total.participants} + ${L('increase', 'kenaikan')} ${Number(r.total.target) - r.total.participants}` : ''}`);
  if (r.matrix) {
    const m = r.matrix;
    out.push(`${L('biproportional: row totals', 'biproporsional: total baris')} (${dimLabel(r.dims[0]!)[lang]}) ${L('and column totals', 'dan total kolom')} (${dimLabel(r.dims[1]!)[lang]}) ${L('both met exactly', 'keduanya tepat')}`);
    out.push(`${L('column totals', 'total kolom')}: ${m.columnTotals.map(([k, v]) => `${k} ${v}`).join(', ')} ${m.columnsGiven ? L('(given)', '(diberikan)') : L('(split from the total by the same rule)', '(dibagi dari total dengan aturan yang sama)')}`);
    out.push(`${L('row totals', 'total baris')}: ${m.rowsGiven ? L('given', 'diberikan') : L('split from the total by the same rule', 'dibagi dari total dengan aturan yang sama')}`);
    out.push(`${L('column divisors', 'pembagi kolom')}: ${m.columnDivisors.map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}`);
    out.push(`${L('cells', 'sel')}: ${m.transfers} ${L('transfers', 'transfer')}, ${m.scalings} ${L('divisor updates', 'pembaruan pembagi')}; ${L('tied cells', 'sel seri')}: ${list(m.tiedCells)}`);
  }
  for (const l of r.levels) {
    const scope = `${l.grain.map((g) => dimLabel(g)[lang]).join(' × ')}${l.scope ? ` ${L('in', 'di')} ${l.scope}` : ''}`;
    if (l.divisor) out.push(`${scope}: ${L('divisor between', 'pembagi antara')} ${fmt(l.divisor.low)} ${L('and', 'dan')} ${fmt(l.divisor.high)} (${l.mode === 'gap' ? L('increase', 'kenaikan') : L('target', 'target')} = ${L('weight / divisor, rounded by the method, within the bounds', 'bobot / pembagi, dibulatkan menurut metode, dalam batas')})`);
    out.push(`${scope}: ${L('at their minimum', 'pada minimum')}: ${list(l.atMin)}; ${L('at their maximum', 'pada maksimum')}: ${list(l.atMax)}${l.held.length ? `; ${L('held at today', 'ditahan pada jumlah peserta saat ini')}: ${list(l.held)}` : ''}`);
    out.push(`${scope}: ${L('ties', 'seri')}: ${l.ties.length ? l.ties.map((t) => `${t.units.join(', ')} → ${t.winners.join(', ')}`).join('; ') : L('none', 'tidak ada')}`);
  }
  return out;
}

/** What a rule means, in the terms its reader needs (the rule as it was applied, defaults resolved). */
export interface RuleInWords {
  readonly result: AllocationResult;
  readonly rule: SplitRule;
}

const KNOWN_NOUNS = new Map<string, Words>([
  ['province', { en: 'provinces', id: 'provinsi' }],
  ['regency', { en: 'regencies/cities', id: 'kabupaten/kota' }],
  ['segment', { en: 'segments', id: 'segmen' }],
  ['sector', { en: 'sectors', id: 'sektor' }],
  ['kanwil', { en: 'regional offices', id: 'kanwil' }],
]);

/** The units of a level, in the plural: provinces; a column of the user's own: "branch units". */
export const unitsNoun = (dim: string): Words => KNOWN_NOUNS.get(dim) ?? { en: `${dim} units`, id: `unit ${dim}` };

const DENOMINATOR_WORDS = new Map<string, Words>([
  ['employed', { en: 'employed population', id: 'penduduk bekerja' }],
  ['potential_workers', { en: 'potential workers', id: 'potensi pekerja' }],
  ['workforce', { en: 'workforce', id: 'tenaga kerja' }],
]);
const denominatorWords = (d: string | null): Words => (d ? (DENOMINATOR_WORDS.get(d) ?? { en: d, id: d }) : { en: 'denominator', id: 'penyebut' });

const shareWords = (r: Rational, lang: Lang): string => {
  // Exactly, from the integers: two decimals, half up, trailing zeros dropped (12.5 %, 40 %).
  const t = roundRatio(r.num, r.den, 2, 2).replace(/\.?0+$/, '');
  return `${lang === 'id' ? t.replace('.', ',') : t} %`;
};

/**
 * A rule in plain words, in the report language: what its weights favour, its bounds and its method.
 * Example (en): "gap / uncovered: provinces with more uncovered workers (employed population −
 * participants) get more of the increase; every province keeps at least today's participants and
 * stays at or below its employed population; rounded by Webster / Sainte-Laguë".
 */
export function ruleWords({ result: r, rule }: RuleInWords, lang: Lang): string {
  const en = lang === 'en';
  const L = (e: string, i: string): string => (en ? e : i);
  const units = unitsNoun(r.dims[0]!)[lang];
  const one = dimLabel(r.dims[0]!)[lang];
  const den = denominatorWords(r.denominator)[lang];
  const weight = ((): string | undefined => {
    switch (r.basis) {
      case 'uncovered':
        return L(`uncovered workers (${den} − participants)`, `pekerja yang belum terlindungi (${den} − peserta)`);
      case 'workforce':
        return L(`workforce (${den})`, `tenaga kerja (${den})`);
      case 'participants':
        return L('participants today', 'peserta saat ini');
      case 'equal':
        return undefined;
      default:
        return r.basis;
    }
  })();
  const what =
    r.mode === 'gap'
      ? weight
        ? L(`${units} with more ${weight} get more of the increase`, `${units} dengan ${weight} lebih banyak mendapat bagian kenaikan yang lebih besar`)
        : L(`every ${one} gets the same share of the increase`, `setiap ${one} mendapat bagian kenaikan yang sama`)
      : weight
        ? L(`targets proportional to each ${one}'s ${weight}`, `target sebanding dengan ${weight} tiap ${one}`)
        : L(`the same target for every ${one}`, `target yang sama untuk setiap ${one}`);
  const today = L("today's participants", 'peserta saat ini');
  const lower = ((): string => {
    // In gap mode a target never goes below today, whatever the lower bound says.
    if (r.mode === 'gap' || rule.lower.kind === 'default') return today;
    if (rule.lower.kind === 'none') return '0';
    if (rule.lower.kind === 'value') return groupDigits(rule.lower.value, lang);
    return L(`its ${rule.lower.column}`, `${rule.lower.column}-nya`);
  })();
  // Both caps apply, the smaller wins: --max's (default: the denominator) and --max-coverage's share of the denominator.
  const upper = ((): string | undefined => {
    const share = rule.maxCoverage && r.denominator ? L(`${shareWords(rule.maxCoverage, lang)} of its ${den}`, `${shareWords(rule.maxCoverage, lang)} dari ${den}-nya`) : undefined;
    const own = rule.upper.kind === 'value' ? groupDigits(rule.upper.value, lang) : rule.upper.kind === 'column' ? L(`its ${rule.upper.column}`, `${rule.upper.column}-nya`) : undefined;
    if (own && share) return L(`the smaller of ${own} and ${share}`, `yang lebih kecil dari ${own} dan ${share}`);
    if (own || share) return own ?? share;
    if (rule.upper.kind === 'none' || !r.denominator) return undefined;
    return L(`its ${den}`, `${den}-nya`);
  })();
  const bounds = upper
    ? L(`every ${one} gets at least ${lower} and at most ${upper}`, `setiap ${one} mendapat paling sedikit ${lower} dan paling banyak ${upper}`)
    : L(`every ${one} gets at least ${lower}, with no upper bound`, `setiap ${one} mendapat paling sedikit ${lower}, tanpa batas atas`);
  const method = `${L('rounded by', 'dibulatkan dengan')} ${METHOD_NAMES.get(r.method) ?? r.method}`;
  const levels =
    r.shape === 'nested'
      ? L(`; the same rule splits each ${one} among its ${unitsNoun(r.dims[1]!).en}`, `; aturan yang sama membagi setiap ${one} ke ${unitsNoun(r.dims[1]!).id}-nya`)
      : r.shape === 'matrix'
        ? L(`; the same rule splits the ${unitsNoun(r.dims[1]!).en} and each cell`, `; aturan yang sama membagi ${unitsNoun(r.dims[1]!).id} dan setiap sel`)
        : '';
  return `${r.mode} / ${r.basis}: ${what}; ${bounds}; ${method}${levels}`;
}
