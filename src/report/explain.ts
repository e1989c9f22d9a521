// --explain: the reasoning behind a breakdown, in words (stderr; also in JSON meta.explain as data).

import type { AllocationResult } from '../core/allocation/plan.js';
import { dimLabel, METHOD_NAMES, type Lang } from './vocabulary.js';

const fmt = (n: number): string => (Number.isFinite(n) ? n.toPrecision(10).replace(/\.?0+$/, '') : '∞');
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
