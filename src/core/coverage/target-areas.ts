// Targets given per an area coarser than the report's: per Kanwil on a report by province, per province
// on a report by regency. The report's data has no column for that area (a province file names no
// Kanwil), so the targets could not be matched to its areas and every target of the file was summed
// into the Total (the national 50,000,000 against five provinces). Each row of the data is placed in
// its area of the targets by the geography (an AreaBook), so that the targets are restricted to the
// report's areas and its Total compares like with like. Pure.

import type { AreaBook, AreaDim } from '../scope.js';
import type { Dimension, Table, TableRow } from '../table.js';
import { columnsFor, dimIndex, everyRowKeyed, filterAt, filterRows, labelOf } from '../table.js';

const RANK: Readonly<Record<AreaDim, number>> = { regency: 0, province: 1, kanwil: 2 };

const isArea = (d: string): d is AreaDim => d === 'regency' || d === 'province' || d === 'kanwil';

/** The finest area dimension among some names. */
function finest(dims: readonly string[]): AreaDim | undefined {
  let out: AreaDim | undefined;
  for (const d of dims) if (isArea(d) && (out === undefined || RANK[d] < RANK[out])) out = d;
  return out;
}

/**
 * The finest area dimension every row of the data has a key in: the grain the whole data is reported at.
 * A Kanwil's files where one branch reports by regency and the others by province give 'province' (rv26
 * F1: the scope and the parts reported were counted from the regency rows alone, "Gorontalo: 6
 * regencies and cities" for a report of 7 provinces). Else the finest area dimension it has.
 */
export function reportedAreaDim(t: Table): AreaDim | undefined {
  for (const d of ['regency', 'province', 'kanwil'] as const) {
    const i = dimIndex(t, d);
    if (i >= 0 && everyRowKeyed(t, i)) return d;
  }
  return finest(t.dims.map((d) => d.name));
}

/**
 * The area dimension of the targets that is coarser than the report's finest (and that the report's
 * grain does not hold): 'kanwil' for Kanwil targets on a report by province. A report whose grain
 * holds no area (by segment, by sector) is placed by its data's own finest area (`dataDims`): Kanwil
 * targets on a province file reported by segment are Kalimantan's, not every Kanwil's of the file.
 * Undefined: none.
 */
export function coarserTargetArea(targetDims: readonly string[], grain: readonly string[], dataDims: readonly string[] = grain): AreaDim | undefined {
  const t = finest(targetDims);
  const g = finest(grain) ?? finest(dataDims);
  if (!t || !g || grain.includes(t)) return undefined;
  return RANK[t] > RANK[g] ? t : undefined;
}

/**
 * The area whose targets are for the whole area (for the warning of an area reported in part): the
 * coarser area of the targets, else the report's. Undefined when the targets are given per a finer area
 * than that: a Kanwil's target that is the sum of its reported provinces' targets is like for like.
 */
export function wholeTargetArea(targetDims: readonly string[], grain: readonly string[], coarse: AreaDim | undefined): AreaDim | undefined {
  const t = finest(targetDims);
  const g = finest(grain);
  // Targets per an area coarser than the report's finest (Kanwil targets, --by kanwil,province): theirs.
  const whole = coarse ?? (t && g && RANK[t] > RANK[g] ? t : g);
  return whole && t && RANK[t] < RANK[whole] ? undefined : whole;
}

/**
 * The units targets are given per, as said to people: a Kanwil column beside the province (a breakdown
 * by province names each one's Kanwil) is left out, but not a Kanwil that is the only area (Kanwil ×
 * segment targets are per regional office × segment, not per segment).
 */
export function targetUnitsSaid(units: readonly string[]): string[] {
  const finer = units.some((u) => u === 'province' || u === 'regency');
  return units.filter((n) => n !== 'kanwil' || !finer);
}

/** A function from a key of `from` to its key of the coarser `to` (null: unknown to the geography). */
export function areaUp(book: AreaBook, from: AreaDim, to: AreaDim): (key: string) => string | null {
  if (from === to) return (k) => k;
  const province = (k: string): string | null => (from === 'regency' ? (book.regencies.get(k)?.province ?? null) : k);
  if (to === 'province') return province;
  return (k) => {
    const p = province(k);
    return p === null ? null : (book.provinces.get(p)?.kanwil ?? null);
  };
}

