// Targets planned on the bundled baseline (end 2023) can fall below what has been published since: say
// so for every such target, with the figure and its source (data/actuals.csv), rather than let a stale
// baseline hand an area a target it has already passed. Checked wherever the plan has the unit, in any
// order of --by (province, kanwil,province, segment,province…): each province; a Kanwil's provinces
// together (Kalimantan); a Kanwil without its provinces in the plan (--by kanwil) against what is
// published for exactly its provinces (one province, or a figure for them together); the national
// total; and each national segment (or sum of segments, as published: "PU+PMI").
//
// A Kanwil of several provinces whose figures are published per province only is not checked: the
// figures are of different months, and their sum was never published. Said in a note, with the way
// to check its provinces (--by kanwil,province).

import type { AllocationResult } from '../core/allocation/plan.js';
import type { Note } from '../core/facts.js';
import { provinceRegistry } from '../io/areas.js';
import { loadActuals, periodOrder, type Actual } from '../io/bundled.js';

/** The largest figure of each area published after the baseline month (the highest bar to clear). */
function highest(actuals: readonly Actual[], baselinePeriod: string | undefined): Map<string, Actual> {
  const best = new Map<string, Actual>();
  for (const a of actuals) {
    if (baselinePeriod && periodOrder(a.period) <= baselinePeriod) continue;
    const key = `${a.province}|${a.segment}`;
    const prev = best.get(key);
    if (!prev || a.participants > prev.participants) best.set(key, a);
  }
  return best;
}

interface LevelUnit {
  readonly key: string;
  readonly label: string;
  readonly target: bigint;
}

/** The plan's units of one dimension, wherever the shape has them (flat, either level, rows or columns). */
function unitsOf(result: AllocationResult, dim: string): LevelUnit[] | undefined {
  const i = result.dims.indexOf(dim);
  if (i < 0) return undefined;
  if (result.shape === 'flat') return result.units.map((u) => ({ key: u.keys[0]!, label: u.labels[0]!, target: u.target }));
  if (result.shape === 'nested') {
    // The inner level: each of its units lies in one outer unit (nested), so each appears once.
    if (i === 1) return result.units.map((u) => ({ key: u.keys[1]!, label: u.labels[1]!, target: u.target }));
    return result.parents.map((u) => ({ key: u.keys[0]!, label: u.labels[0]!, target: u.target }));
  }
  return (i === 0 ? result.parents : result.columns).map((u) => ({ key: u.keys[0]!, label: u.labels[0]!, target: u.target }));
}

/**
 * `within`: the province codes a report covers (a regional coverage report planned from the national
 * breakdown): targets of other areas are not its business, and are not mentioned.
 */
export function laterActualNotes(result: AllocationResult, baselinePeriod: string | undefined, actuals: readonly Actual[] = loadActuals(), within?: ReadonlySet<string>): Note[] {
  const best = highest(actuals, baselinePeriod);
  const notes: Note[] = [];
  const below = (unit: string, target: bigint, a: Actual | undefined): void => {
    if (a && BigInt(a.participants) > target) notes.push({ code: 'below-later-actual', unit, target: Number(target), actual: a.participants, period: a.period, source: a.source });
  };
  const inScope = (code: string): boolean => within === undefined || within.has(code);
  const allProvinces = provinceRegistry().provinces;
  // Provinces, and a Kanwil's provinces together.
  const provinces = unitsOf(result, 'province');
  const kanwils = provinces ? undefined : unitsOf(result, 'kanwil');
  let national: boolean;
  if (provinces) {
    const byProvince = new Map(provinces.map((u) => [u.key, u]));
    for (const u of provinces) if (inScope(u.key)) below(u.label, u.target, best.get(`${u.key}|`));
    for (const a of best.values()) {
      if (!a.province.includes('+') || a.segment) continue;
      if (!a.province.split('+').every(inScope)) continue;
      const members = a.province.split('+').map((c) => byProvince.get(c));
      if (members.every((m) => m !== undefined)) below(a.name, members.reduce((s, m) => s + m!.target, 0n), a);
    }
    national = provinces.length === allProvinces.length && provinces.every((u) => inScope(u.key));
  } else if (kanwils) {
    // A Kanwil against the figure published for exactly its provinces.
    const members = new Map<string, string[]>();
    for (const p of allProvinces) {
      const list = members.get(p.kanwil);
      if (list) list.push(p.kemendagri);
      else members.set(p.kanwil, [p.kemendagri]);
    }
    const joints = new Map<string, Actual>();
    for (const a of best.values()) if (!a.segment && a.province.includes('+')) joints.set(a.province.split('+').sort().join('+'), a);
    const unchecked: string[] = [];
    for (const k of kanwils) {
      const codes = members.get(k.key) ?? [];
      if (!codes.length || !codes.every(inScope)) continue;
      const joint = codes.length === 1 ? best.get(`${codes[0]}|`) : joints.get([...codes].sort().join('+'));
      if (joint) below(k.label, k.target, joint);
      else if (codes.some((c) => best.has(`${c}|`))) unchecked.push(k.label);
    }
    if (unchecked.length) notes.push({ code: 'later-actual-unchecked', units: unchecked, by: 'kanwil,province' });
    national = kanwils.reduce((n, k) => n + (members.get(k.key)?.length ?? 0), 0) === allProvinces.length && kanwils.every((k) => (members.get(k.key) ?? []).every(inScope));
  } else {
    // No area in the plan (--by segment): the plan is the bundled baseline's, the whole country.
    national = within === undefined && result.dims.includes('segment');
  }
  if (!national) return notes;
  below('Indonesia', result.total.target, best.get('|'));
  // National segments: each published segment or sum of segments.
  const segments = unitsOf(result, 'segment');
  if (segments) {
    const bySegment = new Map(segments.map((c) => [c.key, c.target]));
    for (const a of best.values()) {
      if (a.province !== '' || !a.segment) continue;
      const parts = a.segment.split('+').map((s) => bySegment.get(s));
      if (parts.every((t) => t !== undefined)) below(`Indonesia ${a.segment}`, parts.reduce((s, t) => s + t!, 0n), a);
    }
  }
  return notes;
}
