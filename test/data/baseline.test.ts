// The bundled baseline is only as good as its figures: these tests hold it to the published totals,
// to its labels (every published figure has a source; every other figure has a method), and to the
// fixes of the data audit (no residual cells, Gorontalo as reported, DKI's published split).

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readBundledCsv, dataPath } from '../../src/io/data-files.js';
import { loadBaseline } from '../../src/io/bundled.js';
import { measureIndex, rollup } from '../../src/core/table.js';

type Row = Map<string, string>;
function table(name: string): Row[] {
  const [header, ...body] = readBundledCsv(name);
  return body.map((r) => new Map(header!.map((h, i) => [h, r[i] ?? ''])));
}
const num = (r: Row, col: string): number => {
  const v = r.get(col);
  if (v === undefined || !/^\d+$/.test(v)) throw new Error(`${col} = "${v}" is not a whole number`);
  return Number(v);
};
const sum = (rows: Row[], col: string): number => rows.reduce((a, r) => a + num(r, col), 0);

const baseline = table('baseline.csv');
const figures = table('figures.csv');
const sources = new Map(table('sources.csv').map((s) => [s.get('id')!, s]));
const byCode = new Map(baseline.map((r) => [r.get('province_code')!, r]));
const row = (code: string): Row => byCode.get(code)!;
const STATUSES = ['published', 'derived', 'estimate'];
const SEGMENTS = ['participants_pu', 'participants_bpu', 'participants_jakon', 'participants_pmi'];
const MAIN = ['employed', 'formal_employed', 'potential_workers', 'participants'];

describe('bundled baseline: published national totals', () => {
  it('has the 38 provinces at December 2023', () => {
    expect(baseline).toHaveLength(38);
    expect(new Set(baseline.map((r) => r.get('period')))).toEqual(new Set(['2023-12']));
  });

  it('adds up to the published 41.56 M active participants, BPU 9.19 M, JAKON 7.36 M, PMI 472,934; PU is the remainder', () => {
    expect(sum(baseline, 'participants')).toBe(41_560_000);
    expect(sum(baseline, 'participants_bpu')).toBe(9_190_000);
    expect(sum(baseline, 'participants_jakon')).toBe(7_360_000);
    expect(sum(baseline, 'participants_pmi')).toBe(472_934);
    expect(sum(baseline, 'participants_pu')).toBe(41_560_000 - 9_190_000 - 7_360_000 - 472_934);
  });

  it('every row: participants equal the sum of the four segment columns', () => {
    for (const r of baseline) {
      expect(SEGMENTS.reduce((a, s) => a + num(r, s), 0), r.get('province')).toBe(num(r, 'participants'));
    }
  });

  it('is read by the loader like any input (measure columns kept, annotation columns ignored)', async () => {
    const t = await loadBaseline({ measures: new Map([['participants', 'count'], ['potential_workers', 'count']]), rule: 'refuse' }, { maxErrors: 50 });
    const provinces = rollup(t, ['province']).table;
    expect(provinces.rows).toHaveLength(38);
    const gorontalo = provinces.rows.find((r) => r.keys[0] === '75')!;
    expect(gorontalo.values[measureIndex(provinces, 'participants')]).toBe(256_129);
    expect(gorontalo.values[measureIndex(provinces, 'potential_workers')]).toBe(422_934);
    expect(t.sources[0]!.ignoredColumns).toContain('status_participants');
  });
});