/**
 * The table with a column `to` added, each row's key found from its finest area by the geography (the
 * table itself when it has that column, or no finer area to find it from). Example: the five Kalimantan
 * provinces' rows each get 'Kalimantan' under 'kanwil'.
 */
export function withArea(t: Table, to: AreaDim, book: AreaBook): Table {
  if (dimIndex(t, to) >= 0) return t;
  const from = finest(t.dims.map((d) => d.name));
  if (!from || RANK[from] >= RANK[to]) return t;
  // Each row from the finest area it has a key in: a Kanwil's files where one branch reports by regency
  // and the others by province place the province rows by their province (rv26 F1).
  const ways = (['regency', 'province'] as const).filter((d) => RANK[d] < RANK[to] && dimIndex(t, d) >= 0).map((d) => ({ i: dimIndex(t, d), up: areaUp(book, d, to) }));
  const labels = new Map<string, string>();
  const rows: TableRow[] = t.rows.map((r) => {
    let u: string | null = null;
    for (const w of ways) {
      const k = r.keys[w.i];
      if (k !== null && k !== undefined) {
        u = w.up(k);
        break;
      }
    }
    if (u !== null && !labels.has(u)) labels.set(u, to === 'province' ? (book.provinces.get(u)?.name ?? u) : u);
    return { ...r, keys: [...r.keys, u] };
  });
  const dim: Dimension = { name: to, kind: to, labels };
  return { ...t, dims: [...t.dims, dim], rows };
}

/**
 * The areas of the targets the data covers only in part, each counted in the parts all its rows give: a
 * Kanwil whose provinces report by province and one by regency is counted in provinces (7 of 8), a
 * province whose every row names its regency in regencies (5 of 6). One list per kind of part (rv26 F1).
 * `t`: the data with the targets' area added (withArea).
 */
export function partialAreasByPart(t: Table, area: AreaDim, book: AreaBook): { partDim: AreaDim; areas: { label: string; have: number; of: number }[] }[] {
  const ai = dimIndex(t, area);
  const dims = (['regency', 'province'] as const).filter((d) => RANK[d] < RANK[area] && dimIndex(t, d) >= 0);
  if (ai < 0 || !dims.length) return [];
  const di = dims.map((d) => dimIndex(t, d));
  // Per area, the index (in dims) of the finest part every row of it names.
  const finestOf = new Map<string, number>();
  for (const r of t.rows) {
    const a = r.keys[ai];
    if (a === null || a === undefined) continue;
    let j = 0;
    while (j < di.length && (r.keys[di[j]!] === null || r.keys[di[j]!] === undefined)) j++;
    finestOf.set(a, Math.max(finestOf.get(a) ?? 0, j));
  }
  const out: { partDim: AreaDim; areas: { label: string; have: number; of: number }[] }[] = [];
  dims.forEach((d, j) => {
    const these = new Set<string>();
    for (const [a, at] of finestOf) if (at === j) these.add(a);
    if (!these.size) return;
    const rows = t.rows.filter((r) => these.has(r.keys[ai] ?? ''));
    const areas = partialTargetAreas({ ...t, rows }, d, area, book);
    if (areas.length) out.push({ partDim: d, areas });
  });
  return out;
}

/**
 * The areas of the targets the data covers only in part (Kalimantan with 4 of its 5 provinces): a
 * target for the whole area against some of its parts is not like for like. `t`: the data with the
 * targets' area added (withArea).
 */
