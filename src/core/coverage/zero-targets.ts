// Targets of 0 of a finer row (a segment's, a regency's, a sector's): real where the plan sets none, but
// any participants there make the row "achieved" (rv31 V10), so they are said. Not where that row has no
// participants either (rv32 W4): `breakdown --by province,segment` writes Papua Tengah's JAKON and PMI as
// 0 because it has 0 participants there (its lower bound), and that 0 is the plan, not a blank. Nor
// for rows outside the report's areas (Papua Tengah on a Sulama report).

import type { Note } from '../facts.js';
import { areaDimOf, type AreaBook, type AreaDim } from '../scope.js';
import { columnsFor, dimIndex, keysOf, labelOf, measureIndex, type Table } from '../table.js';
import { areaUp } from './target-areas.js';

const RANK: Readonly<Record<AreaDim, number>> = { regency: 0, province: 1, kanwil: 2 };

/**
 * The notes of the rows of `targets` whose target is 0, in the report's areas (those of `cur`, the data of
 * the month reported): `zero-targets` (a warning) for those with participants there, in the targets file's
 * own participants (or baseline) column, else in the data where it has the target's keys; and where
 * neither gives them (the data without the target's keys, a file without participants: province ×
 * segment targets on a file by province), `zero-targets-within` (a note) for a 0 that is only a part of a
 * coarser row's target, which counts nothing for it: no row of the report is compared with it alone, so
 * it is no gap of its own (fx53). Such a 0 is still warned where the coarser row's whole target is 0 and
 * the data give it participants (every Sulama province's PMI target 0 on a report by segment: the PMI row
 * "achieved"). Empty when none.
 */
export function zeroTargets(targets: Table, file: Table, cur: Table, source: string, book?: AreaBook): Extract<Note, { code: 'zero-targets' | 'zero-targets-within' }>[] {
  const zi = measureIndex(targets, 'target');
  if (zi < 0) return [];
  const named = targets.dims.map((_, i) => i).filter((i) => !['period', 'year', 'from'].includes(targets.dims[i]!.name) && (targets.dims[i]!.name !== 'kanwil' || dimIndex(targets, 'province') < 0));
  const inScope = scopeTest(targets, cur, book);
  // The named keys the data give too (at which a part's 0 meets the data's rows), and those it lacks.
  const shared = named.filter((i) => dimIndex(cur, targets.dims[i]!.name) >= 0);
  const lacking = named.filter((i) => !shared.includes(i)).map((i) => targets.dims[i]!.name);
  const keyAt = (keys: readonly (string | null)[], at: readonly number[]): string => at.map((i) => keys[i] ?? '').join('\u0000');
  // The 0 targets of the report's areas first: the participants are looked up for those keys only.
  const found: { key: string; coarse: string; label: string }[] = [];
  // On the columns (a million targets: no row object made; issue 20).
  const tc = columnsFor(targets);
  for (let r = 0; r < tc.size; r++) {
    if (tc.value(r, zi) !== 0) continue;
    const keys = targets.dims.map((_, i) => tc.key(r, i));
    if (!inScope(keys)) continue;
    found.push({ key: keyAt(keys, named), coarse: keyAt(keys, shared), label: named.map((i) => (keys[i] === null ? '' : labelOf(targets.dims[i]!, keys[i]!))).filter((x) => x !== '').join(' / ') });
  }
  if (!found.length) return [];
  const wanted = new Set(found.map((f) => f.key));
  const inFile = participantsBy(targets, file, named, ['participants', 'baseline'], wanted);
  const inData = participantsBy(targets, cur, named, ['participants'], wanted);
  // Neither gives a part's participants: the data's at the shared keys (its coarser row's), and the
  // targets in scope summed there (a 0 part of a coarser row with a target of its own), for those keys only.
  const unseenAt = (f: { key: string }): boolean => !inData && inFile?.get(f.key) === undefined;
  const coarseKeys = new Set(found.filter(unseenAt).map((f) => f.coarse));
  const inCoarse = coarseKeys.size ? participantsBy(targets, cur, shared, ['participants'], coarseKeys, true) : undefined;
  const coarseTarget = new Map<string, number>();
  if (coarseKeys.size) {
    for (let r = 0; r < tc.size; r++) {
      const v = tc.value(r, zi);
      if (v === null) continue;
      let coarse = '';
      for (let j = 0; j < shared.length; j++) coarse = j === 0 ? (tc.key(r, shared[j]!) ?? '') : coarse + '\u0000' + (tc.key(r, shared[j]!) ?? '');
      if (!coarseKeys.has(coarse)) continue;
      if (!inScope(targets.dims.map((_, i) => tc.key(r, i)))) continue;
      coarseTarget.set(coarse, (coarseTarget.get(coarse) ?? 0) + v);
    }
  }
  const zeros: string[] = [];
  const within: string[] = [];
  let count = 0;
  let withinCount = 0;
  for (const f of found) {
    if (inFile?.get(f.key) === 0) continue;
    if (inData && (inData.get(f.key) ?? 0) === 0) continue;
    if (unseenAt(f) && !(coarseTarget.get(f.coarse) === 0 && (inCoarse?.get(f.coarse) ?? 0) > 0)) {
      withinCount++;
      if (within.length < 5) within.push(f.label);
      continue;
    }
    count++;
    if (zeros.length < 5) zeros.push(f.label);
  }
  const out: Extract<Note, { code: 'zero-targets' | 'zero-targets-within' }>[] = [];
  if (count > 0) out.push({ code: 'zero-targets', source, rows: zeros, count });
  if (withinCount > 0) out.push({ code: 'zero-targets-within', source, rows: within, count: withinCount, lacking });
  return out;
}

