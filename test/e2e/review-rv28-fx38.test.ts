// rv28 R3, R13, R19, R22, R5, R12, R11: what changes what a number means is a warning (kept by --quiet,
// kind "warning" in JSON meta.notes), and the words say what is true. Each failed on main at abe9cda.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, run, tmp } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const june = readFileSync(join(ROOT, 'examples', 'sulama-2024', '2024-06.csv'), 'utf8');
type Note = { code: string; kind: string; en: string };
const notesOf = (stdout: string): Note[] => JSON.parse(stdout).meta.notes as Note[];

describe('rv28 R3: an "asOf" of the config earlier than the month reported, keeping a revision in force out', () => {
  it('is a warning kept by --quiet, naming the revision, the month and the config; no "not in force yet"', async () => {
    const sub = join(dir, 'r3');
    mkdirSync(sub);
    writeFileSync(join(sub, 'aug.csv'), june.replace(/^2024-06/gm, '2024-08'));
    writeFileSync(join(sub, 'jamsostek.json'), JSON.stringify({ series: join(ROOT, 'examples', 'series-2024-revised.csv'), asOf: '2024-06' }));
    const q = await run(['coverage', 'aug.csv', '--year', '2024', '-q', '-f', 'csv'], { cwd: sub });
    expect(q.code, q.stderr).toBe(0);
    // examples/series-2024-revised.csv: 2024 is 50,000,000, revised to 52,000,000 from 2024-07.
    expect(q.stderr).toContain('warning: the 2024 revision from 2024-07 (52,000,000), in force in 2024-08 (the month reported), is left out by "asOf" 2024-06 in ./jamsostek.json: the targets are the 2024 target as of 2024-06 (50,000,000); remove "asOf" from ./jamsostek.json to apply it');
    const j = await run(['coverage', 'aug.csv', '--year', '2024', '-f', 'json'], { cwd: sub });
    expect(j.stderr).not.toContain('not in force yet');
    const n = notesOf(j.stdout).find((x) => x.code === 'revision-left-out');
    expect(n?.kind).toBe('warning');
    const id = await run(['coverage', 'aug.csv', '--year', '2024', '-q', '-f', 'csv', '--lang', 'id'], { cwd: sub });
    expect(id.stderr).toContain('revisi 2024 mulai 2024-07 (52.000.000), yang berlaku pada 2024-08 (bulan laporan), tidak dipakai karena "asOf" 2024-06 di ./jamsostek.json');
    // --as-of typed: named as the flag. As of the month reported itself: nothing left out, no warning.
    const typed = await run(['coverage', join(sub, 'aug.csv'), '--year', '2024', '--series', join(ROOT, 'examples', 'series-2024-revised.csv'), '--as-of', '2024-06', '-q', '-f', 'csv'], { cwd: dir });
    expect(typed.stderr, typed.stderr).toContain('is left out by --as-of 2024-06: the targets are the 2024 target as of 2024-06 (50,000,000); leave out --as-of to apply it');
    const now = await run(['coverage', 'aug.csv', '--year', '2024', '--as-of', '2024-08', '-q', '-f', 'csv'], { cwd: sub });
    expect(now.code, now.stderr).toBe(0);
    expect(now.stderr).not.toContain('left out by');
  });
});

