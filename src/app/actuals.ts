// Targets planned on the bundled baseline (end 2023) can fall below what has been published since: say
// so for every such target, with the figure and its source (data/actuals.csv), rather than let a stale
// baseline hand an area a target it has already passed. Checked: each province; a Kanwil's provinces
// together (Kalimantan); the national total; and with --by segment, each national segment (or sum of
// segments, as published: "PU+PMI").

import type { AllocationResult, PlannedUnit } from '../core/allocation/plan.js';
import type { Note } from '../core/facts.js';
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
  // Provinces, and a Kanwil's provinces together.
  const level: readonly PlannedUnit[] = result.dims[0] === 'province' ? (result.shape === 'flat' ? result.units : result.parents) : [];
  const byProvince = new Map(level.map((u) => [u.keys[0]!, u]));
  const inScope = (code: string): boolean => within === undefined || within.has(code);
  for (const u of level) if (inScope(u.keys[0]!)) below(u.labels[0]!, u.target, best.get(`${u.keys[0]}|`));
  for (const a of best.values()) {
    if (!a.province.includes('+') || a.segment) continue;
    if (!a.province.split('+').every(inScope)) continue;
    const members = a.province.split('+').map((c) => byProvince.get(c));
    if (members.every((m) => m !== undefined)) below(a.name, members.reduce((s, m) => s + m!.target, 0n), a);
  }
  // The nation, when the plan covers it: a plan over every province from the bundled baseline.
  if (result.dims[0] === 'province' && level.length === 38 && level.every((u) => inScope(u.keys[0]!))) {
    below('Indonesia', result.total.target, best.get('|'));
    // National segments (a province × segment plan): each published segment or sum of segments.
    if (result.shape === 'matrix' && result.dims[1] === 'segment') {
      const bySegment = new Map(result.columns.map((c) => [c.keys[0]!, c.target]));
      for (const a of best.values()) {
        if (a.province !== '' || !a.segment) continue;
        const parts = a.segment.split('+').map((s) => bySegment.get(s));
        if (parts.every((t) => t !== undefined)) below(`Indonesia ${a.segment}`, parts.reduce((s, t) => s + t!, 0n), a);
      }
    }
  }
  return notes;
}
