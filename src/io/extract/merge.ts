// Merging the ranges of one file, scanned in parallel, into one answer — after checking that each range
// started where the one before it really ended (the split points were speculated).

import type { ExtractGroup, ExtractPlan, ExtractScan } from './plan.js';
import type { RangeResult } from './range-scan.js';
import { IdSet, MonthMasks } from './tables.js';

interface Facts {
  readonly bytes: number;
  readonly sha256: string;
}

/**
 * `'rescan'` when a speculated start was wrong (it fell inside a quoted field, say): the ranges do not
 * tile the file and the file must be scanned in one pass. `starts[i]` is where range i began.
 */
export function mergeRanges(plan: ExtractPlan, starts: readonly number[], results: readonly RangeResult[], facts: Facts): ExtractScan | 'rescan' {
  // Range 0 starts at a true record start; range i+1 is known to when range i ends exactly at its start.
  for (let i = 0; i < results.length; i++) {
    const r = results[i]!;
    if (r.problem !== undefined) return { ok: false, reason: `${r.problem} (line ${lineOf(plan, results, i) + r.problemLine!})` };
    if (i + 1 < results.length && r.end !== starts[i + 1]) return 'rescan';
  }

  let mode = plan.locale === 'id' ? 1 : plan.locale === 'en' ? 2 : 0;
  let differing = false;
  for (const r of results) {
    if (r.mode !== 0 && mode !== 0 && r.mode !== mode) return { ok: false, reason: 'counts written in both number locales' };
    if (r.mode !== 0) mode = r.mode;
    differing ||= r.differing;
  }
  if (mode === 0 && differing) return { ok: false, reason: 'counts such as 1.000 read differently in the two number locales, and no count decides' };
  // `2,000` in a file found (or said to be: --number-locale) Indonesian, or `3.000` in an English one:
  // the general path refuses it.
  if (((mode === 1 && results.some((r) => r.groupsEn)) || (mode === 2 && results.some((r) => r.groupsId)))) return { ok: false, reason: 'a count with three decimal zeros in the file\'s number locale' };

  const keyWidth = plan.keyFields.length;
  const countWidth = plan.countFields.length;
  for (const r of results) {
    for (let slot = 0; slot < r.values.length; slot++) {
      // A key (or period) that is empty or only spaces: the general path refuses it.
      if (r.values[slot]!.some((text) => text.trim() === '')) return { ok: false, reason: slot < keyWidth ? 'an empty key field' : 'an empty period' };
    }
  }

  const index = new Map<string, number>();
  const groups: { keys: string[]; sums: number[]; rows: number; firstLine: number }[] = [];
  let rows = 0;
  let blankLines = 0;
  let idForms = 0;
  let line = plan.firstDataLine;
  const periods = new Map<string, true>();
  const periodSlot = plan.periodField === undefined ? -1 : plan.keyFields.includes(plan.periodField) ? plan.keyFields.indexOf(plan.periodField) : keyWidth;
  for (const r of results) {
    const sums = mode === 2 ? r.sums1 : r.sums0;
    for (let g = 0; g < r.groupCount; g++) {
      const keys: string[] = [];
      for (let k = 0; k < keyWidth; k++) keys.push(r.values[k]![r.groupKeys[g * keyWidth + k]!]!);
      // Key texts hold no control characters (the scan refuses them), so U+0000 cannot be inside one.
      // One range has each key tuple once already: no index (it costs ~100 bytes a group, and a file
      // with a key of its own on every row has as many groups as rows).
      const joined = results.length === 1 ? undefined : keys.join('\u0000');
      let at = joined === undefined ? undefined : index.get(joined);
      if (at === undefined) {
        at = groups.length;
        if (joined !== undefined) index.set(joined, at);
        groups.push({ keys, sums: new Array<number>(countWidth).fill(0), rows: 0, firstLine: line + r.groupFirstLine[g]! });
      }
      const group = groups[at]!;
      group.rows += r.groupRows[g]!;
      for (let j = 0; j < countWidth; j++) group.sums[j]! += sums[g * countWidth + j]!;
    }
    if (periodSlot >= 0) for (const text of r.values[periodSlot]!) periods.set(text, true);
    rows += r.rows;
    blankLines += r.blank;
    idForms |= r.idForms;
    line += r.lines;
  }
  // A sum beyond 2^53 has lost units: adding non-negative numbers never brings it back below.
  for (const group of groups) {
    if (group.sums.some((s) => s > Number.MAX_SAFE_INTEGER)) return { ok: false, reason: 'a sum beyond 2^53' };
  }

  if ((plan.idField !== undefined || plan.uniqueRows) && results.length > 1 && (duplicateAcrossRanges(results) || (plan.uniqueRows === true && monthAcrossRanges(results)))) {
    return { ok: false, reason: plan.uniqueRows ? 'two records with the same keys (in two parts of the file)' : 'a participant id seen twice in one period (in two parts of the file)' };
  }
  // A record whose count broke `atMost`, in the locale the file turned out to be in.
  if (plan.atMost?.length) {
    const lanes = mode === 1 ? [0] : mode === 2 ? [1] : [0, 1];
    for (const r of results) for (const lane of lanes) if (r.over[lane]! >= 0) return { ok: false, reason: 'a count above the count it may not exceed (participants above a denominator)' };
  }
  // A record whose coverage cell disagrees with its counts, in that locale: the general path warns of it.
  if (plan.coverage?.participants !== undefined) {
    const lanes = mode === 1 ? [0] : mode === 2 ? [1] : [0, 1];
    for (const r of results) for (const lane of lanes) if (r.cov[lane]! >= 0) return { ok: false, reason: 'a coverage cell that disagrees with participants ÷ a denominator' };
  }
  let fieldTexts: Map<number, string[]> | undefined;
  if (plan.valueFields?.length) {
    fieldTexts = new Map();
    plan.valueFields.forEach((f, i) => {
      const seen = new Set<string>();
      for (const r of results) for (const t of r.values[r.valueFieldSlots[i]!]!) seen.add(t);
      fieldTexts!.set(f, [...seen]);
    });
  }

  return {
    ok: true,
    groups: groups as ExtractGroup[],
    rows,
    blankLines,
    bytes: facts.bytes,
    sha256: facts.sha256,
    locale: mode === 1 ? 'id' : mode === 2 ? 'en' : undefined,
    ...(periodSlot >= 0 ? { periods: [...periods.keys()] } : {}),
    ranges: results.length,
    ...(plan.idField !== undefined ? { idSets: results.map((r) => ({ table: r.idTable!, count: r.idCount! })), idForms } : {}),
    ...(fieldTexts ? { fieldTexts } : {}),
  };
}

