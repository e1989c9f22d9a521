// Flags that would have no effect in a run are refused (exit 2) with the reason and a way out, rather
// than accepted and ignored: `coverage --workforce FILE` on a regional file, `breakdown --phasing`
// without --months. Only flags given on the command line are checked: a jamsostek.json is shared by
// many runs, and a key that does not apply to this one is not a mistake.

import type { SourceFacts } from '../core/table.js';
import { usage } from '../errors.js';
import { flagName, type FlagKey } from '../options/flags.js';
import { leaveOut, readInLocale, settingName } from '../options/origin.js';
import type { Rational } from '../core/allocation/exact.js';
import type { CompareAxis } from '../options/parse.js';

type Words = { readonly en: string; readonly id: string };

export interface InertRule {
  readonly flag: FlagKey;
  /** True when the flag would do nothing in this run. */
  readonly inert: boolean;
  readonly why: Words;
  readonly hint: Words;
}

/** Given on the command line (not from a config file)? */
export const onCommandLine = (cli: Readonly<Record<string, unknown>>, key: FlagKey): boolean => cli[key] !== undefined && cli[key] !== false;

/** Throw a usage error for the first flag given on the command line that would do nothing. */
export function refuseInert(cli: Readonly<Record<string, unknown>>, rules: readonly InertRule[]): void {
  for (const r of rules) {
    if (!r.inert || !onCommandLine(cli, r.flag)) continue;
    const f = flagName(r.flag);
    throw usage({ message: `${f} would have no effect: ${r.why.en}`, hint: r.hint.en }, { message: `${f} tidak berpengaruh: ${r.why.id}`, hint: r.hint.id });
  }
}

/** `--min none` in gap mode (breakdown, coverage --year): gap mode never plans a target below today's participants. */
export const gapMinNoneRule = (inert: boolean): InertRule => ({
  flag: 'min',
  inert,
  why: { en: "gap mode adds to today's participants: no unit goes below them whatever --min says", id: 'mode gap menambah peserta saat ini: tidak ada unit di bawahnya apa pun nilai --min' },
  hint: { en: 'use --mode level to plan without a floor', id: 'pakai --mode level untuk merencanakan tanpa batas bawah' },
});

/**
 * `--max none` typed beside a share of the denominator (--max-coverage typed, or "maxCoverage" of the
 * config; or every value of --compare max-coverage): both caps apply, the smaller wins, and --max none
 * lifts only --max's own (the denominator, never below the share): it would change nothing. rv25 F3: it
 * used to drop the share without a word (Papua Barat planned at 818 % of its employed).
 */
export function maxNoneShareRule(o: { max?: { readonly kind: string }; maxCoverage?: Rational; compare?: readonly CompareAxis[] }): InertRule {
  const axis = o.compare?.find((a) => a.field === 'max-coverage');
  const everyShare = axis ? axis.values.every((v) => v.set.maxCoverage) : o.maxCoverage !== undefined;
  const pct = (r: Rational | null | undefined): string => (r ? `${Number((r.num * 10000n) / r.den) / 100} %` : '');
  const by = axis
    ? { en: `every value of --compare max-coverage (${axis.values.map((v) => v.name).join(', ')}) caps each target at that share of its denominator`, id: `setiap nilai --compare max-coverage (${axis.values.map((v) => v.name).join(', ')}) membatasi setiap target pada porsi itu dari penyebutnya` }
    : { en: `${settingName(o, 'maxCoverage').en} caps each target at ${pct(o.maxCoverage)} of its denominator`, id: `${settingName(o, 'maxCoverage').id} membatasi setiap target pada ${pct(o.maxCoverage).replace('.', ',')} dari penyebutnya` };
  const lift = axis ? { en: 'compare max-coverage=none beside the shares', id: 'bandingkan max-coverage=none di samping porsi-porsi itu' } : leaveOut(o, 'maxCoverage');
  return {
    flag: 'max',
    inert: o.max?.kind === 'none' && everyShare && !o.compare?.some((a) => a.field === 'max'),
    why: { en: `${by.en}, and --max none lifts only --max's own cap (the denominator, never below that share)`, id: `${by.id}, dan --max none hanya mencabut batas --max sendiri (penyebut, tidak pernah di bawah porsi itu)` },
    hint: { en: `leave out --max none to keep the share's cap; for no upper bound, ${lift.en}`, id: `hilangkan --max none untuk mempertahankan batas porsi itu; untuk tanpa batas atas, ${lift.id}` },
  };
}