describe('bundled baseline: every figure is labelled and sourced', () => {
  it('figures.csv holds every baseline value, with the same status', () => {
    expect(figures.filter((f) => f.get('province_code') !== '')).toHaveLength(38 * 8);
    for (const f of figures) {
      const code = f.get('province_code')!;
      if (!code) continue;
      expect(String(num(row(code), f.get('figure')!)), `${code} ${f.get('figure')}`).toBe(f.get('value'));
      if (MAIN.includes(f.get('figure')!)) expect(row(code).get(`status_${f.get('figure')}`)).toBe(f.get('status'));
    }
  });

  it('uses only the three labels', () => {
    for (const f of figures) expect(STATUSES).toContain(f.get('status'));
    for (const r of baseline) for (const m of [...MAIN, 'segments']) expect(STATUSES).toContain(r.get(`status_${m}`));
  });

  it('no figure is labelled published without a source row; derived and estimated figures state their method', () => {
    const cited = [...figures.map((f) => f.get('source')!), ...baseline.flatMap((r) => [...MAIN, 'segments'].map((m) => r.get(`source_${m}`)!))];
    for (const f of figures) {
      const ids = f.get('source')!.split(' ').filter(Boolean);
      expect(ids.length, `${f.get('province')} ${f.get('figure')}`).toBeGreaterThan(0);
      if (f.get('status') !== 'published') expect(f.get('method'), `${f.get('province')} ${f.get('figure')}`).not.toBe('');
    }
    for (const list of cited) for (const id of list.split(' ').filter(Boolean)) expect(sources.has(id), id).toBe(true);
    for (const [id, s] of sources) {
      // A source is an address, or (one item, InfoPublik's) a title and a date to find it by.
      expect(s.get('url') !== '' || (s.get('title') !== '' && /^\d{4}/.test(s.get('date')!)) || id === 'users-plan-2024', id).toBe(true);
    }
  });

  it('the data README has the figure table and the list of estimates', () => {
    const readme = readFileSync(dataPath('README.md'), 'utf8');
    expect(readme).toContain('| province | figure | value | status | period | source | method |');
    expect(readme).toMatch(/## What is still an estimate\n\n<!-- generated: estimates -->\n- \*\*employed\*\* \(3\)/);
    for (const r of baseline) expect(readme).toContain(`| ${r.get('province')} | participants | ${num(r, 'participants').toLocaleString('en-US')} |`);
    for (const id of sources.keys()) expect(readme).toContain(`| ${id} |`);
  });
});

describe('bundled baseline: the audit fixes', () => {
  it('no cell is "national minus the rest"', () => {
    // A residual cell would make the employed column close exactly on the national total.
    expect(sum(baseline, 'employed')).not.toBe(139_850_000);
    for (const f of figures.filter((x) => x.get('province_code') !== '')) {
      expect(f.get('method')).not.toMatch(/minus (all )?the other provinces|national total minus the (other|rest)/i);
    }
    // The old residual split gave all nine unpublished provinces one coverage (28.93 %). Now only
    // Papua Selatan and Papua Pegunungan share one: both their employed and their share of the Papua
    // branch are split by population (see data/README.md).
    const estimated = baseline.filter((r) => r.get('status_participants') === 'estimate');
    expect(estimated).toHaveLength(9);
    const coverages = new Set(estimated.map((r) => (num(r, 'participants') / num(r, 'employed')).toFixed(3)));
    expect(coverages.size).toBe(8);
    expect((num(row('93'), 'participants') / num(row('93'), 'employed')).toFixed(3)).toBe((num(row('95'), 'participants') / num(row('95'), 'employed')).toFixed(3));
  });

  it('Sulawesi Tengah and Papua employed come from BPS releases, not from a residual or a regency count', () => {
    expect(row('72').get('employed')).toBe(String(1_525_660 + 73_000 - 51_490));
    expect(row('72').get('status_employed')).toBe('derived');
    expect(row('91').get('employed')).toBe(String(434_020 + 24_780));
    // The three other successors of old Papua share the rest of its 2.45 M by population.
    expect(num(row('93'), 'employed') + num(row('94'), 'employed') + num(row('95'), 'employed')).toBe(2_450_000 - 458_800);
    expect(num(row('95'), 'employed')).toBeGreaterThan(num(row('93'), 'employed'));
  });

  it('derived Sakernas figures are labelled derived, not published', () => {
    for (const code of ['14', '17', '18', '52', '53', '63', '65', '73', '92']) expect(row(code).get('status_employed'), code).toBe('derived');
    expect(row('76').get('status_employed')).toBe('published');
    expect(row('76').get('formal_employed')).toBe(String(743_010 - 544_980));
  });

  it('Gorontalo stays as reported: 256,129 active = 60.56 % (InfoPublik, 20 December 2023)', () => {
    const g = row('75');
    expect(num(g, 'participants')).toBe(256_129);
    expect(g.get('status_participants')).toBe('published');
    expect(g.get('source_participants')).toContain('infopublik-gorontalo-2023-12');
    expect(((100 * num(g, 'participants')) / num(g, 'potential_workers')).toFixed(2)).toBe('60.56');
    const src = sources.get('infopublik-gorontalo-2023-12')!;
    expect(src.get('date')).toBe('2023-12-20');
    expect(src.get('publisher')).toMatch(/InfoPublik/);
    const readme = readFileSync(dataPath('README.md'), 'utf8');
    expect(readme).toMatch(/256,129 active participants = 60\.56 %/);
    expect(readme).toMatch(/InfoPublik/);
    expect(readme).toMatch(/20 December 2023/);
  });

  it("DKI Jakarta keeps its published split (PU 5.46 M, BPU 1.26 M, JAKON 771 k)", () => {
    const d = row('31');
    expect(num(d, 'participants_bpu')).toBe(1_260_000);
    expect(num(d, 'participants_jakon')).toBe(771_000);
    expect(Math.round(num(d, 'participants_pu') / 10_000) * 10_000).toBe(5_460_000);
  });

  it('the nine estimated provinces follow their published anchors, not employed', () => {
    // Sulawesi Barat: 65,330 in Feb 2025 (Kemnaker); the old residual split gave it 214,953.
    expect(num(row('76'), 'participants')).toBeLessThan(100_000);
    expect(num(row('76'), 'participants')).toBeGreaterThan(65_330);
    // Papua Barat was too low (81,922) next to its branch's 2023 figures.
    expect(num(row('92'), 'participants')).toBeGreaterThan(150_000);
  });
});
