// Target series: national targets by scenario and year, each possibly revised from a month on. The
// bundled data/targets.csv (scenario,year,target,kind,source[,from]) or a user's file given with
// --series (scenario,year,target[,from]; read through the one loader, with its places and checks).
//
// Example row of a revision: plan,2024,52000000,2024-07 — the 2024 target is 52,000,000 from July 2024.

import { parsePeriod, type Period } from '../core/calendar.js';
import { clipValue } from '../core/clip.js';
import type { TargetPoint } from '../core/targets.js';
import { dimIndex, measureIndex } from '../core/table.js';
import { InputError, say, UsageError } from '../errors.js';
import { readBundledCsv } from './data-files.js';
import { expandInputs } from './inputs.js';
import { loadTable, type LoadOptions } from './load.js';
import type { Io } from './terminal.js';

export interface TargetSeries {
  readonly scenario: string;
  readonly points: TargetPoint[];
  readonly scenarios: string[];
  /** Where each (original) year's figure comes from, for the report. */
  readonly sources: ReadonlyMap<number, string>;
  /** The file, as shown in messages: data/targets.csv or the --series path. */
  readonly file: string;
}

function pick(all: { scenario: string; point: TargetPoint; source: string }[], scenario: string, file: string): TargetSeries {
  const scenarios = [...new Set(all.map((r) => r.scenario))];
  if (!scenarios.includes(scenario)) {
    const known = scenarios.join(', ');
    // A name the user gave (--scenario, --compare scenario=…) that the series does not have: a usage
    // error (exit 2), as an unknown --by column is, not a fault of the data.
    throw new UsageError(say({ message: `unknown target scenario "${clipValue(scenario)}"`, hint: `scenarios in ${file}: ${known}` }, { message: `skenario target "${clipValue(scenario)}" tidak dikenal`, hint: `skenario di ${file}: ${known}` }));
  }
  const mine = all.filter((r) => r.scenario === scenario);
  const sources = new Map<number, string>();
  for (const r of mine) if (r.point.from === undefined) sources.set(r.point.year, r.source);
  return { scenario, scenarios, points: mine.map((r) => r.point), sources, file };
}

/** The bundled series (data/targets.csv). */
export function bundledSeries(scenario: string): TargetSeries {
  const rows = readBundledCsv('targets.csv');
  const head = rows[0]!;
  const col = (n: string): number => head.indexOf(n);
  const all = rows.slice(1).map((r) => {
    const from = col('from') >= 0 && r[col('from')] ? parsePeriod(r[col('from')]!) : undefined;
    return {
      scenario: r[col('scenario')]!,
      point: { year: Number(r[col('year')]), target: BigInt(r[col('target')]!), ...(from ? { from } : {}) },
      source: `${r[col('kind')]} (${r[col('source')]})`,
    };
  });
  return pick(all, scenario, 'data/targets.csv');
}

/** A user's series file (--series): scenario (optional when it has one series), year, target, from. */
export async function userSeries(path: string, scenario: string | undefined, load: LoadOptions, io: Io): Promise<TargetSeries> {
  const files = await expandInputs([path], io);
  const table = await loadTable(
    files,
    {
      role: '--series',
      dims: ['scenario', 'year', 'from'],
      measures: new Map([['target', 'count']]),
      required: [{ column: 'year', why: 'the year of each target', whyId: 'tahun setiap target' }, { column: 'target', why: 'the national target', whyId: 'target nasional' }],
      rule: 'refuse',
      optionalDims: ['scenario', 'from'],
    },
    { ...load, allowOverCoverage: true },
  );
  const si = dimIndex(table, 'scenario');
  const yi = dimIndex(table, 'year');
  const fi = dimIndex(table, 'from');
  const ti = measureIndex(table, 'target');
  const name = table.sources[0]?.name ?? path;
  const all = table.rows.map((r) => {
    const at = `${table.sources[r.src]?.name ?? name}:${r.line}`;
    const yRaw = yi >= 0 ? (r.keys[yi] ?? null) : null;
    const y = yRaw === null ? NaN : Number(yRaw);
    if (!Number.isInteger(y) || y < 1900 || y > 2199) {
      throw new InputError({ file: table.sources[r.src]?.name, line: r.line, ...say({ message: `"${clipValue(yRaw ?? '')}" is not a year`, hint: 'write the year as YYYY, e.g. 2024' }, { message: `"${clipValue(yRaw ?? '')}" bukan tahun`, hint: 'tulis tahun sebagai YYYY, mis. 2024' }) });
    }
    const fRaw = fi >= 0 && r.keys[fi] ? r.keys[fi]! : null;
    let from: Period | undefined;
    if (fRaw !== null) {
      from = parsePeriod(fRaw);
      if (!from) throw new InputError({ file: table.sources[r.src]?.name, line: r.line, ...say({ message: `from: "${clipValue(fRaw)}" is not a month`, hint: 'a revision is in force from a month: YYYY-MM, e.g. 2024-07' }, { message: `from: "${clipValue(fRaw)}" bukan bulan`, hint: 'revisi berlaku mulai suatu bulan: YYYY-MM, mis. 2024-07' }) });
      // A year's target is December's: a revision from a later month cannot change it (core targetForYear
      // leaves it out), so it is refused rather than dropped.
      if (from > `${y}-12`) {
        throw new InputError({
          file: table.sources[r.src]?.name,
          line: r.line,
          ...say(
            { message: `from: a revision of the ${y} target from ${from} starts after December ${y}, the month that target is for: it cannot change it`, hint: `give the month the revised ${y} target is in force from (${y}-12 or earlier), or put the revision on the year it is for` },
            { message: `from: revisi target ${y} mulai ${from} dimulai setelah Desember ${y}, bulan yang dituju target itu: revisi tidak dapat mengubahnya`, hint: `berikan bulan mulai berlakunya target ${y} yang direvisi (${y}-12 atau sebelumnya), atau taruh revisi pada tahun yang ditujunya` },
          ),
        });
      }
    }
    const target = r.values[ti];
    if (target === null || target === undefined) throw new InputError({ file: table.sources[r.src]?.name, line: r.line, ...say('the target is empty', 'target kosong') });
    return { scenario: si >= 0 && r.keys[si] ? r.keys[si]! : 'plan', point: { year: y, target: BigInt(target), ...(from ? { from } : {}) }, source: at };
  });
  const scenarios = [...new Set(all.map((r) => r.scenario))];
  return pick(all, scenario?.toLowerCase() ?? (scenarios.length === 1 ? scenarios[0]! : 'plan'), name);
}
