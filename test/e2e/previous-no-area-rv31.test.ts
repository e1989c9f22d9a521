// rv31 V12: a --previous file without an area column (a Kanwil's recap sent without its kanwil column)
// against an input with one, on the bundled denominators, was divided by every province's employed: the
// Kanwil's coverage_change_pp +25.56 pp instead of +0.127 pp, under a warning that the two months were
// "over the same employed figures". Now refused, naming the input's area; with the column, compared.
// Expected figures by hand in the comments.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { run, tmp, writeIn } from './helpers.js';
import { sameFigures } from '../../src/core/coverage/denominators.js';
import type { Table } from '../../src/core/table.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// Sulama's June by segment: 1,958,927 + 979,463 + 261,191 + 65,298 = 3,264,879.
const june = writeIn(dir, 'kw-06.csv', 'period,kanwil,segment,participants\n2026-06,Sulama,PU,1958927\n2026-06,Sulama,BPU,979463\n2026-06,Sulama,JAKON,261191\n2026-06,Sulama,PMI,65298\n');
// May: 1,950,000 + 975,000 + 260,000 + 65,000 = 3,250,000; once without the kanwil column, once with it.
const mayNoArea = writeIn(dir, 'recap-05.csv', 'period,segment,participants\n2026-05,PU,1950000\n2026-05,BPU,975000\n2026-05,JAKON,260000\n2026-05,PMI,65000\n');
const mayKw = writeIn(dir, 'kw-05.csv', 'period,kanwil,segment,participants\n2026-05,Sulama,PU,1950000\n2026-05,Sulama,BPU,975000\n2026-05,Sulama,JAKON,260000\n2026-05,Sulama,PMI,65000\n');

describe('a --previous month without an area column (rv31 V12)', () => {
  it("is refused against an input with a kanwil column (main: Total coverage_change_pp 25.562192, over the national employed, said to be 'the same figures')", async () => {
    const r = await run(['coverage', june, '--by', 'segment', '--previous', mayNoArea, '-f', 'csv', '--quiet']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('recap-05.csv: error: --previous: the file has no area column (province, regency or kanwil), but the input has one (kanwil: Sulawesi Maluku (Sulama))');
    expect(r.stderr).toContain('hint: add an area column to');
    expect(r.stderr).not.toContain('the same employed figures');
  });

  it('with the kanwil column (the hint followed): +0.127061 pp over Sulama\'s own employed, the same figures both months', async () => {
    const r = await run(['coverage', june, '--by', 'segment', '--previous', mayKw, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const total = (parse(r.stdout, { columns: true }) as Record<string, string>[]).find((x) => x.level === 'total')!;
    // Sulama's bundled employed (its 8 provinces): 11,710,085. Change 3,264,879 − 3,250,000 = 14,879;
    // 14,879 / 11,710,085 × 100 = 0.127061 pp.
    expect(total.denominator).toBe('11710085');
    expect(total.change).toBe('14879');
    expect(total.coverage_change_pp).toBe(((14879 / 11710085) * 100).toFixed(6));
    expect(r.stderr).toContain('over the same employed figures');
  });

  it('the province × segment input too, with --year (the monthly job)', async () => {
    const seg = writeIn(dir, 'ps-06.csv', 'period,province,segment,participants\n2026-06,Gorontalo,PU,150000\n2026-06,Gorontalo,BPU,100000\n');
    const r = await run(['coverage', seg, '--by', 'segment', '--year', '2026', '--previous', mayNoArea, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain('but the input has one (province: Gorontalo)');
    // Gorontalo is 1 of Sulama's 8 provinces: the column that works is its province (rv32 W10), not a Kanwil's.
    expect(r.stderr).toContain('hint: add an area column to');
    expect(r.stderr).toContain(': province Gorontalo (period,province,segment,participants)');
  });
});

describe("the tool's own JSON report by segment as --previous", () => {
  it('is read where its meta.scope is the input\'s (a report by segment has no area column)', async () => {
    // Sulama's own potential workers per segment: 3,500,000 + 3,000,000 + 700,000 + 101,061 = 7,301,061.
    const den = (p: string, v: number[]): string => `period,kanwil,segment,participants,potential_workers\n${['PU', 'BPU', 'JAKON', 'PMI'].map((s, i) => `${p},Sulama,${s},${v[i]},${[3500000, 3000000, 700000, 101061][i]}`).join('\n')}\n`;
    const may = writeIn(dir, 'may-den.csv', den('2026-05', [1950000, 975000, 260000, 65000]));
    const jun = writeIn(dir, 'jun-den.csv', den('2026-06', [1958927, 979463, 261191, 65298]));
    const json = join(dir, 'may.json');
    const m = await run(['coverage', may, '--by', 'segment', '-f', 'json', '-o', json]);
    expect(m.code, m.stderr).toBe(0);
    const r = await run(['coverage', jun, '--by', 'segment', '--previous', json, '-f', 'csv', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const total = (parse(r.stdout, { columns: true }) as Record<string, string>[]).find((x) => x.level === 'total')!;
    // 14,879 / 7,301,061 × 100 = 0.203792 pp.
    expect(total.coverage_change_pp).toBe(((14879 / 7301061) * 100).toFixed(6));
  });
});

describe('sameFigures', () => {
  const t: Table = { dims: [], measures: [], rows: [], sources: [] };
  it('is false where the earlier month takes figures of areas the month reported has not', () => {
    const now = { table: t, other: [], chosen: new Map([['Gorontalo', '2023-08']]) };
    const then = { table: t, other: [], chosen: new Map([['Gorontalo', '2023-08'], ['Aceh', '2023-08']]) };
    expect(sameFigures(now, then)).toBe(false);
    expect(sameFigures(now, { ...then, chosen: new Map([['Gorontalo', '2023-08']]) })).toBe(true);
  });
});
