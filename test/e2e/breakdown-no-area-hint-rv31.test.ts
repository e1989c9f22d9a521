// rv31 V15: breakdown --year with a region's input without an area column was refused with the hint "add a
// kanwil or province column", which led to the next refusal (--year is the national target; a region's
// input is refused either way). The hint now names what works for a Kanwil planner: its own total with
// --target N, or its Kanwil's rows of the national plan (breakdown --year 2026 --by kanwil,segment, no
// input). Each way of the hint is typed here and runs. coverage keeps the kanwil-column hint, where it
// works. Failed on main at 5ba02b9.
import { describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

// Sulama's June recap per segment, without its kanwil column: 1,958,927 + 979,463 + 261,191 + 65,298 = 3,264,879.
const RECAP = 'period,segment,participants,potential_workers\n2026-06,PU,1958927,3500000\n2026-06,BPU,979463,3000000\n2026-06,JAKON,261191,700000\n2026-06,PMI,65298,101061\n';

describe("breakdown's no-area refusal names ways that work (rv31 V15)", () => {
  const dir = tmp();
  const recap = writeIn(dir, 'recap.csv', RECAP);
  it('the hint names --target N with this input, and the Kanwil rows of the national plan; both run', async () => {
    const r = await run(['breakdown', '--year', '2026', '--input', recap, '--by', 'segment', '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    const own = `jamsostek breakdown --target N --year 2026 --input ${recap} --by segment`;
    const national = 'jamsostek breakdown --year 2026 --by kanwil,segment';
    expect(r.stderr).toContain(`hint: give its own total with --target N (${own}), or take its Kanwil's rows of the national plan, without --input (${national})`);
    expect(r.stderr).not.toContain('add a kanwil or province column');
    // The first way, N = 4,000,000: the segments add up to it.
    const a = await run([...own.replace('N', '4000000').split(' ').slice(1), '-f', 'csv']);
    expect(a.code, a.stderr).toBe(0);
    expect(csvRows(a.stdout).find((x) => x['level'] === 'total')!['target']).toBe('4000000');
    // The second: Sulama's four segment rows (among the 11 Kanwil's).
    const b = await run([...national.split(' ').slice(1), '-f', 'csv']);
    expect(b.code, b.stderr).toBe(0);
    expect(csvRows(b.stdout).filter((x) => x['kanwil'] === 'Sulawesi Maluku (Sulama)' && x['level'] === 'detail').map((x) => x['segment'])).toEqual(['PU', 'BPU', 'JAKON', 'PMI']);
  });
  it('in Indonesian too', async () => {
    const r = await run(['breakdown', '--year', '2026', '--input', recap, '--by', 'segment', '--lang', 'id', '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('hint: berikan totalnya sendiri dengan --target N (jamsostek breakdown --target N --year 2026');
    expect(r.stderr).toContain('tanpa --input (jamsostek breakdown --year 2026 --by kanwil,segment)');
  });
  it('coverage keeps the kanwil-column hint, which works there', async () => {
    const r = await run(['coverage', recap, '--by', 'segment', '--year', '2026', '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('hint: add a kanwil or province column naming its area');
    const withKanwil = writeIn(dir, 'recap-kw.csv', RECAP.replace('period,segment', 'period,kanwil,segment').replace(/2026-06,/g, '2026-06,Sulama,'));
    const ok = await run(['coverage', withKanwil, '--by', 'segment', '--year', '2026', '-f', 'csv']);
    expect(ok.code, ok.stderr).toBe(0);
  });
});
