// fx51: a grid's figures depended on the order of --by. `breakdown --year 2026 --months` by kanwil,segment
// and by segment,kanwil gave 22 detail milestones one person apart (2024-06 Sumbarriau BPU 544,465 vs
// 544,464, JAKON 493,413 vs 493,414): the cells were apportioned within both margins and the ties went to
// the first --by's rows. Now each month's grid is rounded once: both margins met, each cell the floor or the
// ceiling of its exact share, ties by key. coverage --year plans on the same grid and agrees with either
// order; yearly targets with a tie are settled by key too. Failed on main at d136a73.
import { describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

type Row = Record<string, string>;
const detail = (text: string): Row[] => csvRows(text).filter((r) => r['level'] === 'detail');
const cellsOf = (rows: readonly Row[], a: string, b: string, value: string): Map<string, string> => new Map(rows.map((r) => [`${r['period'] ?? ''}|${r[a]}|${r[b]}`, r[value]!]));

async function months(year: number, by: string): Promise<Row[]> {
  const r = await run(['breakdown', '--year', String(year), '--by', by, '--months', '-f', 'csv', '-q']);
  expect(r.code, r.stderr).toBe(0);
  return detail(r.stdout);
}

describe('one grid whatever the order of --by (fx51)', () => {
  it('breakdown --year 2026 --months: kanwil,segment and segment,kanwil give the same 1,584 cell-months (22 differed)', async () => {
    const a = cellsOf(await months(2026, 'kanwil,segment'), 'kanwil', 'segment', 'milestone');
    const b = cellsOf(await months(2026, 'segment,kanwil'), 'kanwil', 'segment', 'milestone');
    expect(a.size).toBe(11 * 4 * 36);
    expect([...a].filter(([k, v]) => b.get(k) !== v).map(([k]) => k)).toEqual([]);
    // Each margin is still its own path: the Kanwil's (--by kanwil --months) and the segment's (--by segment --months).
    for (const dim of ['kanwil', 'segment']) {
      const own = new Map((await months(2026, dim)).map((r) => [`${r['period']}|${r[dim]}`, Number(r['milestone'])]));
      const sums = new Map<string, number>();
      for (const [k, v] of a) {
        const [period, kanwil, segment] = k.split('|');
        const key = `${period}|${dim === 'kanwil' ? kanwil : segment}`;
        sums.set(key, (sums.get(key) ?? 0) + Number(v));
      }
      expect([...own].filter(([k, v]) => sums.get(k) !== v).map(([k]) => k)).toEqual([]);
    }
  });

  for (const area of ['kanwil', 'province']) {
    it(`breakdown --year 2024 --by ${area},segment --months: every cell is the floor or the ceiling of its share of the national increase`, async () => {
      // By hand: a cell's exact milestone = baseline + (target − baseline) × (national − national baseline) /
      // (national target − national baseline), the national of the month being the cells' sum. Main had 4
      // (kanwil) and 1 (province) cell-months a person beyond.
      const rows = await months(2024, `${area},segment`);
      const byPeriod = new Map<string, Row[]>();
      for (const r of rows) byPeriod.set(r['period']!, [...(byPeriod.get(r['period']!) ?? []), r]);
      const first = byPeriod.get('2024-01')!;
      const B = first.reduce((s, r) => s + BigInt(r['baseline']!), 0n);
      const T = first.reduce((s, r) => s + BigInt(r['target']!), 0n);
      const outside: string[] = [];
      for (const [period, cells] of byPeriod) {
        const N = cells.reduce((s, r) => s + BigInt(r['milestone']!), 0n);
        for (const r of cells) {
          const b = BigInt(r['baseline']!);
          const exact = b * (T - B) + (BigInt(r['target']!) - b) * (N - B); // × (T − B)
          const x = BigInt(r['milestone']!) * (T - B);
          if (!(x > exact - (T - B) && x < exact + (T - B))) outside.push(`${period} ${r[area]} ${r['segment']}`);
        }
      }
      expect(rows).toHaveLength((area === 'kanwil' ? 11 : 38) * 4 * 12);
      expect(outside).toEqual([]);
    });
  }

  it('coverage --year 2026 of Sulama by kanwil,segment and by segment,kanwil: the same June milestones, breakdown\'s (BPU and PMI differed by 1)', async () => {
    const SULAMA = [
      ['Sulawesi Utara', 355498, 177749, 47400, 11850],
      ['Sulawesi Tengah', 356838, 178419, 47578, 11895],
      ['Sulawesi Selatan', 645182, 322591, 86024, 21507],
      ['Sulawesi Tenggara', 200821, 100410, 26776, 6694],
      ['Gorontalo', 155983, 77991, 20798, 5199],
      ['Sulawesi Barat', 42726, 21363, 5697, 1424],
      ['Maluku', 93056, 46528, 12408, 3102],
      ['Maluku Utara', 108823, 54412, 14510, 3627],
    ] as const;
    const lines = ['period,province,segment,participants'];
    for (const [p, ...v] of SULAMA) ['PU', 'BPU', 'JAKON', 'PMI'].forEach((s, i) => lines.push(`2026-06,${p},${s},${v[i]}`));
    const input = writeIn(tmp(), 'sulama-2026-06.csv', `${lines.join('\n')}\n`);
    const milestones = async (by: string): Promise<Map<string, string>> => {
      const r = await run(['coverage', input, '--by', by, '--year', '2026', '-f', 'csv', '-q']);
      expect(r.code, r.stderr).toBe(0);
      return cellsOf(detail(r.stdout).map((x) => ({ ...x, period: '' })), 'kanwil', 'segment', 'milestone');
    };
    const a = await milestones('kanwil,segment');
    const b = await milestones('segment,kanwil');
    expect(a.size).toBe(4);
    expect(b).toEqual(a);
    const june = (await months(2026, 'segment,kanwil')).filter((r) => r['period'] === '2026-06' && r['kanwil'] === 'Sulawesi Maluku (Sulama)');
    expect(a).toEqual(cellsOf(june.map((x) => ({ ...x, period: '' })), 'kanwil', 'segment', 'milestone'));
  });

  it('yearly targets with a tie: the same cells for --by province,segment and --by segment,province (Aceh PU was 1 or 2)', async () => {
    // Weights (participants, level mode) [[3,1],[4,1],[2,2]], rows 2, 3, 3, columns PU 5, BPU 3: two
    // biproportional answers; the first cell by key (Aceh, BPU before PU) settles it, whichever --by comes first.
    const input = writeIn(tmp(), 'tie.csv', 'province,segment,participants\nAceh,PU,3\nAceh,BPU,1\nBali,PU,4\nBali,BPU,1\nGorontalo,PU,2\nGorontalo,BPU,2\n');
    const targets = async (by: string, rows: string, cols: string): Promise<Map<string, string>> => {
      const r = await run(['breakdown', '--input', input, '--by', by, '--row-totals', rows, '--column-totals', cols, '--mode', 'level', '--basis', 'participants', '--min', '0', '-f', 'csv', '-q']);
      expect(r.code, r.stderr).toBe(0);
      return cellsOf(detail(r.stdout).map((x) => ({ ...x, period: '' })), 'province', 'segment', 'target');
    };
    const areas = 'Aceh=2,Bali=3,Gorontalo=3';
    const segments = 'PU=5,BPU=3';
    const a = await targets('province,segment', areas, segments);
    const b = await targets('segment,province', segments, areas);
    expect(b).toEqual(a);
    // Rows and columns add up either way.
    const sum = (f: (k: string) => boolean): number => [...a].filter(([k]) => f(k)).reduce((s, [, v]) => s + Number(v), 0);
    expect([sum((k) => k.includes('|Aceh|')), sum((k) => k.includes('|Bali|')), sum((k) => k.endsWith('|PU'))]).toEqual([2, 3, 5]);
  });
});
