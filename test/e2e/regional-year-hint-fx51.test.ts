// fx51: breakdown's second no-area refusal. A Kanwil's recap with its kanwil column (the first refusal's
// way) under --year is refused again, as a region's input under the national target, and its hint named
// "--target N --year 2026" (no input: alone it plans the bundled country, exit 3) and "its rows of the
// national breakdown: jamsostek breakdown --year 2026" (provinces, not the Kanwil's segments). Each way of
// the hint is now a command that runs as written (N a number), with the --by that gives the input's rows.
// Failed on main at d136a73.
import { describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

// Sulama's June recap per segment, with its kanwil column: 1,958,927 + 979,463 + 261,191 + 65,298 = 3,264,879.
const RECAP = 'period,kanwil,segment,participants\n2026-06,Sulama,PU,1958927\n2026-06,Sulama,BPU,979463\n2026-06,Sulama,JAKON,261191\n2026-06,Sulama,PMI,65298\n';

/** The commands a hint names in parentheses, as argument lists (without "jamsostek"), N as `n`. */
const commandsOf = (stderr: string, n: string): string[][] => {
  const hint = stderr.split('\n').find((l) => l.includes('hint:')) ?? '';
  return [...hint.matchAll(/\((jamsostek breakdown [^)]*)\)/g)].map((m) => m[1]!.replace(/ N( |$)/, ` ${n}$1`).split(' ').slice(1));
};

describe("breakdown --year with a region's input: the hint's commands run (fx51)", () => {
  const dir = tmp();
  const recap = writeIn(dir, 'sulama.csv', RECAP);
  it("a Kanwil's recap, --by segment: its own total, and its Kanwil's segment rows of the national plan", async () => {
    const r = await run(['breakdown', '--year', '2026', '--input', recap, '--by', 'segment', '-f', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: --year 2026 is the national target (70,000,000); the input covers only 8 province units');
    expect(r.stderr).toContain(`hint: give this input's own total with --target N (jamsostek breakdown --target N --year 2026 --input ${recap} --by segment), or take its rows of the national breakdown, without --input (jamsostek breakdown --year 2026 --by kanwil,segment)`);
    const [own, national] = commandsOf(r.stderr, '4000000');
    expect(national).toBeDefined();
    const a = await run([...own!, '-f', 'csv', '-q']);
    expect(a.code, a.stderr).toBe(0);
    expect(csvRows(a.stdout).filter((x) => x['level'] === 'detail').map((x) => x['segment'])).toEqual(['PU', 'BPU', 'JAKON', 'PMI']);
    expect(csvRows(a.stdout).find((x) => x['level'] === 'total')!['target']).toBe('4000000');
    const b = await run([...national!, '-f', 'csv', '-q']);
    expect(b.code, b.stderr).toBe(0);
    expect(csvRows(b.stdout).filter((x) => x['kanwil'] === 'Sulawesi Maluku (Sulama)' && x['level'] === 'detail').map((x) => x['segment'])).toEqual(['PU', 'BPU', 'JAKON', 'PMI']);
  });
  it('two provinces of a Kanwil: their own total, and their rows of the national plan by province', async () => {
    const two = writeIn(dir, 'two.csv', 'period,province,participants\n2026-06,Gorontalo,259971\n2026-06,Maluku,155094\n');
    const r = await run(['breakdown', '--year', '2026', '--input', two, '-f', 'csv']);
    expect(r.code).toBe(2);
    const ways = commandsOf(r.stderr, '500000');
    expect(ways).toHaveLength(2);
    for (const way of ways) {
      const x = await run([...way, '-f', 'csv', '-q']);
      expect(x.code, `${way.join(' ')}: ${x.stderr}`).toBe(0);
      expect(csvRows(x.stdout).filter((row) => row['province'] === 'Gorontalo' && row['level'] === 'detail')).toHaveLength(1);
    }
  });
  it('in Indonesian too', async () => {
    const r = await run(['breakdown', '--year', '2026', '--input', recap, '--by', 'segment', '--lang', 'id', '-f', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`hint: berikan total input ini dengan --target N (jamsostek breakdown --target N --year 2026 --input ${recap} --by segment), atau ambil barisnya dalam rincian nasional, tanpa --input (jamsostek breakdown --year 2026 --by kanwil,segment)`);
  });
});
