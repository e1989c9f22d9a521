// Messages about a report's `denominator` column name it as the file writes it (issue 20, F6), and a file
// refused for having two denominators gets no follow-on error that compares a row with one of them.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tmp } from './helpers.js';

describe('denominator columns in messages', () => {
  it('participants above a "denominator" column: the column is named as written, and what it is read as', async () => {
    const dir = tmp();
    const f = join(dir, 'userden.csv');
    writeFileSync(f, 'period,province,regency,denominator,participants\n2024-06,Gorontalo,Kab. Boalemo,40,500\n2024-06,Gorontalo,Kab. Pohuwato,5000,400\n');
    const r = await run(['coverage', f, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain(`${f}:2:35: error: participants (500) exceed "denominator" (40, read as workforce)`);
    const id = await run(['coverage', f, '--denominator', 'potential_workers', '--lang', 'id']);
    expect(id.stderr).toContain('peserta (500) melebihi "denominator" (40, dibaca sebagai potential_workers)');
    // A column named for its measure is named as before.
    const g = join(dir, 'named.csv');
    writeFileSync(g, 'period,province,regency,workforce,participants\n2024-06,Gorontalo,Kab. Boalemo,40,500\n');
    expect((await run(['coverage', g])).stderr).toContain('error: participants (500) exceed workforce (40)');
  });

  it('both workforce and denominator: the ambiguity alone, no row compared with either', async () => {
    const dir = tmp();
    const f = join(dir, 'both.csv');
    writeFileSync(f, 'period,province,regency,workforce,participants,denominator\n2024-06,Gorontalo,Kab. Boalemo,1000,500,7\n');
    const r = await run(['coverage', f, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain('error: the file has both "workforce" and "denominator": which one is the denominator?');
    expect(r.stderr).not.toContain('exceed');
    expect(r.stderr).not.toMatch(/\d+ problems/);
  });
});