function lineOf(plan: ExtractPlan, results: readonly RangeResult[], i: number): number {
  let line = plan.firstDataLine;
  for (let k = 0; k < i; k++) line += results[k]!.lines;
  return line;
}

/** Does a tuple of one range have a month that an earlier range gave it too (MonthMasks)? */
function monthAcrossRanges(results: readonly RangeResult[]): boolean {
  const sets = results.map((r) => MonthMasks.from(r.maskTable!, r.maskCount!));
  for (let i = 1; i < sets.length; i++) {
    const t = sets[i]!.table;
    for (let j = 0; j < t.length; j += 3) {
      const h1 = t[j]!;
      if (h1 === 0) continue;
      for (let k = 0; k < i; k++) if ((sets[k]!.maskOf(h1, t[j + 1]!) & t[j + 2]!) !== 0) return true;
    }
  }
  return false;
}

/**
 * Does an id of one range appear in an earlier range? Each range's set holds (period, id) hashes. The
 * sets of equal-sized ranges have equal sizes, so walking one in slot order probes the other in slot
 * order too: memory is read in sequence, not at random.
 */
function duplicateAcrossRanges(results: readonly RangeResult[]): boolean {
  const sets = results.map((r) => IdSet.from(r.idTable!, r.idCount!));
  for (let i = 1; i < sets.length; i++) {
    const t = sets[i]!.table;
    for (let j = 0; j < t.length; j += 2) {
      const h1 = t[j]!;
      if (h1 === 0) continue;
      const h2 = t[j + 1]!;
      for (let k = 0; k < i; k++) if (sets[k]!.has(h1, h2)) return true;
    }
  }
  return false;
}
