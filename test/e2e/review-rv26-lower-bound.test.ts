// rv26 F5: under --mode level a Kanwil's split lifts three provinces to their lower bound, today's
// participants (a zero increase). Only the yearly `bound` column said so; `--months` and `--compare`
// said nothing (JSON meta.notes empty), while the upper bound and "held at today" have notes.
// By hand: the 8 provinces' potential workers add up to 7,301,061; the target 3,874,402 shared by them
// gives Sulawesi Utara 3,874,402 × 780,666 / 7,301,061 = 414,260 (< 592,497 today), Sulawesi Tengah
// 3,874,402 × 978,084 / 7,301,061 = 519,030 (< 586,242), Gorontalo 3,874,402 × 422,934 / 7,301,061 =
// 224,432 (< 263,813): the lower bound binds for these three, and the rest is shared by the others.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const kw = writeIn(
  dir,
  'kw.csv',
  [
    'Periode;Provinsi;Potensi Pekerja;Peserta Aktif',
    '2024-06;Sulawesi Utara;780.666;592.497',
    '2024-06;Sulawesi Tengah;978.084;586.242',
    '2024-06;Sulawesi Selatan;2.871.182;1.063.267',
    '2024-06;Sulawesi Tenggara;865.080;338.577',
    '2024-06;Gorontalo;422.934;263.813',
    '2024-06;Sulawesi Barat;473.260;70.034',
    '2024-06;Maluku;485.724;155.095',
    '2024-06;Maluku Utara;424.131;179.784',
  ].join('\n') + '\n',
);
const base = ['breakdown', '--input', kw, '--target', '3874402', '--year', '2024'];
const held = "held at the lower bound, today's participants (a zero increase): Sulawesi Utara, Sulawesi Tengah, Gorontalo";

describe('units held at their lower bound are named (rv26 F5)', () => {
  it('--months: a note on stderr and in JSON meta.notes, en and id; the months stay flat', async () => {
    const r = await run([...base, '--mode', 'level', '--basis', 'workforce', '--months', '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`note: ${held}`);
    const j = JSON.parse(r.stdout) as { meta: { notes: { en: string; id: string }[] }; rows: Record<string, unknown>[] };
    expect(j.meta.notes.map((n) => n.en)).toContain(held);
    expect(j.meta.notes.map((n) => n.id)).toContain('ditahan pada batas bawah, peserta saat ini (tanpa kenaikan): Sulawesi Utara, Sulawesi Tengah, Gorontalo');
    const id = await run([...base, '--mode', 'level', '--basis', 'workforce', '--months', '--lang', 'id', '-f', 'csv']);
    expect(id.stderr).toContain('note: ditahan pada batas bawah, peserta saat ini (tanpa kenaikan): Sulawesi Utara, Sulawesi Tengah, Gorontalo');
    const sulut = csvRows(id.stdout).filter((row) => row.province === 'Sulawesi Utara');
    expect(sulut.length).toBeGreaterThan(0);
    for (const row of sulut) expect([row.milestone, row.progress_needed]).toEqual(['592497', '0']);
  });
  it('the yearly view says it too, beside its bound column', async () => {
    const r = await run([...base, '--mode', 'level', '--basis', 'workforce', '-f', 'csv']);
    expect(r.stderr).toContain(`note: ${held}`);
    expect(csvRows(r.stdout).filter((row) => row.bound === 'min').map((row) => row.province)).toEqual(['Sulawesi Utara', 'Sulawesi Tengah', 'Gorontalo']);
  });
  it('--compare: the note of the level variant, named by it; gap (lower bound: today, no binding) has none', async () => {
    const r = await run([...base, '--compare', 'mode=gap,level', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`note: [level] ${held}`);
    expect(r.stderr).not.toContain('[gap] held at the lower bound');
  });
});