describe('rv28 R13: a report against a later year\'s targets file', () => {
  it('says so in a warning kept by --quiet (a CSV has no title), once, in both languages', async () => {
    const t = await run(['breakdown', '--year', '2026', '-q', '-o', join(dir, 't26.csv')]);
    expect(t.code, t.stderr).toBe(0);
    writeFileSync(join(dir, 'jun24.csv'), june);
    const r = await run(['coverage', 'jun24.csv', '--targets', 't26.csv', '-q', '-f', 'csv'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning: the targets (t26.csv) are for December 2026 (its year column says 2026), not December 2024: the report of 2024-06 compares with the 2026 targets, its run_rate spread over the months to December 2026 (give the 2024 targets to compare with December 2024)');
    const j = await run(['coverage', 'jun24.csv', '--targets', 't26.csv', '-f', 'json', '--lang', 'id'], { cwd: dir });
    expect(j.stderr).toContain('target (t26.csv) adalah untuk Desember 2026');
    const n = notesOf(j.stdout).filter((x) => x.code === 'other-year');
    expect(n.map((x) => x.kind)).toEqual(['warning']);
    // The year's own file: no such warning.
    const own = await run(['breakdown', '--year', '2024', '-q', '-o', join(dir, 't24.csv')]);
    expect(own.code, own.stderr).toBe(0);
    const same = await run(['coverage', 'jun24.csv', '--targets', 't24.csv', '-q', '-f', 'csv'], { cwd: dir });
    expect(same.stderr).not.toContain('are for December');
  });
});

describe('rv28 R22: an input with employed and potential_workers, no --denominator', () => {
  it('says coverage is on employed (the default) and how to take potential_workers; nothing when --denominator chose', async () => {
    writeFileSync(join(dir, 'twoden.csv'), 'period,province,employed,potential_workers,participants\n2026-06,Gorontalo,631521,422934,259971\n');
    const r = await run(['coverage', 'twoden.csv', '-f', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    // By hand: 259,971 / 631,521 = 0.411659 (employed).
    expect(JSON.parse(r.stdout).rows[0].coverage).toBeCloseTo(0.411659, 6);
    expect(r.stderr).toContain('note: coverage is on employed (the default, the first of workforce, employed, potential_workers the input has); potential_workers is not used (--denominator potential_workers to report on it)');
    expect(notesOf(r.stdout).find((n) => n.code === 'denominator-default')?.kind).toBe('note');
    const chosen = await run(['coverage', 'twoden.csv', '--denominator', 'potential_workers', '-f', 'csv'], { cwd: dir });
    expect(chosen.stderr).not.toContain('not used');
  });
});

describe('rv28 R5: targets planned on employed read by a report on potential_workers', () => {
  it('are "planned on other denominator figures", the bundled baseline\'s employed named, not "other potential_workers figures"', async () => {
    const sub = join(dir, 'r5');
    mkdirSync(sub);
    expect((await run(['breakdown', '--year', '2024', '-q', '-o', 'plan.csv'], { cwd: sub })).code).toBe(0);
    writeFileSync(join(sub, 'jun.csv'), june);
    const r = await run(['coverage', 'jun.csv', '--targets', 'plan.csv', '-q', '-f', 'csv'], { cwd: sub });
    expect(r.code, r.stderr).toBe(0);
    // data/baseline.csv: Sulawesi Utara employed 1,250,000; the June file's potential_workers 780,666.
    expect(r.stderr).toContain("warning: the targets (plan.csv) were planned on other denominator figures than the potential_workers this report's coverage is on, for 8 of 8 provinces: Sulawesi Utara 1,250,000 in the plan, 780,666 here;");
    expect(r.stderr).toContain("(the plan's figures are the bundled baseline's employed, data/baseline.csv: the targets were split by employed)");
    expect(r.stderr).not.toContain('other potential_workers figures');
    const id = await run(['coverage', 'jun.csv', '--targets', 'plan.csv', '-q', '-f', 'csv', '--lang', 'id'], { cwd: sub });
    expect(id.stderr).toContain('direncanakan dengan angka penyebut yang berbeda dari potential_workers yang dipakai cakupan laporan ini');
    expect(id.stderr).toContain('angka rencana adalah employed baseline bawaan, data/baseline.csv: target dibagi menurut employed');
  });
});

describe('rv28 R12: coverage --year --input of a Kanwil file', () => {
  it('hints at the breakdown round trip (coverage has no --target), and the round trip runs as written', async () => {
    const sub = join(dir, 'r12');
    mkdirSync(sub);
    writeFileSync(join(sub, 'jun.csv'), june);
    writeFileSync(join(sub, 'jan.csv'), readFileSync(join(ROOT, 'examples', 'sulama-2024', '2024-01.csv'), 'utf8'));
    const r = await run(['coverage', 'jun.csv', '--year', '2024', '--input', 'jan.csv', '-f', 'csv'], { cwd: sub });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('hint: split this input\'s own total with breakdown, then compare with it: jamsostek breakdown --target N --year 2024 --input jan.csv -o targets.csv, then jamsostek coverage FILE --targets targets.csv');
    expect(r.stderr).not.toContain('with --target N --year');
    // The hint, followed with N = 4,000,000: the Total's target is the 4,000,000 given.
    const b = await run(['breakdown', '--target', '4000000', '--year', '2024', '--input', 'jan.csv', '-o', 'targets.csv', '-q'], { cwd: sub });
    expect(b.code, b.stderr).toBe(0);
    const c = await run(['coverage', 'jun.csv', '--targets', 'targets.csv', '-q', '-f', 'json'], { cwd: sub });
    expect(c.code, c.stderr).toBe(0);
    expect(JSON.parse(c.stdout).totals.target).toBe(4_000_000);
    // breakdown keeps its own hint (it has --target), a command that runs as written (fx51).
    const bd = await run(['breakdown', '--year', '2024', '--input', 'jan.csv', '-f', 'csv'], { cwd: sub });
    expect(bd.stderr).toContain('give this input\'s own total with --target N (jamsostek breakdown --target N --year 2024 --input jan.csv --by province)');
  });
});

describe('rv28 R11: a previous month with its denominator under another name', () => {
  it('says why coverage_change_pp is empty; the change in participants is still there', async () => {
    const sub = join(dir, 'r11');
    mkdirSync(sub);
    writeFileSync(join(sub, 'jun.csv'), june);
    // May with employed (the bundled baseline's Sulawesi Utara figure) instead of potential_workers.
    const may = readFileSync(join(ROOT, 'examples', 'sulama-2024', '2024-05.csv'), 'utf8').replace(/^period,province,potential_workers,participants/, 'period,province,employed,participants');
    writeFileSync(join(sub, 'may.csv'), may);
    const r = await run(['coverage', 'jun.csv', '--previous', 'may.csv', '-f', 'json'], { cwd: sub });
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.totals.coverage_change_pp).toBeNull();
    expect(j.totals.change).not.toBeNull();
    expect(r.stderr).toContain('note: 2024-05 (may.csv) gives employed, not potential_workers: no coverage of that month on this report\'s base, so coverage_change_pp is empty (the change in participants is given); to compare coverage, give that month\'s potential_workers figures');
    expect(notesOf(r.stdout).some((n) => n.code === 'previous-denominator')).toBe(true);
    // The same base both months: no such note.
    writeFileSync(join(sub, 'may2.csv'), readFileSync(join(ROOT, 'examples', 'sulama-2024', '2024-05.csv'), 'utf8'));
    const same = await run(['coverage', 'jun.csv', '--previous', 'may2.csv', '-f', 'csv'], { cwd: sub });
    expect(same.stderr).not.toContain('coverage_change_pp is empty');
  });
});
