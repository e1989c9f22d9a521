// fx58: breakdown's split-in-part warning (fx55, rv34 R8) names the check a job runs first, `jamsostek
// validate … --expect`, but without the flags the input was read with: for a file of Indonesian numbers
// (`--number-locale id`) the command as written refused the file ("cannot tell the number format"), for
// bare BPS codes (`--code-system bps`) "code 94 is ambiguous", for a TAB file under --delimiter a wrong
// split. The hinted command now carries them, and runs as written: it refuses for the missing areas.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { inputFlagWords } from '../../src/app/input-flags.js';
import { hintedValidate as hinted, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fx58: the validate --expect command of split-in-part carries the input flags', () => {
  it('--number-locale id, a semicolon file: the command as written refuses for the 4 missing regencies (main: "cannot tell the number format")', async () => {
    // 2 of Gorontalo's 6 regencies, counts written 60.000 (sixty thousand).
    const f = writeIn(dir, 'gtlo.csv', 'period;province;regency;participants;workforce\n2024-06;Gorontalo;Kota Gorontalo;60.000;100.000\n2024-06;Gorontalo;Kabupaten Gorontalo;70.000;150.000\n');
    const r = await run(['breakdown', '--target', '200.000', '--input', f, '--by', 'regency', '--number-locale', 'id', '--delimiter', ';', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const words = hinted(r.stderr);
    expect(words).toEqual(['validate', f, '--by', 'regency', '--expect', 'province:Gorontalo', '--number-locale', 'id', '--delimiter', ';']);
    const v = await run([...words, '-f', 'csv']);
    expect(v.code).toBe(3);
    expect(v.stderr).toContain('4 of the 6 expected regency/city units did not report for 2024-06');
    expect(v.stderr).not.toContain('cannot tell the number format');
  });

  it('--code-system bps, TAB, a Kanwil: the command quotes the TAB and the Kanwil, and runs (main: "code 94 is ambiguous")', async () => {
    const f = writeIn(dir, 'banuspa.tsv', 'period\tkanwil\tprovince_code\tparticipants\tworkforce\n2024-06\tBanuspa\t51\t1.000.000\t2.000.000\n2024-06\tBanuspa\t94\t300.000\t1.500.000\n');
    const r = await run(['breakdown', '--target', '2.000.000', '--input', f, '--number-locale', 'id', '--code-system', 'bps', '--delimiter', '\\t', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`--expect 'kanwil:Bali Nusa Tenggara Papua (Banuspa)' --number-locale id --code-system bps --delimiter $'\\t', exit 3`);
    const v = await run([...hinted(r.stderr), '-f', 'csv']);
    expect(v.code).toBe(3);
    expect(v.stderr).toContain('7 of the 9 expected province units did not report for 2024-06');
    expect(v.stderr).not.toContain('ambiguous');
  });

  it('inputFlagWords: the reading flags given, as shell words; none, nothing', () => {
    expect(inputFlagWords({})).toBe('');
    expect(inputFlagWords({ maxErrors: 5, config: 'j.json' })).toBe('');
    expect(inputFlagWords({ sheet: 'Data Juni', headerRow: 3, encoding: 'windows-1252', allowOverCoverage: true, denominator: 'potential_workers' })).toBe(" --encoding windows-1252 --sheet 'Data Juni' --header-row 3 --allow-over-coverage --denominator potential_workers");
  });
});
