// Key domains: what a key cell means. A province is resolved from a code and/or a name (both code
// systems, aliases); a segment from its aliases; a period must be a real month; free text is trimmed and
// compared without case. Each distinct raw value is resolved once and cached (up to 65,536 per column;
// past that, texts are resolved afresh while they keep coming new), so a file of millions of rows pays
// a lookup per row, and a few recent texts per column (a column cycling through the months) not even that.

import { parsePeriod, parseProfileMonth, writtenMonth } from '../core/calendar.js';
import { resolveSegment, SEGMENTS } from '../core/domain.js';
import type { KeyKind } from '../core/table.js';
import { normaliseName, provinceRegistry, type CodeSystem, type Province } from './areas.js';
import { regencyRegistry } from './regencies.js';
import { clipValue } from '../core/clip.js';
import { say, type Bilingual } from '../errors.js';
import { totalKind } from './total-rows.js';
import { RECENT, recentSlot } from './key-sets.js';

/**
 * A key cell resolved: its key and label, or why it is not one. `total` marks the label of a total row
 * ("Jumlah", "Total Kanwil …", see total-rows.ts), whether or not it also reads as a key.
 */
export type Resolved = ({ readonly key: string; readonly label: string } | Bilingual) & {
  readonly total?: 'grand' | 'sub';
  /** A period written as a date (2024-06-30), taken as its month; 'first': the 1st of a month (rv17 F11). */
  readonly date?: 'first' | 'other' | 'name';
};

/**
 * A copy of a cell's text that does not hold on to the text it was cut from: a field is a slice of a
 * 64 KiB chunk of the file, and a slice kept in a cache keeps the whole chunk alive (measured: 40 MB for
 * a million-row file whose 600 distinct key texts each pinned a chunk).
 */
const CACHE_LIMIT = 1 << 16;

/** A period written as a full date (2024-06-30, 2024/6/1): its day. */
const DATE = /^\d{4}[-/]\d{1,2}[-/](\d{1,2})$/;

export function detach(s: string): string {
  return s.length === 0 ? s : (' ' + s).slice(1);
}

function withTotal(r: Resolved, raw: string): Resolved {
  const total = totalKind(raw);
  return total ? { ...r, total } : r;
}

const DIM_WORDS = new Map<string, { en: string; id: string }>([
  ['province', { en: 'province', id: 'provinsi' }],
  ['regency', { en: 'regency/city', id: 'kabupaten/kota' }],
  ['segment', { en: 'segment', id: 'segmen' }],
  ['period', { en: 'period', id: 'periode' }],
  ['kanwil', { en: 'regional office (kanwil)', id: 'kantor wilayah (kanwil)' }],
  ['sector', { en: 'sector', id: 'sektor' }],
]);

/** A key column in words; a user's own column (branch) by its name. */
export function dimWord(dim: string, lang: 'id' | 'en' = 'en'): string {
  return DIM_WORDS.get(dim)?.[lang] ?? dim;
}

/** Free text keys: trimmed, inner spaces collapsed, compared without case; shown as first written. */
export function textKey(raw: string): string {
  return plainText(raw) ? raw.toLowerCase() : raw.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Printable ASCII, no space at either end and none after another (most keys: `K0012345`, `Sektor 3`):
 * text that NFC, trimming and collapsing spaces leave as it is. test/io/key-domains.test.ts checks the
 * shortcut against the long way.
 */
export function plainText(s: string): boolean {
  const n = s.length;
  if (n === 0 || s.charCodeAt(0) === 32 || s.charCodeAt(n - 1) === 32) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c > 126 || c < 32 || (c === 32 && s.charCodeAt(i + 1) === 32)) return false;
  }
  return true;
}

export class KeyDomains {
  // Caches by the raw cell texts, nested so that a lookup builds no string: province code → name →,
  // regency province → code → name →, and per dimension raw → result.
  private readonly provinces = new Map<string, Map<string, Resolved>>();
  private readonly regencies = new Map<string, Map<string, Map<string, Resolved & { province?: string }>>>();
  private readonly others = new Map<string, Map<string, Resolved>>();
  private readonly kanwils: ReadonlyMap<string, string>;

