import { describe, expect, it } from 'vitest';
import { parseRegencyName, RegencyRegistry, regencyRegistry, type Regency } from '../../src/io/regencies.js';

const reg = regencyRegistry();
const named = (r: ReturnType<typeof reg.resolve>): string | undefined => ('regency' in r ? r.regency.name : undefined);

describe('regency registry', () => {
  it('loads the 514 kabupaten/kota once', () => {
    expect(reg.regencies).toHaveLength(514);
    expect(regencyRegistry()).toBe(reg);
  });

  it("lists Gorontalo's six, with short names where they are unambiguous", () => {
    const six = reg.inProvince('75');
    expect(six.map((r) => r.name)).toEqual([
      'Kabupaten Gorontalo', 'Kabupaten Boalemo', 'Kabupaten Bone Bolango', 'Kabupaten Pohuwato', 'Kabupaten Gorontalo Utara', 'Kota Gorontalo',
    ]);
    expect(six.map((r) => reg.shortName(r))).toEqual(['Kabupaten Gorontalo', 'Boalemo', 'Bone Bolango', 'Pohuwato', 'Gorontalo Utara', 'Kota Gorontalo']);
  });

  it('resolves every name, short name and alias, and both codes when the system is stated', () => {
    for (const r of reg.regencies) {
      expect(reg.resolve(undefined, r.name, undefined)).toEqual({ regency: r });
      expect(reg.resolve(undefined, reg.shortName(r), undefined, r.province)).toEqual({ regency: r });
      for (const a of r.aliases) expect(reg.resolve(undefined, a, undefined)).toEqual({ regency: r });
      expect(reg.resolve(r.kemendagri, undefined, undefined)).toEqual({ regency: r });
      expect(reg.resolve(r.kemendagri.replace('.', ''), undefined, 'kemendagri')).toEqual({ regency: r });
      expect(reg.resolve(r.bps, undefined, 'bps')).toEqual({ regency: r });
      expect(reg.resolve(r.bps, r.name, undefined)).toEqual({ regency: r });
    }
  });

  it('matches names with Kab./Kabupaten/Kota, any case, spacing and punctuation', () => {
    for (const [input, name] of [
      ['Kab. Gorontalo', 'Kabupaten Gorontalo'],
      ['KAB GORONTALO', 'Kabupaten Gorontalo'],
      ['kabupaten  gorontalo', 'Kabupaten Gorontalo'],
      ['KOTA GORONTALO', 'Kota Gorontalo'],
      ['Kota  Gorontalo.', 'Kota Gorontalo'],
      ['Gorontalo-Utara', 'Kabupaten Gorontalo Utara'],
      ['Kab. Gorontalo Utara', 'Kabupaten Gorontalo Utara'],
      ['bone bolango', 'Kabupaten Bone Bolango'],
      ['BOALEMO', 'Kabupaten Boalemo'],
      ['Kota Adm. Jakarta Pusat', 'Kota Administrasi Jakarta Pusat'],
      ['Jakarta Pusat', 'Kota Administrasi Jakarta Pusat'],
      ['Kep. Seribu', 'Kabupaten Administrasi Kepulauan Seribu'],
      ['Kabupaten Siau Tagulandang Biaro', 'Kabupaten Kep. Siau Tagulandang Biaro'],
      ['Toba Samosir', 'Kabupaten Toba'],
      ['Mamuju Utara', 'Kabupaten Pasangkayu'],
      ['Kota Baru', 'Kabupaten Kotabaru'],
      ['Lima Puluh Kota', 'Kabupaten Lima Puluh Kota'],
      ['Tojo Una-Una', 'Kabupaten Tojo Una Una'],
    ] as const) {
      expect(named(reg.resolve(undefined, input, undefined)), input).toBe(name);
    }
    expect(parseRegencyName('Kab. Gorontalo Utara')).toEqual({ key: 'gorontaloutara', type: 'kabupaten', whole: 'kabgorontaloutara' });
  });

  it('"Gorontalo" alone is ambiguous in province 75: Kabupaten Gorontalo or Kota Gorontalo', () => {
    expect(reg.resolve(undefined, 'Gorontalo', undefined, '75')).toMatchObject({
      message: '"Gorontalo" in Gorontalo is ambiguous: Kabupaten Gorontalo (75.01) or Kota Gorontalo (75.71)',
      hint: 'write the full name ("Kabupaten Gorontalo" or "Kota Gorontalo") or give the code',
    });
    // A code settles it, in either system.
    expect(named(reg.resolve('7571', 'Gorontalo', undefined))).toBe('Kota Gorontalo');
    expect(named(reg.resolve('75.01', 'Gorontalo', undefined))).toBe('Kabupaten Gorontalo');
    expect(named(reg.resolve('7502', 'Gorontalo', 'bps'))).toBe('Kabupaten Gorontalo');
    // Across provinces the hint asks for the province too.
    const banjar = reg.resolve(undefined, 'Banjar', undefined);
    expect('hint' in banjar && banjar.hint).toMatch(/add the province/);
    expect(named(reg.resolve(undefined, 'Banjar', undefined, '63'))).toBe('Kabupaten Banjar');
  });

  it('the code clash: Kemendagri 75.01 is Kabupaten Gorontalo, BPS 7501 is Boalemo', () => {
    expect(reg.resolve('7501', undefined, undefined)).toMatchObject({
      message: 'code 7501 is ambiguous: "Kabupaten Gorontalo" (Gorontalo) in Kemendagri codes, "Kabupaten Boalemo" (Gorontalo) in BPS codes',
      hint: 'pass --code-system kemendagri or --code-system bps, or add the kabupaten/kota name',
    });
    expect(named(reg.resolve('7501', undefined, 'kemendagri'))).toBe('Kabupaten Gorontalo');
    expect(named(reg.resolve('7501', undefined, 'bps'))).toBe('Kabupaten Boalemo');
    // Kemendagri's dotted notation is never a BPS code.
    expect(named(reg.resolve('75.01', undefined, undefined))).toBe('Kabupaten Gorontalo');
    expect(reg.resolve('75.01', undefined, 'bps')).toMatchObject({ message: '"75.01" is written as a Kemendagri code (with a dot) but the BPS code system was chosen' });
    // A name settles a bare code; a code that means the same in both systems needs nothing.
    expect(named(reg.resolve('7501', 'Boalemo', undefined))).toBe('Kabupaten Boalemo');
    expect(named(reg.resolve('7501', 'Kab. Gorontalo', undefined))).toBe('Kabupaten Gorontalo');
    expect(named(reg.resolve('7505', undefined, undefined))).toBe('Kabupaten Gorontalo Utara');
    // Jakarta: 31.71 is Jakarta Pusat, BPS 3171 Jakarta Selatan.
    expect(reg.resolve('3171', undefined, undefined)).toMatchObject({ message: expect.stringMatching(/^code 3171 is ambiguous/) });
  });

  it('a code and a name that disagree are an error naming both', () => {
    expect(reg.resolve('7501', 'Kabupaten Gorontalo', 'bps')).toMatchObject({
      message: 'code 7501 is "Kabupaten Boalemo" in BPS codes but the row says "Kabupaten Gorontalo"',
      hint: 'that name has code 7501 in the Kemendagri system: check --code-system',
    });
    expect(reg.resolve('7503', 'Kota Gorontalo', undefined)).toMatchObject({
      message: 'code 7503 does not match "Kota Gorontalo" ("Kabupaten Bone Bolango" (Gorontalo) in Kemendagri codes, "Kabupaten Pohuwato" (Gorontalo) in BPS codes)',
      hint: 'the code of Kota Gorontalo is 75.71 (Kemendagri) / 7571 (BPS)',
    });
    expect(reg.resolve('75.04', 'Boalemo', 'kemendagri')).toMatchObject({
      message: 'code 75.04 is "Kabupaten Pohuwato" in Kemendagri codes but the row says "Boalemo"',
      hint: 'the code of Kabupaten Boalemo is 75.02 (Kemendagri) / 7501 (BPS)',
    });
  });

  it('a province narrows codes and names, and a code outside it is an error', () => {
    // BPS 9403 is Jayapura (Papua, Kemendagri 91); Kemendagri 94.03 is Paniai (Papua Tengah).
    expect(reg.resolve('9403', undefined, undefined)).toMatchObject({ message: expect.stringMatching(/ambiguous/) });
    expect(named(reg.resolve('9403', undefined, undefined, '91'))).toBe('Kabupaten Jayapura');
    expect(named(reg.resolve('9403', undefined, undefined, '94'))).toBe('Kabupaten Paniai');
    expect(reg.resolve('75.01', undefined, undefined, '76')).toMatchObject({
      message: 'code 75.01 is "Kabupaten Gorontalo" in Gorontalo, not in Sulawesi Barat',
      hint: 'check the province and the code (and the code system: Kemendagri and BPS codes differ)',
    });
    expect(reg.resolve(undefined, 'Boalemo', undefined, '99')).toMatchObject({ message: 'unknown province code 99' });
  });

  it('BPS codes of the 2022 Papua provinces are not bundled: a bare code there is not joined silently', () => {
    // Kemendagri 95.01 is Jayawijaya; in BPS codes 9501 is a kabupaten of Papua Selatan.
    expect(reg.resolve('9501', undefined, undefined)).toMatchObject({ message: expect.stringMatching(/^code 9501 is ambiguous: "Kabupaten Jayawijaya"/) });
    expect(named(reg.resolve('9501', undefined, 'kemendagri'))).toBe('Kabupaten Jayawijaya');
    expect(named(reg.resolve('9501', 'Jayawijaya', undefined))).toBe('Kabupaten Jayawijaya');
    expect(named(reg.resolve('9501', undefined, undefined, '95'))).toBe('Kabupaten Jayawijaya');
    expect(reg.resolve('9501', undefined, 'bps')).toMatchObject({
      message: 'BPS code 9501 belongs to Papua Selatan, whose kabupaten/kota BPS codes are not bundled',
      hint: 'use the Kemendagri code (or the BPS code from before the 2022 split) or the name',
    });
    // The BPS code from before the split still resolves: 9401 was Merauke.
    expect(named(reg.resolve('9401', undefined, 'bps'))).toBe('Kabupaten Merauke');
  });

  it('unknown names and codes get a "did you mean"', () => {
    expect(reg.resolve(undefined, 'Bolaemo', undefined, '75')).toMatchObject({
      message: 'unknown kabupaten/kota "Bolaemo" in Gorontalo',
      hint: 'did you mean "Kabupaten Boalemo"? (jamsostek provinces --regencies lists all names)',
    });
    expect(reg.resolve(undefined, 'Kota Gorontalu', undefined)).toMatchObject({ hint: 'did you mean "Kota Gorontalo (Gorontalo)"? (jamsostek provinces --regencies lists all names)' });
    expect(reg.resolve(undefined, 'Pohuwato', undefined, '76')).toMatchObject({ message: 'unknown kabupaten/kota "Pohuwato" in Sulawesi Barat' });
    expect(reg.resolve(undefined, 'Atlantis', undefined)).toMatchObject({ message: 'unknown kabupaten/kota "Atlantis"', hint: 'jamsostek provinces --regencies lists all names and codes' });
    expect(reg.resolve('7599', undefined, undefined)).toMatchObject({ message: 'unknown kabupaten/kota code 7599' });
    expect(reg.resolve('75-01', undefined, undefined)).toMatchObject({ message: '"75-01" is not a kabupaten/kota code' });
    expect(reg.resolve(undefined, undefined, undefined)).toMatchObject({ message: 'no kabupaten/kota given (neither a code nor a name)' });
  });

  it('every hint names a command that exists (issue 19: there is no `jamsostek regencies`)', async () => {
    const { COMMANDS } = await import('../../src/cli.js');
    const names = new Set(COMMANDS.keys());
    const hints = [
      reg.resolve(undefined, 'Atlantis', undefined),
      reg.resolve(undefined, 'Bolaemo', undefined, '75'),
      reg.resolve('7599', undefined, undefined),
      reg.resolve('7599', undefined, 'bps'),
      reg.resolve('75.99', undefined, 'kemendagri'),
    ].flatMap((r) => ('hint' in r && r.hint ? [r.hint, r.id?.hint ?? ''] : []));
    expect(hints.length).toBeGreaterThan(4);
    for (const h of hints) {
      for (const m of h.matchAll(/jamsostek ([a-z-]+)/g)) expect(names, h).toContain(m[1]);
    }
    expect(hints.join('\n')).toContain('jamsostek provinces --regencies');
  });

  it('keys from data never reach object prototypes', () => {
    const tiny = new RegencyRegistry([{ kemendagri: '75.01', bps: '7502', name: 'Kabupaten Gorontalo', type: 'kabupaten', province: '75', aliases: [], population: null, populationPeriod: '', notes: '' } satisfies Regency]);
    for (const n of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(tiny.resolve(undefined, n, undefined)).toMatchObject({ message: `unknown kabupaten/kota "${n}"` });
    }
    // In a registry without 75.02, BPS 7502 has one meaning only.
    expect(tiny.resolve('7502', undefined, undefined)).toMatchObject({ regency: { name: 'Kabupaten Gorontalo' } });
  });
});
