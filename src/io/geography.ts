// The geography of the bundled registries (data/provinces.csv, data/regencies.csv) as the core's
// AreaBook, and the names --expect uses for a regional office or a province.

import { clipValue } from '../core/clip.js';
import type { AreaBook, ExpectSpec } from '../core/scope.js';
import { usage } from '../errors.js';
import { normaliseName, provinceRegistry, type CodeSystem } from './areas.js';
import { regencyRegistry } from './regencies.js';

let book: AreaBook | undefined;

/** The bundled geography (built once). */
export function areaBook(): AreaBook {
  if (book) return book;
  const provinces = new Map<string, { name: string; kanwil: string }>();
  for (const p of provinceRegistry().provinces) provinces.set(p.kemendagri, { name: p.name, kanwil: p.kanwil });
  // The 514 regencies are read when a scope needs them (a report by regency), not on every run.
  let regencies: Map<string, { name: string; province: string }> | undefined;
  book = {
    provinces,
    get regencies() {
      if (!regencies) {
        regencies = new Map();
        for (const r of regencyRegistry().regencies) regencies.set(r.kemendagri, { name: r.name, province: r.province });
      }
      return regencies;
    },
  };
  return book;
}

/**
 * A regional office by any of its names: "Sulawesi Maluku (Sulama)", "Sulawesi Maluku", "Sulama",
 * "Kanwil Sulama" (case, spaces and punctuation do not matter).
 */
export function findKanwil(name: string): string | undefined {
  const want = normaliseName(name.replace(/^\s*(kanwil|kantor wilayah)\s+/i, ''));
  for (const p of provinceRegistry().provinces) {
    const full = p.kanwil;
    const m = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(full);
    const names = m ? [full, m[1]!, m[2]!] : [full];
    if (names.some((n) => normaliseName(n) === want)) return full;
  }
  return undefined;
}

/**
 * The raw --expect forms: kanwil:NAME, province:NAME, national; a file is read by the caller. A
 * province code is read in `system` (--code-system), as the input files' codes are: province:94 is
 * Papua in BPS codes, Papua Tengah in Kemendagri codes, and without --code-system it is ambiguous and
 * refused (a name, or a code the systems share, settles it).
 */
export function resolveExpect(kind: 'kanwil' | 'province' | 'national', name: string, system?: CodeSystem): ExpectSpec {
  if (kind === 'national') return { kind: 'national' };
  if (kind === 'kanwil') {
    const k = findKanwil(name);
    if (!k) {
      const all = [...new Set(provinceRegistry().provinces.map((p) => p.kanwil))].join(', ');
      throw usage({ message: `--expect kanwil:${clipValue(name)}: no such regional office`, hint: `regional offices: ${all}` }, { message: `--expect kanwil:${clipValue(name)}: kantor wilayah itu tidak ada`, hint: `kantor wilayah: ${all}` });
    }
    return { kind: 'kanwil', name: k };
  }
  const reg = provinceRegistry();
  const c = name.trim().replace(/^0+(?=\d\d$)/, '');
  if (!system && /^\d{2}$/.test(c)) {
    // An ambiguous code: the hint names the two provinces by the name --expect takes.
    const k = reg.byKemendagri(c);
    const b = reg.provinces.find((p) => p.bps === c);
    if (k && b && k !== b) {
      throw usage(
        { message: `--expect province:${c}: code ${c} is ambiguous: "${k.name}" in Kemendagri codes, "${b.name}" in BPS codes`, hint: `pass --code-system kemendagri or --code-system bps, or name the province: --expect "province:${k.name}" or --expect "province:${b.name}"` },
        { message: `--expect province:${c}: kode ${c} ambigu: "${k.name}" dalam kode Kemendagri, "${b.name}" dalam kode BPS`, hint: `tentukan dengan --code-system kemendagri atau --code-system bps, atau sebut nama provinsinya: --expect "province:${k.name}" atau --expect "province:${b.name}"` },
      );
    }
  }
  const r = reg.resolve(/^\d{1,2}$/.test(name.trim()) ? name : undefined, /^\d{1,2}$/.test(name.trim()) ? undefined : name, system);
  if (!('province' in r)) throw usage({ message: `--expect province:${clipValue(name)}: ${r.message}`, hint: r.hint }, { message: `--expect province:${clipValue(name)}: ${r.id.message}`, hint: r.id.hint });
  return { kind: 'province', code: r.province.kemendagri };
}