  constructor(
    private readonly codeSystem: CodeSystem | undefined,
    /** Told of a province code read in its BPS meaning when no code system is given (LoadOptions.onBpsCode). */
    private readonly onBpsCode?: (code: string, key: string, dim?: 'regency') => void,
    /**
     * Told, when no code system is given, of each province code read in its Kemendagri meaning where the
     * province's BPS code differs (a name settled it): with onBpsCode, a file's codes read by their names
     * show which system the file is in (load.ts, rv25 F9).
     */
    private readonly onKemendagriCode?: (code: string, key: string) => void,
  ) {
    // Every name of a regional office: "Sulawesi Maluku (Sulama)", "Sulawesi Maluku" and "Sulama" (as
    // --expect kanwil: reads them, io/geography.ts findKanwil).
    const k = new Map<string, string>();
    for (const p of provinceRegistry().provinces) {
      const m = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(p.kanwil);
      for (const n of m ? [p.kanwil, m[1]!, m[2]!] : [p.kanwil]) k.set(normaliseName(n), p.kanwil);
    }
    this.kanwils = k;
  }

  /** The regional office a name or alias names ("Sulama", "Kanwil Sulawesi Maluku" without "Kanwil"), else undefined. */
  kanwilNamed(name: string): string | undefined {
    return this.kanwils.get(normaliseName(name));
  }

  /** A row's kanwil that is not its province's (undefined: they agree), in words. */
  kanwilMismatch(kanwil: string, province: Province): Bilingual | undefined {
    if (kanwil === province.kanwil) return undefined;
    return say(
      { message: `${province.name} is in the regional office "${province.kanwil}", not "${clipValue(kanwil)}"`, hint: 'correct the kanwil column, or leave it out: the regional office is derived from the province (jamsostek provinces lists them)' },
      { message: `${province.name} berada di kantor wilayah "${province.kanwil}", bukan "${clipValue(kanwil)}"`, hint: 'perbaiki kolom kanwil, atau hilangkan: kantor wilayah diturunkan dari provinsi (jamsostek provinces memuat daftarnya)' },
    );
  }

  /** The province of a key (for derived keys such as its kanwil). */
  province(key: string): Province | undefined {
    // The last key first: rows come grouped by province, and every row asks.
    if (key === this.lastProvinceKey) return this.lastProvinceOf;
    this.lastProvinceKey = key;
    return (this.lastProvinceOf = provinceRegistry().byKemendagri(key));
  }

  private lastProvinceKey: string | undefined;
  private lastProvinceOf: Province | undefined;

  /** Resolve a province from its code and/or name cells (either may be empty). */
  resolveProvince(code: string, name: string): Resolved {
    const last = this.lastProvince;
    if (last && last.code === code && last.name === name) return last.out;
    const out = this.resolveProvinceCached(code, name);
    this.lastProvince = { code, name, out };
    return out;
  }

  private lastProvince: { code: string; name: string; out: Resolved } | undefined;
  private lastRegency: { code: string; name: string; province: string | undefined; out: Resolved & { province?: string } } | undefined;

  private resolveProvinceCached(code: string, name: string): Resolved {
    let byName = this.provinces.get(code);
    if (!byName) this.provinces.set(detach(code), (byName = new Map()));
    const hit = byName.get(name);
    if (hit) return hit;
    name = detach(name);
    code = detach(code);
    let out: Resolved;
    // (A total row written with its province cell blank is the usual case: rv31 V13.)
    if (code.trim() === '' && name.trim() === '') out = say({ message: 'the province is empty', hint: "write the row's province; a total row? write Total in its province cell (it is then checked against the rows and left out), or delete it" }, { message: 'provinsi kosong', hint: 'isikan provinsi baris ini; baris total? tulis Total di sel provinsinya (lalu dicocokkan dengan baris-barisnya dan tidak dihitung), atau hapus barisnya' });
    else {
      const r = provinceRegistry().resolve(code.trim() || undefined, name.trim() || undefined, this.codeSystem);
      out = 'province' in r ? { key: r.province.kemendagri, label: r.province.name } : withTotal(withTotal(r, code), name);
      // Once per distinct cell text (the result is cached): a code that is not the Kemendagri one.
      const c = code.trim().replace(/^0+(?=\d\d$)/, '');
      if ('province' in r && !this.codeSystem && c !== '' && c !== r.province.kemendagri && c === r.province.bps) this.onBpsCode?.(c, r.province.kemendagri);
      if ('province' in r && !this.codeSystem && c !== '' && c === r.province.kemendagri && c !== r.province.bps) this.onKemendagriCode?.(c, r.province.kemendagri);
    }
    byName.set(name, out);
    return out;
  }

