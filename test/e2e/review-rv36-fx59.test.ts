// rv36 N1, N3 (fx59). Inputs written here by hand, or data/baseline.csv's own rows (read as text).
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const w = (name: string, text: string): string => writeIn(dir, name, text);

describe("N3: a row that holds every target of a file with its own Total row is marked as that Total", () => {
  // Sulama's and Kalimantan's provinces of June 2026, each potential_workers an estimate (an `estimated` column).
  const sul = 'period,province,potential_workers,participants,estimated\n2026-06,Sulawesi Utara,780666,579610,potential_workers\n2026-06,Sulawesi Tengah,978084,566871,potential_workers\n2026-06,Sulawesi Selatan,2871182,1004082,potential_workers\n2026-06,Sulawesi Tenggara,865080,324070,potential_workers\n2026-06,Gorontalo,422934,257129,potential_workers\n2026-06,Sulawesi Barat,473260,66330,potential_workers\n2026-06,Maluku,485724,157030,potential_workers\n2026-06,Maluku Utara,424131,177604,potential_workers\n';
  const kal = 'period,province,potential_workers,participants,estimated\n2026-06,Kalimantan Barat,1770722,730270,potential_workers\n2026-06,Kalimantan Tengah,859807,687023,potential_workers\n2026-06,Kalimantan Selatan,1355719,635862,potential_workers\n2026-06,Kalimantan Timur,1176635,1324233,potential_workers\n2026-06,Kalimantan Utara,237117,246948,potential_workers\n';
  const marks = (r: Record<string, string>): string[] => r['estimated']!.split(',');

  it("Sulama's targets (a breakdown file of its 8 provinces, Total 4,000,000): the Sulama row unmarked as the Total (main: Sulama marked `target`, the Total not)", async () => {
    const s = w('sul-e.csv', sul);
    const k = w('kal-e.csv', kal);
    const t = join(dir, 'te-sul.csv');
    const b = await run(['breakdown', '--target', '4000000', '--year', '2026', '--input', s, '-f', 'csv', '-o', t, '--quiet']);
    expect(b.code, b.stderr).toBe(0);
    // The file's provinces are marked (planned on estimates), its own Total row is not.
    const tRows = csvRows(readFileSync(t, 'utf8'));
    expect(marks(tRows.find((x) => x['province'] === 'Gorontalo')!)).toContain('target');
    expect(marks(tRows.find((x) => x['level'] === 'total')!)).not.toContain('target');
    const r = await run(['coverage', s, k, '--targets', t, '--by', 'kanwil', '-f', 'csv', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const rows = csvRows(r.stdout);
    const sulama = rows.find((x) => x['kanwil'] === 'Sulawesi Maluku (Sulama)')!;
    const total = rows.find((x) => x['kanwil'] === 'Total')!;
    expect(sulama['target']).toBe('4000000');
    expect(total['target']).toBe('4000000');
    expect(marks(sulama)).not.toContain('target');
    expect(marks(total)).not.toContain('target');
    // The same marks on both (the denominator is an estimate; the milestone is phased from the estimated baseline).
    expect(sulama['estimated']).toBe(total['estimated']);
    // --by kanwil,province: the provinces' targets stay marked; Sulama's subtotal is the Total's 4,000,000, unmarked.
    const n = await run(['coverage', s, k, '--targets', t, '--by', 'kanwil,province', '-f', 'csv', '--quiet']);
    const nrows = csvRows(n.stdout);
    expect(marks(nrows.find((x) => x['province'] === 'Gorontalo')!)).toContain('target');
    const sub = nrows.find((x) => x['kanwil'] === 'Sulawesi Maluku (Sulama)' && x['level'] === 'subtotal')!;
    expect(sub['target']).toBe('4000000');
    expect(marks(sub)).not.toContain('target');
  });

  it("a file of both Kanwils' provinces (Total 8,000,000): each Kanwil holds some of its targets only, and stays marked", async () => {
    const both = w('both-e.csv', sul + kal.split('\n').slice(1).join('\n'));
    const t = join(dir, 'te-both.csv');
    const b = await run(['breakdown', '--target', '8000000', '--year', '2026', '--input', both, '-f', 'csv', '-o', t, '--quiet']);
    expect(b.code, b.stderr).toBe(0);
    const r = await run(['coverage', both, '--targets', t, '--by', 'kanwil', '-f', 'csv', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const rows = csvRows(r.stdout);
    expect(marks(rows.find((x) => x['kanwil'] === 'Sulawesi Maluku (Sulama)')!)).toContain('target');
    expect(marks(rows.find((x) => x['kanwil'] === 'Kalimantan')!)).toContain('target');
    const total = rows.find((x) => x['kanwil'] === 'Total')!;
    expect(total['target']).toBe('8000000');
    expect(marks(total)).not.toContain('target');
  });
});
