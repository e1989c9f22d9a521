// The other bundled files: the 514 kabupaten/kota, the check data of later actuals, the targets, and
// the promise that scripts/build-baseline.mjs rebuilds every file in data/ from its cited inputs.

import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readBundledCsv, dataPath } from '../../src/io/data-files.js';

type Row = Map<string, string>;
function table(name: string): Row[] {
  const [header, ...body] = readBundledCsv(name);
  return body.map((r) => new Map(header!.map((h, i) => [h, r[i] ?? ''])));
}
const provinces = table('provinces.csv');
const regencies = table('regencies.csv');
const sources = new Set(table('sources.csv').map((s) => s.get('id')!));

describe('regencies.csv', () => {
  it('has 514 kabupaten/kota: 416 kabupaten and 98 kota', () => {
    expect(regencies).toHaveLength(514);
    expect(regencies.filter((r) => r.get('type') === 'kabupaten')).toHaveLength(416);
    expect(regencies.filter((r) => r.get('type') === 'kota')).toHaveLength(98);
  });

  it("per province, matches provinces.csv's kabupaten and kota counts", () => {
    for (const p of provinces) {
      const mine = regencies.filter((r) => r.get('province_code') === p.get('kemendagri_code'));
      expect(mine.filter((r) => r.get('type') === 'kabupaten').length, p.get('name')).toBe(Number(p.get('kabupaten_count')));
      expect(mine.filter((r) => r.get('type') === 'kota').length, p.get('name')).toBe(Number(p.get('kota_count')));
    }
  });

  it('codes are well formed and unique in each system; the Kemendagri code starts with the province and says the type', () => {
    const k = new Set<string>();
    const b = new Set<string>();
    for (const r of regencies) {
      const code = r.get('kemendagri_code')!;
      expect(code).toMatch(/^\d\d\.\d\d$/);
      expect(r.get('bps_code')).toMatch(/^\d{4}$/);
      expect(code.slice(0, 2)).toBe(r.get('province_code'));
      expect(r.get('type')).toBe(Number(code.slice(3)) >= 71 ? 'kota' : 'kabupaten');
      expect(r.get('name')).toMatch(r.get('type') === 'kota' ? /^Kota / : /^Kabupaten /);
      k.add(code);
      b.add(r.get('bps_code')!);
    }
    expect(k.size).toBe(514);
    expect(b.size).toBe(514);
  });

  it('Gorontalo: six kabupaten/kota, and the code clash (Kemendagri 75.01 vs BPS 7501)', () => {
    const g = regencies.filter((r) => r.get('province_code') === '75').map((r) => [r.get('kemendagri_code'), r.get('bps_code'), r.get('name')]);
    expect(g).toEqual([
      ['75.01', '7502', 'Kabupaten Gorontalo'],
      ['75.02', '7501', 'Kabupaten Boalemo'],
      ['75.03', '7504', 'Kabupaten Bone Bolango'],
      ['75.04', '7503', 'Kabupaten Pohuwato'],
      ['75.05', '7505', 'Kabupaten Gorontalo Utara'],
      ['75.71', '7571', 'Kota Gorontalo'],
    ]);
  });

  it('population (Dukcapil, December 2024) adds up to the published national 284,973,643, and is cited', () => {
    expect(regencies.reduce((a, r) => a + Number(r.get('population')), 0)).toBe(284_973_643);
    for (const r of regencies) {
      expect(r.get('population_period')).toBe('2024-12');
      for (const id of `${r.get('population_source')} ${r.get('code_source')}`.split(' ')) expect(sources.has(id), id).toBe(true);
    }
  });

  it('the 26 kabupaten/kota of the 2022 Papua provinces say their BPS code predates the split', () => {
    const marked = regencies.filter((r) => /before the 2022 split/.test(r.get('notes')!));
    expect(marked).toHaveLength(26);
    expect(new Set(marked.map((r) => r.get('province_code')))).toEqual(new Set(['93', '94', '95', '96']));
  });
});

