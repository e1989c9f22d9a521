// rv36 N1, N3 (fx59). Inputs written here by hand, or data/baseline.csv's own rows (read as text).
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, hintedValidate, ROOT, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const w = (name: string, text: string): string => writeIn(dir, name, text);
const notes = (out: string): { code?: string; en?: string; id?: string }[] => (JSON.parse(out) as { meta: { notes: { code?: string; en?: string; id?: string }[] } }).meta.notes;
const totalTarget = (out: string): string => csvRows(out).find((x) => x['level'] === 'total')!['target']!;

describe('N1: breakdown --target over an input across several Kanwils, or the country, with areas missing', () => {
  // data/baseline.csv's 2023-12 rows (38 provinces), by code, name, employed and participants.
  const baseline = readFileSync(join(ROOT, 'data', 'baseline.csv'), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('2023-12,'))
    .map((l) => l.split(','));
  const nat = (without: string[]): string => `period,province_code,province,employed,participants\n${baseline.filter((c) => !without.includes(c[2]!)).map((c) => `2023-12,${c[1]},${c[2]},${c[3]},${c[6]}`).join('\n')}\n`;
  // Kalimantan's 5 provinces and 6 of Sulama's 8 (Maluku and Maluku Utara late).
  const kal = ['Kalimantan Barat,2780000,729270', 'Kalimantan Tengah,1349880,686023', 'Kalimantan Selatan,2128454,634862', 'Kalimantan Timur,1847295,1323233', 'Kalimantan Utara,372270,245948'];
  const sul6 = ['Sulawesi Utara,1250000,578610', 'Sulawesi Tengah,1547170,565871', 'Sulawesi Selatan,4698790,1003082', 'Sulawesi Tenggara,1351640,323070', 'Gorontalo,631521,256129', 'Sulawesi Barat,743010,65330'];
  const sul2 = ['Maluku,800000,150000', 'Maluku Utara,600000,170000'];
  const file = (rows: string[]): string => `period,province,employed,participants\n${rows.map((r) => `2023-12,${r}`).join('\n')}\n`;

  it('37 of 38 provinces: "Indonesia: 37 of 38 provinces", Aceh gets none; the hinted validate --expect national refuses it (main: nothing said)', async () => {
    expect(baseline.length).toBe(38);
    const f = w('nat37.csv', nat(['Aceh']));
    const r = await run(['breakdown', '--target', '70000000', '--year', '2026', '--input', f, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    // The whole 70,000,000 goes to the 37 (what was asked); the warning says so.
    expect(totalTarget(r.stdout)).toBe('70000000');
    expect(csvRows(r.stdout).some((x) => x['province'] === 'Aceh')).toBe(false);
    expect(r.stderr).toContain("warning: the target 70,000,000 is split over the input's areas only (Indonesia: 37 of 38 provinces): the 1 without rows (Aceh) gets none of it, and the 37 with rows share all of it; if 70,000,000 is the target of all of Indonesia");
    const words = hintedValidate(r.stderr);
    expect(words).toEqual(['validate', f, '--by', 'province', '--expect', 'national']);
    const v = await run([...words, '-f', 'csv']);
    expect(v.code).toBe(3);
    expect(v.stderr).toContain('1 of the 38 expected province units did not report for 2023-12: Aceh');
    const j = await run(['breakdown', '--target', '70000000', '--year', '2026', '--input', f, '-f', 'json', '--quiet']);
    expect(notes(j.stdout).find((n) => n.code === 'split-in-part')?.en).toContain('(Aceh)');
    const id = await run(['breakdown', '--target', '70000000', '--year', '2026', '--input', f, '-f', 'csv', '--lang', 'id']);
    expect(id.stderr).toContain('target 70.000.000 dibagi hanya atas wilayah dalam input (Indonesia: 37 dari 38 provinsi): 1 wilayah tanpa baris (Aceh) tidak mendapat bagian');
  });

  it('all 38 provinces: nothing said', async () => {
    const r = await run(['breakdown', '--target', '70000000', '--year', '2026', '--input', w('nat38.csv', nat([])), '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('split over the input');
  });

  it("Sulama 6 of 8 beside all of Kalimantan: Sulama's missing named, both Kanwils expected (main: meta.notes empty, stderr nothing)", async () => {
    const f = w('sul6-kal5.csv', file([...kal, ...sul6]));
    const r = await run(['breakdown', '--target', '10000000', '--year', '2026', '--input', f, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(totalTarget(r.stdout)).toBe('10000000');
    expect(r.stderr).toContain("warning: the target 10,000,000 is split over the input's areas only (11 provinces in 2 regional offices; Kanwil Sulawesi Maluku (Sulama): 6 of 8 provinces): the 2 without rows (Maluku, Maluku Utara) get none of it, and the 11 with rows share all of it; if 10,000,000 is the target of all of Kanwil Kalimantan and Kanwil Sulawesi Maluku (Sulama), give the missing areas' rows");
    const v = await run([...hintedValidate(r.stderr), '-f', 'csv']);
    expect(v.code).toBe(3);
    expect(v.stderr).toContain('2 of the 13 expected province units did not report for 2023-12: Maluku (not seen in the input), Maluku Utara (not seen in the input)');
    const j = await run(['breakdown', '--target', '10000000', '--year', '2026', '--input', f, '-f', 'json', '--quiet']);
    expect(notes(j.stdout).map((n) => n.code)).toContain('split-in-part');
    const id = await run(['breakdown', '--target', '10000000', '--year', '2026', '--input', f, '-f', 'csv', '--lang', 'id']);
    expect(id.stderr).toContain('(11 provinsi di 2 kanwil; Kanwil Sulawesi Maluku (Sulama): 6 dari 8 provinsi): 2 wilayah tanpa baris (Maluku, Maluku Utara) tidak mendapat bagian');
    expect(id.stderr).toContain('target seluruh Kanwil Kalimantan dan Kanwil Sulawesi Maluku (Sulama)');
  });

  it('the same file in Indonesian numbers, ";": the hinted command carries the input flags and runs as written (fx58)', async () => {
    const text = file([...kal, ...sul6]).replaceAll(',', ';').replace(/\d{4,}/g, (d) => (d.startsWith('2023') ? d : Number(d).toLocaleString('de-DE')));
    const f = w('sul6-kal5-id.csv', text);
    const r = await run(['breakdown', '--target', '10.000.000', '--year', '2026', '--input', f, '--number-locale', 'id', '--delimiter', ';', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const words = hintedValidate(r.stderr);
    expect(words).toEqual(['validate', f, '--by', 'province', '--expect', 'kanwil:Kalimantan', '--expect', 'kanwil:Sulawesi Maluku (Sulama)', '--number-locale', 'id', '--delimiter', ';']);
    const v = await run([...words, '-f', 'csv']);
    expect(v.code).toBe(3);
    expect(v.stderr).toContain('Maluku Utara (not seen in the input)');
    expect(v.stderr).not.toContain('cannot tell the number format');
  });

  it('both Kanwils whole (13 provinces): nothing said', async () => {
    const r = await run(['breakdown', '--target', '10000000', '--year', '2026', '--input', w('sul8-kal5.csv', file([...kal, ...sul6, ...sul2])), '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('split over the input');
  });
});

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
