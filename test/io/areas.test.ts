import { describe, expect, it } from 'vitest';
import { provinceRegistry } from '../../src/io/areas.js';

const reg = provinceRegistry();

describe('province registry', () => {
  it('has 38 provinces and 514 regencies/cities', () => {
    expect(reg.provinces).toHaveLength(38);
    expect(reg.provinces.reduce((a, p) => a + p.kabupaten + p.kota, 0)).toBe(514);
  });

  it('matches every name, English name and alias, case- and punctuation-insensitively', () => {
    for (const p of reg.provinces) {
      for (const n of [p.name, p.english, ...p.aliases]) {
        expect(reg.byNameOrAlias(n)).toBe(p);
        expect(reg.byNameOrAlias(n.toUpperCase())).toBe(p);
        expect(reg.byNameOrAlias(`  ${n.toLowerCase().replace(/ /g, '  ')} `)).toBe(p);
      }
      expect(reg.byNameOrAlias(`Provinsi ${p.name}`)).toBe(p);
    }
    for (const [alias, name] of [
      ['DKI Jakarta', 'DKI Jakarta'],
      ['Jakarta', 'DKI Jakarta'],
      ['DIY', 'DI Yogyakarta'],
      ['D.I. Yogyakarta', 'DI Yogyakarta'],
      ['Kep. Bangka Belitung', 'Kepulauan Bangka Belitung'],
      ['NTB', 'Nusa Tenggara Barat'],
      ['Kepri', 'Kepulauan Riau'],
    ] as const) {
      expect(reg.byNameOrAlias(alias)?.name).toBe(name);
    }
  });

  it('resolves every code in both systems when the system is stated', () => {
    for (const p of reg.provinces) {
      expect(reg.resolve(p.kemendagri, undefined, 'kemendagri')).toEqual({ province: p });
      expect(reg.resolve(p.bps, undefined, 'bps')).toEqual({ province: p });
      expect(reg.resolve(p.kemendagri, p.name, 'kemendagri')).toEqual({ province: p });
      expect(reg.resolve(p.bps, p.name, 'bps')).toEqual({ province: p });
    }
  });

  it('the Papua clash: a bare 91, 92, 94, 95 or 96 without a system is an error; 93 and 97 are not', () => {
    for (const code of ['91', '92', '94', '95', '96']) {
      const r = reg.resolve(code, undefined, undefined);
      expect('message' in r && r.message).toMatch(/ambiguous/);
    }
    expect(reg.resolve('93', undefined, undefined)).toMatchObject({ province: { name: 'Papua Selatan' } });
    expect(reg.resolve('97', undefined, undefined)).toMatchObject({ province: { name: 'Papua Pegunungan' } });
    // A name settles a bare code when it matches one of the two systems.
    expect(reg.resolve('94', 'Papua', undefined)).toMatchObject({ province: { name: 'Papua' } });
    expect(reg.resolve('94', 'Papua Tengah', undefined)).toMatchObject({ province: { name: 'Papua Tengah' } });
  });

  it('a code and a name that disagree are an error naming both', () => {
    const r = reg.resolve('94', 'Papua Tengah', 'bps');
    expect(r).toMatchObject({
      message: 'code 94 is "Papua" in BPS codes but the row says "Papua Tengah"',
      hint: 'that name has code 94 in the Kemendagri system: check --code-system',
    });
  });

  it('unknown names suggest the closest', () => {
    expect(reg.resolve(undefined, 'Sulawesi Utra', undefined)).toMatchObject({ hint: expect.stringContaining('"Sulawesi Utara"') });
  });
});
