// The problems of input data, as coded data, and their words in English and Indonesian — in one file a
// translator can review. The readers and the typed-row layer raise `{ code, …facts }` at a place; this
// file alone turns a code into a message and a hint (`inputProblem`).
//
// Why here and not in src/report/: `loadTable` is part of the library API, and a library caller gets its
// errors worded without going through a command; io may not import report/ (the dependency rule), and
// report/ may not import io. So the words of io's problems live in io, beside nothing else, the way
// report/vocabulary.ts holds the words of the core's notes.
//
// Every value quoted from a file goes through `clipValue` (80 characters, then "… (N bytes)").

import { clipValue } from '../core/clip.js';
import { canonicalColumn } from '../core/columns.js';
import type { CountFault } from '../core/numbers.js';
import { grouped, say, type Bilingual, type Diagnostic, type Problem } from '../errors.js';

type En = string;
type Id = string;

/** A column name as a flag takes it (`Denominator` → denominator). */
const canonicalOf = (name: string): string => clipValue(canonicalColumn(name));

/** A value from a file, quoted and clipped. */
const q = (value: string): string => `"${clipValue(value)}"`;

/** What the rows of an extract are: one participant each (with ids, or without), an employer each, or counts per key. */
export type ExtractKind = 'participant' | 'employer' | 'counts' | 'rows';

const KIND_WORDS: Record<ExtractKind, readonly [En, Id]> = {
  participant: ['a per-participant extract (a participant id on each row)', 'ekstrak per peserta (nomor peserta di setiap baris)'],
  employer: ['a per-employer extract (an employer id and its participants on each row)', 'ekstrak per pemberi kerja (nomor pemberi kerja dan pesertanya di setiap baris)'],
  counts: ['counts per key (a participants column, no participant id)', 'hitungan per kunci (kolom peserta, tanpa nomor peserta)'],
  rows: ['rows of one participant each without a participant id', 'baris satu peserta masing-masing tanpa nomor peserta'],
};

export type InputProblem =
  | { readonly code: 'control-in-header'; readonly char: string; readonly index: number }
  | { readonly code: 'column-twice'; readonly name: string; readonly first: number; readonly second: number }
  | { readonly code: 'columns-same-meaning'; readonly first: string; readonly firstIndex: number; readonly second: string; readonly secondIndex: number; readonly canonical: string }
  | { readonly code: 'missing-column'; readonly column: string; readonly why: { readonly en: En; readonly id: Id }; readonly close?: string; readonly accepted: string; readonly headerRow?: number; readonly partsMissing?: readonly string[] }
  | { readonly code: 'two-segment-layouts' }
  | { readonly code: 'employer-without-count'; readonly column: string }
  | { readonly code: 'employer-row-twice'; readonly employer: string; readonly first: string; readonly sameFile: boolean }
  | { readonly code: 'counts-row-twice'; readonly first: string; readonly sameFile: boolean }
  | { readonly code: 'counts-key-twice'; readonly keys: string; readonly first: string; readonly was: string; readonly now: string; readonly employer?: string }
  | { readonly code: 'extract-row-unknown'; readonly columns: readonly string[]; readonly countLike?: string }
  | { readonly code: 'participant-extract-count'; readonly id: string; readonly column: string }
  | { readonly code: 'membership-spells'; readonly start: string; readonly end: string }
  | { readonly code: 'extract-kinds'; readonly kind: ExtractKind; readonly other: string; readonly otherKind: ExtractKind; readonly period?: string }
  | { readonly code: 'files-not-read'; readonly files: readonly string[]; readonly limit: number }
  | { readonly code: 'extract-denominator'; readonly column: string; readonly kind: 'participant' | 'employer' | 'counts' }
  | { readonly code: 'control-in-field'; readonly char: string; readonly field: string }
  | { readonly code: 'level-after-tool-rows'; readonly field: string; readonly value: string; readonly firstLine: number }
  | { readonly code: 'unnamed-column'; readonly index: number; readonly value: string }
  | { readonly code: 'row-lacks-key'; readonly field: string }
  | { readonly code: 'blank-count'; readonly field: string; readonly absent: boolean; readonly area?: string | undefined }
  | { readonly code: 'boolean-number'; readonly field: string; readonly value: boolean }
  | { readonly code: 'bad-count'; readonly field: string; /** The cell as written (text), or as stored (a number of a workbook, a JSON or Parquet file). */ readonly shown: string; readonly fault: CountFault }
  | { readonly code: 'bad-number'; readonly field: string; readonly raw: string; readonly reason: string; readonly reasonId: string; readonly locale?: 'id' | 'en' }
  | { readonly code: 'mixed-locales'; readonly en: string; readonly id: string; readonly idAt: string }
  | { readonly code: 'mixed-locales-id'; readonly id: string }
  | { readonly code: 'count-three-decimals'; readonly raw: string; readonly value: number; readonly grouped: number; readonly locale: 'id' | 'en'; readonly by: string; readonly byAt: string }
  | { readonly code: 'undecided-locale'; readonly raw: string; readonly asId: number; readonly asEn: number }
  | { readonly code: 'regency-across-split'; readonly regency: string; readonly old: string; readonly today: string; readonly law: string; readonly from: string; readonly period?: string; /** The code read in the other code system is a regency of the row's own province (hx5). */ readonly other?: { readonly code: string; readonly name: string; readonly system: 'kemendagri' | 'bps' } }
  | { readonly code: 'zero-area-denominator'; readonly field: string; readonly measure: string; readonly area: string }
  | { readonly code: 'segment-denominator-repeated'; readonly field: string; readonly measure: string; readonly value: number; readonly area: string; readonly rows: number; readonly lines: readonly number[]; readonly more: number; readonly of: number }
  | { readonly code: 'zero-area-target'; readonly field: string; readonly area: string }
  | { readonly code: 'zero-area-participants'; readonly field: string; readonly area: string; readonly period?: string; readonly previous?: { readonly period: string; readonly participants: number } }
  | { readonly code: 'zero-area-rows'; readonly area: string; readonly rows: number; readonly period?: string }
  | { readonly code: 'forced-three-decimals'; readonly raw: string; readonly locale: 'id' | 'en'; readonly value: number; readonly grouped: number }
  | { readonly code: 'forced-locale-cell'; readonly raw: string; readonly locale: 'id' | 'en'; readonly percent: boolean; readonly value?: number; readonly reason: string; readonly reasonId: string; readonly otherValue?: number }
  | { readonly code: 'segments-sum'; readonly sum: number; readonly participants: number }
  | { readonly code: 'over-coverage'; readonly participants: number; readonly measure: string; readonly denominator: number; readonly column?: string | undefined }
  | { readonly code: 'empty-participant-id' }
  | { readonly code: 'participant-twice'; readonly id: string; readonly period?: string; readonly first: string; readonly sameFile: boolean; readonly rows?: boolean }
  | { readonly code: 'sum-overflow'; readonly measure: string; readonly extract: boolean }
  | { readonly code: 'key-from-later-row'; readonly field: string; readonly firstLine: number }
  | { readonly code: 'empty-file' }
  | { readonly code: 'header-only'; readonly array?: boolean; readonly extract?: boolean }
  | { readonly code: 'no-data-rows' }
  | { readonly code: 'same-content'; readonly prior: string; readonly sha: string }
  | { readonly code: 'extract-and-regional'; readonly regional: string }
  | { readonly code: 'duplicate-row'; readonly keys: string; readonly keysId: string; readonly first: string; readonly firstId: string; readonly ignored: readonly string[]; readonly by: string; readonly noKeys?: boolean }
  | { readonly code: 'overlapping-rows'; readonly keys: string; readonly keysId: string; readonly first: string; readonly firstId: string; readonly per: { readonly en: En; readonly id: Id }; readonly otherPer: { readonly en: En; readonly id: Id } }
  | { readonly code: 'overlap-unchecked'; readonly keys: string; readonly keysId: string; readonly first: string; readonly firstId: string; readonly dims: { readonly en: En; readonly id: Id } }
  | { readonly code: 'changed-while-read' }
  | { readonly code: 'not-a-figure'; readonly name: string; readonly figures: string }
  | { readonly code: 'denominator-ambiguous'; readonly generic: string; readonly named: string }
  | { readonly code: 'declared-denominator'; readonly declared: string; readonly run?: string }
  | { readonly code: 'declared-after-rows'; readonly declared: string; readonly column: string; readonly read: string }
  | { readonly code: 'report-denominator-blank'; readonly field: string }
  | { readonly code: 'report-cut'; readonly rows: number; readonly of: number }
  | { readonly code: 'kanwil-row-no-province'; readonly field: string; readonly kanwil: string; readonly every: boolean }
  | { readonly code: 'total-disagrees'; readonly label: string; readonly measure: string; readonly total: number; readonly sum: number; readonly rows: number; readonly object?: boolean; readonly own?: 'total' | 'subtotal'; /** A name that may mean a group of provinces ("Jumlah Maluku"): the province's name, and the group's rows and sum, neither of which adds up to the total (fx44). */ readonly area?: string; readonly group?: { readonly names: string; readonly rows: number; readonly sum: number }; /** A file that joins reports one after the other: the total's part (its lines, from the row after the previous total), checked against its rows (fx53). */ readonly joined?: { readonly part: number; readonly parts: number; readonly from: number; readonly to?: number } };

