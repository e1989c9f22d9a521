// rv32 W1, W10, W11: the previous month's areas against the input's.
// W1: a national file by province × segment with --previous a national recap by segment (no area
// column) was refused since fx45, though the recap is the input's whole (the old code gave the right
// change by segment, and crashed by province). W10: the refusal's hint offered a kanwil or regency column
// for a province's regency file (province works), and a Kanwil's recap against that province was
// compared as one area (−2,903,871, exit 0). W11: a glob's earlier month without an area column was read
// (a "same employed figures" warning with no coverage_change_pp) where --previous refuses it.
// Expected figures by hand in the comments.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, ROOT, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SEG = ['PU', 'BPU', 'JAKON', 'PMI'];

// The 38 provinces by name (data/provinces.csv), each segment 50,000 participants in June 2024:
// 38 × 50,000 = 1,900,000 a segment, 7,600,000 in all.
const provinces = readFileSync(join(ROOT, 'data', 'provinces.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[2]!);
const natJune = writeIn(dir, 'nat-ps-06.csv', `period,province,segment,participants\n${provinces.flatMap((p) => SEG.map((s) => `2024-06,${p},${s},50000`)).join('\n')}\n`);
// The national recap of May, by segment: 1,800,000 each (100,000 under June's).
const natMay = writeIn(dir, 'nat-seg-05.csv', `period,segment,participants\n${SEG.map((s) => `2024-05,${s},1800000`).join('\n')}\n`);

describe('rv32 W1: a national recap without an area column against a national input', () => {
  it('is read by segment (main: exit 3, "add an area column"): each segment +100,000, the Total +400,000 over the national employed', async () => {
    expect(provinces).toHaveLength(38);
    const r = await run(['coverage', natJune, '--by', 'segment', '--previous', natMay, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const rows = csvRows(r.stdout);
    for (const s of SEG) expect(rows.find((x) => x.segment === s)!.change).toBe('100000');
    const total = rows.find((x) => x.level === 'total')!;
    // The bundled employed of the 38 provinces: 140,163,271; 400,000 / 140,163,271 × 100 = 0.285381 pp.
    expect(total.denominator).toBe('140163271');
    expect(total.change).toBe('400000');
    expect(total.coverage_change_pp).toBe(((400000 / 140163271) * 100).toFixed(6));
  });

  it('by province it cannot be split: refused with ways that work (main: "add an area column", which a national recap cannot; 46f7101: a crash)', async () => {
    const r = await run(['coverage', natJune, '--previous', natMay, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('nat-seg-05.csv: error: --previous: the file has no area column (province, regency or kanwil): it is the whole country\'s, which the input is too (38 province units), but the report is by province');
    expect(r.stderr).toContain('hint: report --by segment');
    expect(r.stderr).toContain('or give the previous month by province (period,province,segment,participants)');
    // The first way, typed.
    const typed = await run(['coverage', natJune, '--by', 'segment', '--previous', natMay, '-f', 'csv', '--quiet']);
    expect(typed.code, typed.stderr).toBe(0);
  });
});

// Gorontalo by regency and city, June 2026, with its own potential workers (as examples/gorontalo-regencies.csv):
// the 6 of its registry, 40,000 + 30,000 + 20,000 + 10,000 + 5,000 + 1,000 = 106,000 participants.
const gtoRegencies = ['Kabupaten Boalemo', 'Kabupaten Gorontalo', 'Kabupaten Pohuwato', 'Kabupaten Bone Bolango', 'Kabupaten Gorontalo Utara', 'Kota Gorontalo'];
const gtoJune = writeIn(dir, 'gto-reg-06.csv', `period,province,regency,potential_workers,participants\n${gtoRegencies.map((g, i) => `2026-06,Gorontalo,${g},${80000 - i * 10000},${[40000, 30000, 20000, 10000, 5000, 1000][i]}`).join('\n')}\n`);

describe('rv32 W10: a previous month for a province\'s regency file', () => {
  it('without an area column: the hint names province Gorontalo (main: "kanwil for a Kanwil\'s recap … or regency"), and typed as named it is compared', async () => {
    const noArea = writeIn(dir, 'gto-05-noarea.csv', 'period,participants\n2026-05,105000\n');
    const r = await run(['coverage', gtoJune, '--previous', noArea, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain('hint: add an area column to');
    expect(r.stderr).toContain('gto-05-noarea.csv: province Gorontalo (period,province,participants)');
    expect(r.stderr).not.toContain('kanwil for a Kanwil');
    const withProvince = writeIn(dir, 'gto-05-prov.csv', 'period,province,participants\n2026-05,Gorontalo,105000\n');
    const t = await run(['coverage', gtoJune, '--previous', withProvince, '-f', 'csv', '--quiet']);
    expect(t.code, t.stderr).toBe(0);
    // 106,000 − 105,000 = 1,000.
    expect(csvRows(t.stdout).find((x) => x.level === 'total')!.change).toBe('1000');
  });

  it("a Kanwil's recap against one of its provinces is refused (main: exit 0, the Total's change 106,000 − 3,160,000 = −3,054,000, nothing said)", async () => {
    const kw = writeIn(dir, 'kw-05.csv', 'period,kanwil,participants\n2026-05,Sulama,3160000\n');
    const r = await run(['coverage', gtoJune, '--previous', kw, '-f', 'csv', '--quiet']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('kw-05.csv: error: --previous: the file gives its figures by kanwil (Sulawesi Maluku (Sulama)), but the input covers only 1 of its 8 provinces (Gorontalo)');
    expect(r.stderr).toContain('hint: give the previous month of the input\'s areas: province Gorontalo (period,province,participants)');
  });
});

describe("a whole Kanwil's provinces with the kanwil column the hint names", () => {
  it('typed, is compared in the Total (its rows by province have no previous figure of their own; main: internal error "no dimension province", exit 70)', async () => {
    const sul = [['Sulawesi Utara', 599440], ['Sulawesi Tengah', 596428], ['Sulawesi Selatan', 1093359], ['Sulawesi Tenggara', 346331], ['Gorontalo', 221469], ['Sulawesi Barat', 72385], ['Maluku', 154625], ['Maluku Utara', 180842]] as const;
    const june = writeIn(dir, 'sul-prov-06.csv', `period,province,participants\n${sul.map(([p, v]) => `2026-06,${p},${v}`).join('\n')}\n`);
    const recap = writeIn(dir, 'sul-recap-05.csv', 'period,participants\n2026-05,3250000\n');
    const refused = await run(['coverage', june, '--previous', recap, '-f', 'csv']);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('sul-recap-05.csv: kanwil Sulama (period,kanwil,participants), or province as the input has it');
    const typed = writeIn(dir, 'sul-kw-05.csv', 'period,kanwil,participants\n2026-05,Sulama,3250000\n');
    const r = await run(['coverage', june, '--previous', typed, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const total = csvRows(r.stdout).find((x) => x.level === 'total')!;
    // 3,264,879 − 3,250,000 = 14,879; over Sulama's employed 11,710,085: 0.127061 pp.
    expect(total.change).toBe('14879');
    expect(total.coverage_change_pp).toBe(((14879 / 11710085) * 100).toFixed(6));
  });
});

describe("rv32 W11: a glob's earlier month without an area column", () => {
  const gm = join(dir, 'gm');
  mkdirSync(gm);
  // Sulama's 8 provinces in June (sum 3,264,879 as in Sulama's June), May's recap without its kanwil column.
  const sul = [['Sulawesi Utara', 599440], ['Sulawesi Tengah', 596428], ['Sulawesi Selatan', 1093359], ['Sulawesi Tenggara', 346331], ['Gorontalo', 221469], ['Sulawesi Barat', 72385], ['Maluku', 154625], ['Maluku Utara', 180842]] as const;
  writeIn(gm, '2026-06.csv', `period,province,participants\n${sul.map(([p, v]) => `2026-06,${p},${v}`).join('\n')}\n`);
  writeIn(gm, '2026-05.csv', 'period,participants\n2026-05,3250000\n');

  it('is refused as --previous is (main: exit 0 with "over the same employed figures" and coverage_change_pp empty)', async () => {
    const r = await run(['coverage', join(gm, '*.csv'), '-f', 'csv']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('2026-05.csv: error: the earlier month 2026-05 of the input has no area column (province, regency or kanwil), but the input has one (province: Sulawesi Utara, Sulawesi Tengah, Sulawesi Selatan, … (8))');
    expect(r.stderr).toContain('2026-05.csv: province Sulawesi Utara, … (period,province,participants) as the input has it');
    expect(r.stderr).not.toContain('the same employed figures');
  });

  it('by province as hinted: compared like for like, over the same employed figures', async () => {
    // May 1,000 under June in each province: the Total +8,000; over Sulama's employed 11,710,085: 0.068317 pp.
    writeIn(gm, '2026-05.csv', `period,province,participants\n${sul.map(([p, v]) => `2026-05,${p},${v - 1000}`).join('\n')}\n`);
    const r = await run(['coverage', join(gm, '*.csv'), '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const total = csvRows(r.stdout).find((x) => x.level === 'total')!;
    expect(total.change).toBe('8000');
    expect(total.coverage_change_pp).toBe(((8000 / 11710085) * 100).toFixed(6));
    expect(r.stderr).toContain('over the same employed figures');
  });

  // fx52: the glob's Kanwil month now has the coverage --previous with the same file gives it (its
  // province column is the other months', none of its own): pp shown, and the warning with it.
  it("a Kanwil's month in a glob of province files: coverage_change_pp as --previous gives it, and the word that it is over the same employed figures", async () => {
    writeIn(gm, '2026-05.csv', 'period,kanwil,participants\n2026-05,Sulama,3250000\n');
    const r = await run(['coverage', join(gm, '*.csv'), '--by', 'kanwil', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const total = csvRows(r.stdout).find((x) => x.level === 'total')!;
    // 3,264,879 − 3,250,000 = 14,879, over Sulama's 11,710,085 employed.
    expect(total.change).toBe('14879');
    expect(total.coverage_change_pp).toBe(((14879 / 11710085) * 100).toFixed(6));
    expect(r.stderr).toContain('the same employed figures');
  });
});
