// The flags of `coverage` that would do nothing in a run, and why (see app/inert.ts).

import { gapMinNoneRule, maxNoneShareRule, onCommandLine, outputInertRules, refuseInert, type InertRule } from './inert.js';
import type { FlagKey } from '../options/flags.js';
import type { Rational } from '../core/allocation/exact.js';
import { leaveOut, settingName } from '../options/origin.js';

const RULE_FLAGS: readonly FlagKey[] = ['mode', 'basis', 'min', 'max', 'maxCoverage', 'method', 'input', 'rowTotals', 'columnTotals'];
/** --sort keys that are figures of the targets: without targets every row would have none. */
const TARGET_SORTS: ReadonlyMap<string, { en: string; id: string }> = new Map([
  ['gap', { en: 'the gap to target', id: 'selisih terhadap target' }],
  ['achievement', { en: 'the achievement of the target', id: 'capaian target' }],
  ['run-rate', { en: 'the run rate needed to reach the target', id: 'laju yang diperlukan untuk mencapai target' }],
  ['run_rate', { en: 'the run rate needed to reach the target', id: 'laju yang diperlukan untuk mencapai target' }],
  ['target', { en: 'the target', id: 'target' }],
  ['target_coverage', { en: 'the target coverage', id: 'cakupan target' }],
  ['milestone', { en: "the month's milestone", id: 'tonggak bulan ini' }],
  ['status', { en: 'the status against the target', id: 'status terhadap target' }],
  ['projected_gap', { en: 'the projected gap to target', id: 'proyeksi selisih terhadap target' }],
  ['projected_status', { en: 'the projected status against the target', id: 'proyeksi status terhadap target' }],
]);

/** --sort keys that are figures of several months: a previous month (change), or the months' story (pace, projection). */
const MONTH_SORTS: ReadonlyMap<string, { en: string; id: string; story: boolean }> = new Map([
  ['change', { en: 'the change since the previous month', id: 'perubahan sejak bulan sebelumnya', story: false }],
  ['coverage_change_pp', { en: 'the change of coverage since the previous month', id: 'perubahan cakupan sejak bulan sebelumnya', story: false }],
  ['pace', { en: 'the pace of the last months', id: 'laju bulan-bulan terakhir', story: true }],
  ['projected', { en: 'the projected December', id: 'proyeksi Desember', story: true }],
  ['projected_gap', { en: 'the projected gap to target', id: 'proyeksi selisih terhadap target', story: true }],
  ['projected_status', { en: 'the projected status against the target', id: 'proyeksi status terhadap target', story: true }],
]);

/** --sort by a figure of the targets in a run without targets. */
function targetSortRule(o: { targets?: string; year?: number; sort?: string }): InertRule {
  const sortBy = o.sort === undefined ? undefined : TARGET_SORTS.get(o.sort);
  return { flag: 'sort', inert: o.year === undefined && o.targets === undefined && sortBy !== undefined, why: { en: `it sorts by ${sortBy?.en ?? ''}, and this run has no targets`, id: `opsi ini mengurutkan menurut ${sortBy?.id ?? ''}, dan proses ini tanpa target` }, hint: { en: 'add --targets FILE or --year, or sort by coverage, uncovered, name or another column of the input', id: 'tambahkan --targets BERKAS atau --year, atau urutkan menurut coverage, uncovered, name atau kolom lain dari input' } };
}

/** --sort by a figure of several months (change, pace, projected…) in a run of one month (or no previous one). */
function monthSortRule(sort: string | undefined, run: { period?: string; previous: boolean; story: boolean }): InertRule {
  const by = sort === undefined ? undefined : MONTH_SORTS.get(sort);
  const month = run.period ?? 'no month';
  return {
    flag: 'sort',
    inert: by !== undefined && !(by.story ? run.story : run.previous),
    why: { en: `it sorts by ${by?.en ?? ''}, and only one month is known (${month}): no row has one`, id: `opsi ini mengurutkan menurut ${by?.id ?? ''}, dan hanya satu bulan yang diketahui (${run.period ?? 'tanpa bulan'}): tidak ada baris yang memilikinya` },
    hint: { en: "give earlier months too (the files of several months, or --previous), or sort by coverage, uncovered, name or another column", id: 'berikan juga bulan-bulan sebelumnya (berkas beberapa bulan, atau --previous), atau urutkan menurut coverage, uncovered, name atau kolom lain' },
  };
}