/** --extract says how to read the files given: with none (the bundled data) it reads nothing. */
export const extractRule = (bundled: boolean): InertRule => ({
  flag: 'extract',
  inert: bundled,
  why: { en: 'it says the files given are per-participant extracts; this run read only the bundled data', id: 'opsi ini menyatakan bahwa berkas yang diberikan adalah ekstrak per peserta; proses ini hanya membaca data bawaan' },
  hint: { en: 'give the extract files: jamsostek coverage --extract FILE…', id: 'berikan berkas ekstraknya: jamsostek coverage --extract BERKAS…' },
});

/** The output flags that only the terminal table (or CSV) uses, against the outputs of the run. */
export function outputInertRules(targets: readonly { readonly target: string; readonly format: string }[], stdoutIsTerminal: boolean, hasChart = true): InertRule[] {
  const formats = targets.map((t) => t.format);
  const table = formats.includes('table');
  const tableOnStdout = targets.some((t) => t.format === 'table' && t.target === '-');
  const names = [...new Set(formats)].join(', ');
  return [
    { flag: 'color', inert: !tableOnStdout, why: { en: `only the terminal table on standard output is coloured; this run writes ${names}`, id: `hanya tabel terminal di keluaran standar yang berwarna; proses ini menulis ${names}` }, hint: { en: 'leave out --color, or -f table', id: 'hilangkan --color, atau -f table' } },
    { flag: 'chart', inert: !table || !hasChart, why: !hasChart ? { en: 'this report has no measure to draw as bars', id: 'laporan ini tidak memiliki ukuran untuk digambar sebagai batang' } : { en: `--chart draws bars in the terminal table; this run writes ${names}`, id: `--chart menggambar batang di tabel terminal; proses ini menulis ${names}` }, hint: { en: 'the HTML report has its charts always; leave out --chart', id: 'laporan HTML selalu memuat grafik; hilangkan --chart' } },
    {
      flag: 'wide',
      inert: !(tableOnStdout && stdoutIsTerminal),
      // A table piped or redirected is written at full width already: only a terminal's is fitted.
      why: tableOnStdout
        ? { en: 'only a table on a terminal is fitted to its width; standard output is not a terminal (a pipe or a file), and the table is written at full width', id: 'hanya tabel di terminal yang disesuaikan dengan lebarnya; keluaran standar bukan terminal (pipa atau berkas), dan tabel ditulis selebar penuh' }
        : { en: `only a table on a terminal is fitted to its width, and this run writes none (it writes ${names})`, id: `hanya tabel di terminal yang disesuaikan dengan lebarnya, dan proses ini tidak menulisnya (proses ini menulis ${names})` },
      hint: { en: 'leave out --wide', id: 'hilangkan --wide' },
    },
    // TSV is tab-separated whatever the dialect (excel-id's ';', comma decimals and BOM are CSV's).
    { flag: 'csvDialect', inert: !formats.includes('csv'), why: { en: `--csv-dialect shapes CSV; this run writes ${names}`, id: `--csv-dialect mengatur CSV; proses ini menulis ${names}` }, hint: { en: 'leave out --csv-dialect, or -f csv', id: 'hilangkan --csv-dialect, atau -f csv' } },
  ];
}

/**
 * The input flags, against the files the run read (the bundled data is not among them). `options`: the
 * run's options, whose values with separators (`--min 100.000`) --number-locale reads, files or none.
 */
