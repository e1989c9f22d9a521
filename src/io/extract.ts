// Large per-employer or per-participant extracts: rows are summed per key while streaming, so memory
// grows with the number of groups, never with the number of rows. A row without a participants column
// counts as one participant. Every problem keeps its file:line:column.

import { InputError, ProblemList, type Diagnostic } from '../errors.js';
import { parsePeriod, resolveSegment, type Period, type Segment } from '../core/types.js';
import { provinceRegistry, type Province } from './areas.js';
import { localeEvidence, parseCount, type NumberLocale } from './numbers.js';
import { streamDelimited, type RawRow } from './read-input.js';
import { canonicalColumn, COUNT_COLUMNS, type DataRecord, type LoadedSource, type LoadOptions } from './records.js';

const SEGMENT_IDS: Record<string, number> = { PU: 1, BPU: 2, JAKON: 3, PMI: 4 };

interface Group {
  province?: Province;
  regency?: string;
  segment?: Segment;
  sector?: string;
  period?: Period;
  values: Record<string, number>;
  rows: number;
  firstLine: number;
}

export interface ExtractResult {
  readonly records: DataRecord[];
  readonly sources: LoadedSource[];
  readonly rowsRead: number;
}

export async function aggregateExtracts(paths: readonly string[], options: LoadOptions): Promise<ExtractResult> {
  const registry = provinceRegistry();
  const groups = new Map<number | string, Group>();
  const provinceIds = new Map(registry.provinces.map((p, i) => [p, i + 1]));
  const periodIdMap = new Map<string, number>();
  const periodIds = (p: string): number => {
    let id = periodIdMap.get(p);
    if (id === undefined) periodIdMap.set(p, (id = periodIdMap.size + 1));
    return id;
  };
  const sources: LoadedSource[] = [];
  const problems = new ProblemList(options.maxErrors ?? 50);
  let rowsRead = 0;
  for (const path of paths) {
    let idx: Record<string, number> = {};
    let countCols: [string, number][] = [];
    let locale: NumberLocale | undefined = options.numberLocale === 'auto' || options.numberLocale === undefined ? undefined : options.numberLocale;
    let rows = 0;
    const provinceCache = new Map<string, Province | string>();
    const segmentCache = new Map<string, Segment | undefined>();
    const periodCache = new Map<string, Period | undefined>();
    const file = path === '-' ? '<stdin>' : path;
    let header: string[] = [];
    let pi: number | undefined;
    let ci: number | undefined;
    let si: number | undefined;
    let ti: number | undefined;
    let ri: number | undefined;
    let sei: number | undefined;
    const at = (row: RawRow, i: number): { file: string; line: number; column: number } => ({ file, line: row.line, column: row.columns[i] ?? 1 });
    const add = (d: Diagnostic): void => problems.add(d);
    const result = await streamDelimited(path, options, {
      onHeader: (fields) => {
        header = fields;
        idx = {};
        fields.forEach((f, i) => {
          const c = canonicalColumn(f);
          if (idx[c] !== undefined) throw new InputError({ line: 1, message: `column "${f}" appears twice` });
          idx[c] = i;
        });
        if (idx['province'] === undefined && idx['province_code'] === undefined && idx['segment'] === undefined && idx['sector'] === undefined && idx['regency'] === undefined) {
          throw new InputError({ line: 1, message: 'an extract needs at least one key column (province, province_code, regency, segment or sector)' });
        }
        countCols = Object.entries(idx).filter(([c]) => COUNT_COLUMNS.has(c));
        [pi, ci, si, ti, ri, sei] = ['province', 'province_code', 'segment', 'period', 'regency', 'sector'].map((c) => idx[c]);
      },
      onRow: (row: RawRow) => {
        // The hot path for millions of rows: cached lookups, no per-row closures or objects.
        rows++;
        const v = row.values as string[];
        let province: Province | undefined;
        if (pi !== undefined || ci !== undefined) {
          const name = pi !== undefined ? v[pi]! : '';
          const cacheKey = ci === undefined ? name : `${v[ci]!}\u0000${name}`;
          let hit = provinceCache.get(cacheKey);
          if (hit === undefined) {
            const code = ci !== undefined ? v[ci]! : '';
            const res = registry.resolve(code || undefined, name || undefined, options.codeSystem);
            hit = 'province' in res ? res.province : res.message + (res.hint ? `\u0000${res.hint}` : '');
            provinceCache.set(cacheKey, hit);
          }
          if (typeof hit === 'string') {
            const [message, hint] = hit.split('\u0000');
            add({ ...at(row, pi ?? ci!), message: message!, hint });
            return;
          }
          province = hit;
        }
        let segment: Segment | undefined;
        if (si !== undefined) {
          const raw = v[si]!;
          segment = segmentCache.get(raw);
          if (segment === undefined) {
            segment = resolveSegment(raw);
            if (!segment) {
              add({ ...at(row, si), message: `unknown segment "${raw}"`, hint: 'segments: PU, BPU, JAKON, PMI' });
              return;
            }
            segmentCache.set(raw, segment);
          }
        }
        let period: Period | undefined;
        if (ti !== undefined) {
          const raw = v[ti]!;
          period = periodCache.get(raw);
          if (period === undefined) {
            period = parsePeriod(raw);
            if (!period) {
              add({ ...at(row, ti), message: `"${raw}" is not a month`, hint: 'write periods as YYYY-MM' });
              return;
            }
            periodCache.set(raw, period);
          }
        }
        const regency = ri !== undefined ? v[ri]!.trim() : undefined;
        const sector = sei !== undefined ? v[sei]!.trim() : undefined;
        // Group key: small integer ids per column value combined into one number (no string building).
        let key: number | string = (province ? provinceIds.get(province)! : 0) + (segment !== undefined ? SEGMENT_IDS[segment]! * 64 : 0);
        if (period !== undefined) key += periodIds(period) * 512; // province < 64, segment × 64 ≤ 256
        if (regency !== undefined || sector !== undefined) key = `${key}|${regency ?? ''}|${sector ?? ''}`;
        let g = groups.get(key);
        if (!g) {
          g = { province, regency, segment, sector, period, values: {}, rows: 0, firstLine: row.line };
          groups.set(key, g);
        }
        if (countCols.length === 0) {
          // A row without a participants column counts as one participant.
          g.rows++;
          g.values['participants'] = (g.values['participants'] ?? 0) + 1;
          return;
        }
        const values: Record<string, number> = {};
        for (const [col, i] of countCols) {
          const raw = v[i]!;
          let n: number;
          if (/^\d{1,15}$/.test(raw)) n = Number(raw);
          else {
            if (locale === undefined) {
              const e = localeEvidence(raw);
              if (e === 'id' || e === 'en') locale = e;
              else if (e === 'ambiguous') {
                add({ ...at(row, i), message: `cannot tell the number format of "${raw}"`, hint: 'pass --number-locale id or --number-locale en' });
                return;
              }
            }
            const r = parseCount(raw, locale ?? 'en');
            if (!r.ok) {
              add({ ...at(row, i), message: raw.trim() === '' ? `field "${header[i]}" is empty` : `field "${header[i]}": "${raw}" ${r.reason.startsWith('not') ? 'is ' + r.reason : 'is not a count: ' + r.reason}` });
              return;
            }
            n = r.value;
          }
          values[col] = n;
        }
        if (values['participants'] === undefined) values['participants'] = 1;
        g.rows++;
        for (const col in values) g.values[col] = (g.values[col] ?? 0) + values[col]!;
      },
    }).catch((e: unknown) => {
      if (e instanceof InputError) {
        problems.addAll(e.diagnostics.map((d) => ({ ...d, file: d.file ?? (path === '-' ? '<stdin>' : path) })));
        return undefined;
      }
      throw e;
    });
    rowsRead += rows;
    if (result) sources.push({ ...result.source, numberLocale: locale ?? 'en', rows, columns: Object.keys(idx) });
  }
  if (problems.size) throw new InputError(problems.list());
  const records: DataRecord[] = [...groups.values()].map((g) => ({
    file: sources.map((s) => s.name).join(', '),
    line: g.firstLine,
    province: g.province,
    regency: g.regency || undefined,
    segment: g.segment,
    sector: g.sector || undefined,
    period: g.period,
    kanwil: g.province?.kanwil,
    values: g.values,
    text: {},
  }));
  return { records, sources, rowsRead };
}

/** Does the header of this file name an id column (employer_id, participant_id, npp, kpj…)? */
export function looksLikeExtract(header: readonly string[]): boolean {
  return header.some((h) => {
    const c = canonicalColumn(h);
    return c === 'employer_id' || c === 'participant_id';
  });
}