/**
 * The sort a run can do. A --sort typed that no row can be sorted by (a figure of the targets without
 * targets, of several months on one month) is refused, exit 2; one from a config file is a default
 * shared by many runs, so it is left aside with a warning (said under --quiet too: a --top list would
 * otherwise be the first rows of the input under a sort it does not have) and the rows keep the input order.
 */
export function usableSort(cli: Readonly<Record<string, unknown>>, o: { targets?: string; year?: number; sort?: string; config?: string }, run: { period?: string; previous: boolean; story: boolean }, warn: (words: { en: string; id: string }) => void, configFile?: string): string | undefined {
  const rules = [targetSortRule(o), monthSortRule(o.sort, run)];
  refuseInert(cli, rules);
  const cannot = rules.find((r) => r.inert);
  if (!cannot || onCommandLine(cli, 'sort')) return o.sort;
  const file = configFile ?? 'the config file';
  warn({ en: `"sort": "${o.sort}" in ${file} is left aside: ${cannot.why.en}; the rows keep the input order`, id: `"sort": "${o.sort}" di ${configFile ?? 'berkas pengaturan'} dikesampingkan: ${cannot.why.id}; baris tetap menurut urutan masukan` });
  return undefined;
}

/**
 * --phasing typed, and the run's targets are month by month: their milestones are read as written, and
 * the profile would shape nothing (from a config file it is said in a note instead).
 */
export function phasingRule(notes: readonly { readonly code: string }[]): InertRule {
  const unused = notes.find((n): n is { code: 'phasing-unused'; source: string } => n.code === 'phasing-unused');
  return {
    flag: 'phasing',
    inert: unused !== undefined,
    why: { en: `the targets of ${unused?.source ?? ''} are month by month: their milestones are read as written`, id: `target di ${unused?.source ?? ''} adalah target bulanan: tonggaknya dibaca apa adanya` },
    hint: { en: 'leave out --phasing, or give the yearly targets file (breakdown without --months), which the profile phases', id: 'hilangkan --phasing, atau berikan berkas target tahunan (breakdown tanpa --months), yang dihitung menurut profil itu' },
  };
}

