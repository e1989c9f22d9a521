// Review rv21's messages that misled (H1, H4, H13), mended by the lead. Each case failed on main 52baf10.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tmp, writeIn } from './helpers.js';

const D = tmp();
// Four lines: the header, Aceh, a blank line, Bali.
const FOUR = writeIn(D, 'four.csv', 'province,workforce,participants\nAceh,1000,100\n\nBali,2000,200\n');

describe('rv21 H1: --header-row past the end of the file', () => {
  it.each([99, 5])('--header-row %i on a file of 4 lines says so (it said "the file is blank")', async (n) => {
    const r = await run(['coverage', FOUR, '--header-row', String(n), '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${FOUR}: error: --header-row ${n}: the file has 4 lines\n  hint: give the line the header is on, counting from 1\n`);
  });
  it('a last line without its line end counts: "a\\nb" has 2 lines', async () => {
    const f = writeIn(D, 'two.csv', 'a\nb');
    const r = await run(['coverage', f, '--header-row', '3', '--lang', 'id']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${f}: error: --header-row 3: berkas hanya memiliki 2 baris`);
  });
});

describe('rv21 H4: standard input named twice across flags', () => {
  it.each([
    [['-', '--previous', '-']],
    [[FOUR, '--targets', '-', '--previous', '-']],
  ])('coverage %j: exit 2, "can be read only once" (it read the data, then called --previous empty)', async (args) => {
    const r = await run(['coverage', ...args, '-f', 'csv'], { input: 'province,workforce,participants\nAceh,1000,100\n' });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('standard input (-) can be read only once');
  });
});

describe('rv21 H13: --by on the bundled baseline names one of its key columns', () => {
  it.each(['notes', 'source_employed'])('breakdown --by %s: exit 2 before any reading, the key columns listed', async (by) => {
    const r = await run(['breakdown', '--year', '2024', '--by', by, '-f', 'csv']);
    // Before: --by notes exit 3 with 38 "data/baseline.csv:2:682: error: the notes is empty";
    // --by source_employed exit 0 with 38 "units" named by source ids.
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`error: --by ${by}: the bundled baseline (data/baseline.csv) has no key column "${by}"`);
    expect(r.stderr).toContain('hint: key columns it has: period, province, segment, kanwil;');
    expect(r.stderr).not.toContain('data/baseline.csv:');
  });
  it('--by kanwil and --by provinsi still run', async () => {
    for (const by of ['kanwil', 'provinsi', 'province,segment']) expect((await run(['breakdown', '--year', '2024', '--by', by, '-q', '-f', 'csv'])).code).toBe(0);
  });
});

describe('rv21 H10, H14, H15', () => {
  it('H10: NAD (Nanggroe Aceh Darussalam) is Aceh', async () => {
    const f = writeIn(D, 'nad.csv', 'province,workforce,participants\nNAD,1000,100\n');
    const r = await run(['coverage', f, '-q', '-f', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[1]).toBe('11,Aceh,1000,100,0.1,900,,,,,,,,,detail');
  });
  it("H14: --delimiter ',' on a ';' file: one error at the header naming the delimiter that splits it", async () => {
    const f = writeIn(D, 'semi.csv', 'Provinsi;Tenaga Kerja;Peserta Aktif\nAceh;1000;100\nBali;2000;200\n');
    const r = await run(['coverage', f, '--delimiter', ',', '-f', 'csv']);
    // Before: "expected 1 fields, found 2 / hint: a value contains an unquoted ','" for every row.
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(`${f}:1: error: --delimiter ',': the header line does not split on ','; it splits on ';'\n  hint: leave out --delimiter (jamsostek finds it from the header line) or pass --delimiter ';'\n`);
    expect((await run(['coverage', f, '--delimiter', ';', '-q', '-f', 'csv'])).code).toBe(0);
  });
  it('H15: a UTF-16 file under --encoding utf-8: the hint says UTF-16, not Windows-1252', async () => {
    const text = 'province,workforce,participants\nAceh,1000,100\n';
    const f = join(D, 'u16.csv');
    writeFileSync(f, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const r = await run(['coverage', f, '--encoding', 'utf-8', '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('hint: the file is UTF-16LE (its first bytes say so): leave out --encoding (jamsostek reads UTF-16 by itself) or pass --encoding utf-16le');
    expect((await run(['coverage', f, '-q', '-f', 'csv'])).code).toBe(0);
  });
});

describe('rv22 G4: a title line with a comma above a ";" header, under --delimiter ";"', () => {
  it('is not told to pass --delimiter ","; the rows point at --header-row 2, which reads it', async () => {
    const f = writeIn(D, 'title.csv', 'Laporan Juni, 2024\nprovinsi;tenaga_kerja;peserta\nAceh;1000;100\n');
    const r = await run(['coverage', f, '--delimiter', ';', '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).not.toContain("--delimiter ','");
    expect(r.stderr).toContain(`${f}:2: error: expected 1 fields, found 3\n  hint: line 1, read as the header, holds one field: if it is a title above the header, pass --header-row 2`);
    const ok = await run(['coverage', f, '--delimiter', ';', '--header-row', '2', '-q', '-f', 'csv']);
    expect(ok.code).toBe(0);
    expect(ok.stdout.split('\n')[1]).toBe('11,Aceh,1000,100,0.1,900,,,,,,,,,detail');
  });
});
