// Segment rows against a denominator of the whole area (core/coverage/segments-in-part.ts): an area whose
// rows lack a segment that the data's other areas give is refused at its first row, as a province's 0
// participants is; data of some segments only everywhere are reported without coverage (the note
// `segments-in-part`).

import type { SegmentsInPart } from '../core/coverage/segments-in-part.js';
import type { Table } from '../core/table.js';
import { InputError, type Problem } from '../errors.js';
import { rowPlace } from '../io/places.js';

const AREAS: ReadonlyMap<string, { en: string; id: string }> = new Map([
  ['regency', { en: 'regencies and cities', id: 'kabupaten/kota' }],
  ['province', { en: 'provinces', id: 'provinsi' }],
  ['kanwil', { en: 'regional offices', id: 'kanwil' }],
]);

const and = (xs: readonly string[], word: string): string => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} ${word} ${xs[xs.length - 1]}`);

/**
 * The refusal of areas whose rows lack a segment others give (Gorontalo without its PMI row): its row and
 * the Total would divide some of its segments' participants by the workers of all (fx44).
 */
export function segmentsLacking(x: SegmentsInPart, table: Table, measure: string, source: string): InputError {
  const areas = AREAS.get(x.lacking[0]?.dim ?? '') ?? { en: 'areas', id: 'wilayah' };
  const problems: Problem[] = x.lacking.map((a) => {
    // A CSV's file and line; a workbook's cell or a Parquet file's row as the file's place.
    const s = table.sources[a.src];
    const place = s && !s.sheet && s.format !== 'parquet' ? { file: s.name, line: a.line } : { file: rowPlace(table, a.src, a.line) };
    return {
      ...place,
      message: `${a.label} gives participants of ${and(a.has, 'and')} but not of ${and(a.lacks, 'or')}, which the data's other ${areas.en} give: its row and the Total would divide ${a.has.length} segment(s)' participants by ${measure} (${source}), which counts the workers of every segment`,
      hint: `add ${a.label}'s ${and(a.lacks, 'and')} row${a.lacks.length > 1 ? 's' : ''} (0 where it has none), or give each segment's own denominator in a column of its rows`,
      id: {
        message: `${a.label} memuat peserta ${and(a.has, 'dan')} tetapi tidak ${and(a.lacks, 'atau')}, yang dimuat ${areas.id} lain dalam data: barisnya dan Total akan membagi peserta ${a.has.length} segmen dengan ${measure} (${source}), yang menghitung pekerja semua segmen`,
        hint: `tambahkan baris ${and(a.lacks, 'dan')} untuk ${a.label} (0 bila tidak ada), atau berikan penyebut tiap segmen di kolom barisnya`,
      },
    };
  });
  if (x.count > x.lacking.length) {
    const more = x.count - x.lacking.length;
    problems.push({ message: `and ${more} more ${areas.en} without every segment's row`, id: { message: `dan ${more} ${areas.id} lain tanpa baris setiap segmen` }, severity: 'note' });
  }
  return new InputError(problems);
}