export function partialTargetAreas(t: Table, dataDim: AreaDim, area: AreaDim, book: AreaBook, named = false): { label: string; have: number; of: number; parts?: string[] }[] {
  const di = dimIndex(t, dataDim);
  const ai = dimIndex(t, area);
  if (di < 0 || ai < 0 || RANK[dataDim] >= RANK[area]) return [];
  const have = new Map<string, Set<string>>();
  for (const r of t.rows) {
    const a = r.keys[ai];
    const d = r.keys[di];
    if (a === null || a === undefined || d === null || d === undefined) continue;
    let set = have.get(a);
    if (!set) have.set(a, (set = new Set()));
    set.add(d);
  }
  // The parts of each area in the geography.
  const of = new Map<string, number>();
  const up = areaUp(book, dataDim, area);
  const parts = dataDim === 'regency' ? book.regencies.keys() : book.provinces.keys();
  for (const k of parts) {
    const a = up(k);
    if (a !== null && have.has(a)) of.set(a, (of.get(a) ?? 0) + 1);
  }
  const out: { label: string; have: number; of: number; parts?: string[] }[] = [];
  // `named`: the parts given, by name, when they are few enough to name (rv25 F8: "Gorontalo" is Kota Gorontalo's).
  const partName = (k: string): string => (dataDim === 'regency' ? (book.regencies.get(k)?.name ?? k) : dataDim === 'province' ? (book.provinces.get(k)?.name ?? k) : k);
  for (const [a, set] of have) {
    const n = of.get(a) ?? 0;
    if (n > 0 && set.size < n) out.push({ label: area === 'province' ? (book.provinces.get(a)?.name ?? a) : a, have: set.size, of: n, ...(named && set.size <= 3 ? { parts: Array.from(set, partName).sort() } : {}) });
  }
  return out;
}

/**
 * The dimensions the targets are given per that are finer than the report's rows and that the data has
 * for every row (and the targets for every target): regency targets in a report by province, province
 * targets in a report by Kanwil or by segment, province × segment targets in a report by province. A
 * row's target is then the sum of its parts' targets, compared with those parts' participants only
 * (rv28 R23). None where the targets are coarser than the report (`coarse`).
 */
export function finerTargetDims(targetDims: readonly string[], grain: readonly string[], coarse: AreaDim | undefined, data: Table, targets: Table): string[] {
  if (coarse) return [];
  const g = finest(grain);
  const keyed = (t: Table, d: string): boolean => {
    const i = dimIndex(t, d);
    return i >= 0 && everyRowKeyed(t, i);
  };
  return targetDims.filter((d) => !grain.includes(d) && (!isArea(d) || g === undefined || RANK[d] < RANK[g]) && keyed(data, d) && keyed(targets, d));
}

/**
 * Targets given per a finer key that is no area and that the data has not (province × segment targets on
 * a file by province: `parts` = ['segment']), where a group of the other keys (a province) lacks some of
 * the parts the file gives for other groups (Maluku without PU): its target would be the others' sum,
 * compared with all its participants (rv31 V3: Maluku "achieved" 105 % on three segments' target). Those
 * groups' targets are left out (`kept`): the row is shown without a target and the Total compares the
 * others', like for like; `groups` names them, with the parts they lack.
 *
 * `whole`: every part there is, where the key has a known list (the four segments): a part the file
 * gives for no group is lacking too (rv32 W9: PU targets only, for every province, against every
 * segment's participants: "achieved" 102.5 %); `absent` names those parts.
 *
 *   groupsLackingParts(Gorontalo PU, BPU; Maluku BPU, parts ['segment'])
 *     → kept: Gorontalo's rows; groups: [{ label: 'Maluku', have: 1, of: 2, none: ['PU'], count: 1 }]
 *   groupsLackingParts(Gorontalo PU; Maluku PU, ['segment'], ['PU', 'BPU', 'JAKON', 'PMI'])
 *     → kept: none; groups: Gorontalo and Maluku (1 of 4); absent: ['BPU', 'JAKON', 'PMI']
 */
