// A --fail-below breach (exit 1) was named only on stderr (review rv25 F2): the report files of the same
// run (the README's monthly job writes three) did not say which rows are below the line. Each file now
// carries it as a warning (JSON meta.notes, code "fail-below"), listing up to a hundred rows below, where stderr
// lists the first ten. Failed on main at 1ff05be. Figures worked out by hand here.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tmp } from './helpers.js';

const PROVINCES = ['Aceh', 'Sumatera Utara', 'Sumatera Barat', 'Riau', 'Jambi', 'Sumatera Selatan', 'Bengkulu', 'Lampung', 'Gorontalo', 'Maluku', 'Maluku Utara', 'Sulawesi Barat'];

describe('a --fail-below breach is in every report file (rv25 F2)', () => {
  it('12 provinces at 10 % and one at 50 %, --fail-below 40: exit 1, every file lists the 12', async () => {
    const cwd = tmp();
    // 100 / 1,000 = 10.00 % each; Bali 500 / 1,000 = 50.00 % (above the line)
    const rows = [...PROVINCES.map((p) => `2024-06,${p},1000,100`), '2024-06,Bali,1000,500'];
    writeFileSync(join(cwd, 'june.csv'), ['period,province,potential_workers,participants', ...rows].join('\n') + '\n');
    const r = await run(['coverage', 'june.csv', '--fail-below', '40', '-q', '-o', 'r.json', '-o', 'r.md', '-o', 'r.html'], { cwd });
    expect(r.code).toBe(1);
    // stderr: the first ten, then "…"
    expect(r.stderr).toContain('coverage below 40.00% for 12 of 13: Aceh 10.00%');
    expect(r.stderr).toContain('Gorontalo 10.00%, Maluku 10.00%, …');
    const notes = (JSON.parse(readFileSync(join(cwd, 'r.json'), 'utf8')) as { meta: { notes: { en: string; id: string; kind: string; code?: string }[] } }).meta.notes;
    const breach = notes.filter((n) => n.code === 'fail-below');
    expect(breach).toHaveLength(1);
    expect(breach[0]!.kind).toBe('warning');
    const listed = PROVINCES.map((p) => `${p} 10.00%`).join(', ');
    expect(breach[0]!.en).toBe(`coverage below 40.00% for 12 of 13: ${listed}`);
    expect(breach[0]!.id).toBe(`cakupan di bawah 40,00% untuk 12 dari 13: ${PROVINCES.map((p) => `${p} 10,00%`).join(', ')}`);
    expect(breach[0]!.en).not.toContain('Bali');
    for (const f of ['r.md', 'r.html']) expect(readFileSync(join(cwd, f), 'utf8')).toContain('Maluku Utara 10.00%, Sulawesi Barat 10.00%');
  });

  it('no breach, no such warning', async () => {
    const cwd = tmp();
    writeFileSync(join(cwd, 'june.csv'), 'period,province,potential_workers,participants\n2024-06,Bali,1000,500\n');
    const r = await run(['coverage', 'june.csv', '--fail-below', '40', '-f', 'json'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('fail-below');
  });
});

describe('a breach of many rows stays within a cell (rv27 F3)', () => {
  it('150 sectors below the line: the report lists 100 of them, the header says 150', async () => {
    const cwd = tmp();
    // 150 sectors of Aceh at 100 / 1,000 = 10.00 % each
    const sec = ['period,province,sector,potential_workers,participants'];
    for (let i = 0; i < 150; i++) sec.push(`2024-06,Aceh,Sektor ${String(i).padStart(3, '0')},1000,100`);
    writeFileSync(join(cwd, 'sectors.csv'), sec.join('\n') + '\n');
    const r = await run(['coverage', 'sectors.csv', '--by', 'sector', '--fail-below', '40', '-q', '-f', 'json'], { cwd });
    expect(r.code).toBe(1);
    const note = (JSON.parse(r.stdout) as { meta: { notes: { en: string; code?: string }[] } }).meta.notes.find((n) => n.code === 'fail-below')!;
    expect(note.en.startsWith('coverage below 40.00% for 150 of 150: Sektor 000 10.00%')).toBe(true);
    expect(note.en).toContain('Sektor 099 10.00%, …');
    expect(note.en).not.toContain('Sektor 100');
  });
});
