// What stderr says, the report says: notes and warnings that came from reading the targets, planning them
// (--year) or checking them against published figures were said on stderr only, not in JSON meta.notes,
// HTML or xlsx, so a report read later lost them; and coverage --year held and capped provinces without
// the words breakdown gives for the same rule. Found by two reviews.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run, tmp } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const kal = join(dir, 'kal.csv');
writeFileSync(
  kal,
  'period,province,employed,participants\n2024-06,Kalimantan Barat,2780000,789270\n2024-06,Kalimantan Tengah,1349880,704023\n2024-06,Kalimantan Selatan,2128454,682862\n2024-06,Kalimantan Timur,1847295,1335233\n2024-06,Kalimantan Utara,372270,251948\n',
);

const notesOf = (file: string): string[] => (JSON.parse(readFileSync(file, 'utf8')) as { meta: { notes: { en: string }[] } }).meta.notes.map((n) => n.en);

describe('the report carries what stderr said', () => {
  it('warnings about the planned targets are in meta.notes and the HTML, also under --quiet', async () => {
    const json = join(dir, 'r.json');
    const html = join(dir, 'r.html');
    const r = await run(['coverage', 'examples/2024-06/gorontalo.csv', 'examples/2024-06/sulawesi-utara.csv', '--year', '2024', '--quiet', '-o', json, '-o', html]);
    expect(r.code, r.stderr).toBe(0);
    const said = "the 2024 targets are the national breakdown's, split by employed; this report's coverage is on potential_workers";
    const later = 'Gorontalo: the target 288,908 is below the 314,000 active participants published for 2025-12';
    expect(notesOf(json).some((n) => n.startsWith(said))).toBe(true);
    expect(notesOf(json).some((n) => n.startsWith(later))).toBe(true);
    expect(readFileSync(html, 'utf8')).toContain('Gorontalo: the target 288,908 is below the 314,000');
  });

  it('coverage --year says which of its provinces the rule held or capped, as breakdown does', async () => {
    // The plan is on the bundled 2023-12 baseline: Kalimantan Timur 1,323,233 of 1,847,295 (71.6 %) and
    // Kalimantan Utara 245,948 of 372,270 (66.1 %) are above 55 % already: held. DKI Jakarta is held
    // too in the national split, but this report does not cover it.
    const json = join(dir, 'cap.json');
    const r = await run(['coverage', kal, '--year', '2026', '--max-coverage', '0.55', '-o', json]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('note: held at today\'s participants (already above the upper bound): Kalimantan Timur, Kalimantan Utara\n');
    expect(r.stderr).toContain('note: stopped at the upper bound (--max, --max-coverage), the rest shared by the others: Kalimantan Tengah\n');
    expect(r.stderr).not.toContain('DKI Jakarta');
    expect(notesOf(json)).toContain("held at today's participants (already above the upper bound): Kalimantan Timur, Kalimantan Utara");
  });

  it('a targets file with several years: the year used is a warning --quiet keeps, and in the report', async () => {
    const t = join(dir, 'years.csv');
    writeFileSync(t, 'province,year,target\nKalimantan Barat,2024,900000\nKalimantan Barat,2026,1000000\n');
    const one = join(dir, 'one.csv');
    writeFileSync(one, 'period,province,employed,participants\n2024-06,Kalimantan Barat,2780000,789270\n');
    const json = join(dir, 'y.json');
    const r = await run(['coverage', one, '--targets', t, '--quiet', '-o', json]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning:');
    expect(r.stderr).toContain('2024, 2026');
    expect(notesOf(json).some((n) => n.includes('2024, 2026'))).toBe(true);
  });
});
