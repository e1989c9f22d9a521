// Targets planned on the bundled baseline (end 2023) can fall below what a province has reported
// since: say so, with the figure and its source (data/actuals.csv), rather than let a stale baseline
// hand a province a target it has already passed.

import type { AllocationResult } from '../core/allocation/plan.js';
import type { Note } from '../core/facts.js';
import { loadActuals } from '../io/bundled.js';

export function laterActualNotes(result: AllocationResult, baselinePeriod: string | undefined): Note[] {
  const level = result.dims[0] === 'province' ? (result.shape === 'flat' ? result.units : result.parents) : [];
  if (!level.length) return [];
  const best = new Map<string, { participants: number; period: string; source: string }>();
  for (const a of loadActuals()) {
    if (!a.province || (baselinePeriod && a.period <= baselinePeriod)) continue;
    const prev = best.get(a.province);
    if (!prev || a.participants > prev.participants) best.set(a.province, a);
  }
  const notes: Note[] = [];
  for (const u of level) {
    const a = best.get(u.keys[0]!);
    if (a && BigInt(a.participants) > u.target) notes.push({ code: 'below-later-actual', unit: u.labels[0]!, target: Number(u.target), actual: a.participants, period: a.period, source: a.source });
  }
  return notes;
}
