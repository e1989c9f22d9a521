// Review rv18 (F3–F5): refusals and words of today's merges (fx15, fx16) that were wrong for the input given:
//   F4  the warehouse's counts of May beside June's participant extract (`'mix/*.csv' --extract`) refused as
//       "a participant may be counted in both", though no month is in both files;
//   F5  a monthly participant extract with a registration date and a contract end date (tgl_daftar,
//       tgl_akhir_kontrak) and a period column refused as membership spells;
//   F3  the warning about rows in only some regencies of a province called a regional file "the extract".
// Every expected figure is worked out by hand from the small files below.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const f = (name: string, text: string): string => writeIn(dir, name, text);

/** A report's row of a province, by its label. */
function rowOf(stdout: string, province: string): Record<string, string> {
  const row = csvRows(stdout).find((r) => r['province'] === province);
  expect(row, stdout).toBeDefined();
  return row!;
}

// June: three participants of Gorontalo (two PU, one BPU). May, the warehouse's counts: PU 1 + BPU 1 = 2.
const JUNE = 'participant_id,province,segment,period\n001,Gorontalo,PU,2024-06\n002,Gorontalo,PU,2024-06\n003,Gorontalo,BPU,2024-06\n';
const MAY_COUNTS = 'province,segment,period,participants\nGorontalo,PU,2024-05,1\nGorontalo,BPU,2024-05,1\n';

describe('F4: counts of one month beside a participant extract of another', () => {
  it("a folder of May's counts and June's extract, --extract: read together, 3 participants, change 3 − 2 = +1 (was refused)", async () => {
    const mix = join(dir, 'mix');
    mkdirSync(mix, { recursive: true });
    writeIn(mix, '2024-05.csv', MAY_COUNTS);
    writeIn(mix, '2024-06.csv', JUNE);
    const r = await run(['coverage', join(mix, '*.csv'), '--extract', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const g = rowOf(r.stdout, 'Gorontalo');
    expect(g['participants']).toBe('3');
    expect(g['change']).toBe('1');
    expect(r.stderr).not.toContain('counted in the other');
  });

  it('counts that have a month of the extract too: still refused, naming the month both have; the hint names --previous FILE --extract', async () => {
    const e = f('june.csv', JUNE);
    const c = f('may-june-counts.csv', `${MAY_COUNTS}Gorontalo,PU,2024-06,2\n`);
    const r = await run(['coverage', e, c, '--extract', '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${c}: error: is counts per key (a participants column, no participant id), but ${e} is a per-participant extract (a participant id on each row), and both have rows of 2024-06: a participant counted in one may be counted in the other too`);
    expect(r.stderr).toContain('--previous FILE --extract');
    const id = await run(['coverage', e, c, '--extract', '-f', 'csv', '--lang', 'id']);
    expect(id.stderr).toContain('dan keduanya memuat baris 2024-06');
    expect(id.stderr).toContain('--previous BERKAS --extract');
  });

  it('without --extract the counts are a regional file: the refusals hint at --extract (inputs and --previous); with it, the change is +1', async () => {
    const e = f('june2.csv', JUNE);
    const c = f('may-counts.csv', MAY_COUNTS);
    const both = await run(['coverage', e, c, '-f', 'csv']);
    expect(both.code).toBe(3);
    expect(both.stderr).toContain('add --extract to read it as such');
    const prev = await run(['coverage', e, '--previous', c, '-f', 'csv']);
    expect(prev.code).toBe(3);
    expect(prev.stderr).toContain('add --extract to read it as such');
    const prevId = await run(['coverage', e, '--previous', c, '-f', 'csv', '--lang', 'id']);
    expect(prevId.stderr).toContain('tambahkan --extract agar dibaca demikian');
    const ok = await run(['coverage', e, '--previous', c, '--extract', '-f', 'csv']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(rowOf(ok.stdout, 'Gorontalo')['change']).toBe('1');
  });
});

describe('F5: a monthly extract with a registration date and a contract end date', () => {
  // Four PKWT workers of Gorontalo in June 2024, registered in 2019, contracts ending in 2025.
  const head = 'kpj,nama,province,segment,period,tgl_daftar,tgl_akhir_kontrak\n';
  const rows = ['0000000010', '0000000011', '0000000012', '0000000013'].map((k) => `${k},Budi,Gorontalo,PU,2024-06,2019-03-01,2025-12-31\n`).join('');

  it('with a period column: a snapshot, 4 participants, the end-date column warned as not read (was refused as spells)', async () => {
    const file = f('pkwt.csv', head + rows);
    const r = await run(['coverage', file, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(rowOf(r.stdout, 'Gorontalo')['participants']).toBe('4');
    expect(r.stderr).toContain(`warning: ${file}: column "tgl_akhir_kontrak" is not read (its values: "2025-12-31" 4 rows)`);
    expect(r.stderr).not.toContain('membership spells');
  });

  it('the same dates without a period column are still spells: refused', async () => {
    const file = f('pkwt-spells.csv', (head + rows).replace(/,period/, '').replace(/,2024-06/g, ''));
    const r = await run(['coverage', file, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('columns "tgl_daftar" and "tgl_akhir_kontrak" say when a membership starts and ends: the file looks like membership spells');
  });
});

describe('F3: rows in only some regencies, said of a regional file', () => {
  it('a regional file by regency: "the input has rows in only some regencies …", never "the extract"', async () => {
    const file = f('reg-parts.csv', 'province,regency,period,participants\nGorontalo,Kab. Boalemo,2024-06,100\nGorontalo,Kab. Gorontalo,2024-06,100\nMaluku,Kota Ambon,2024-06,50\n');
    const r = await run(['coverage', file, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    // Gorontalo 100 + 100 = 200 over its whole employed, 631,521 (data/baseline.csv).
    expect(rowOf(r.stdout, 'Gorontalo')['participants']).toBe('200');
    expect(rowOf(r.stdout, 'Gorontalo')['denominator']).toBe('631521');
    expect(r.stderr).toContain("warning: the input has rows in only some regencies and cities of a province, and is divided by the whole province's employed (data/baseline.csv): the others count as having no participants: Gorontalo (2 of 6 regencies and cities), Maluku (1 of 11 regencies and cities)");
    expect(r.stderr).not.toContain('the extract has rows');
    const id = await run(['coverage', file, '-f', 'csv', '--lang', 'id']);
    expect(id.stderr).toContain('input hanya memuat baris di sebagian kabupaten/kota');
    expect(id.stderr).not.toContain('ekstrak hanya memuat');
  });
});
