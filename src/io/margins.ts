// Totals given for the keys of one dimension (--row-totals, --column-totals: inline PU=…,BPU=… or a
// key,total file) and phasing profiles (month,weight files), read through the one loader.

import type { GivenMargin, MarginInput as MarginSpec } from '../core/allocation/spec.js';
import type { Phasing } from '../core/phasing.js';
import { measureIndex, rollup } from '../core/table.js';
import { InputError, say, usage } from '../errors.js';
import { KeyDomains } from './key-domains.js';
import { KNOWN_DIMS, canonicalColumn } from '../core/columns.js';
import { loadTable, type LoadOptions } from './load.js';

export async function loadMargin(spec: MarginSpec, dim: string, flag: string, options: LoadOptions): Promise<GivenMargin> {
  if (spec.kind === 'inline') {
    const domains = new KeyDomains(options.codeSystem);
    const kind = KNOWN_DIMS.get(dim) ?? 'text';
    const totals = new Map<string, bigint>();
    for (const [raw, v] of spec.totals) {
      const r = kind === 'province' ? domains.resolveProvince('', raw) : domains.resolve(dim, kind, raw);
      if ('message' in r) throw usage({ message: `${flag}: ${r.message}`, hint: r.hint }, { message: `${flag}: ${r.id.message}`, hint: r.id.hint });
      if (totals.has(r.key)) throw usage(`${flag} gives ${raw} twice`, `${flag} memuat ${raw} dua kali`);
      totals.set(r.key, v);
    }
    return { dim, totals, source: flag };
  }
  const table = await loadTable([spec.path], { role: flag, dims: [dim], measures: new Map([['total', 'count'], ['target', 'count']]), rule: 'refuse' }, options);
  if (!table.dims.some((d) => d.name === canonicalColumn(dim))) {
    const example = dim === 'segment' ? 'PU,35000000' : 'Gorontalo,300000';
    throw new InputError({
      file: spec.path,
      line: 1,
      ...say({ message: `${flag}: expected a "${dim}" column and a "total" column`, hint: `write ${dim},total rows, e.g. ${example}` }, { message: `${flag}: seharusnya ada kolom "${dim}" dan kolom "total"`, hint: `tulis baris ${dim},total, mis. ${example}` }),
    });
  }
  const agg = rollup(table, [dim]).table;
  const ti = measureIndex(agg, 'total');
  const gi = measureIndex(agg, 'target');
  const useTotal = agg.rows.some((r) => r.values[ti] !== null);
  const hasTarget = agg.rows.some((r) => r.values[gi] !== null);
  // Both columns: which one holds the totals is the user's to say, not ours to pick.
  if (useTotal && hasTarget) {
    throw new InputError({
      file: spec.path,
      line: 1,
      ...say(
        { message: `${flag}: the file has both a "total" and a "target" column: it is not clear which one gives the ${dim} totals`, hint: `keep one of the two columns (delete or rename the other), as ${dim},total rows` },
        { message: `${flag}: berkas memuat kolom "total" dan kolom "target": tidak jelas mana yang memberi total ${dim}`, hint: `pertahankan salah satu kolom (hapus atau ganti nama yang lain), sebagai baris ${dim},total` },
      ),
    });
  }
  if (!useTotal && !hasTarget) {
    throw new InputError({ file: spec.path, line: 1, ...say({ message: `${flag}: expected a "total" (or "target") column`, hint: `write ${dim},total rows` }, { message: `${flag}: seharusnya ada kolom "total" (atau "target")`, hint: `tulis baris ${dim},total` }) });
  }
  const totals = new Map<string, bigint>();
  for (const r of agg.rows) totals.set(r.keys[0]!, BigInt(r.values[useTotal ? ti : gi] ?? 0));
  return { dim, totals, source: spec.path };
}

export async function loadProfile(path: string, options: LoadOptions): Promise<Phasing> {
  const table = await loadTable([path], { role: '--phasing', measures: new Map([['weight', 'number']]), required: [{ column: 'period', why: 'the month (1–12 or YYYY-MM)', whyId: 'bulan (1–12 atau YYYY-MM)' }, { column: 'weight', why: 'the share of the year in that month', whyId: 'porsi tahun pada bulan itu' }], rule: 'refuse', periodKind: 'month' }, options);
  const agg = rollup(table, ['period']).table;
  const wi = measureIndex(agg, 'weight');
  const weights = new Map<string, number>();
  for (const r of agg.rows) {
    const v = r.values[wi]!;
    if (!(v >= 0)) {
      const src = table.sources[r.src]!;
      throw new InputError({ file: src.name, line: r.line, ...say({ message: `weight ${v} is negative`, hint: 'month weights are shares of the year: 0 or more' }, { message: `bobot ${v} negatif`, hint: 'bobot bulan adalah porsi dari setahun: 0 atau lebih' }) });
    }
    weights.set(r.keys[0]!, v);
  }
  return { kind: 'profile', weights, source: path };
}
