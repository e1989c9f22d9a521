// The province registry (data/provinces.csv) and matching of codes and names against it.
//
// Two code systems disagree for the six Papua provinces (Kemendagri 91–96, BPS 91, 92, 94–97). A bare
// code that exists in both systems with different meanings (91, 92, 94, 95, 96) is never joined
// silently: it needs --code-system, or a name that settles it.

import { clipValue } from '../core/clip.js';
import { boundedDistance } from '../core/suggest.js';
import { say, type Bilingual } from '../errors.js';
import { readBundledCsv } from './data-files.js';

export type CodeSystem = 'kemendagri' | 'bps';

export interface Province {
  readonly kemendagri: string;
  readonly bps: string;
  readonly name: string;
  readonly english: string;
  readonly aliases: readonly string[];
  readonly kanwil: string;
  readonly kabupaten: number;
  readonly kota: number;
  readonly kanwilConfidence: string;
}

export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/^\s*(provinsi|prov\.?|province of)\s+/, '')
    .replace(/[^a-z0-9]+/g, '');
}

export class ProvinceRegistry {
  private readonly byName = new Map<string, Province>();
  private readonly byCode: Record<CodeSystem, Map<string, Province>> = { kemendagri: new Map(), bps: new Map() };

  constructor(readonly provinces: readonly Province[]) {
    for (const p of provinces) {
      for (const n of [p.name, p.english, ...p.aliases]) this.byName.set(normaliseName(n), p);
      this.byCode.kemendagri.set(p.kemendagri, p);
      this.byCode.bps.set(p.bps, p);
    }
  }

  code(p: Province, system: CodeSystem): string {
    return system === 'bps' ? p.bps : p.kemendagri;
  }

  byKemendagri(code: string): Province | undefined {
    return this.byCode.kemendagri.get(code);
  }

  byNameOrAlias(name: string): Province | undefined {
    return this.byName.get(normaliseName(name));
  }

  /** The closest official name, for "did you mean" hints (none for a text far longer than any name). */
  closestName(name: string): string | undefined {
    if (name.length > MAX_SUGGESTED) return undefined;
    const target = normaliseName(name);
    const limit = Math.max(2, Math.floor(target.length / 3));
    let best: { name: string; d: number } | undefined;
    for (const p of this.provinces) {
      const d = boundedDistance(target, normaliseName(p.name), limit);
      if (!best || d < best.d) best = { name: p.name, d };
    }
    return best && best.d <= limit ? best.name : undefined;
  }

  /**
   * Resolve a row's province from a code, a name, or both.
   * Returns the province, or a message (and hint) saying why not, in both languages.
   */
  resolve(code: string | undefined, name: string | undefined, system: CodeSystem | undefined): { province: Province } | Bilingual {
    const c = code?.trim().replace(/^0+(?=\d\d$)/, '');
    const n = name?.trim();
    let byName: Province | undefined;
    if (n) {
      byName = this.byNameOrAlias(n);
      if (!byName) {
        const close = this.closestName(n);
        return say(
          { message: `unknown province "${clipValue(n)}"`, hint: close ? `did you mean "${close}"? (jamsostek provinces lists all names and aliases)` : 'jamsostek provinces lists all names and aliases' },
          { message: `provinsi "${clipValue(n)}" tidak dikenal`, hint: close ? `maksudnya "${close}"? (jamsostek provinces menampilkan semua nama dan alias)` : 'jamsostek provinces menampilkan semua nama dan alias' },
        );
      }
    }
    if (!c) {
      return byName ? { province: byName } : say('no province given (neither a code nor a name)', 'provinsi tidak diisi (tidak ada kode maupun nama)');
    }
    if (!/^\d{2}$/.test(c)) return say(`"${clipValue(code ?? '')}" is not a two-digit province code`, `"${clipValue(code ?? '')}" bukan kode provinsi dua digit`);
    const k = this.byCode.kemendagri.get(c);
    const b = this.byCode.bps.get(c);
    if (system) {
      const p = system === 'bps' ? b : k;
      const systemName = system === 'bps' ? 'BPS' : 'Kemendagri';
      const otherName = system === 'bps' ? 'Kemendagri' : 'BPS';
      if (!p) return say(`code ${c} is not a province in the ${systemName} code system`, `kode ${c} bukan provinsi dalam sistem kode ${systemName}`);
      if (byName && byName !== p) {
        const other = system === 'bps' ? k : b;
        return say(
          { message: `code ${c} is "${p.name}" in ${systemName} codes but the row says "${clipValue(n ?? '')}"`, hint: other === byName ? `that name has code ${c} in the ${otherName} system: check --code-system` : 'correct the code or the name' },
          { message: `kode ${c} adalah "${p.name}" dalam kode ${systemName}, tetapi baris ini menyebut "${clipValue(n ?? '')}"`, hint: other === byName ? `nama itu berkode ${c} dalam sistem ${otherName}: periksa --code-system` : 'perbaiki kode atau namanya' },
        );
      }
      return { province: p };
    }
    if (byName) {
      if (byName.kemendagri === c || byName.bps === c) return { province: byName };
      const p = k ?? b;
      return say(
        { message: `code ${c} does not match "${clipValue(n ?? '')}"${p ? ` (code ${c} is "${p.name}")` : ''}`, hint: `the code of ${byName.name} is ${byName.kemendagri} (Kemendagri) / ${byName.bps} (BPS)` },
        { message: `kode ${c} tidak cocok dengan "${clipValue(n ?? '')}"${p ? ` (kode ${c} adalah "${p.name}")` : ''}`, hint: `kode ${byName.name} adalah ${byName.kemendagri} (Kemendagri) / ${byName.bps} (BPS)` },
      );
    }
    if (k && b && k !== b) {
      return say(
        { message: `code ${c} is ambiguous: "${k.name}" in Kemendagri codes, "${b.name}" in BPS codes`, hint: 'pass --code-system kemendagri or --code-system bps, or add the province name' },
        { message: `kode ${c} ambigu: "${k.name}" dalam kode Kemendagri, "${b.name}" dalam kode BPS`, hint: 'tentukan dengan --code-system kemendagri atau --code-system bps, atau tambahkan nama provinsi' },
      );
    }
    const p = k ?? b;
    return p ? { province: p } : say(`unknown province code ${c}`, `kode provinsi ${c} tidak dikenal`);
  }
}

/** Texts longer than this get no "did you mean": no name the tool knows is that long. */
export const MAX_SUGGESTED = 100;

let registry: ProvinceRegistry | undefined;

/** The bundled registry (read once). */
export function provinceRegistry(): ProvinceRegistry {
  if (registry) return registry;
  const rows = readBundledCsv('provinces.csv');
  const [header, ...body] = rows;
  const col = (name: string): number => header!.indexOf(name);
  registry = new ProvinceRegistry(
    body.map((r) => ({
      kemendagri: r[col('kemendagri_code')]!,
      bps: r[col('bps_code')]!,
      name: r[col('name')]!,
      english: r[col('english_name')]!,
      aliases: r[col('aliases')]!.split('|').filter(Boolean),
      kanwil: r[col('kanwil')]!,
      kabupaten: Number(r[col('kabupaten_count')]),
      kota: Number(r[col('kota_count')]),
      kanwilConfidence: r[col('kanwil_confidence')]!,
    })),
  );
  return registry;
}
