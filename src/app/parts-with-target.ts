// A report whose rows have targets for some of their parts only (a Kanwil's row over province targets
// without Gorontalo's): its target, gap and achievement are of the parts with a target (fx35), but its
// story — projection and chart — is of all its parts. The report by those parts (`finer`: the same plan
// at the grain and the parts' keys) has each part's projection, so the row's projected gap and status,
// and the scope's chart, are drawn like for like from it: the parts with a target only, said.

import { monthsBetween } from '../core/calendar.js';
import type { Note } from '../core/facts.js';
import { heldRows, type CoverageResult, type CoverageRow } from '../core/coverage/plan.js';
import { projectedStatusIn } from '../core/coverage/trend.js';

/** The finer dims of the rows whose targets are of some of their parts (the note no-target-parts). */
export const partDimsOf = (r: CoverageResult): readonly string[] => r.notes.find((n) => n.code === 'no-target-parts')?.partDims ?? [];

/**
 * The result with, from the report by the parts (`finer`, made once, only where some row's target is of
 * some of its parts and the report has a story):
 *  - the scope's chart of the parts with a target, as its Total's is (fx44: its actual and projection
 *    lines were of every part, its milestones and target of the parts with one);
 *  - each such row's projected gap and status over its parts with a target (fx42, fx53: they were left
 *    empty, `projection-in-part`): its target less those parts' projections, where each has one and their
 *    targets add up to the row's; said (`projection-of-parts`), naming the parts left out. A row for which
 *    that cannot be done keeps the empty cells and `projection-in-part`.
 * Where the finer report cannot be made, the result is as it was.
 */
export function storyOfPartsWithTarget(result: CoverageResult, finer: () => CoverageResult, margin: number): CoverageResult {
  const partDims = partDimsOf(result);
  if (!result.story || !partDims.length) return result;
  let fine: CoverageResult;
  try {
    fine = finer();
  } catch {
    return result;
  }
  const chart = fine.story?.chart;
  const sameChart = chart?.rows !== undefined && chart.months.join() === result.story.chart.months.join() && chart.target === result.story.chart.target;
  const projected = projectedOfParts(result, fine, margin);
  if (!sameChart && !projected) return result;
  // The result's own properties as they are (its rows are made when asked for), with what changed.
  const out = Object.defineProperties({}, Object.getOwnPropertyDescriptors(result)) as CoverageResult;
  if (sameChart) Object.defineProperty(out, 'story', { value: { ...result.story, chart }, enumerable: true });
  if (projected) {
    const list = heldRows(projected.rows);
    Object.defineProperty(out, 'rowList', { value: list, enumerable: true });
    Object.defineProperty(out, 'rows', { value: projected.rows, enumerable: true });
    Object.defineProperty(out, 'notes', { value: projected.notes, enumerable: true });
  }
  return out;
}

/** A row's keys as one text. */
const keyOf = (keys: readonly string[]): string => keys.join('\u0000');

/**
 * The rows whose projected gap was left empty (a target of some parts, a projection of all), with it over
 * their parts with a target; and the notes with `projection-in-part` for those still empty only, and
 * `projection-of-parts` for the others. Undefined when no row changes.
 * Example: Sulama's row, target 300,000 (Gorontalo's; none for Maluku), Gorontalo projected 292,000 →
 * projected_gap 8,000, projected_status at-risk; Maluku named as left out.
 */
function projectedOfParts(result: CoverageResult, fine: CoverageResult, margin: number): { rows: CoverageRow[]; notes: Note[] } | undefined {
  const n = result.grain.length;
  const story = result.story!;
  const left = result.period ? Math.max(0, monthsBetween(result.period, story.december)) : 0;
  // The finer report's detail rows under each row of the report (by its keys; the Total: every one).
  const under = new Map<string, CoverageRow[]>();
  const all: CoverageRow[] = [];
  for (const r of fine.rowList) {
    if (r.level !== 'detail') continue;
    all.push(r);
    const k = keyOf(r.keys.slice(0, n));
    const list = under.get(k);
    if (list) list.push(r);
    else under.set(k, [r]);
  }
  const done: { row: string; parts: number; leftOut: string[]; more: number }[] = [];
  let doneCount = 0;
  const still: string[] = [];
  let stillCount = 0;
  let changed = false;
  const rows: CoverageRow[] = [];
  for (const r of result.rowList) {
    const s = r.story;
    const t = r.metrics.target;
    if (!s || t === null || s.projected === null || s.projectedGap !== null) {
      rows.push(r);
      continue;
    }
    // A subtotal of a grain of several keys has its first key only: the finer report's rows under it.
    const parts = r.level === 'total' ? all : r.level === 'detail' ? (under.get(keyOf(r.keys)) ?? []) : all.filter((x) => keyOf(x.keys.slice(0, r.keys.length)) === keyOf(r.keys));
    const targeted = parts.filter((p) => p.metrics.target !== null);
    let sumTarget = 0;
    let sumProjected = 0;
    let ok = targeted.length > 0;
    for (const p of targeted) {
      if (p.story?.projected === null || p.story?.projected === undefined) ok = false;
      else sumProjected += p.story.projected;
      sumTarget += p.metrics.target!;
    }
    // Like for like only: the parts' targets are the row's (else the row's target is not theirs).
    if (!ok || sumTarget !== t) {
      if (stillCount++ < 8) still.push(r.level === 'total' ? '' : r.labels.join(' / '));
      rows.push(r);
      continue;
    }
    changed = true;
    const status = projectedStatusIn(sumProjected, t, left, margin);
    const estimated = r.estimated?.includes('target') || targeted.some((p) => p.estimated?.includes('projected')) ? [...(r.estimated ?? []).filter((e) => e !== 'projected_status'), 'projected_status' as const] : r.estimated;
    rows.push({ ...r, story: { ...s, projectedGap: t - sumProjected, projectedStatus: status }, ...(estimated ? { estimated } : {}) });
    const out = parts.filter((p) => p.metrics.target === null).map((p) => p.labels.slice(n).join(' / '));
    if (doneCount++ < 8) done.push({ row: r.level === 'total' ? '' : r.labels.join(' / '), parts: targeted.length, leftOut: out.slice(0, 5), more: Math.max(0, out.length - 5) });
  }
  if (!changed) return undefined;
  const notes: Note[] = [];
  for (const x of result.notes) {
    if (x.code !== 'projection-in-part') notes.push(x);
    else if (stillCount) notes.push({ code: 'projection-in-part', rows: still, count: stillCount });
  }
  notes.push({ code: 'projection-of-parts', partDims: partDimsOf(result), rows: done, count: doneCount });
  // The Total's projected gap, now of the parts with a target, nets those projected above their targets
  // against those short, as the report by the parts says (its Total is the same sum).
  const totalGap = rows[rows.length - 1]?.level === 'total' ? rows[rows.length - 1]!.story?.projectedGap : undefined;
  const nets = fine.notes.find((x) => x.code === 'projection-nets');
  if (nets && nets.gap === totalGap && !result.notes.some((x) => x.code === 'projection-nets')) notes.push(nets);
  return { rows, notes };
}