  /**
   * Resolve a regency/city from its code and/or name, within its row's province when known (key: the
   * Kemendagri code, e.g. 75.01; label: the official name). Its province comes with it.
   */
  resolveRegency(code: string, name: string, province: string | undefined): Resolved & { province?: string } {
    const last = this.lastRegency;
    if (last && last.code === code && last.name === name && last.province === province) return last.out;
    const out = this.resolveRegencyCached(code, name, province);
    this.lastRegency = { code, name, province, out };
    return out;
  }

  private resolveRegencyCached(code: string, name: string, province: string | undefined): Resolved & { province?: string } {
    let byCode = this.regencies.get(province ?? '');
    if (!byCode) this.regencies.set(province ?? '', (byCode = new Map()));
    let byName = byCode.get(code);
    if (!byName) byCode.set(detach(code), (byName = new Map()));
    const hit = byName.get(name);
    if (hit) return hit;
    name = detach(name);
    code = detach(code);
    let out: Resolved & { province?: string };
    if (code.trim() === '' && name.trim() === '') out = say('the regency/city is empty', 'kabupaten/kota kosong');
    else {
      const r = regencyRegistry().resolve(code.trim() || undefined, name.trim() || undefined, this.codeSystem, province);
      out = 'regency' in r ? { key: r.regency.kemendagri, label: r.regency.name, province: r.regency.province } : withTotal(withTotal(r, code), name);
      // As for provinces: a code read in its BPS meaning (its digits are BPS's, not Kemendagri's).
      const digits = code.replace(/\D/g, '');
      if ('regency' in r && !this.codeSystem && digits !== '' && digits === r.regency.bps.replace(/\D/g, '') && digits !== r.regency.kemendagri.replace(/\D/g, '')) this.onBpsCode?.(code.trim(), r.regency.kemendagri, 'regency');
    }
    byName.set(name, out);
    return out;
  }

  /**
   * A regency code read in the other code system than this domain's, within `province` (a file whose
   * regency codes are in the other system than its province codes, or than --code-system): its name, or
   * undefined (no code system given, or the code is no regency of that province there).
   */
  regencyInOtherSystem(code: string, province: string): { readonly name: string; readonly system: CodeSystem } | undefined {
    if (!this.codeSystem || code.trim() === '') return undefined;
    const other: CodeSystem = this.codeSystem === 'bps' ? 'kemendagri' : 'bps';
    const r = regencyRegistry().resolve(code.trim(), undefined, other, province);
    return 'regency' in r ? { name: r.regency.name, system: other } : undefined;
  }

  /** Resolve any other key cell by its dimension's domain. */
  resolve(dim: string, kind: KeyKind, raw: string): Resolved {
    return this.resolver(dim, kind)(raw);
  }

  /** The resolution of one dimension's cells, with its cache (a reader keeps it per column). */
  resolver(dim: string, kind: KeyKind): (raw: string) => Resolved {
    const ck = `${kind}\u0000${dim}`;
    let byRaw = this.others.get(ck);
    if (!byRaw) this.others.set(ck, (byRaw = new Map()));
    const cache = byRaw;
    // The recent cells' texts first, each in a slot of its own (key-sets.ts recentSlot): a column cycles
    // through a few values (the months of a year) or repeats one row after row, and a text found there
    // costs no Map lookup (which must hash the new cell's text). A slot keeps a copy of a long text, so
    // that it does not keep the chunk the cell was cut from (a shorter slice is a copy already).
    const recentRaw = new Array<string | undefined>(RECENT).fill(undefined);
    const recentOut = new Array<Resolved | undefined>(RECENT).fill(undefined);
    // Once the cache is full, lookups in it are counted: when fewer than one in 16 finds the text (a
    // branch per row: each text is new), only one lookup in 64 is made, to notice when texts repeat
    // again. A lookup of a new text in a full cache costs more than resolving the text.
    let looked = 0;
    let found = 0;
    let skipped = 0;
    return (raw) => {
      const i = recentSlot(raw);
      // (typeof first: the comparison is compiled for strings; the empty slots' undefined made it generic.)
      const before = recentRaw[i];
      if (typeof before === 'string' && before === raw) return recentOut[i]!;
      let out: Resolved | undefined;
      if (cache.size < CACHE_LIMIT) out = cache.get(raw);
      else if (looked < 4096 || found * 16 >= looked || (++skipped & 63) === 0) {
        looked++;
        out = cache.get(raw);
        if (out !== undefined) found++;
      }
      if (out === undefined) {
        const own = detach(raw);
        out = withTotal(this.resolveUncached(dim, kind, own), own);
        // A column of a million distinct texts (a branch per row) is resolved afresh each time past this.
        if (cache.size < CACHE_LIMIT) cache.set(own, out);
        recentRaw[i] = own;
      } else recentRaw[i] = raw.length < 13 ? raw : detach(raw);
      recentOut[i] = out;
      return out;
    };
  }

