// Issue 20: a file of per-period × key counts (what a warehouse query gives: a participants column, no
// ids) is read as counts and gives the same report as `coverage --extract` on the participant rows it
// was counted from. Before (256ff21), without --extract, the counts were reported without any
// denominator — coverage left out, with only a note on stderr — so the same data gave two reports.
// The counting is done here by hand (a Map), not by the tool.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tmp } from '../e2e/helpers.js';

const PROVINCES = ['Gorontalo', 'Aceh', 'Bali', 'Sulawesi Utara', 'Papua Barat Daya'];
const SEGMENTS = ['PU', 'BPU', 'JAKON', 'PMI'];

function generate(): { raw: string; agg: string } {
  let seed = 20;
  const next = (n: number): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >>> 16) % n;
  const lines = ['participant_id,province,segment,period'];
  const counts = new Map<string, number>();
  for (let i = 0; i < 3000; i++) {
    const period = next(3) === 0 ? '2024-05' : '2024-06';
    const p = PROVINCES[next(PROVINCES.length)]!;
    const s = SEGMENTS[next(SEGMENTS.length)]!;
    lines.push(`${100000 + i},${p},${s},${period}`);
    const k = `${period},${p},${s}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const agg = ['period,province,segment,participants', ...[...counts].map(([k, n]) => `${k.split(',').map((x) => (x.includes(' ') ? `"${x}"` : x)).join(',')},${n}`)];
  return { raw: lines.join('\n') + '\n', agg: agg.join('\n') + '\n' };
}

describe('per-period × key counts', () => {
  const dir = tmp();
  const { raw, agg } = generate();
  const rawFile = join(dir, 'peserta.csv');
  const aggFile = join(dir, 'counts.csv');
  writeFileSync(rawFile, raw);
  writeFileSync(aggFile, agg);

  it.each([['province'], ['province,segment'], ['segment']])('give the report of --extract on the rows they count (--by %s)', async (by) => {
    const fromRows = await run(['coverage', rawFile, '--extract', '--by', by, '-f', 'csv']);
    const fromCounts = await run(['coverage', aggFile, '--by', by, '-f', 'csv']);
    expect(fromRows.code, fromRows.stderr).toBe(0);
    expect(fromCounts.code, fromCounts.stderr).toBe(0);
    expect(fromCounts.stdout).toBe(fromRows.stdout);
    // Coverage is there: the denominators come from the bundled baseline, as for the extract.
    if (by === 'province') expect(fromCounts.stdout).toMatch(/\n75,Gorontalo,631521,\d+,0\.\d+/);
    expect(fromCounts.stderr).not.toContain('coverage is not shown');
  });

  it('say where the denominators come from, as --extract does', async () => {
    const a = JSON.parse((await run(['coverage', rawFile, '--extract', '-f', 'json'])).stdout).meta;
    const b = JSON.parse((await run(['coverage', aggFile, '-f', 'json'])).stdout).meta;
    expect(b.denominatorSource).toBe(a.denominatorSource);
    // The months of the bundled figures used (rv17 F7), not the baseline's 2023-12.
    expect(b.denominatorSource).toMatch(/^data\/baseline\.csv \(employed of \d{4}-\d{2}(, \d{4}-\d{2})*\)$/);
    expect(b.period).toBe('2024-06');
  });
});
