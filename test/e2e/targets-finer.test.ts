// Targets per regency on a report by province, given for only some of a province's regencies: the
// province's target was their sum (1,000 + 500 = 1,500), compared with all its participants (800 of
// the whole province), with nothing said. Found while closing a helper's report ("targets finer than
// the data"). Now warned, and kept under --quiet; a file with every regency is not.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run, tmp } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const data = join(dir, 'gp.csv');
writeFileSync(data, 'period,province,workforce,participants\n2024-06,Gorontalo,10000,800\n');

describe('targets per regency on a report by province', () => {
  it('some regencies only: the sum is the target, and the warning names the province and its share', async () => {
    const t = join(dir, 'some.csv');
    writeFileSync(t, 'regency,year,target\nKota Gorontalo,2024,1000\nKab. Boalemo,2024,500\nKota Manado,2024,9000\n');
    const r = await run(['coverage', data, '--targets', t, '-f', 'csv', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^75,Gorontalo,10000,800,0\.08,9200,1500,/m);
    expect(r.stderr).toContain('are given for only some of the regencies and cities of a province: its target is their sum, compared with all its participants: Gorontalo (2 of 6 regencies and cities)');
  });
  it('every regency: no warning', async () => {
    const t = join(dir, 'all.csv');
    writeFileSync(t, 'regency,year,target\nKabupaten Gorontalo,2024,100\nKabupaten Boalemo,2024,100\nKabupaten Bone Bolango,2024,100\nKabupaten Pohuwato,2024,100\nKabupaten Gorontalo Utara,2024,100\nKota Gorontalo,2024,500\n');
    const r = await run(['coverage', data, '--targets', t, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^75,Gorontalo,10000,800,0\.08,9200,1000,/m);
    expect(r.stderr).not.toContain('only some of the regencies');
  });
});
