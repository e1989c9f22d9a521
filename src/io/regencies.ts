// The 514 kabupaten/kota (data/regencies.csv) and matching of codes and names against them.
//
// The two code systems disagree at regency level as they do for the Papua provinces, but far more
// often: Kemendagri 75.01 is Kabupaten Gorontalo while BPS 7501 is Boalemo; Kemendagri 31.71 is Jakarta
// Pusat while BPS 3171 is Jakarta Selatan. The rule is the province rule:
//   - a four-digit code that names different places in the two systems is never joined silently: it
//     needs a code system, a name that settles it, or a province that settles it;
//   - a code and a name that disagree are an error naming both;
//   - "75.01" (with the dot) is Kemendagri's own notation — BPS never writes one — so it is read as a
//     Kemendagri code without asking.
// The 26 kabupaten/kota of the four 2022 Papua provinces carry their BPS code from before the split
// (94xx, 91xx); BPS also uses new codes under 92, 95, 96 and 97 that are not bundled, so a bare code
// under those prefixes may be one of them and is treated as ambiguous too.
//
// Names match case-, space- and punctuation-insensitively, with or without "Kabupaten" / "Kab." /
// "Kota" (and "Kabupaten/Kota Administrasi" for Jakarta), "Kep." for "Kepulauan", and former names.
// A bare name shared by a kabupaten and a kota ("Gorontalo" in province 75: Kabupaten Gorontalo and
// Kota Gorontalo) is ambiguous and refused, with both full names in the hint. We chose not to read it
// as the kabupaten (the habit of BPS tables) because a wrong join is silent and costly, while the fix
// is one word in the file.

import { say, type Bilingual } from '../errors.js';
import { clipValue } from '../core/clip.js';
import { MAX_SUGGESTED, type CodeSystem } from './areas.js';
import { boundedDistance } from '../core/suggest.js';
import { readBundledCsv } from './data-files.js';

export type RegencyType = 'kabupaten' | 'kota';

export interface Regency {
  /** Kemendagri code with its dot, e.g. "75.01". */
  readonly kemendagri: string;
  /** BPS code, e.g. "7502" (for the 2022 Papua provinces: the code from before the split). */
  readonly bps: string;
  /** Full Kemendagri name, e.g. "Kabupaten Gorontalo", "Kota Gorontalo". */
  readonly name: string;
  readonly type: RegencyType;
  /** Kemendagri code of the province, e.g. "75". */
  readonly province: string;
  readonly aliases: readonly string[];
  /** Dukcapil population (a fallback weight, not employment); null when not given. */
  readonly population: number | null;
  readonly populationPeriod: string;
  readonly notes: string;
}

export type RegencyResolution = { regency: Regency } | Bilingual;

// BPS province codes of the 2022 Papua provinces, whose kabupaten/kota BPS codes are not bundled,
// with the province's Kemendagri code (a given province can rule them out).
const UNBUNDLED_BPS_PREFIXES: ReadonlyMap<string, { name: string; kemendagri: string }> = new Map([
  ['92', { name: 'Papua Barat Daya', kemendagri: '96' }],
  ['95', { name: 'Papua Selatan', kemendagri: '93' }],
  ['96', { name: 'Papua Tengah', kemendagri: '94' }],
  ['97', { name: 'Papua Pegunungan', kemendagri: '95' }],
]);

const KABUPATEN_PREFIX = /^(kabupaten|kab)(\s+(administrasi|adm))?(\s*\.\s*|\s+)/;
const KOTA_PREFIX = /^kota(\s+(administrasi|adm))?(\s*\.\s*|\s+)/;

