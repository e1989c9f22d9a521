// rv26 F1: a Kanwil's files where one branch reports by regency and the others by province. The scope was
// found from the rows that carry a regency only, so a report of three provinces was titled "Gorontalo: 2
// of 6 regencies and cities" in every format, and the "reported only in part" warning counted regencies
// of the Kanwil (2 of 102) where provinces reported (3 of 8). Expected figures by hand in the comments.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const byProvince = writeIn(dir, 'a.csv', 'period,province,participants\n2024-09,Sulawesi Utara,599440\n2024-09,Maluku,154625\n');
const byRegency = writeIn(dir, 'b.csv', 'period,province,regency,participants\n2024-09,Gorontalo,Kota Gorontalo,58885\n2024-09,Gorontalo,Kabupaten Boalemo,32118\n');
// Sulawesi Maluku (Sulama) has 8 provinces (71–76, 81, 82); the files have 3 of them: Sulawesi Utara,
// Maluku, and Gorontalo (by 2 of its 6 regencies and cities).
const SCOPE_EN = 'Kanwil Sulawesi Maluku (Sulama): 3 of 8 provinces';
const SCOPE_ID = 'Kanwil Sulawesi Maluku (Sulama): 3 dari 8 provinsi';

describe('rv26 F1: the scope of a report whose files mix province rows and one province by regency', () => {
  it('JSON meta.scope and scopeText: the Kanwil, 3 of 8 provinces (main: Gorontalo, 2 of 6 regencies and cities)', async () => {
    const r = await run(['coverage', byProvince, byRegency, '--year', '2024', '-q', '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const meta = JSON.parse(r.stdout).meta;
    expect(meta.scope).toEqual({ kind: 'kanwil', name: 'Sulawesi Maluku (Sulama)', dim: 'province', areas: 3, of: 8, provinces: ['Sulawesi Utara', 'Gorontalo', 'Maluku'] });
    expect(meta.scopeText).toEqual({ en: SCOPE_EN, id: SCOPE_ID });
  });

  it('the Markdown and HTML titles in both languages', async () => {
    const md = await run(['coverage', byProvince, byRegency, '--year', '2024', '-q', '-f', 'md']);
    expect(md.stdout.split('\n')[0]).toBe(`## Coverage 2024-09 by province — ${SCOPE_EN}`);
    const id = await run(['coverage', byProvince, byRegency, '--year', '2024', '-q', '-f', 'md', '--lang', 'id']);
    expect(id.stdout.split('\n')[0]).toBe(`## Cakupan 2024-09 per provinsi — ${SCOPE_ID}`);
    const html = await run(['coverage', byProvince, byRegency, '--year', '2024', '-q', '-f', 'html']);
    expect(html.stdout).toContain(`<title>Coverage 2024-09 by province — ${SCOPE_EN}</title>`);
    expect(html.stdout).not.toContain('Gorontalo: 2 of 6');
  });

  it('against a target for the whole Kanwil, the part reported is counted in provinces: 3 of 8', async () => {
    const kw = await run(['breakdown', '--year', '2024', '--by', 'kanwil', '-q', '-f', 'csv', '-o', `${dir}/kw.csv`]);
    expect(kw.code, kw.stderr).toBe(0);
    const r = await run(['coverage', byProvince, byRegency, '--targets', `${dir}/kw.csv`, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning: reported only in part, against a target for the whole regional office: Sulawesi Maluku (Sulama) (3 of 8 provinces)');
    // Participants 599,440 + 154,625 + 58,885 + 32,118 = 845,068 in the Total, every row counted.
    const total = r.stdout.split('\n').find((l) => l.includes(',Total,'))!;
    expect(total.split(',')).toContain('845068');
  });
});
