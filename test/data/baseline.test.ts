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

  it('adds up to the published 41.56 M active participants, BPU 9.19 M, JAKON 7.36 M, PMI 472,934, with what no province holds', () => {
    const national = (figure: string): number => Number(figures.find((f) => f.get('province_code') === '' && f.get('figure') === figure)!.get('value'));
    const unattributed = national('participants_unattributed');
    // Issue 19: the nine unpublished provinces come one by one from the figure published nearest the
    // baseline, with no common factor; the national total keeps the rest, attributed to no province.
    expect(sum(baseline, 'participants') + unattributed).toBe(41_560_000);
    expect(unattributed).toBe(41_560_000 - 41_145_132);
    const nat = { participants_pu: 41_560_000 - 9_190_000 - 7_360_000 - 472_934, participants_bpu: 9_190_000, participants_jakon: 7_360_000, participants_pmi: 472_934 };
    let left = 0;
    for (const [col, total] of Object.entries(nat)) {
      const rest = total - sum(baseline, col);
      // The unattributed participants' segments, in proportion to the national ones (within rounding).
      expect(Math.abs(rest - (unattributed * total) / 41_560_000), col).toBeLessThan(1);
      left += rest;
    }
    expect(left).toBe(unattributed);
    expect(national('participants_pu')).toBe(nat.participants_pu);
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
    const estimated = baseline.filter((r) => r.get('status_participants') === 'estimate');
    expect(estimated.map((r) => r.get('province_code'))).toEqual(['76', '81', '82', '91', '92', '93', '94', '95', '96']);
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

  it('the nine estimated provinces: each the figure published nearest the baseline, no common factor (issue 19)', () => {
    const p = (code: string): number => num(row(code), 'participants');
    expect(p('76')).toBe(65_330); // Kemnaker, February 2025
    expect(p('81')).toBe(156_030); // Kemnaker, February 2025 (GoodStats: 156.03 thousand)
    expect(p('82')).toBe(176_604); // BPJS UCJ, 31 May 2025
    expect(p('91')).toBe(141_984); // BPJS, Papua alone, August 2024
    expect(p('92')).toBe(128_358); // BPJS Manokwari, January–August 2023
    expect(p('96')).toBe(350_000 - 128_358); // the Papua Barat branch's 2023 total less Papua Barat's own
    expect(p('94')).toBe(87_715); // Kabupaten Mimika alone, March 2024: a lower bound
    expect(p('93') + p('95')).toBe(271_000 - 141_984); // the Papua branch's 2023 total less Papua's own
    // The old method gave every one of them its anchor × 1.332: no two ratios may be equal now.
    const anchors = { '76': 65_330, '81': 191_618, '82': 176_604, '92': 350_000, '94': 87_715 };
    const ratios = Object.entries(anchors).map(([c, a]) => (p(c) / a).toFixed(3));
    expect(ratios).not.toContain('1.332');
  });

  it('formal employed: Papua from its own BPS status shares, Sulawesi Tengah from its informal share (issue 19)', () => {
    // BPS Papua, Feb 2025: buruh/karyawan/pegawai 36.48 % of employed (a lower bound of formal).
    expect(num(row('91'), 'formal_employed')).toBe(Math.round(458_800 * 0.3648));
    expect(num(row('91'), 'formal_employed')).toBeGreaterThan(2 * 71_573);
    // BPS Sulawesi Tengah, Feb 2024: informal 65.70 % → formal 34.30 %.
    expect(num(row('72'), 'formal_employed')).toBe(Math.round((1_547_170 * 34.3) / 100));
    expect(row('72').get('status_formal_employed')).toBe('derived');
  });

  it("Papua Tengah's PU is at least Kabupaten Mimika's published PU (49,505), BPU at least its 38,210", () => {
    expect(num(row('94'), 'participants_pu')).toBeGreaterThanOrEqual(49_505);
    expect(num(row('94'), 'participants_bpu')).toBeGreaterThanOrEqual(38_210);
  });

  it('potential workers: the bases BPJS publishes, where it publishes them (issue 19)', () => {
    const pw = (code: string): number => num(row(code), 'potential_workers');
    expect(pw('31')).toBe(Math.round(2_400_000 / 0.51)); // Kanwil DKI, July 2024: 2.4 M = 51 %
    expect(pw('36')).toBe(5_940_000); // Kanwil Banten, December 2024
    expect(pw('91')).toBe(240_009); // Papua, August 2024
    expect(pw('92')).toBe(155_222); // Papua Barat, January–August 2023
    expect(pw('94')).toBe(263_264); // Papua Tengah, July 2025
    // Kanwil Kalimantan, 31 December 2023: 5.4 M workers for its five provinces, split by employed.
    expect(['61', '62', '63', '64', '65'].reduce((a, c) => a + pw(c), 0)).toBe(5_400_000);
    for (const c of ['31', '36', '91', '92', '94']) expect(row(c).get('status_potential_workers'), c).not.toBe('estimate');
  });

  it('the README gives the leave-one-out error of the methods for the unpublished bases, and the one used', () => {
    const readme = readFileSync(dataPath('README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('<!-- generated: leave-one-out -->'), readme.indexOf('<!-- end: leave-one-out -->'));
    for (const name of ['DKI Jakarta', 'Banten', 'Bali', 'Sulawesi Utara', 'Gorontalo', 'Papua', 'Papua Barat', 'Kalimantan']) expect(section).toContain(`| ${name}`);
    expect(section).toMatch(/\*\*mean absolute error\*\*/);
    expect(section).toMatch(/\(used\)/);
    // Each published base's ratio to employed, as the table states it, recomputed here.
    expect(section).toContain(`| ${(4_705_882 / 5_110_000).toFixed(3)} |`);
  });
});

describe('bundled baseline: estimates marked and checked against later publications (issue 19)', () => {
  const actuals = table('actuals.csv');
  const checks = table('checks.csv');
  const order = (p: string): string => (p.length === 4 ? `${p}-12` : p);

  it('the `estimated` column lists exactly the figures labelled estimate', () => {
    const FIG = [...MAIN, ...SEGMENTS];
    for (const r of baseline) {
      const expected = figures.filter((f) => f.get('province_code') === r.get('province_code') && f.get('status') === 'estimate').map((f) => f.get('figure')!);
      expect(r.get('estimated')!.split(' ').filter(Boolean).sort(), r.get('province')).toEqual(expected.filter((x) => FIG.includes(x)).sort());
    }
  });

  it('every estimate is within 10 % of the nearest later publication about it, or marked with the reason', () => {
    // Recomputed from actuals.csv, independently of the build: for each area (a province or a Kanwil's
    // provinces together), segment and figure, the earliest publication after December 2023.
    const groups = new Map<string, Row[]>();
    for (const a of actuals) {
      if (!a.get('province_code')) continue;
      for (const figure of ['participants', 'potential_workers']) {
        if (!a.get(figure) || (figure === 'potential_workers' && a.get('segment'))) continue;
        const k = `${a.get('province_code')}|${figure}|${a.get('segment')}`;
        groups.set(k, [...(groups.get(k) ?? []), a]);
      }
    }
    let compared = 0;
    let unchecked = 0;
    for (const [k, list] of groups) {
      const [area, figure, segment] = k.split('|') as [string, string, string];
      const cols = figure === 'potential_workers' || !segment ? [figure] : segment.split('+').map((x) => `participants_${x.toLowerCase()}`);
      const cells = area.split('+').flatMap((c) => cols.map((col) => ({ c, col })));
      const statusOf = (c: string, col: string): string => figures.find((f) => f.get('province_code') === c && f.get('figure') === col)!.get('status')!;
      if (!cells.some(({ c, col }) => statusOf(c, col) === 'estimate')) continue;
      const estimate = cells.reduce((a, { c, col }) => a + num(row(c), col), 0);
      // A publication the estimate was copied from (one of its sources, the same figure) is no check of it
      // (rv17 F10: three rows compared an estimate with itself, 0.0 %, "within 10 %").
      const sourcesOf = (c: string, col: string): string[] => figures.find((f) => f.get('province_code') === c && f.get('figure') === col)!.get('source')!.split(' ');
      const own = new Set(cells.flatMap(({ c, col }) => sourcesOf(c, col)));
      const copied = (a: Row): boolean => Number(a.get(figure)) === estimate && a.get('source')!.split(' ').some((id) => own.has(id));
      const independent = [...list].filter((a) => !copied(a)).sort((a, b) => order(a.get('period')!).localeCompare(order(b.get('period')!)));
      const check = checks.find((x) => x.get('area') === area && x.get('figure') === figure && x.get('segment') === segment);
      expect(check, k).toBeDefined();
      if (!independent.length) {
        expect([check!.get('within_10_pct'), check!.get('error_pct')], k).toEqual(['not checked', '']);
        expect(check!.get('note'), k).toMatch(/^source of the estimate \(no independent check\)/);
        unchecked++;
        compared++;
        continue;
      }
      const nearest = independent[0]!;
      const error = (100 * (estimate - Number(nearest.get(figure)))) / Number(nearest.get(figure));
      expect(Number(check!.get('error_pct')), k).toBeCloseTo(error, 1);
      expect(check!.get('publication_period')).toBe(nearest.get('period'));
      if (Math.abs(error) > 10) {
        expect(check!.get('within_10_pct')).toBe('no');
        expect(check!.get('note')!.length, k).toBeGreaterThan(20);
        for (const c of area.split('+')) expect(row(c).get('notes'), `${k} ${c}`).toContain(check!.get('note'));
      } else expect(check!.get('within_10_pct')).toBe('yes');
      compared++;
    }
    expect(compared).toBe(checks.length);
    expect(compared).toBeGreaterThanOrEqual(8);
    // Sulawesi Barat, Maluku Utara and Papua: each estimate is its only later publication's figure.
    expect(unchecked).toBe(3);
    // Every row said "within 10 %" was compared with a figure it was not copied from: the check can fail.
    for (const c of checks.filter((x) => x.get('within_10_pct') === 'yes')) expect(Number(c.get('estimate')), c.get('area_name')).not.toBe(Number(c.get('publication')));
  });

  it('the README has the table "estimate / later publication / error %" for every one of them', () => {
    const readme = readFileSync(dataPath('README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('<!-- generated: checks -->'), readme.indexOf('<!-- end: checks -->'));
    expect(section).toContain('| area | figure | estimate | later publication | period | publisher | error % | note |');
    for (const c of checks) expect(section).toContain(`| ${Number(c.get('estimate')).toLocaleString('en-US')} | ${Number(c.get('publication')).toLocaleString('en-US')} | ${c.get('publication_period')} |`);
  });

  it("DKI Jakarta's over-coverage is a documented exception in the data, with its reason and sources", () => {
    const x = table('exceptions.csv');
    expect(x.map((r) => r.get('province_code'))).toEqual(['31']);
    expect(x[0]!.get('denominators')).toContain('employed');
    expect(x[0]!.get('reason')).toMatch(/employer is registered/);
    for (const id of x[0]!.get('source')!.split(' ')) expect(sources.has(id), id).toBe(true);
    expect(num(row('31'), 'participants')).toBeGreaterThan(num(row('31'), 'employed'));
  });
});