export function groupsLackingParts(t: Table, parts: readonly string[], whole?: readonly string[]): { kept: Table; groups: { label: string; have: number; of: number; none: string[]; count: number }[]; absent: string[] } {
  const pi = parts.map((d) => dimIndex(t, d));
  if (pi.some((i) => i < 0)) return { kept: t, groups: [], absent: [] };
  const ti = t.measures.findIndex((m) => m.name === 'target');
  const times = new Set(['period', 'year', 'from']);
  const gi = t.dims.map((_, i) => i).filter((i) => !pi.includes(i) && !times.has(t.dims[i]!.name));
  // Named by its own keys, a Kanwil's only where it has no province (the province says it).
  const named = gi.filter((i) => t.dims[i]!.name !== 'kanwil' || !gi.some((j) => t.dims[j]!.name === 'province'));
  const groupOf = (r: TableRow): string => gi.map((i) => r.keys[i] ?? '').join('\u0000');
  const partOf = (r: TableRow): string => pi.map((i) => r.keys[i] ?? '').join('\u0000');
  const all = new Map<string, string>();
  // The known parts first (in their order), the file's parts taking their labels.
  if (whole && parts.length === 1) for (const k of whole) all.set(k, k);
  const given = new Set<string>();
  const have = new Map<string, { label: string; parts: Set<string> }>();
  for (const r of t.rows) {
    if (ti >= 0 && (r.values[ti] === null || r.values[ti] === undefined)) continue;
    const p = partOf(r);
    if (!given.has(p)) {
      given.add(p);
      all.set(p, pi.map((i) => labelOf(t.dims[i]!, r.keys[i] ?? '')).join(' / '));
    }
    const g = groupOf(r);
    let x = have.get(g);
    if (!x) have.set(g, (x = { label: named.map((i) => (r.keys[i] === null ? '' : labelOf(t.dims[i]!, r.keys[i]!))).join(' / '), parts: new Set() }));
    x.parts.add(p);
  }
  const lacking = new Set<string>();
  const groups: { label: string; have: number; of: number; none: string[]; count: number }[] = [];
  for (const [g, x] of have) {
    if (x.parts.size === all.size) continue;
    lacking.add(g);
    const none: string[] = [];
    for (const [p, label] of all) if (!x.parts.has(p)) none.push(label);
    groups.push({ label: x.label, have: x.parts.size, of: all.size, none: none.slice(0, 5), count: none.length });
  }
  const absent: string[] = [];
  if (have.size) for (const [p, label] of all) if (!given.has(p)) absent.push(label);
  return { kept: lacking.size ? filterRows(t, (r) => !lacking.has(groupOf(r))) : t, groups, absent };
}

/**
 * Targets given per an area finer than the data's (province targets on a Kanwil's recap by kanwil ×
 * segment), whose file has no column of the data's area: the targets of the data's areas only, each
 * target placed in its area by the geography (rv32 W5: a report by segment of Sulama's recap summed the
 * 38 provinces' targets, 70,000,000, into its Total). The table itself where the targets have the data's
 * area (restrictTo matches it) or none finer than it.
 *
 *   targetsInDataAreas(38 province targets, Sulama's recap by kanwil, 'kanwil') → Sulama's 8 (5,567,655)
 */
export function targetsInDataAreas(targets: Table, data: Table, dataDim: AreaDim, book: AreaBook): Table {
  if (dimIndex(targets, dataDim) >= 0) return targets;
  const from = finest(targets.dims.map((d) => d.name));
  const di = dimIndex(data, dataDim);
  if (!from || di < 0 || RANK[from] >= RANK[dataDim]) return targets;
  // Read on the columns (no row object made: a target per key is a million rows, issue 20).
  const dc = columnsFor(data);
  const have = new Set<string>();
  for (let i = 0; i < dc.size; i++) {
    const k = dc.key(i, di);
    if (k !== null && k !== undefined) have.add(k);
  }
  // Each target from the finest area it has a key in, as withArea places rows.
  const ways = (['regency', 'province'] as const).filter((d) => RANK[d] < RANK[dataDim] && dimIndex(targets, d) >= 0).map((d) => ({ i: dimIndex(targets, d), up: areaUp(book, d, dataDim) }));
  return filterAt(targets, (tc, i, segment) => {
    if (segment) return true;
    for (const w of ways) {
      const k = tc.key(i, w.i);
      if (k === null || k === undefined) continue;
      const u = w.up(k);
      return u !== null && have.has(u);
    }
    return false;
  });
}