/** Is a target row of the report's areas? Compared at the coarser of the targets' and the data's area. */
function scopeTest(targets: Table, cur: Table, book: AreaBook | undefined): (keys: readonly (string | null)[]) => boolean {
  const tDim = areaDimOf(targets.dims.map((d) => d.name));
  const dDim = areaDimOf(cur.dims.map((d) => d.name));
  if (!tDim || !dDim || (tDim !== dDim && !book)) return () => true;
  const at = RANK[tDim] >= RANK[dDim] ? tDim : dDim;
  const upData = tDim === dDim ? (k: string): string | null => k : areaUp(book!, dDim, at);
  const upTarget = tDim === dDim ? (k: string): string | null => k : areaUp(book!, tDim, at);
  const areas = new Set(keysOf(cur, dDim).map(upData));
  const ti = dimIndex(targets, tDim);
  return (keys) => keys[ti] === null || keys[ti] === undefined || areas.has(upTarget(keys[ti]!));
}

/**
 * The participants of `t` (the data, or the targets file as read) by the targets' named keys, from the
 * first of `measures` a row gives, for the `wanted` keys, where it has every one of those keys; else undefined.
 */
function participantsBy(targets: Table, t: Table, named: readonly number[], measures: readonly string[], wanted: ReadonlySet<string>, orNone = false): Map<string, number> | undefined {
  const ms = measures.map((m) => measureIndex(t, m)).filter((i) => i >= 0);
  const at = named.map((i) => dimIndex(t, targets.dims[i]!.name));
  // `orNone`: no key at all is the whole (the data's Total), not "unknown".
  if (!ms.length || (!named.length && !orNone) || at.some((i) => i < 0)) return undefined;
  const out = new Map<string, number>();
  const c = columnsFor(t);
  // Every row, a wide row's segment parts too, and a file's rows of every month: only a sum of 0 is asked of it.
  for (let i = 0; i < c.size; i++) {
    const v = ms.map((m) => c.value(i, m)).find((x) => x !== null) ?? null;
    if (v === null) continue;
    const k = at.map((d) => c.key(i, d) ?? '').join('\u0000');
    if (!wanted.has(k)) continue;
    out.set(k, (out.get(k) ?? 0) + v);
  }
  return out;
}