export function coverageInertRules(o: { targets?: string; year?: number; failBelow?: number; trend?: boolean; compareTargets?: readonly string[]; sort?: string; mode?: string; min?: { readonly kind: string }; max?: { readonly kind: string }; maxCoverage?: Rational }, targets: readonly { readonly target: string; readonly format: string }[], stdoutIsTerminal: boolean, filesNamed = true): InertRule[] {
  const planned = o.year !== undefined && !o.targets;
  const anyTargets = o.year !== undefined || o.targets !== undefined;
  const notPlanned = {
    why: { en: o.targets ? `the targets come from ${o.targets} (${settingName(o, 'targets').en}), not planned with --year` : 'no targets are planned (no --year)', id: o.targets ? `target diambil dari ${o.targets} (${settingName(o, 'targets').id}), bukan direncanakan dengan --year` : 'tidak ada target yang direncanakan (tanpa --year)' },
    hint: { en: 'it shapes the targets coverage --year plans on the bundled baseline; leave it out', id: 'opsi ini membentuk target yang direncanakan coverage --year pada data dasar bawaan; hilangkan' },
  };
  return [
    // With no file named, --input is the data reported (app/read.ts dataFiles): it has an effect.
    ...RULE_FLAGS.map((flag) => ({ flag, inert: !planned && (flag !== 'input' || filesNamed), ...notPlanned })),
    // As breakdown says it: gap mode never plans a target below today's participants.
    gapMinNoneRule(planned && o.mode !== 'level' && o.min?.kind === 'none'),
    { ...maxNoneShareRule(o), ...(planned ? {} : { inert: false }) },
    { flag: 'scenario', inert: !planned, ...notPlanned },
    { flag: 'series', inert: !planned, ...notPlanned },
    { flag: 'phasing', inert: !anyTargets, why: { en: 'it phases the milestones of the targets, and this run has no targets', id: 'opsi ini mengatur tonggak target, dan proses ini tanpa target' }, hint: { en: 'add --targets FILE or --year', id: 'tambahkan --targets BERKAS atau --year' } },
    { flag: 'asOf', inert: !anyTargets, why: { en: 'it picks the target revision in force, and this run has no targets', id: 'opsi ini memilih revisi target yang berlaku, dan proses ini tanpa target' }, hint: { en: 'add --targets FILE or --year', id: 'tambahkan --targets BERKAS atau --year' } },
    { flag: 'compareTargets', inert: !anyTargets, why: { en: 'it puts other targets beside the targets of the run, and this run has none', id: 'opsi ini menaruh target lain di samping target proses ini, dan proses ini tanpa target' }, hint: { en: 'add --targets FILE (or --year) for the first plan', id: 'tambahkan --targets BERKAS (atau --year) untuk rencana pertama' } },
    // The trend view is of the run's own targets: the other plans would be read and shown nowhere.
    { flag: 'compareTargets', inert: o.trend === true, why: { en: 'the trend view (--trend) shows the targets of the run (--targets or --year) only', id: 'tampilan tren (--trend) hanya memuat target proses ini (--targets atau --year)' }, hint: { en: 'leave out --trend to see the plans side by side, or --compare-targets for the trend', id: 'hilangkan --trend untuk melihat rencana berdampingan, atau --compare-targets untuk tren' } },
    { flag: 'atRiskMargin', inert: !anyTargets, why: { en: 'it sets the at-risk status against targets, and this run has none', id: 'opsi ini mengatur status berisiko terhadap target, dan proses ini tanpa target' }, hint: { en: 'add --targets FILE or --year', id: 'tambahkan --targets BERKAS atau --year' } },
    { flag: 'failOn', inert: o.failBelow === undefined, why: { en: 'it says what --fail-below checks, and there is no --fail-below', id: 'opsi ini menentukan apa yang diperiksa --fail-below, dan tidak ada --fail-below' }, hint: { en: 'add --fail-below <percent>', id: 'tambahkan --fail-below <persen>' } },
    { flag: 'failScope', inert: o.failBelow === undefined, why: { en: 'it says which rows --fail-below checks, and there is no --fail-below', id: 'opsi ini menentukan baris yang diperiksa --fail-below, dan tidak ada --fail-below' }, hint: { en: 'add --fail-below <percent>', id: 'tambahkan --fail-below <persen>' } },
    // The trend view and the plans side by side list every row in the input's order: nothing to sort or cut.
    ...(['sort', 'top'] as const).map((flag) => ({ flag, inert: o.trend === true, why: { en: 'the trend view (--trend) lists every row, in the order of the input, under its subtotal', id: 'tampilan tren (--trend) memuat setiap baris, menurut urutan input, di bawah subtotalnya' }, hint: { en: `leave out --${flag}, or ${leaveOut(o, 'trend').en}`, id: `hilangkan --${flag}, atau ${leaveOut(o, 'trend').id}` } })),
    ...(['sort', 'top'] as const).map((flag) => ({ flag, inert: (o.compareTargets?.length ?? 0) > 0, why: { en: 'the plans side by side (--compare-targets) list every row, in the order of the input', id: 'rencana berdampingan (--compare-targets) memuat setiap baris, menurut urutan input' }, hint: { en: `leave out --${flag}, or ${leaveOut(o, 'compareTargets').en}`, id: `hilangkan --${flag}, atau ${leaveOut(o, 'compareTargets').id}` } })),
    // Checked after the views that sort nothing (--trend, --compare-targets): their way out comes first.
    targetSortRule(o),
    ...outputInertRules(targets, stdoutIsTerminal),
  ];
}