  private resolveUncached(dim: string, kind: KeyKind, raw: string): Resolved {
    const t = raw.trim();
    if (t === '') return say(`the ${dimWord(dim)} is empty`, `${dimWord(dim, 'id')} kosong`);
    switch (kind) {
      case 'segment': {
        const s = resolveSegment(t);
        if (s) return { key: s, label: s };
        return say(
          { message: `unknown segment "${clipValue(t)}"`, hint: `segments: ${SEGMENTS.join(', ')} (also: penerima upah, bukan penerima upah, jasa konstruksi, pekerja migran)` },
          { message: `segmen "${clipValue(t)}" tidak dikenal`, hint: `segmen: ${SEGMENTS.join(', ')} (juga: penerima upah, bukan penerima upah, jasa konstruksi, pekerja migran)` },
        );
      }
      case 'period': {
        const p = parsePeriod(t);
        const day = p ? DATE.exec(t) : null;
        if (p && day) return { key: p, label: p, date: Number(day[1]) === 1 ? 'first' : 'other' };
        if (p) return { key: p, label: p };
        // rv31 V8: "Juni 2026", "Jun-26", "30/06/2026" as Indonesian exports write them, read after the
        // ISO forms fail (each distinct text once: the resolver is cached), and said (period-dates).
        const w = writtenMonth(t);
        if (w && 'period' in w) return { key: w.period, label: w.period, date: w.form === 'name' ? 'name' : 'other' };
        if (w) return say({ message: `"${clipValue(t)}" is not a month: it could be dd/mm/yyyy or mm/dd/yyyy`, hint: 'write periods as YYYY-MM, e.g. 2024-06' }, { message: `"${clipValue(t)}" bukan bulan yang jelas: bisa dd/mm/yyyy atau mm/dd/yyyy`, hint: 'tulis periode sebagai YYYY-MM, mis. 2024-06' });
        return say({ message: `"${clipValue(t)}" is not a month`, hint: 'write periods as YYYY-MM, e.g. 2024-06' }, { message: `"${clipValue(t)}" bukan bulan`, hint: 'tulis periode sebagai YYYY-MM, mis. 2024-06' });
      }
      case 'month': {
        const m = parseProfileMonth(t);
        if (!m) return say({ message: `"${clipValue(t)}" is not a month`, hint: 'a profile month is 1–12 or YYYY-MM' }, { message: `"${clipValue(t)}" bukan bulan`, hint: 'bulan dalam profil ditulis 1–12 atau YYYY-MM' });
        const key = 'month' in m ? String(m.month) : m.period;
        return { key, label: key };
      }
      case 'kanwil': {
        // "Kanwil Sulawesi Maluku", "Kantor Wilayah Sulama": as the tool's own titles write the office (rv30 T7).
        const k = this.kanwils.get(normaliseName(t)) ?? this.kanwils.get(normaliseName(t.replace(/^\s*(kanwil|kantor\s+wilayah)\b[\s.:-]*/i, '')));
        if (k) return { key: k, label: k };
        const all = [...new Set(this.kanwils.values())].join(', ');
        return say({ message: `unknown regional office "${clipValue(t)}"`, hint: `regional offices: ${all}` }, { message: `kantor wilayah "${clipValue(t)}" tidak dikenal`, hint: `kantor wilayah: ${all}` });
      }
      case 'regency':
      case 'text':
      case 'province':
        return plainText(t) ? { key: t.toLowerCase(), label: t } : { key: textKey(t), label: t.replace(/\s+/g, ' ') };
    }
  }
}