function fold(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function squeeze(text: string): string {
  return text.replace(/\bkep\s*\.\s*|\bkep\s+/g, 'kepulauan ').replace(/[^a-z0-9]+/g, '');
}

/**
 * The matching key of a name and the type its prefix states, if any.
 * "Kab. Gorontalo Utara" → { key: "gorontaloutara", type: "kabupaten" };
 * "KOTA GORONTALO" → { key: "gorontalo", type: "kota" }; "Boalemo" → { key: "boalemo" }.
 */
export function parseRegencyName(name: string): { key: string; type?: RegencyType; whole: string } {
  const folded = fold(name);
  const whole = squeeze(folded);
  const kab = KABUPATEN_PREFIX.exec(folded);
  if (kab) return { key: squeeze(folded.slice(kab[0].length)), type: 'kabupaten', whole };
  const kota = KOTA_PREFIX.exec(folded);
  if (kota) return { key: squeeze(folded.slice(kota[0].length)), type: 'kota', whole };
  return { key: whole, whole };
}

export class RegencyRegistry {
  private readonly byKey = new Map<string, Regency[]>();
  private readonly byKemendagri = new Map<string, Regency>();
  private readonly byBps = new Map<string, Regency>();
  private readonly byProvince = new Map<string, Regency[]>();
  private readonly byType = new Map<RegencyType, ReadonlySet<string>>();

  /** `provinceNames`: Kemendagri province code → name, for messages. */
  constructor(
    readonly regencies: readonly Regency[],
    private readonly provinceNames: ReadonlyMap<string, string> = new Map(),
  ) {
    for (const r of regencies) {
      this.byKemendagri.set(r.kemendagri, r);
      this.byBps.set(r.bps, r);
      const list = this.byProvince.get(r.province) ?? [];
      list.push(r);
      this.byProvince.set(r.province, list);
      const keys = new Set([r.name, ...r.aliases].map((n) => parseRegencyName(n).key));
      for (const key of keys) {
        const same = this.byKey.get(key) ?? [];
        same.push(r);
        this.byKey.set(key, same);
      }
    }
  }

  code(r: Regency, system: CodeSystem): string {
    return system === 'bps' ? r.bps : r.kemendagri;
  }

  /** The Kemendagri codes of every kabupaten, or of every kota (a "Jumlah Kabupaten" row's rows). */
  ofType(type: RegencyType): ReadonlySet<string> {
    let set = this.byType.get(type);
    if (!set) this.byType.set(type, (set = new Set(this.regencies.filter((r) => r.type === type).map((r) => r.kemendagri))));
    return set;
  }

  /** The kabupaten/kota of a province (Kemendagri code), in code order. */
  inProvince(province: string): readonly Regency[] {
    return this.byProvince.get(province) ?? [];
  }

  /**
   * The name without "Kabupaten"/"Kota", unless another kabupaten/kota of the same province has the
   * same bare name: Gorontalo's six read Kabupaten Gorontalo, Boalemo, Bone Bolango, Pohuwato,
   * Gorontalo Utara, Kota Gorontalo.
   */
  shortName(r: Regency): string {
    const bare = r.name.replace(/^(Kabupaten|Kota)( Administrasi)? /, '');
    const key = parseRegencyName(r.name).key;
    const twin = this.inProvince(r.province).some((o) => o !== r && parseRegencyName(o.name).key === key);
    return twin ? r.name : bare;
  }

  /** Every kabupaten/kota a name can mean (within a province when given). */
  byName(name: string, province?: string): Regency[] {
    const parsed = parseRegencyName(name);
    const inScope = (r: Regency): boolean => province === undefined || r.province === province;
    let found = (this.byKey.get(parsed.key) ?? []).filter((r) => inScope(r) && (!parsed.type || r.type === parsed.type));
    // "Kota Baru" is Kabupaten Kotabaru, "Kota Waringin Barat" is Kabupaten Kotawaringin Barat: when
    // the prefix reading finds nothing, read the words as the name itself.
    if (found.length === 0 && parsed.type) found = (this.byKey.get(parsed.whole) ?? []).filter(inScope);
    return found;
  }

  /** The closest full name, for "did you mean" hints. */
  closestName(name: string, province?: string): string | undefined {
    if (name.length > MAX_SUGGESTED) return undefined;
    const parsed = parseRegencyName(name);
    const target = parsed.key;
    const limit = Math.max(2, Math.floor(target.length / 3));
    let best: { r: Regency; d: number } | undefined;
    for (const r of province === undefined ? this.regencies : this.inProvince(province)) {
      for (const n of [r.name, ...r.aliases]) {
        // Half a point against the other type: "Kota Gorontalu" means the kota, not the kabupaten.
        const d = boundedDistance(target, parseRegencyName(n).key, limit) + (parsed.type && parsed.type !== r.type ? 0.5 : 0);
        if (!best || d < best.d) best = { r, d };
      }
    }
    if (!best || best.d > limit) return undefined;
    return province === undefined ? `${best.r.name} (${this.provinceName(best.r.province)})` : best.r.name;
  }

  /**
   * Resolve a row's kabupaten/kota from a code, a name, or both; `province` (a Kemendagri province
   * code) narrows names and codes. Returns the regency, or a message and hint saying why not.
   */
  resolve(code: string | undefined, name: string | undefined, system: CodeSystem | undefined, province?: string): RegencyResolution {
    const c = code?.trim() ?? '';
    const n = name?.trim() ?? '';
    if (province !== undefined && !this.byProvince.has(province)) {
      return say({ message: `unknown province code ${province}`, hint: 'jamsostek provinces lists the Kemendagri codes' }, { message: `kode provinsi ${province} tidak dikenal`, hint: 'jamsostek provinces menampilkan kode Kemendagri' });
    }
    const where = province === undefined ? '' : ` in ${this.provinceName(province)}`;
    const whereId = province === undefined ? '' : ` di ${this.provinceName(province, 'id')}`;

    let named: Regency[] | undefined;
    if (n) {
      named = this.byName(n, province);
      if (named.length === 0) {
        const close = this.closestName(n, province);
        return say(
          { message: `unknown kabupaten/kota "${clipValue(n)}"${where}`, hint: close ? `did you mean "${close}"? (jamsostek provinces --regencies lists all names)` : 'jamsostek provinces --regencies lists all names and codes' },
          { message: `kabupaten/kota "${clipValue(n)}"${whereId} tidak dikenal`, hint: close ? `maksudnya "${close}"? (jamsostek provinces --regencies menampilkan semua nama)` : 'jamsostek provinces --regencies menampilkan semua nama dan kode' },
        );
      }
    }
    if (!c) {
      if (!named) return say({ message: 'no kabupaten/kota given (neither a code nor a name)', hint: 'add a regency column or a regency code column' }, { message: 'kabupaten/kota tidak diisi (tidak ada kode maupun nama)', hint: 'tambahkan kolom regency atau kolom kode regency' });
      if (named.length === 1) return { regency: named[0]! };
      return this.ambiguousName(n, named, where, whereId);
    }

    const candidates = this.codeCandidates(c, system);
    if ('message' in candidates) return candidates;
    const { kemendagri: k, bps: b } = candidates;
    // An unbundled BPS meaning counts only where the province does not rule it out.
    const unbundled = candidates.unbundled && (province === undefined || province === candidates.unbundled.kemendagri) ? candidates.unbundled.name : undefined;
    const inScope = (r: Regency | undefined): Regency | undefined => (r && (province === undefined || r.province === province) ? r : undefined);

    if (system || candidates.dotted) {
      const chosen = system === 'bps' ? b : k;
      const systemName = system === 'bps' ? 'BPS' : 'Kemendagri';
      if (!chosen) {
        if (system === 'bps' && candidates.unbundled) {
          return say(
            { message: `BPS code ${c} belongs to ${candidates.unbundled.name}, whose kabupaten/kota BPS codes are not bundled`, hint: 'use the Kemendagri code (or the BPS code from before the 2022 split) or the name' },
            { message: `kode BPS ${c} milik ${candidates.unbundled.name}, yang kode BPS kabupaten/kotanya tidak disertakan`, hint: 'pakai kode Kemendagri (atau kode BPS sebelum pemekaran 2022) atau namanya' },
          );
        }
        return say(
          { message: `code ${c} is not a kabupaten/kota in the ${systemName} code system`, hint: `jamsostek provinces --regencies lists the ${systemName} codes` },
          { message: `kode ${c} bukan kabupaten/kota dalam sistem kode ${systemName}`, hint: `jamsostek provinces --regencies menampilkan kode ${systemName}` },
        );
      }
      if (named && !named.includes(chosen)) {
        const other = system === 'bps' ? k : b;
        const otherName = system === 'bps' ? 'Kemendagri' : 'BPS';
        const swapped = other !== undefined && named.includes(other);
        return say(
          { message: `code ${c} is "${chosen.name}" in ${systemName} codes but the row says "${clipValue(n)}"`, hint: swapped ? `that name has code ${c} in the ${otherName} system: check --code-system` : this.codesHint(named) },
          { message: `kode ${c} adalah "${chosen.name}" dalam kode ${systemName}, tetapi baris ini menyebut "${clipValue(n)}"`, hint: swapped ? `nama itu berkode ${c} dalam sistem ${otherName}: periksa --code-system` : this.codesHint(named, 'id') },
        );
      }
      if (!inScope(chosen)) return this.wrongProvince(c, chosen, province!);
      return { regency: chosen };
    }

    // No code system: the name, the province or the code itself must settle it.
    const meanings = [...new Set([k, b].filter((r): r is Regency => r !== undefined))];
    if (named) {
      const both = meanings.filter((r) => named.includes(r));
      if (both.length === 1) return { regency: both[0]! };
      if (both.length === 0) {
        return say(
          { message: `code ${c} does not match "${clipValue(n)}"${meanings.length ? ` (${this.describeCode(c, k, b)})` : ''}`, hint: this.codesHint(named) },
          { message: `kode ${c} tidak cocok dengan "${clipValue(n)}"${meanings.length ? ` (${this.describeCode(c, k, b, undefined, 'id')})` : ''}`, hint: this.codesHint(named, 'id') },
        );
      }
    }
    const scoped = meanings.filter((r) => inScope(r));
    if (scoped.length === 0) {
      if (meanings.length === 0 && candidates.unbundled) {
        return say(
          { message: `code ${c} is not a Kemendagri code; in BPS codes it belongs to ${candidates.unbundled.name}, whose kabupaten/kota BPS codes are not bundled`, hint: 'use the Kemendagri code (or the BPS code from before the 2022 split) or the name' },
          { message: `kode ${c} bukan kode Kemendagri; dalam kode BPS milik ${candidates.unbundled.name}, yang kode BPS kabupaten/kotanya tidak disertakan`, hint: 'pakai kode Kemendagri (atau kode BPS sebelum pemekaran 2022) atau namanya' },
        );
      }
      if (meanings.length === 0) return say({ message: `unknown kabupaten/kota code ${c}`, hint: 'jamsostek provinces --regencies lists the Kemendagri and BPS codes' }, { message: `kode kabupaten/kota ${c} tidak dikenal`, hint: 'jamsostek provinces --regencies menampilkan kode Kemendagri dan BPS' });
      return this.wrongProvince(c, meanings[0]!, province!);
    }
    if (scoped.length > 1 || unbundled) {
      return say(
        { message: `code ${c} is ambiguous: ${this.describeCode(c, k, b, unbundled)}`, hint: 'pass --code-system kemendagri or --code-system bps, or add the kabupaten/kota name' },
        { message: `kode ${c} ambigu: ${this.describeCode(c, k, b, unbundled, 'id')}`, hint: 'tentukan dengan --code-system kemendagri atau --code-system bps, atau tambahkan nama kabupaten/kota' },
      );
    }
    return { regency: scoped[0]! };
  }

  private codeCandidates(
    c: string,
    system: CodeSystem | undefined,
  ): { kemendagri?: Regency; bps?: Regency; dotted: boolean; unbundled?: { name: string; kemendagri: string } } | Bilingual {
    const dotted = /^\d\d\.\d\d$/.exec(c);
    if (dotted) {
      if (system === 'bps') {
        return say(
          { message: `"${clipValue(c)}" is written as a Kemendagri code (with a dot) but the BPS code system was chosen`, hint: 'BPS codes are four digits without a dot, e.g. 7501' },
          { message: `"${clipValue(c)}" ditulis sebagai kode Kemendagri (dengan titik), padahal sistem kode BPS yang dipilih`, hint: 'kode BPS terdiri atas empat digit tanpa titik, mis. 7501' },
        );
      }
      return { kemendagri: this.byKemendagri.get(c), dotted: true };
    }
    if (!/^\d{4}$/.test(c)) return say({ message: `"${clipValue(c)}" is not a kabupaten/kota code`, hint: 'write Kemendagri codes as 75.01 or BPS codes as 7501' }, { message: `"${clipValue(c)}" bukan kode kabupaten/kota`, hint: 'tulis kode Kemendagri sebagai 75.01 atau kode BPS sebagai 7501' });
    const k = this.byKemendagri.get(`${c.slice(0, 2)}.${c.slice(2)}`);
    const b = this.byBps.get(c);
    const unbundled = b ? undefined : UNBUNDLED_BPS_PREFIXES.get(c.slice(0, 2));
    return { kemendagri: k, bps: b, dotted: false, ...(unbundled ? { unbundled } : {}) };
  }

  private describeCode(c: string, k: Regency | undefined, b: Regency | undefined, unbundled?: string, lang: 'id' | 'en' = 'en'): string {
    const id = lang === 'id';
    const parts: string[] = [];
    if (k) parts.push(`"${k.name}" (${this.provinceName(k.province, lang)}) ${id ? 'dalam kode Kemendagri' : 'in Kemendagri codes'}`);
    if (b) parts.push(`"${b.name}" (${this.provinceName(b.province, lang)}) ${id ? 'dalam kode BPS' : 'in BPS codes'}`);
    else if (unbundled) parts.push(id ? `dalam kode BPS sebuah kabupaten/kota di ${unbundled}, yang kode BPS-nya tidak disertakan` : `in BPS codes a kabupaten/kota of ${unbundled}, whose BPS codes are not bundled`);
    if (parts.length) return parts.join(', ');
    return id ? `kode ${c} bukan kabupaten/kota yang dikenal` : `code ${c} is not a known kabupaten/kota`;
  }

  private codesHint(named: readonly Regency[], lang: 'id' | 'en' = 'en'): string {
    const one = named[0]!;
    if (named.length === 1) return lang === 'id' ? `kode ${one.name} adalah ${one.kemendagri} (Kemendagri) / ${one.bps} (BPS)` : `the code of ${one.name} is ${one.kemendagri} (Kemendagri) / ${one.bps} (BPS)`;
    return `${lang === 'id' ? 'kode' : 'codes'}: ${named.map((r) => `${r.name} ${r.kemendagri} / ${r.bps}`).join('; ')}`;
  }

  private ambiguousName(n: string, named: readonly Regency[], where: string, whereId: string): RegencyResolution {
    const list = (lang: 'id' | 'en'): string[] => named.map((r) => (where ? `${r.name} (${r.kemendagri})` : `${r.name} (${this.provinceName(r.province, lang)}, ${r.kemendagri})`));
    const sameProvince = named.every((r) => r.province === named[0]!.province);
    const names = (or: string): string => named.map((r) => `"${r.name}"`).join(` ${or} `);
    return say(
      { message: `"${clipValue(n)}"${where} is ambiguous: ${list('en').join(' or ')}`, hint: `write the full name (${names('or')})${sameProvince ? '' : ', add the province'} or give the code` },
      { message: `"${clipValue(n)}"${whereId} ambigu: ${list('id').join(' atau ')}`, hint: `tulis nama lengkapnya (${names('atau')})${sameProvince ? '' : ', tambahkan provinsinya'} atau berikan kodenya` },
    );
  }

  private wrongProvince(c: string, r: Regency, province: string): RegencyResolution {
    return say(
      { message: `code ${c} is "${r.name}" in ${this.provinceName(r.province)}, not in ${this.provinceName(province)}`, hint: 'check the province and the code (and the code system: Kemendagri and BPS codes differ)' },
      { message: `kode ${c} adalah "${r.name}" di ${this.provinceName(r.province, 'id')}, bukan di ${this.provinceName(province, 'id')}`, hint: 'periksa provinsi dan kodenya (juga sistem kodenya: kode Kemendagri dan BPS berbeda)' },
    );
  }

  private provinceName(code: string, lang: 'id' | 'en' = 'en'): string {
    return this.provinceNames.get(code) ?? `${lang === 'id' ? 'provinsi' : 'province'} ${code}`;
  }
}

let registry: RegencyRegistry | undefined;

/** The bundled registry (data/regencies.csv and the province names; read once). */
export function regencyRegistry(): RegencyRegistry {
  if (registry) return registry;
  const [header, ...body] = readBundledCsv('regencies.csv');
  const col = (name: string): number => {
    const i = header!.indexOf(name);
    if (i < 0) throw new Error(`data/regencies.csv: missing column ${name}`);
    return i;
  };
  const [code, bps, name, type, province, aliases, population, period, notes] = [
    'kemendagri_code', 'bps_code', 'name', 'type', 'province_code', 'aliases', 'population', 'population_period', 'notes',
  ].map(col) as [number, number, number, number, number, number, number, number, number];
  const [pHeader, ...pBody] = readBundledCsv('provinces.csv');
  const pCode = pHeader!.indexOf('kemendagri_code');
  const pName = pHeader!.indexOf('name');
  registry = new RegencyRegistry(
    body.map((r, i) => {
      const t = r[type];
      if (t !== 'kabupaten' && t !== 'kota') throw new Error(`data/regencies.csv:${i + 2}: type "${t}" is neither kabupaten nor kota`);
      return {
        kemendagri: r[code]!,
        bps: r[bps]!,
        name: r[name]!,
        type: t,
        province: r[province]!,
        aliases: (r[aliases] ?? '').split('|').filter(Boolean),
        population: r[population] ? Number(r[population]) : null,
        populationPeriod: r[period] ?? '',
        notes: r[notes] ?? '',
      };
    }),
    new Map(pBody.map((r) => [r[pCode]!, r[pName]!])),
  );
  return registry;
}
