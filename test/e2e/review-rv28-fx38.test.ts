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