describe('actuals.csv (check data after the baseline)', () => {
  const actuals = table('actuals.csv');
  const find = (period: string, code: string, segment = ''): Row | undefined => actuals.find((a) => a.get('period') === period && a.get('province_code') === code && a.get('segment') === segment);

  it('holds the later national and provincial figures the warnings need', () => {
    expect(find('2024-12', '')?.get('participants')).toBe('45220000');
    expect(find('2025-02', '31')?.get('participants')).toBe('8010000');
    const g = find('2024-09', '75')!;
    expect([g.get('participants'), g.get('potential_workers'), g.get('coverage_pct')]).toEqual(['254675', '466368', '54.61']);
  });

  it('end 2024 and 2025: the national segments and the provinces published (issue 19)', () => {
    // BPJS, end 2024: PU 29.3 M, BPU 9.9 M, JAKON and PMI 6.0 M (ANTARA Jateng).
    expect(['PU', 'BPU', 'JAKON+PMI'].map((s) => find('2024-12', '', s)?.get('participants'))).toEqual(['29300000', '9900000', '6000000']);
    // Kemnaker 2025 (month not stated, via GoodStats): the seven largest provinces; Banten 3.09 M.
    const y2025 = new Map(actuals.filter((a) => a.get('period') === '2025').map((a) => [a.get('province_code'), a.get('participants')]));
    expect(y2025.get('36')).toBe('3090000');
    expect(y2025.get('31')).toBe('8320000');
    expect(y2025.size).toBe(8); // the seven provinces, and the Kalimantan Kanwil's 3,302,762
    expect(y2025.get('61+62+63+64+65')).toBe('3302762');
    expect(find('2024-12', '36')?.get('participants')).toBe('2838837');
  });

  it('every row is later than the baseline, names known provinces (a Kanwil: several) and cites a source', () => {
    const names = new Map(provinces.map((p) => [p.get('kemendagri_code')!, p.get('name')!]));
    for (const a of actuals) {
      const p = a.get('period')!;
      expect(p.length === 4 ? `${p}-12` : p).toMatch(/^\d{4}-\d\d$/);
      expect((p.length === 4 ? `${p}-12` : p) > '2023-12').toBe(true);
      const code = a.get('province_code')!;
      if (code.includes('+')) for (const c of code.split('+')) expect(names.has(c), c).toBe(true);
      else if (code) expect(names.get(code)).toBe(a.get('province'));
      else expect(a.get('province')).toBe('');
      expect(a.get('segment')).toMatch(/^((PU|BPU|JAKON|PMI)(\+(PU|BPU|JAKON|PMI))*)?$/);
      for (const id of a.get('source')!.split(' ')) expect(sources.has(id), id).toBe(true);
    }
  });
});

describe('targets.csv', () => {
  it('keeps the planning figures and cites every row', () => {
    const t = table('targets.csv');
    const plan = new Map(t.filter((r) => r.get('scenario') === 'plan').map((r) => [r.get('year'), r.get('target')]));
    expect(plan.get('2024')).toBe('50000000');
    expect(plan.get('2026')).toBe('70000000');
    for (const r of t) expect(sources.has(r.get('source')!), r.get('source')).toBe(true);
  });
});

describe('scripts/build-baseline.mjs', () => {
  it('rebuilds every file in data/ byte for byte from scripts/sources/', () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const out = mkdtempSync(join(tmpdir(), 'jamsostek-data-'));
    try {
      execFileSync(process.execPath, [join(root, 'scripts', 'build-baseline.mjs'), '--out', out], { stdio: 'pipe' });
      const built = readdirSync(out).sort();
      expect(built).toEqual(readdirSync(dataPath('.')).sort());
      for (const f of built) expect(readFileSync(join(out, f), 'utf8'), f).toBe(readFileSync(dataPath(f), 'utf8'));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