/** The words of one problem, in both languages. */
export function words(p: InputProblem): Bilingual {
  switch (p.code) {
    case 'control-in-header':
      return say(`control character ${p.char} in the name of column ${p.index + 1}`, `karakter kendali ${p.char} pada nama kolom ${p.index + 1}`);
    case 'column-twice':
      return say({ message: `column ${q(p.name)} appears twice (fields ${p.first + 1} and ${p.second + 1})`, hint: 'keep one of them' }, { message: `kolom ${q(p.name)} muncul dua kali (kolom ke-${p.first + 1} dan ke-${p.second + 1})`, hint: 'pertahankan salah satunya' });
    case 'columns-same-meaning':
      return say(
        { message: `columns ${q(p.first)} (field ${p.firstIndex + 1}) and ${q(p.second)} (field ${p.secondIndex + 1}) both mean "${p.canonical}"`, hint: 'keep one of them' },
        { message: `kolom ${q(p.first)} (kolom ke-${p.firstIndex + 1}) dan ${q(p.second)} (kolom ke-${p.secondIndex + 1}) sama-sama berarti "${p.canonical}"`, hint: 'pertahankan salah satunya' },
      );
    case 'missing-column': {
      // --header-row applies to every CSV and workbook of the run: a file whose header is elsewhere (a
      // breakdown's targets beside a data file with a title line) is read at the wrong line (rv13 F6).
      const row = p.headerRow !== undefined ? { en: `; the header was read at line ${p.headerRow}, as --header-row ${p.headerRow} says for every CSV and workbook of the run (this file's too)`, id: `; judul dibaca di baris ${p.headerRow}, sesuai --header-row ${p.headerRow} untuk setiap berkas CSV dan buku kerja di proses ini (termasuk berkas ini)` } : { en: '', id: '' };
      if (p.partsMissing) {
        const cols = p.partsMissing.map((g) => `participants_${g.toLowerCase()}`).join(', ');
        return say(
          { message: `missing column "${p.column}" (${p.why.en}), and the segment columns are not all there (no ${cols})`, hint: `the segment columns are the participants only when all four are given: add ${cols} (0 where a segment has none), or a participants column (accepted names: ${p.accepted})${row.en}` },
          { message: `kolom "${p.column}" tidak ada (${p.why.id}), dan kolom segmen tidak lengkap (tanpa ${cols})`, hint: `kolom segmen menjadi pesertanya hanya bila keempatnya ada: tambahkan ${cols} (0 bila segmen itu tanpa peserta), atau kolom peserta (nama yang diterima: ${p.accepted})${row.id}` },
        );
      }
      return say(
        { message: `missing column "${p.column}" (${p.why.en})`, hint: (p.close !== undefined ? `did you mean ${q(p.close)}? accepted names: ${p.accepted}` : `accepted names: ${p.accepted}`) + row.en },
        { message: `kolom "${p.column}" tidak ada (${p.why.id})`, hint: (p.close !== undefined ? `maksudnya ${q(p.close)}? nama yang diterima: ${p.accepted}` : `nama yang diterima: ${p.accepted}`) + row.id },
      );
    }
    case 'employer-row-twice':
      return say(
        { message: `employer ${q(p.employer)}: the same row twice (first at ${p.first}): its participants would be counted twice`, hint: 'remove the repeated rows (a repeated export, or a join that repeats rows); an employer\'s rows must differ in some column (regency, segment, period…)' },
        { message: `pemberi kerja ${q(p.employer)}: baris yang sama dua kali (pertama di ${p.first.replace(/^line /, 'baris ')}): pesertanya akan terhitung dua kali`, hint: 'hapus baris yang berulang (ekspor berulang, atau join yang mengulang baris); baris-baris satu pemberi kerja harus berbeda di suatu kolom (kabupaten, segmen, periode…)' },
      );
    case 'counts-row-twice':
      return say(
        { message: `the same row twice (first at ${p.first}): counts per key have each row once (a GROUP BY cannot repeat one), so its participants would be counted twice`, hint: p.sameFile ? 'remove the repeated row (a join or a union that repeats rows?); if the rows differ in a column the export left out, add that column back' : 'give each export once: the same counts as CSV and as Parquet (peserta.*), or a re-export beside the old one, are counted twice; if the rows differ in a column the export left out, add that column back' },
        { message: `baris yang sama dua kali (pertama di ${p.first.replace(/^line /, 'baris ')}): hitungan per kunci memuat setiap baris sekali (GROUP BY tidak dapat mengulangnya), sehingga pesertanya akan terhitung dua kali`, hint: p.sameFile ? 'hapus baris yang berulang (join atau union yang mengulang baris?); jika baris-baris itu berbeda di kolom yang tidak ikut diekspor, tambahkan kolom itu kembali' : 'berikan setiap ekspor sekali saja: hitungan yang sama sebagai CSV dan Parquet (peserta.*), atau ekspor ulang di samping yang lama, terhitung dua kali; jika baris-baris itu berbeda di kolom yang tidak ikut diekspor, tambahkan kolom itu kembali' },
      );
    case 'counts-key-twice':
      // An employer extract's row (fx58): the employer's key, written twice with other counts.
      if (p.employer !== undefined) {
        const key = p.keys === '' ? ['', ''] : [`: ${p.keys}`, `: ${p.keys}`];
        return say(
          { message: `employer ${q(p.employer)}${key[0]} twice (first at ${p.first}: ${p.was}; here: ${p.now}): an employer extract has each employer's row of a key once, so the two rows would be added up`, hint: 'keep the row with the right count and remove the other (a corrected count added below the old one, or a re-export appended to the old file?); if the rows differ in a column the export left out (a regency, a branch), add that column back' },
          { message: `pemberi kerja ${q(p.employer)}${key[1]} dua kali (pertama di ${p.first.replace(/^line /, 'baris ')}: ${p.was}; di sini: ${p.now}): ekstrak per pemberi kerja memuat baris setiap pemberi kerja untuk satu kunci sekali, sehingga kedua baris akan dijumlahkan`, hint: 'pertahankan baris dengan hitungan yang benar dan hapus yang lain (hitungan koreksi ditambahkan di bawah yang lama, atau ekspor ulang ditambahkan ke berkas lama?); jika baris-baris itu berbeda di kolom yang tidak ikut diekspor (kabupaten, kantor cabang), tambahkan kolom itu kembali' },
        );
      }
      return say(
        { message: `${p.keys} twice (first at ${p.first}: ${p.was}; here: ${p.now}): counts per key have each key once (a GROUP BY cannot write one twice), so the two rows would be added up`, hint: 'keep the row with the right count and remove the other (a corrected count added below the old one, or a re-export appended to the old file?); if the rows differ in a column the export left out, add that column back' },
        { message: `${p.keys} dua kali (pertama di ${p.first.replace(/^line /, 'baris ')}: ${p.was}; di sini: ${p.now}): hitungan per kunci memuat setiap kunci sekali (GROUP BY tidak dapat menulisnya dua kali), sehingga kedua baris akan dijumlahkan`, hint: 'pertahankan baris dengan hitungan yang benar dan hapus yang lain (hitungan koreksi ditambahkan di bawah yang lama, atau ekspor ulang ditambahkan ke berkas lama?); jika baris-baris itu berbeda di kolom yang tidak ikut diekspor, tambahkan kolom itu kembali' },
      );
    case 'extract-row-unknown': {
      const cols = p.columns.map((c) => q(c)).join(', ');
      const like = p.countLike !== undefined ? [` (${q(p.countLike)} looks like a count: in the query, \`count(*) AS participants\`)`, ` (${q(p.countLike)} tampaknya hitungan: di kuerinya, \`count(*) AS participants\`)`] : ['', ''];
      return say(
        { message: `what a row of this file is cannot be told: it has no participant id column and no participants column, and ${cols} ${p.columns.length === 1 ? 'is' : 'are'} not read (a count under another name would be counted as one participant a row, and a participant id under another name would not be checked for repeats)`, hint: `if the rows are counts per key, name the count column participants${like[0]}; if each row is one participant, name its id column kpj (or participant_id): each is then counted once and checked for repeats` },
        { message: `isi satu baris berkas ini tidak dapat ditentukan: tidak ada kolom nomor peserta dan tidak ada kolom peserta, dan ${cols} tidak dibaca (hitungan dengan nama lain akan dihitung satu peserta per baris, dan nomor peserta dengan nama lain tidak diperiksa pengulangannya)`, hint: `jika barisnya hitungan per kunci, namai kolom hitungannya participants${like[1]}; jika setiap baris satu peserta, namai kolom nomornya kpj (atau participant_id): setiap peserta dihitung sekali dan diperiksa pengulangannya` },
      );
    }
    case 'participant-extract-count':
      return say(
        { message: `column ${q(p.column)} is a count of participants, but the file is a per-participant extract (its id column ${q(p.id)}): each row is one participant, so the column would be added up once per participant (an employer's headcount repeated on each of its participants' rows, from a join, would be counted again on every row)`, hint: `leave ${q(p.column)} out of the file: each row already counts one; if the rows are counts per key instead, leave out ${q(p.id)}` },
        { message: `kolom ${q(p.column)} adalah jumlah peserta, tetapi berkas ini ekstrak per peserta (kolom nomornya ${q(p.id)}): setiap baris satu peserta, sehingga kolom itu akan dijumlahkan sekali per peserta (jumlah tenaga kerja pemberi kerja yang terulang di setiap baris pesertanya, hasil join, akan terhitung lagi di setiap baris)`, hint: `keluarkan ${q(p.column)} dari berkas: setiap baris sudah dihitung satu; jika barisnya justru hitungan per kunci, keluarkan ${q(p.id)}` },
      );
    case 'membership-spells':
      return say(
        { message: `columns ${q(p.start)} and ${q(p.end)} say when a membership starts and ends: the file looks like membership spells (a row per period of membership), but the rows of an extract are counted as they are, each an active participant of its month, whether its spell had ended or not yet begun`, hint: 'derive the active participants of each month first (a spell counts in a month when it covers the last day of that month: docs/warehouse.md, "From membership spells"); if each row already is an active participant of its month, leave these columns out of the file' },
        { message: `kolom ${q(p.start)} dan ${q(p.end)} menyebut kapan kepesertaan mulai dan berakhir: berkas ini tampaknya periode kepesertaan (satu baris per periode), padahal baris ekstrak dihitung apa adanya, masing-masing peserta aktif pada bulannya, entah periodenya sudah berakhir atau belum dimulai`, hint: 'turunkan dahulu peserta aktif setiap bulan (satu periode dihitung pada suatu bulan bila mencakup hari terakhir bulan itu: docs/warehouse.md, "From membership spells"); jika setiap baris memang peserta aktif pada bulannya, keluarkan kolom-kolom ini dari berkas' },
      );
    case 'extract-kinds':
      return say(
        { message: `is ${KIND_WORDS[p.kind][0]}, but ${p.other} is ${KIND_WORDS[p.otherKind][0]}${p.period !== undefined ? `, and both have rows of ${p.period}` : ''}: a participant counted in one may be counted in the other too, and neither file's check can see into the other`, hint: 'report them in separate runs, or give every file in one shape (the counts of the extract: docs/warehouse.md); files of different months are read together (or give the earlier month with --previous FILE --extract)' },
        { message: `adalah ${KIND_WORDS[p.kind][1]}, sedangkan ${p.other} adalah ${KIND_WORDS[p.otherKind][1]}${p.period !== undefined ? `, dan keduanya memuat baris ${p.period}` : ''}: peserta yang terhitung di satu berkas mungkin terhitung juga di berkas lain, dan pemeriksaan masing-masing berkas tidak dapat melihat isi berkas lainnya`, hint: 'laporkan dengan perintah terpisah, atau berikan semua berkas dalam satu bentuk (hitungan dari ekstraknya: docs/warehouse.md); berkas dari bulan yang berbeda dibaca bersama (atau berikan bulan sebelumnya dengan --previous BERKAS --extract)' },
      );
    case 'files-not-read': {
      const names = p.files.length > 3 ? `${p.files.slice(0, 3).join(', ')} and ${p.files.length - 3} more` : p.files.join(', ');
      const namesId = p.files.length > 3 ? `${p.files.slice(0, 3).join(', ')} dan ${p.files.length - 3} lainnya` : p.files.join(', ');
      return say(
        { message: `not read, once --max-errors ${p.limit} was reached: ${names} (their problems are not counted)`, hint: 'fix the problems listed, or raise --max-errors' },
        { message: `tidak dibaca, setelah --max-errors ${p.limit} tercapai: ${namesId} (masalahnya tidak terhitung)`, hint: 'perbaiki masalah yang tercantum, atau naikkan --max-errors' },
      );
    }
    case 'extract-denominator': {
      const rows = { participant: ['once per participant', 'sekali per peserta'], employer: ['once per employer', 'sekali per pemberi kerja'], counts: ['once per row', 'sekali per baris'] }[p.kind];
      return say(
        { message: `column ${q(p.column)} is a denominator, but the file is an extract: its rows are added up, so the denominator would be added up ${rows[0]} (an extract has no denominator of its own)`, hint: 'remove the column, and give the denominator with --workforce FILE, one row per area (province, and segment if it differs by segment)' },
        { message: `kolom ${q(p.column)} adalah penyebut, tetapi berkas ini ekstrak: baris-barisnya dijumlahkan, sehingga penyebutnya ikut dijumlahkan ${rows[1]} (ekstrak tidak memiliki penyebut sendiri)`, hint: 'hapus kolom itu, dan berikan penyebut dengan --workforce BERKAS, satu baris per wilayah (provinsi, dan segmen jika berbeda per segmen)' },
      );
    }
    case 'employer-without-count':
      return say(
        { message: `the file is an employer extract (${q(p.column)}) without a participants column: each row would count as one participant, and it is an employer`, hint: 'give each employer\'s participants in a participants column (peserta_aktif), or read a participant extract (participant_id / kpj)' },
        { message: `berkas ini ekstrak pemberi kerja (${q(p.column)}) tanpa kolom peserta: setiap baris akan terhitung satu peserta, padahal barisnya pemberi kerja`, hint: 'berikan jumlah peserta tiap pemberi kerja di kolom participants (peserta_aktif), atau baca ekstrak peserta (participant_id / kpj)' },
      );
    case 'two-segment-layouts':
      return say(
        { message: 'the file has both a segment column and participants_pu… columns', hint: 'use one layout: a segment column (one row per segment), or one participants column per segment' },
        { message: 'berkas memuat kolom segment sekaligus kolom participants_pu…', hint: 'pakai satu susunan saja: kolom segment (satu baris per segmen), atau satu kolom peserta per segmen' },
      );
    case 'control-in-field':
      return say(`control character ${p.char} in field ${q(p.field)}`, `karakter kendali ${p.char} di kolom ${q(p.field)}`);
    case 'denominator-ambiguous':
      return say(
        { message: `the file has both ${q(p.named)} and ${q(p.generic)}: which one is the denominator?`, hint: `remove or rename one of them (--denominator ${canonicalOf(p.generic)} reads ${q(p.generic)} as it is)` },
        { message: `berkas memuat ${q(p.named)} sekaligus ${q(p.generic)}: mana yang menjadi penyebut?`, hint: `hapus atau ganti nama salah satunya (--denominator ${canonicalOf(p.generic)} membaca ${q(p.generic)} apa adanya)` },
      );
    case 'declared-denominator':
      return p.run !== undefined
        ? say(
            { message: `meta.denominator says the rows' "denominator" is ${q(p.declared)}, not ${p.run} (--denominator)`, hint: `leave out --denominator, or give --denominator ${clipValue(p.declared)}` },
            { message: `meta.denominator menyatakan "denominator" pada baris-baris adalah ${q(p.declared)}, bukan ${p.run} (--denominator)`, hint: `hilangkan --denominator, atau berikan --denominator ${clipValue(p.declared)}` },
          )
        : say(
            { message: `meta.denominator says the rows' "denominator" is ${q(p.declared)}, which this run does not read`, hint: `give --denominator ${clipValue(p.declared)}` },
            { message: `meta.denominator menyatakan "denominator" pada baris-baris adalah ${q(p.declared)}, yang tidak dibaca oleh proses ini`, hint: `berikan --denominator ${clipValue(p.declared)}` },
          );
    case 'declared-after-rows':
      return say(
        { message: `meta.denominator (${q(p.declared)}) comes after the rows, whose ${q(p.column)} was read as ${p.read}`, hint: `put "meta" before "rows" (as jamsostek writes it), or give --denominator ${clipValue(p.declared)}` },
        { message: `meta.denominator (${q(p.declared)}) muncul setelah baris-baris, yang kolom ${q(p.column)}-nya sudah dibaca sebagai ${p.read}`, hint: `letakkan "meta" sebelum "rows" (seperti ditulis jamsostek), atau berikan --denominator ${clipValue(p.declared)}` },
      );
    case 'level-after-tool-rows':
      return say(
        { message: `column ${q(p.field)} holds ${q(p.value)} but earlier rows were the tool's subtotal/total rows (line ${p.firstLine})`, hint: 'rename the column: "level" marks the rows of jamsostek outputs' },
        { message: `kolom ${q(p.field)} berisi ${q(p.value)}, padahal baris sebelumnya adalah baris subtotal/total keluaran jamsostek (baris ${p.firstLine})`, hint: 'ganti nama kolom itu: "level" menandai baris keluaran jamsostek' },
      );
    case 'unnamed-column':
      return say({ message: `column ${p.index + 1} has no name but holds ${q(p.value)}`, hint: 'give it a header' }, { message: `kolom ${p.index + 1} tidak bernama tetapi berisi ${q(p.value)}`, hint: 'beri kolom itu nama di baris judul' });
    case 'row-lacks-key':
      return say(`the row has no ${q(p.field)}`, `baris ini tidak memiliki ${q(p.field)}`);
    case 'blank-count': {
      // The denominator of an area's own row (a province, a regency): 0 is refused there (no area has
      // no workforce), so "write 0" would lead to that refusal (rv23 F7); its figure is what is wanted.
      const hint = p.area !== undefined
        ? { en: `a blank count is not zero, and no province, regency or Kanwil has no workforce (a 0 is refused): write ${p.area}'s figure, or leave the row out`, id: `sel kosong tidak sama dengan nol, dan tidak ada provinsi, kabupaten/kota atau kanwil tanpa tenaga kerja (angka 0 ditolak): isikan angka ${p.area}, atau hapus barisnya` }
        : { en: 'a blank count is not zero: write 0 if zero is meant', id: 'sel kosong tidak sama dengan nol: tulis 0 jika yang dimaksud nol' };
      return p.absent
        ? say({ message: `the row has no ${q(p.field)}`, hint: hint.en }, { message: `baris ini tidak memiliki ${q(p.field)}`, hint: hint.id })
        : say({ message: `field ${q(p.field)} is empty`, hint: hint.en }, { message: `kolom ${q(p.field)} kosong`, hint: hint.id });
    }
    case 'boolean-number':
      return say(`field ${q(p.field)}: expected a number, found ${p.value}`, `kolom ${q(p.field)}: seharusnya angka, bukan ${p.value}`);
    case 'bad-count':
      // One wording per fault, whether the cell is text (CSV) or a stored number (JSON, xlsx, Parquet): rv35 D8.
      if (p.fault === 'too-large') return tooLarge(p.field, q(p.shown));
      if (p.fault === 'negative') {
        return say(
          { message: `field ${q(p.field)}: ${q(p.shown)} is not a count: a count cannot be negative`, hint: 'a count of people is 0 or more: a negative figure is a change (this month less the last) or a correction, not a count; write the count itself' },
          { message: `kolom ${q(p.field)}: ${q(p.shown)} bukan jumlah yang sah: jumlah tidak boleh negatif`, hint: 'jumlah orang bernilai 0 atau lebih: angka negatif adalah perubahan (bulan ini dikurangi bulan lalu) atau koreksi, bukan jumlah; tuliskan jumlahnya sendiri' },
        );
      }
      return say(
        { message: `field ${q(p.field)}: ${q(p.shown)} is not a count: a count must be a whole number`, hint: 'counts are whole people: a column with decimals may be a rate or an average (a coverage %, a mean over months or per employer), not a count; write the number of people itself' },
        { message: `kolom ${q(p.field)}: ${q(p.shown)} bukan jumlah yang sah: jumlah harus bilangan bulat`, hint: 'jumlah adalah orang utuh: kolom berdesimal mungkin rasio atau rata-rata (persentase cakupan, rata-rata antarbulan atau per pemberi kerja), bukan jumlah; tuliskan jumlah orangnya' },
      );
    case 'bad-number': {
      if (p.reason === TOO_LARGE) return tooLarge(p.field, q(p.raw));
      const hint = p.reason === 'is not a number' ? numberHint(p.locale) : undefined;
      const plainReason = p.reason.startsWith('is ');
      return say(
        { message: `field ${q(p.field)}: ${q(p.raw)} ${plainReason ? p.reason : `is not a count: ${p.reason}`}`, hint: hint?.en },
        { message: `kolom ${q(p.field)}: ${q(p.raw)} ${plainReason ? p.reasonId : `bukan jumlah yang sah: ${p.reasonId}`}`, hint: hint?.id },
      );
    }
    case 'mixed-locales':
      return say(
        { message: `${q(p.en)} is an English number (en) but ${q(p.id)} at ${p.idAt} is Indonesian (id): the file mixes number formats`, hint: 'write all numbers one way, or pass --number-locale to say which' },
        { message: `${q(p.en)} adalah angka format Inggris (en), sedangkan ${q(p.id)} di ${p.idAt} format Indonesia (id): berkas mencampur format angka`, hint: 'tulis semua angka dengan satu format, atau tentukan formatnya dengan --number-locale' },
      );
    case 'mixed-locales-id':
      return say(`${q(p.id)} is an Indonesian number (id); see the English one above`, `${q(p.id)} adalah angka format Indonesia (id); lihat angka format Inggris di atas`);
    case 'count-three-decimals': {
      const [lang, langId, other, otherId, sep] = p.locale === 'id' ? ['Indonesian (id)', 'Indonesia (id)', 'English (en)', 'Inggris (en)', ','] : ['English (en)', 'Inggris (en)', 'Indonesian (id)', 'Indonesia (id)', '.'];
      return say(
        { message: `${q(p.raw)} reads as ${p.value} in ${lang}, the file's number format (see ${q(p.by)} at ${p.byAt}): a count with three decimals after ${q(sep)}; in ${other} it is ${p.grouped}. The file mixes number formats`, hint: `write it as the file writes its other numbers, or write ${p.value} if ${p.value} is meant` },
        { message: `${q(p.raw)} terbaca ${p.value} dalam format ${langId}, format angka berkas ini (lihat ${q(p.by)} di ${p.byAt}): jumlah dengan tiga desimal setelah ${q(sep)}; dalam format ${otherId} nilainya ${p.grouped}. Berkas mencampur format angka`, hint: `tulis seperti angka lain di berkas, atau tulis ${p.value} jika yang dimaksud ${p.value}` },
      );
    }
    case 'regency-across-split': {
      // Regencies are read under today's provinces (data/regencies.csv): one of a province formed in 2022,
      // named under the old one, is refused for that, naming the law (rv23 F3), not as unknown.
      const year = p.from.slice(0, 4);
      // The code names a regency of the row's own province in the other code system: the file's regency
      // codes may be of another system than its province codes, and moving the row would file one
      // regency's figures under another (hx5).
      if (p.other) {
        const sys = p.other.system === 'bps' ? 'BPS' : 'Kemendagri';
        const here = p.other.system === 'bps' ? 'Kemendagri' : 'BPS';
        return say(
          { message: `code ${p.other.code} is ${p.regency} (${p.today}) in ${here} codes, not in ${p.old}; in ${sys} codes it is ${p.other.name}, in ${p.old}`, hint: `if the file's regency codes are ${sys} codes, it mixes code systems: write its codes in one system (jamsostek provinces --regencies lists both); if ${p.regency} is meant, its province is ${p.today} since the ${year} split (${p.law})` },
          { message: `kode ${p.other.code} adalah ${p.regency} (${p.today}) dalam kode ${here}, bukan di ${p.old}; dalam kode ${sys} kode itu adalah ${p.other.name}, di ${p.old}`, hint: `jika kode kabupaten/kota berkas ini kode ${sys}, berkas mencampur sistem kode: tulis kodenya dalam satu sistem (jamsostek provinces --regencies memuat keduanya); jika yang dimaksud ${p.regency}, provinsinya ${p.today} sejak pemekaran ${year} (${p.law})` },
        );
      }
      if (p.period !== undefined && p.period < p.from) {
        return say(
          { message: `${p.regency} of ${p.period} was in ${p.old} before the ${year} split (${p.law}, in force from ${p.from}); today it is in ${p.today}, and regencies are read under today's provinces`, hint: `write its province as ${p.today} (the regency's own figures are the same), or give ${p.old} of ${p.period} as one province row (its regencies added up), or report months from ${p.from} on` },
          { message: `${p.regency} per ${p.period} berada di ${p.old} sebelum pemekaran ${year} (${p.law}, berlaku mulai ${p.from}); kini di ${p.today}, dan kabupaten/kota dibaca menurut provinsi saat ini`, hint: `tulis provinsinya ${p.today} (angka kabupaten/kota itu sendiri tetap sama), atau berikan ${p.old} per ${p.period} sebagai satu baris provinsi (kabupaten/kotanya dijumlahkan), atau laporkan bulan mulai ${p.from}` },
        );
      }
      return say(
        { message: `${p.regency} is in ${p.today}, not ${p.old}, since the ${year} split (${p.law}, in force from ${p.from})`, hint: `write its province as ${p.today}` },
        { message: `${p.regency} berada di ${p.today}, bukan ${p.old}, sejak pemekaran ${year} (${p.law}, berlaku mulai ${p.from})`, hint: `tulis provinsinya ${p.today}` },
      );
    }
    case 'zero-area-denominator':
      return say(
        { message: `field ${q(p.field)}: ${p.area ? `${p.area}'s ` : ''}${p.measure} is 0: no province, regency or Kanwil has no workforce, and a 0 would give it no coverage and leave its workforce out of the Total`, hint: 'write its figure (an export that writes a blank as 0 gives no figure), or leave the row out' },
        { message: `kolom ${q(p.field)}: ${p.measure} ${p.area ? `${p.area} ` : ''}bernilai 0: tidak ada provinsi, kabupaten/kota atau kanwil tanpa tenaga kerja, dan angka 0 membuatnya tanpa cakupan dan tidak terhitung dalam cakupan Total`, hint: 'isikan angkanya (ekspor yang menulis sel kosong sebagai 0 tidak memberi angka), atau hapus barisnya' },
      );
    case 'segment-denominator-repeated': {
      const lines = `${p.lines.join(', ')}${p.rows > p.lines.length ? ', …' : ''}`;
      const more = p.more > 0 ? `, and so do ${p.more} more of the ${p.of} areas split by segment` : '';
      const moreId = p.more > 0 ? `, demikian pula ${p.more} wilayah lain dari ${p.of} wilayah yang dirinci per segmen` : '';
      return say(
        { message: `field ${q(p.field)}: the ${p.rows} segment rows of ${p.area} (lines ${lines}) all have ${p.measure} ${grouped(p.value, 'en')}${more}: a segment's ${p.measure} is never the same in every segment; this is the area's own figure on each segment row, and coverage would be over ${p.rows} times it`, hint: `give the ${p.measure} once per area: a row per area with participants_pu, participants_bpu, participants_jakon and participants_pmi columns (jamsostek template --segments writes one), or leave the ${p.field} column out and give the areas' figures with --workforce FILE` },
        { message: `kolom ${q(p.field)}: ${p.rows} baris segmen ${p.area} (baris ${lines}) semuanya ber-${p.measure} ${grouped(p.value, 'id')}${moreId}: ${p.measure} suatu segmen tidak pernah sama di semua segmen; ini angka wilayah itu sendiri di setiap baris segmen, dan cakupan akan dihitung atas ${p.rows} kali angka itu`, hint: `berikan ${p.measure} sekali per wilayah: satu baris per wilayah dengan kolom participants_pu, participants_bpu, participants_jakon dan participants_pmi (jamsostek template --segments menulisnya), atau hilangkan kolom ${p.field} dan berikan angka wilayah dengan --workforce FILE` },
      );
    }
    case 'zero-area-target':
      return say(
        { message: `field ${q(p.field)}: ${p.area}'s target is 0: no plan gives a province or Kanwil no target, and a 0 would make it "achieved" and take its target out of the Total's`, hint: "write its target (an export that writes a blank as 0 gives no figure), or leave its row out: it is then shown without a target, and the Total compares the others' (said)" },
        { message: `kolom ${q(p.field)}: target ${p.area} bernilai 0: tidak ada rencana yang memberi provinsi atau kanwil target nol, dan angka 0 membuatnya "tercapai" dan mengeluarkan targetnya dari target Total`, hint: 'isikan targetnya (ekspor yang menulis sel kosong sebagai 0 tidak memberi angka), atau hapus barisnya: wilayah itu lalu ditampilkan tanpa target, dan Total membandingkan yang lain (disebutkan)' },
      );
    case 'zero-area-participants': {
      const at = p.period ? ` in ${p.period}` : '';
      const atId = p.period ? ` pada ${p.period}` : '';
      const before = p.previous ? `, ${grouped(p.previous.participants, 'en')} in ${p.previous.period}` : '';
      const beforeId = p.previous ? `, ${grouped(p.previous.participants, 'id')} pada ${p.previous.period}` : '';
      return say(
        { message: `field ${q(p.field)}: ${p.area} has 0 participants${at}${before}: no province or Kanwil has no active participants, and a 0 would take its participants out of the Total and its change`, hint: 'write its figure (an export that writes a blank as 0 gives no figure), or leave the row out (--expect then names it as not reported)' },
        { message: `kolom ${q(p.field)}: ${p.area} memiliki 0 peserta${atId}${beforeId}: tidak ada provinsi atau kanwil tanpa peserta aktif, dan angka 0 mengeluarkan pesertanya dari Total dan perubahannya`, hint: 'isikan angkanya (ekspor yang menulis sel kosong sebagai 0 tidak memberi angka), atau hapus barisnya (--expect lalu menyebutnya belum melapor)' },
      );
    }
    case 'zero-area-rows': {
      const at = p.period ? ` in ${p.period}` : '';
      const atId = p.period ? ` pada ${p.period}` : '';
      return say(
        { message: `${p.area}'s ${grouped(p.rows, 'en')} rows all have 0 participants${at} (the first of them here): no province or Kanwil has no active participants, and its rows' 0s would take its participants out of the Total and its change, as a 0 on its own row would`, hint: "write the rows' figures (an export that writes blanks as 0 gives no figures), or leave its rows out (--expect then names it as not reported)" },
        { message: `${grouped(p.rows, 'id')} baris ${p.area} semuanya berpeserta 0${atId} (yang pertama di sini): tidak ada provinsi atau kanwil tanpa peserta aktif, dan angka 0 di baris-barisnya mengeluarkan pesertanya dari Total dan perubahannya, seperti angka 0 di barisnya sendiri`, hint: 'isikan angka baris-barisnya (ekspor yang menulis sel kosong sebagai 0 tidak memberi angka), atau hapus baris-barisnya (--expect lalu menyebutnya belum melapor)' },
      );
    }
    case 'forced-three-decimals': {
      const [sep, other, otherId, o] = p.locale === 'id' ? [',', 'English (en)', 'Inggris (en)', 'en'] : ['.', 'Indonesian (id)', 'Indonesia (id)', 'id'];
      return say(
        { message: `${q(p.raw)} reads as ${p.value} under --number-locale ${p.locale}: a count with three decimals after ${q(sep)}, which no count of people is written with; in ${other} it is ${p.grouped}`, hint: `if ${p.grouped} is meant, the file's numbers are ${other}: pass --number-locale ${o} (or leave --number-locale out, and each file's format is deduced); if ${p.value} is meant, write ${p.value}` },
        { message: `${q(p.raw)} terbaca ${p.value} dengan --number-locale ${p.locale}: jumlah dengan tiga desimal setelah ${q(sep)}, padahal jumlah orang tidak ditulis demikian; dalam format ${otherId} nilainya ${p.grouped}`, hint: `jika yang dimaksud ${p.grouped}, angka berkas ini berformat ${otherId}: berikan --number-locale ${o} (atau hilangkan --number-locale, agar format tiap berkas ditentukan dari isinya); jika yang dimaksud ${p.value}, tulis ${p.value}` },
      );
    }
    case 'forced-locale-cell': {
      const [other, otherId, o] = p.locale === 'id' ? ['English (en)', 'Inggris (en)', 'en'] : ['Indonesian (id)', 'Indonesia (id)', 'id'];
      const shown = (v: number): string => (p.percent ? `${Number((v * 100).toPrecision(12))} %` : String(v));
      // In the Indonesian message a fraction is written with a decimal comma (154.321 there reads as 154321).
      const shownId = (v: number): string => shown(v).replace('.', ',');
      const why = p.value !== undefined ? `reads as ${shown(p.value)} under --number-locale ${p.locale}, and ${p.reason}` : `is not a number under --number-locale ${p.locale}`;
      const whyId = p.value !== undefined ? `terbaca ${shownId(p.value)} dengan --number-locale ${p.locale}, dan ${p.reasonId}` : `bukan angka dengan --number-locale ${p.locale}`;
      const there = p.otherValue !== undefined ? `; in ${other} it is ${shown(p.otherValue)}` : '';
      const thereId = p.otherValue !== undefined ? `; dalam format ${otherId} nilainya ${shownId(p.otherValue)}` : '';
      return say(
        { message: `${q(p.raw)} ${why}${there}`, hint: `write the cell as ${p.locale === 'id' ? 'an Indonesian' : 'an English'} number; or, if the file's numbers are ${other}, pass --number-locale ${o} (or leave --number-locale out, and each file's format is deduced)` },
        { message: `${q(p.raw)} ${whyId}${thereId}`, hint: `tulis sel ini dalam format ${p.locale === 'id' ? 'Indonesia' : 'Inggris'}; atau, jika angka berkas ini berformat ${otherId}, berikan --number-locale ${o} (atau hilangkan --number-locale, agar format tiap berkas ditentukan dari isinya)` },
      );
    }
    case 'undecided-locale':
      return say(
        { message: `cannot tell the number format: ${q(p.raw)} reads as ${p.asId} in Indonesian (id) and ${p.asEn} in English (en), and no count in the file settles it`, hint: 'pass --number-locale id or --number-locale en' },
        { message: `format angka tidak dapat ditentukan: ${q(p.raw)} terbaca ${p.asId} dalam format Indonesia (id) dan ${p.asEn} dalam format Inggris (en), dan tidak ada jumlah di berkas yang memastikannya`, hint: 'tentukan dengan --number-locale id atau --number-locale en' },
      );
    case 'segments-sum':
      return say(
        { message: `the segment columns add up to ${grouped(p.sum, 'en')}, not to the row's participants (${grouped(p.participants, 'en')})`, hint: 'the participants_pu, _bpu, _jakon, _pmi columns must cover every participant (add the missing ones; or, with all four given, drop the participants column or leave it blank: the segment columns are then the participants)' },
        { message: `kolom segmen berjumlah ${grouped(p.sum, 'id')}, tidak sama dengan peserta pada baris ini (${grouped(p.participants, 'id')})`, hint: 'kolom participants_pu, _bpu, _jakon, _pmi harus mencakup semua peserta (tambahkan yang kurang; atau, bila keempatnya ada, hapus kolom participants atau kosongkan: kolom segmen lalu menjadi pesertanya)' },
      );
    case 'over-coverage':
      return say(
        // A report's "denominator" column is named as the file writes it, with the measure it is read as.
        { message: `participants (${p.participants}) exceed ${p.column !== undefined ? `${q(p.column)} (${p.denominator}, read as ${p.measure})` : `${p.measure} (${p.denominator})`}`, hint: 'check the row; pass --allow-over-coverage if this is real' },
        { message: `peserta (${p.participants}) melebihi ${p.column !== undefined ? `${q(p.column)} (${p.denominator}, dibaca sebagai ${p.measure})` : `${p.measure} (${p.denominator})`}`, hint: 'periksa baris ini; jika memang benar, pakai --allow-over-coverage' },
      );
    case 'empty-participant-id':
      return say('the participant id is empty', 'id peserta kosong');
    case 'participant-twice': {
      const inPeriod = p.period ? ` in ${p.period}` : '';
      const inPeriodId = p.period ? ` pada ${p.period}` : '';
      return p.sameFile
        ? say(
            { message: `participant ${clipValue(p.id)} appears twice${inPeriod} (first at ${p.rows ? 'row' : 'line'} ${p.first})`, hint: 'each participant is one row per period: check the extract query for a join that repeats rows' },
            { message: `peserta ${clipValue(p.id)} muncul dua kali${inPeriodId} (pertama di baris ${p.first})`, hint: 'setiap peserta satu baris per periode: periksa kueri ekstrak, mungkin ada join yang menggandakan baris' },
          )
        : say(
            { message: `participant ${clipValue(p.id)} appears in two files${inPeriod} (first at ${p.first})`, hint: 'a participant is counted once per period: the files overlap (the same extract split twice, or two offices reporting one participant); remove the participant from one of them' },
            { message: `peserta ${clipValue(p.id)} muncul di dua berkas${inPeriodId} (pertama di ${p.first})`, hint: 'setiap peserta dihitung sekali per periode: berkas-berkas itu tumpang tindih (ekstrak yang sama terpecah dua kali, atau dua kantor melaporkan peserta yang sama); hapus peserta itu dari salah satu berkas' },
          );
    }
    case 'sum-overflow':
      return p.extract
        ? say(
            { message: `the sum of ${p.measure} passes ${Number.MAX_SAFE_INTEGER} and cannot be kept exactly`, hint: 'split the extract' },
            { message: `jumlah ${p.measure} melampaui ${Number.MAX_SAFE_INTEGER} dan tidak dapat disimpan dengan tepat`, hint: 'pecah ekstrak menjadi beberapa berkas' },
          )
        : say(
            { message: `the sum of ${p.measure} passes ${Number.MAX_SAFE_INTEGER}: it cannot be kept exactly`, hint: 'check the input for a wrong number (an extra digit)' },
            { message: `jumlah ${p.measure} melampaui ${Number.MAX_SAFE_INTEGER}: tidak dapat disimpan dengan tepat`, hint: 'periksa input: mungkin ada angka yang salah (kelebihan satu digit)' },
          );
    case 'key-from-later-row':
      return say(
        { message: `this row has no ${q(p.field)} (the key first appears at line ${p.firstLine})`, hint: 'every row needs the same fields' },
        { message: `baris ini tidak memiliki ${q(p.field)} (kunci itu pertama muncul di baris ${p.firstLine})`, hint: 'setiap baris harus memiliki kolom yang sama' },
      );
    // One wording for a file with nothing in it, in every form: no bytes, a BOM, blank lines (rv35 D9).
    case 'empty-file':
      return say(
        { message: 'the file is empty', hint: 'give the file with its header and rows (an export that failed or was cut short leaves it empty); jamsostek template writes a file to fill in' },
        { message: 'berkas kosong', hint: 'berikan berkas lengkap dengan baris judul dan barisnya (ekspor yang gagal atau terpotong meninggalkannya kosong); jamsostek template menulis berkas untuk diisi' },
      );
    // Columns and no rows, in every form (a header line, a sheet's header row, a Parquet schema; a JSON
    // array with no row has no columns either): one wording, and a hint for what the file is (rv35 D5, D6).
    case 'header-only': {
      const what = p.array ? { en: 'an empty array', id: 'array kosong' } : { en: 'header only', id: 'hanya baris judul' };
      const hint = p.extract
        ? { en: 'an extract has a row per participant (counts: a row per key): did its query select no rows? check its WHERE and its period', id: 'ekstrak memuat satu baris per peserta (hitungan: satu baris per kunci): apakah kuerinya tidak memilih baris apa pun? periksa WHERE dan periodenya' }
        : p.array
          ? { en: 'fill in at least one row, e.g. [{"province": "Gorontalo", "participants": 256129}]; jamsostek template writes a starting file', id: 'isi paling sedikit satu baris, mis. [{"province": "Gorontalo", "participants": 256129}]; jamsostek template menulis berkas awal' }
          : { en: 'fill in at least one row; jamsostek template writes a starting file', id: 'isi paling sedikit satu baris; jamsostek template menulis berkas awal' };
      return say({ message: `no data rows (${what.en})`, hint: hint.en }, { message: `tidak ada baris data (${what.id})`, hint: hint.id });
    }
    case 'no-data-rows':
      return say({ message: 'no data rows', hint: 'every row was blank, a subtotal or a total' }, { message: 'tidak ada baris data', hint: 'semua baris kosong, subtotal, atau total' });
    case 'same-content':
      return say({ message: `has the same content as ${p.prior} (${p.sha}): the same file given twice`, hint: 'give each file once' }, { message: `isinya sama dengan ${p.prior} (${p.sha}): berkas yang sama diberikan dua kali`, hint: 'berikan setiap berkas sekali saja' });
    case 'extract-and-regional':
      return say(
        { message: `is a per-participant or per-employer extract, but ${p.regional} is not`, hint: 'report extracts and regional files in separate runs; if it holds the counts of the extract of other months (docs/warehouse.md), add --extract to read it as such (or give the earlier month with --previous FILE --extract)' },
        { message: `adalah ekstrak per peserta atau per pemberi kerja, sedangkan ${p.regional} bukan`, hint: 'laporkan ekstrak dan berkas wilayah dengan perintah terpisah; jika berkas itu memuat hitungan dari ekstraknya untuk bulan lain (docs/warehouse.md), tambahkan --extract agar dibaca demikian (atau berikan bulan sebelumnya dengan --previous BERKAS --extract)' },
      );
    case 'duplicate-row': {
      const cols = p.ignored.map((x) => q(x)).join(', ');
      if (p.noKeys) {
        const read = cols ? `the header line was read as ${cols}` : 'the header line has no column of a key';
        const readId = cols ? `baris judul terbaca sebagai ${cols}` : 'baris judul tidak memuat kolom kunci';
        return say(
          { message: `duplicate row for ${p.keys} (${p.first})`, hint: `no key column (province, regency, segment, period…) was found and ${read}: check the delimiter with --delimiter (by default it is detected from the header line) and which line is the header with --header-row` },
          { message: `baris ganda untuk ${p.keysId} (${p.firstId})`, hint: `tidak ada kolom kunci (province, regency, segment, period…) yang ditemukan dan ${readId}: periksa pemisahnya dengan --delimiter (secara bawaan dikenali dari baris judul) dan baris mana yang menjadi judul dengan --header-row` },
        );
      }
      // A column that looks like a participant's id the tool does not know by that name (id, nik, no…):
      // the file is likely an extract, one row per participant; splitting the report by it is no help.
      const idLike = p.ignored.find((x) => /^(id|nik|no|nomor|.*_id|id_.*)$/i.test(x.trim()));
      if (idLike !== undefined) {
        return say(
          { message: `duplicate row for ${p.keys} (${p.first})`, hint: `the rows differ in ${q(idLike)}, which is not read: if each row is one participant, name that column kpj (or participant_id): each is then counted once and checked for repeats` },
          { message: `baris ganda untuk ${p.keysId} (${p.firstId})`, hint: `baris-baris itu berbeda di ${q(idLike)}, yang tidak dibaca: jika setiap baris satu peserta, namai kolom itu kpj (atau participant_id): setiap peserta dihitung sekali dan diperiksa pengulangannya` },
        );
      }
      return say(
        { message: `duplicate row for ${p.keys} (${p.first})`, hint: p.ignored.length ? `the rows may differ in ${cols}, which is not a key: ${p.by} keeps them apart` : 'each key may appear once; per-participant extracts (with an id column) are added up instead' },
        { message: `baris ganda untuk ${p.keysId} (${p.firstId})`, hint: p.ignored.length ? `baris-baris itu mungkin berbeda di ${cols}, yang bukan kolom kunci: ${p.by} memisahkannya` : 'setiap kunci hanya boleh muncul sekali; ekstrak per peserta (dengan kolom id) dijumlahkan' },
      );
    }
    case 'overlapping-rows':
      return say(
        { message: `rows for ${p.keys} overlap with ${p.first}: one is given per ${p.per.en}, the other per ${p.otherPer.en}`, hint: 'each area may be given once per period: remove one of them, or give every file the same key columns (e.g. a period column)' },
        { message: `baris untuk ${p.keysId} tumpang tindih dengan ${p.firstId}: yang satu diberikan per ${p.per.id}, yang lain per ${p.otherPer.id}`, hint: 'setiap wilayah hanya boleh diberikan sekali per periode: hapus salah satunya, atau beri semua berkas kolom kunci yang sama (mis. kolom periode)' },
      );
    case 'overlap-unchecked':
      return say(
        { message: `rows for ${p.keys} may overlap with ${p.first}: they can only be told apart by ${p.dims.en}, and standard input cannot be read a second time to compare them`, hint: 'save the data to a file and give its name instead of -' },
        { message: `baris untuk ${p.keysId} mungkin tumpang tindih dengan ${p.firstId}: keduanya hanya dapat dibedakan oleh ${p.dims.id}, dan masukan standar tidak dapat dibaca dua kali untuk membandingkannya`, hint: 'simpan data ke berkas dan berikan nama berkasnya sebagai ganti -' },
      );
    case 'not-a-figure':
      return say(
        { message: `field "estimated": ${q(p.name)} is not a figure of this file`, hint: `name the row's figures that are estimates, from its columns (${p.figures}), "denominator" or "all"` },
        { message: `kolom "estimated": ${q(p.name)} bukan angka di berkas ini`, hint: `sebutkan angka baris ini yang berupa perkiraan, dari kolom-kolomnya (${p.figures}), "denominator" atau "all"` },
      );
    case 'changed-while-read':
      return say({ message: 'the file changed while it was being read', hint: 'run again once whatever writes it has finished' }, { message: 'berkas berubah saat sedang dibaca', hint: 'jalankan lagi setelah proses yang menulisnya selesai' });
    case 'report-denominator-blank':
      return say(
        { message: `field ${q(p.field)} is empty: this is a report of the tool's (it has a "level" column) whose rows have no denominator, as when it was grouped finer than its denominator is known (e.g. province × segment, with a workforce per province: only its subtotal rows have one)`, hint: "read the input files the report was made from instead (with the same --workforce): keep each month's input to be next month's --previous (a report by province can be --previous too, but gives no change per segment)" },
        { message: `kolom ${q(p.field)} kosong: ini laporan dari alat ini (ada kolom "level") yang barisnya tidak memiliki penyebut, seperti bila dikelompokkan lebih rinci daripada penyebutnya diketahui (mis. provinsi × segmen, dengan angkatan kerja per provinsi: hanya baris subtotalnya yang memilikinya)`, hint: 'bacalah berkas masukan yang menjadi sumber laporan itu (dengan --workforce yang sama): simpan masukan tiap bulan untuk menjadi --previous bulan berikutnya (laporan per provinsi juga dapat menjadi --previous, tetapi tanpa perubahan per segmen)' },
      );
    case 'report-cut':
      return say(
        { message: `this report shows ${p.rows} of its ${p.of} rows ("meta"."shown": it was cut by --top), so its rows are not all the rows its totals count`, hint: 'read the input files it was made from instead, or write the report again without --top' },
        { message: `laporan ini hanya memuat ${p.rows} dari ${p.of} barisnya ("meta"."shown": dipotong dengan --top), jadi barisnya bukan semua baris yang dihitung totalnya`, hint: 'bacalah berkas masukan yang menjadi sumbernya, atau tulis ulang laporan tanpa --top' },
      );
    case 'kanwil-row-no-province':
      // A row with a Kanwil and its province cell blank is read as that Kanwil's total row (a pivot table
      // writes it so, rv31 V13); with no row of its provinces, "the 0 row(s) it totals" said nothing of
      // the empty column (fx52).
      if (p.every) {
        return say(
          { message: `column ${q(p.field)} is empty on every row: each row gives a regional office (Kanwil) and no province, so it reads as that Kanwil's total row, and no row of the file is of a province`, hint: `for a file of Kanwil rows, delete column ${q(p.field)} and report --by kanwil; otherwise write each row's province` },
          { message: `kolom ${q(p.field)} kosong di setiap baris: setiap baris memuat kantor wilayah (Kanwil) tanpa provinsi, sehingga dibaca sebagai baris total Kanwil itu, dan tidak ada baris provinsi di berkas`, hint: `untuk berkas berisi baris Kanwil, hapus kolom ${q(p.field)} dan buat laporan dengan --by kanwil; jika bukan, isi provinsi setiap baris` },
        );
      }
      return say(
        { message: `column ${q(p.field)} is empty on this row of ${p.kanwil}: a row with a Kanwil and no province reads as that Kanwil's total row, and the file has no row of its provinces`, hint: `write the row's province; or, if it is the Kanwil's total, give its provinces' rows too, or delete it` },
        { message: `kolom ${q(p.field)} kosong pada baris ${p.kanwil} ini: baris dengan Kanwil tanpa provinsi dibaca sebagai baris total Kanwil itu, dan berkas tidak memuat baris provinsinya`, hint: `isi provinsi baris ini; atau, jika baris ini total Kanwil, berikan juga baris provinsi-provinsinya, atau hapus baris ini` },
      );
    case 'total-disagrees': {
      const diff = p.total - p.sum;
      if (p.own) {
        // The tool's own total or subtotal row (its `level` column): the report was cut or edited.
        const which = p.own === 'total' ? { en: 'the report\'s total row (level "total")', id: 'baris total laporan (level "total")' } : { en: `the report's subtotal row for ${q(p.label)} (level "subtotal")`, id: `baris subtotal laporan untuk ${q(p.label)} (level "subtotal")` };
        const rowsEn = p.own === 'total' ? `the ${p.rows} row(s) of the file` : `the ${p.rows} row(s) of the file it totals`;
        const rowsId = p.own === 'total' ? `${p.rows} baris di berkas` : `${p.rows} baris di berkas yang dijumlahkannya`;
        if (p.joined) {
          // A file that joins reports: the total is checked against its own part (fx53).
          const j = p.joined;
          const lines = j.to !== undefined ? `lines ${j.from}-${j.to}` : `line ${j.from} on`;
          const linesId = j.to !== undefined ? `baris ${j.from}-${j.to}` : `baris ${j.from} dan seterusnya`;
          return say(
            { message: `${which.en} gives ${p.measure} ${groupDigits(p.total)}, but the ${p.rows} row(s) it totals in its part of the file (${lines}, part ${j.part} of the ${j.parts} reports the file joins one after the other) add up to ${groupDigits(p.sum)} (${diff > 0 ? `${groupDigits(diff)} more` : `${groupDigits(-diff)} less`} in the total): the part's rows are not the rows its total totals`, hint: 'each report joined into the file keeps its own rows before its own total row, as it was written: put a row that strayed back in its part, correct the rows or the total, or delete the total rows' },
            { message: `${which.id} memuat ${p.measure} ${groupDigits(p.total, '.')}, tetapi ${p.rows} baris yang dijumlahkannya di bagiannya dalam berkas (${linesId}, bagian ${j.part} dari ${j.parts} laporan yang digabungkan berurutan) berjumlah ${groupDigits(p.sum, '.')} (total ${diff > 0 ? `lebih ${groupDigits(diff, '.')}` : `kurang ${groupDigits(-diff, '.')}`}): baris bagian itu bukan baris yang dijumlahkan totalnya`, hint: 'setiap laporan yang digabungkan ke berkas menyimpan barisnya sendiri sebelum baris totalnya, seperti saat ditulis: kembalikan baris yang berpindah ke bagiannya, perbaiki baris atau totalnya, atau hapus baris-baris total' },
          );
        }
        return say(
          { message: `${which.en} gives ${p.measure} ${groupDigits(p.total)}, but ${rowsEn} add up to ${groupDigits(p.sum)} (${diff > 0 ? `${groupDigits(diff)} more` : `${groupDigits(-diff)} less`} in the total): the report's rows are not all the rows it totals`, hint: 'the report may have been cut (--top): read the input files it was made from instead; if a row was edited on purpose (a revised target), correct its total and subtotal rows too, or delete them' },
          { message: `${which.id} memuat ${p.measure} ${groupDigits(p.total, '.')}, tetapi ${rowsId} berjumlah ${groupDigits(p.sum, '.')} (total ${diff > 0 ? `lebih ${groupDigits(diff, '.')}` : `kurang ${groupDigits(-diff, '.')}`}): baris laporan ini bukan semua baris yang dijumlahkannya`, hint: 'laporan ini mungkin dipotong (--top): bacalah berkas masukan yang menjadi sumbernya; jika sebuah baris sengaja diubah (target revisi), perbaiki juga baris total dan subtotalnya, atau hapus baris-baris itu' },
        );
      }
      if (p.object) {
        return say(
          { message: `the "totals" object gives ${p.measure} ${groupDigits(p.total)}, but the ${p.rows} row(s) of the file add up to ${groupDigits(p.sum)} (${diff > 0 ? `${groupDigits(diff)} more` : `${groupDigits(-diff)} less`} in the total)`, hint: 'a row is missing, extra or mistyped: correct the rows or "totals", or leave "totals" out' },
          { message: `objek "totals" memuat ${p.measure} ${groupDigits(p.total, '.')}, tetapi ${p.rows} baris di berkas berjumlah ${groupDigits(p.sum, '.')} (total ${diff > 0 ? `lebih ${groupDigits(diff, '.')}` : `kurang ${groupDigits(-diff, '.')}`})`, hint: 'ada baris yang hilang, berlebih, atau salah ketik: perbaiki baris atau "totals", atau hilangkan "totals"' },
        );
      }
      if (p.group) {
        const g = p.group;
        return say(
          { message: `the total row ${q(p.label)} gives ${p.measure} ${groupDigits(p.total)}, but neither the ${p.rows} row(s) of ${p.area} add up to it (${groupDigits(p.sum)}) nor the ${g.rows} row(s) of ${g.names}, the group its name may mean (${groupDigits(g.sum)})`, hint: `a row is missing, extra or mistyped: correct the rows or the total, or delete the total row; a total of other rows is not checked when its name says no province (e.g. "Jumlah Kepulauan")` },
          { message: `baris total ${q(p.label)} memuat ${p.measure} ${groupDigits(p.total, '.')}, tetapi baik ${p.rows} baris ${p.area} (${groupDigits(p.sum, '.')}) maupun ${g.rows} baris ${g.names.replace(/ and /g, ' dan ')}, kelompok yang mungkin dimaksud namanya (${groupDigits(g.sum, '.')}), tidak berjumlah sebesar itu`, hint: `ada baris yang hilang, berlebih, atau salah ketik: perbaiki baris atau totalnya, atau hapus baris total; total baris lain tidak diperiksa bila namanya tidak menyebut provinsi (mis. "Jumlah Kepulauan")` },
        );
      }
      if (p.joined) {
        const j = p.joined;
        const lines = j.to !== undefined ? `lines ${j.from}-${j.to}` : `line ${j.from} on`;
        const linesId = j.to !== undefined ? `baris ${j.from}-${j.to}` : `baris ${j.from} dan seterusnya`;
        return say(
          { message: `the total row ${q(p.label)} gives ${p.measure} ${groupDigits(p.total)}, but the ${p.rows} row(s) it totals in its part of the file (${lines}, part ${j.part} of the ${j.parts} the file joins one after the other) add up to ${groupDigits(p.sum)} (${diff > 0 ? `${groupDigits(diff)} more` : `${groupDigits(-diff)} less`} in the total)`, hint: 'a row is missing, extra, mistyped or out of its part: correct the rows or the total, or delete the total rows' },
          { message: `baris total ${q(p.label)} memuat ${p.measure} ${groupDigits(p.total, '.')}, tetapi ${p.rows} baris yang dijumlahkannya di bagiannya dalam berkas (${linesId}, bagian ${j.part} dari ${j.parts} yang digabungkan berurutan) berjumlah ${groupDigits(p.sum, '.')} (total ${diff > 0 ? `lebih ${groupDigits(diff, '.')}` : `kurang ${groupDigits(-diff, '.')}`})`, hint: 'ada baris yang hilang, berlebih, salah ketik, atau di luar bagiannya: perbaiki baris atau totalnya, atau hapus baris-baris total' },
        );
      }
      return say(
        { message: `the total row ${q(p.label)} gives ${p.measure} ${groupDigits(p.total)}, but the ${p.rows} row(s) it totals add up to ${groupDigits(p.sum)} (${diff > 0 ? `${groupDigits(diff)} more` : `${groupDigits(-diff)} less`} in the total)`, hint: 'a row is missing, extra or mistyped: correct the rows or the total, or delete the total row' },
        { message: `baris total ${q(p.label)} memuat ${p.measure} ${groupDigits(p.total, '.')}, tetapi ${p.rows} baris yang dijumlahkannya berjumlah ${groupDigits(p.sum, '.')} (total ${diff > 0 ? `lebih ${groupDigits(diff, '.')}` : `kurang ${groupDigits(-diff, '.')}`})`, hint: 'ada baris yang hilang, berlebih, atau salah ketik: perbaiki baris atau totalnya, atau hapus baris total' },
      );
    }
  }
}

/** The reason core/numbers.ts gives for a number beyond what is kept exactly. */
const TOO_LARGE = 'the number is too large';

/** A value beyond 2^53 − 1 (`shown` as stored: a number, or a cell's text quoted). */
function tooLarge(field: string, shown: string): Bilingual {
  return say(
    { message: `field ${q(field)}: ${shown} is too large: numbers are kept exactly up to ${groupDigits(Number.MAX_SAFE_INTEGER)} (2^53 − 1)`, hint: 'check the cell for a wrong number (an extra digit)' },
    { message: `kolom ${q(field)}: ${shown} terlalu besar: angka disimpan dengan tepat hanya sampai ${groupDigits(Number.MAX_SAFE_INTEGER, '.')} (2^53 − 1)`, hint: 'periksa sel itu: mungkin ada angka yang salah (kelebihan satu digit)' },
  );
}

function groupDigits(n: number, sep = ','): string {
  const neg = n < 0;
  const s = String(Math.abs(n));
  const dot = s.indexOf('.');
  const int = dot < 0 ? s : s.slice(0, dot);
  const frac = dot < 0 ? '' : (sep === '.' ? ',' : '.') + s.slice(dot + 1);
  return (neg ? '-' : '') + int.replace(/\B(?=(\d{3})+(?!\d))/g, sep) + frac;
}

function numberHint(locale: 'id' | 'en' | undefined): { en: string; id: string } {
  if (locale === 'id') return { en: 'Indonesian numbers group thousands with "." and use "," for decimals: 256.129 or 60,56', id: 'angka format Indonesia memakai "." sebagai pemisah ribuan dan "," sebagai pemisah desimal: 256.129 atau 60,56' };
  if (locale === 'en') return { en: 'English numbers group thousands with "," and use "." for decimals: 256,129 or 60.56', id: 'angka format Inggris memakai "," sebagai pemisah ribuan dan "." sebagai pemisah desimal: 256,129 atau 60.56' };
  return { en: 'write numbers as 256129, 256.129 (Indonesian) or 256,129 (English)', id: 'tulis angka sebagai 256129, 256.129 (format Indonesia) atau 256,129 (format Inggris)' };
}

/** A problem at a place, worded: what the readers and the typed-row layer add to a ProblemList. */
/** The words of a file with nothing in it (`empty-file`), for the readers that find it. */
export function emptyFile(): Bilingual {
  return words({ code: 'empty-file' });
}

export function inputProblem(p: InputProblem, place: Pick<Diagnostic, 'file' | 'line' | 'column'>): Problem {
  return { ...place, code: p.code, ...words(p) };
}