export function inputInertRules(sources: readonly SourceFacts[], options?: object): InertRule[] {
  const numbers = options ? readInLocale(options).map(flagName) : [];
  const has = (...formats: SourceFacts['format'][]): boolean => sources.some((s) => formats.includes(s.format));
  const read = sources.length ? [...new Set(sources.map((s) => s.format))].join(', ') : 'only the bundled data';
  const readId = sources.length ? [...new Set(sources.map((s) => s.format))].join(', ') : 'hanya data bawaan';
  const why = (en: string, id: string): Words => ({ en: `${en}; this run read ${read}`, id: `${id}; proses ini membaca ${readId}` });
  // --sheet applies to every workbook: a data workbook without its sheet is refused when read, a
  // --targets or --workforce workbook without it is read by its own rule (a note says so). It does
  // nothing when no workbook of the run has that sheet (a slip in its name, or no workbook at all).
  const sheet = 'sheet' in (options ?? {}) ? (options as { sheet?: unknown }).sheet : undefined;
  const wanted = typeof sheet === 'string' ? sheet.toLowerCase() : undefined;
  const sheetRead = sources.some((s) => s.format === 'xlsx' && (wanted === undefined || s.sheet?.toLowerCase() === wanted));
  const workbooks = (word: string): string => sources.filter((s) => s.format === 'xlsx').map((s) => `${s.name} (${word} ${JSON.stringify(s.sheet ?? '')})`).join(', ');
  const sheetWhy: Words = has('xlsx')
    ? { en: `no workbook of this run has a sheet named ${JSON.stringify(sheet)}: read ${workbooks('sheet')}`, id: `tidak ada buku kerja di proses ini yang memiliki lembar bernama ${JSON.stringify(sheet)}: dibaca ${workbooks('lembar')}` }
    : why('it names a sheet of an xlsx file', 'opsi ini menyebut lembar berkas xlsx');
  return [
    { flag: 'delimiter', inert: !has('csv'), why: why('it is the delimiter of CSV files', 'opsi ini adalah pemisah berkas CSV'), hint: { en: 'leave out --delimiter', id: 'hilangkan --delimiter' } },
    { flag: 'encoding', inert: !has('csv', 'json'), why: why('it is the encoding of text files (CSV, JSON)', 'opsi ini adalah pengodean berkas teks (CSV, JSON)'), hint: { en: 'leave out --encoding', id: 'hilangkan --encoding' } },
    { flag: 'sheet', inert: !sheetRead, why: sheetWhy, hint: has('xlsx') ? { en: 'check the sheet name, or leave out --sheet', id: 'periksa nama lembarnya, atau hilangkan --sheet' } : { en: 'leave out --sheet', id: 'hilangkan --sheet' } },
    { flag: 'headerRow', inert: !has('csv', 'xlsx'), why: why('it is the header line of a CSV or xlsx file', 'opsi ini adalah baris judul berkas CSV atau xlsx'), hint: { en: 'leave out --header-row', id: 'hilangkan --header-row' } },
    { flag: 'numberLocale', inert: sources.length === 0 && numbers.length === 0, why: why('it says how the numbers of your files and of flag values such as --min 100.000 are written, and no value of this run has a separator', 'opsi ini menyatakan cara penulisan angka di berkas Anda dan di nilai opsi seperti --min 100.000, dan tidak ada nilai dengan pemisah di proses ini'), hint: { en: 'leave out --number-locale', id: 'hilangkan --number-locale' } },
    // The bundled data is checked when it is built: it has no problem to list, nor a row over its denominator to let through.
    { flag: 'maxErrors', inert: sources.length === 0, why: why('it caps the problems listed for your files', 'opsi ini membatasi jumlah masalah yang ditampilkan untuk berkas Anda'), hint: { en: 'leave out --max-errors', id: 'hilangkan --max-errors' } },
    { flag: 'allowOverCoverage', inert: sources.length === 0, why: why('it lets rows of your files through whose participants exceed their denominator', 'opsi ini meloloskan baris berkas Anda yang pesertanya melebihi penyebutnya'), hint: { en: 'leave out --allow-over-coverage', id: 'hilangkan --allow-over-coverage' } },
    // --code-system bps also sets the codes the report writes, on the bundled data too; kemendagri is what it writes anyway.
    { flag: 'codeSystem', inert: sources.length === 0 && (options as { codeSystem?: string } | undefined)?.codeSystem !== 'bps', why: why('it says which province codes your files use, and the report writes Kemendagri codes without it', 'opsi ini menyatakan sistem kode provinsi di berkas Anda, dan laporan menulis kode Kemendagri tanpa opsi ini'), hint: { en: 'leave out --code-system (--code-system bps writes the report in BPS codes)', id: 'hilangkan --code-system (--code-system bps menulis laporan dalam kode BPS)' } },
  ];
}
