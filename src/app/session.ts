// One run of a command, as seen from the outside: its streams, the language of its messages, --quiet,
// and where its report goes. Notes and warnings are said once each, on stderr, in --lang, unless
// --quiet; the report goes to stdout or to one or more files (-o), each format from its extension.

import { basename, resolve } from 'node:path';
import { clipValue } from '../core/clip.js';
import type { Note } from '../core/facts.js';
import type { SourceFacts } from '../core/table.js';
import { usage } from '../errors.js';
import { sameOutputTwice, writeOutputs, type Output } from '../io/output.js';
import { loadConfig, type ConfigFile } from '../io/config.js';
import type { LoadOptions } from '../io/load.js';
import { colorEnabled, defaultLang, type ColorMode, type Io } from '../io/terminal.js';
import { FORMATS, flagName, type FlagKey, type Format, type INPUT_FLAGS, type Options } from '../options/flags.js';
import { checkFields } from '../options/keys.js';
import { configFolder, resolveOptions, type ExclusivePair } from '../options/resolve.js';
import { fromConfigFile, originsOf, rememberRun } from '../options/origin.js';
import type { MarginSpec } from '../options/parse.js';
import type { CsvDialect, RenderContext } from '../render/context.js';
import { BINARY_FORMATS, stream } from '../render/index.js';
import { sparklineTerminal } from '../render/trend.js';
import { selectColumns, type AnyReport, type Lang, type ReportNote } from '../report/model.js';
import { groupDigits, namedOf, noteText } from '../report/vocabulary.js';
import { MEANING, noteKind } from '../report/note-kinds.js';
import type { BaselineFacts } from '../io/bundled.js';
import { clearProgress } from './progress.js';
import { provinceRegistry, type CodeSystem } from '../io/areas.js';
import { inCodeSystem } from '../report/codes.js';
import { regencyRegistry } from '../io/regencies.js';

export interface OutputChoice {
  readonly format?: Format;
  readonly output?: readonly string[];
  readonly lang?: Lang;
  readonly color?: ColorMode;
  readonly fields?: readonly string[];
  readonly csvDialect?: CsvDialect;
  readonly chart?: boolean;
  readonly wide?: boolean;
  readonly quiet?: boolean;
  /** The province code system of the inputs, which the report's codes are written in (report/codes.ts). */
  readonly codeSystem?: CodeSystem;
}

type Words = { readonly en: string; readonly id: string };

/** The formats of a command that writes some only and has no --format (template: CSV or xlsx, CSV on stdout). */
export interface OnlyFormats {
  readonly formats: readonly Format[];
  readonly stdout: Format;
}

const EXT = /\.(csv|tsv|json|jsonl|md|xlsx|html)$/i;
/** The extension of another document format, which a name for CSV would belie: .xls, .htm, .txt… */
const OTHER_EXT = /^.+\.(xls|xlsm|xlsb|xlt|xltx|ods|odt|htm|xhtml|txt|text|pdf|doc|docx|rtf|xml|yaml|yml|parquet|markdown|mdown|ndjson|tab|dat|prn)$/i;

/** A compressed or archive file's extension: jamsostek writes none, and plain text under it would be misread. */
const COMPRESSED_EXT = /^.+\.(gz|gzip|tgz|bz2|tbz2?|xz|txz|zst|zstd|lz|lz4|lzma|lzo|z|zip|7z|rar|br|tar|cab|arj)$/i;
/**
 * Any other extension of letters only (`.foo`, `.dat`): refused without --format too, as a name of a
 * format jamsostek does not write. One with a digit is a name, not a format (`report.v2`, `coverage.2024`).
 */
const ANY_EXT = /^.+\.([a-z]{1,10})$/i;


/**
 * The start of every command: the config file (found or given), the options from the command line and
 * the config (a flag wins; `exclusive` pairs cannot both be set), and the session they choose.
 */
export function openSession<K extends FlagKey>(
  keys: readonly K[],
  cli: Readonly<Record<string, unknown>>,
  io: Io,
  exclusive: readonly ExclusivePair[] = [],
  only?: OnlyFormats,
): { o: Options<K>; session: Session } {
  const config = loadConfig(cli['config'] as string | undefined, io);
  const o = resolveOptions(keys, cli, config, exclusive);
  // An error of the run that names a flag the config file set points at the config's key (cli.ts).
  rememberRun(io, o);
  const session = new Session(io, o, config, only);
  for (const a of originsOf(o)?.setAside ?? []) {
    session.note({ en: `"${a.key}" in ${config!.file} is left aside: ${flagName(a.by)} is given on the command line`, id: `"${a.key}" di ${config!.file} dikesampingkan: ${flagName(a.by)} diberikan di baris perintah` });
  }
  for (const r of originsOf(o)?.replaced ?? []) {
    const f = flagName(r.key);
    const left = r.dropped.map((x) => clipValue(x)).join(', ');
    session.note({
      en: `${f} given on the command line replaces the list of "${r.key}" in ${config!.file}: ${left} left out (give every value with ${f} to keep it)`,
      id: `${f} yang diberikan di baris perintah menggantikan daftar "${r.key}" di ${config!.file}: ${left} tidak dipakai (berikan setiap nilai dengan ${f} untuk memakainya)`,
    });
  }
  return { o, session };
}

export class Session {
  readonly lang: Lang;
  readonly quiet: boolean;
  private readonly said = new Set<string>();
  /**
   * Every note and warning of the run, said or hushed by --quiet: the report carries them too (JSON
   * meta.notes, the notes of HTML, xlsx and markdown), so that a file read later says what stderr said.
   */
  private readonly spoken: ReportNote[] = [];
  private readonly spokenEn = new Set<string>();

  constructor(
    readonly io: Io,
    readonly out: OutputChoice,
    readonly config?: ConfigFile,
    /** A command that writes some formats only and has no --format (template). */
    private readonly only?: OnlyFormats,
  ) {
    this.lang = out.lang ?? defaultLang(io.env);
    this.quiet = out.quiet ?? false;
    // Output choices are checked before any work is done.
    for (const t of this.targets()) {
      if (t.target === '-' && BINARY_FORMATS.has(t.format)) throw usage({ message: `--format ${t.format} writes a file: pass -o <file>`, hint: `e.g. -o report.${t.format}` }, { message: `--format ${t.format} menulis berkas: berikan -o <berkas>`, hint: `mis. -o laporan.${t.format}` });
    }
    if ((out.output?.filter((t) => t === '-').length ?? 0) > 1) throw usage('-o - (standard output) can be given once', '-o - (keluaran standar) hanya boleh diberikan sekali');
    // One output named twice (a.csv and ./a.csv) is a slip in the command line: said before the inputs are
    // read. Links and other spellings of one file are found again, by device and inode, when writing.
    const seen = new Map<string, string>();
    for (const t of out.output ?? []) {
      if (t === '-' || t === '') continue;
      const key = resolve(io.cwd, t);
      const first = seen.get(key);
      if (first !== undefined) throw sameOutputTwice(t, first);
      seen.set(key, t);
    }
    const folder = configFolder(config);
    if (config && folder) this.note({ en: `using defaults from ${config.file}; the files it names are read from ${folder}/`, id: `memakai pengaturan dari ${config.file}; berkas yang disebutnya dibaca dari ${folder}/` });
    else if (config) this.note({ en: `using defaults from ${config.file}`, id: `memakai pengaturan dari ${config.file}` });
    // The config's "format" is a default: a file's extension wins. Set aside by every output (no
    // standard output, each file named for another format), it is said, as other keys set aside are (rv25 M2).
    const format = out.format;
    if (config && format !== undefined && originsOf(out)?.fromConfig.has('format')) {
      const files = this.targets().filter((t) => t.target !== '-');
      if (files.length && files.length === (out.output?.length ?? 0) && files.every((t) => t.format !== format)) {
        const named = files.map((t) => `-o ${t.target}`).join(', ');
        this.note({
          en: `"format" in ${config.file} (${format}) is left aside: ${named} ${files.length === 1 ? 'names its' : 'name their'} format by the extension`,
          id: `"format" di ${config.file} (${format}) dikesampingkan: ${named} menentukan formatnya lewat ekstensi`,
        });
      }
    }
  }

  /** `code`: the core note's, carried into the report's notes with the kind (JSON meta.notes). */
  private say(kind: 'note' | 'warning', words: Words | string, always = false, code?: Note['code']): void {
    const both = typeof words === 'string' ? { en: words, id: words } : words;
    if (!this.spokenEn.has(both.en)) {
      this.spokenEn.add(both.en);
      this.spoken.push({ en: both.en, id: both.id, kind, ...(code ? { code } : {}) });
    }
    const text = typeof words === 'string' ? words : words[this.lang];
    // The keyword stays English in both languages, like error: and hint: (scripts and editors read it).
    const line = `${kind}: ${text}\n`;
    if ((this.quiet && !always) || this.said.has(line)) return;
    this.said.add(line);
    this.io.stderr.write(line);
  }

  /**
   * The columns to show: --fields as typed (checked, a name of no column refused), or a config's
   * "fields", a default shared by many runs and commands (rv25 F5): the names this report has are kept,
   * the others left aside with a warning, as a config "sort" that does not apply is.
   */
  private fieldsOf(columns: readonly { readonly key: string; readonly kind: string }[]): readonly string[] | undefined {
    const fields = this.out.fields;
    if (!fields || !this.config || !fromConfigFile(this.out, 'fields')) return fields;
    const has = new Set(columns.map((c) => c.key));
    const kept = fields.filter((f) => has.has(f));
    const aside = fields.filter((f) => !has.has(f));
    const file = this.config.file;
    // At most 8 names, each clipped (a "fields" of half a megabyte made a warning of half a megabyte).
    const shown = aside.slice(0, 8).map((n) => clipValue(n));
    const named = { en: namedOf(shown, aside.length, 'en'), id: namedOf(shown, aside.length, 'id') };
    if (!kept.length) {
      this.warn({ en: `"fields" in ${file} is left aside: this report has none of its columns (${named.en}); every column is shown`, id: `"fields" di ${file} dikesampingkan: laporan ini tidak memiliki satu pun kolomnya (${named.id}); semua kolom ditampilkan` });
      return undefined;
    }
    if (aside.length) this.warn({ en: `"fields" in ${file} is left aside for ${named.en}: this report has no such column`, id: `"fields" di ${file} dikesampingkan untuk ${named.id}: laporan ini tidak memiliki kolom itu` });
    // A row is never left without its name (rv27 F1: "province,participants,coverage" on a report by
    // Kanwil kept the figures of 11 unnamed rows): the report's leading label columns come first.
    const names: string[] = [];
    for (const c of columns) {
      if (c.kind !== 'text') break;
      names.push(c.key);
    }
    if (names.length && !kept.some((k) => names.includes(k))) {
      this.warn({ en: `"fields" in ${file} names none of this report's row names: ${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} shown first`, id: `"fields" di ${file} tidak menyebut nama baris laporan ini: ${names.join(', ')} ditampilkan lebih dulu` });
      return [...names, ...kept];
    }
    return kept;
  }

  note(words: Words | string): void {
    this.say('note', words);
  }

  warn(words: Words | string): void {
    this.say('warning', words);
  }

  /**
   * A warning for the report files only (JSON meta.notes, the warnings of HTML, xlsx and Markdown): what
   * stderr says as the run's error (a --fail-below breach, exit 1), which the files would otherwise miss.
   */
  inReportOnly(words: Words, code: string): void {
    if (this.spokenEn.has(words.en)) return;
    this.spokenEn.add(words.en);
    this.spoken.push({ en: words.en, id: words.id, kind: 'warning', code });
  }

  /** A warning that changes what the report means: said under --quiet too. */
  caution(words: Words | string): void {
    this.say('warning', words, true);
  }

  /**
   * The core's notes, in words. Warnings that change what a number means (an area missing this month,
   * targets for only some rows, a change that is like for like, a target year deduced) are said even
   * under --quiet: --quiet hushes chatter, never those. `about`: whose (a variant of --compare).
   */
  notes(notes: readonly Note[], about?: string): void {
    for (const n of notes) {
      const at = about ? `${about} ` : '';
      const words = { en: at + noteText(n, 'en'), id: at + noteText(n, 'id') };
      this.say(noteKind(n.code), words, MEANING.has(n.code), n.code);
    }
  }

  /** Runs on the bundled data say which month it is and how to bring one's own. */
  bundledBaseline(period: string | undefined, facts?: BaselineFacts, own = '--input'): void {
    // issue 19: the national total of the baseline month, what no province holds, and the newest national figure
    const n = (x: number, lang: 'en' | 'id'): string => groupDigits(x, lang);
    const what = (lang: 'en' | 'id'): string => {
      if (!facts?.national) return '';
      const L = (en: string, id: string): string => (lang === 'id' ? id : en);
      const base = `: ${n(facts.national, lang)} ${L('active participants', 'peserta aktif')}${facts.unattributed ? L(`, ${n(facts.unattributed, lang)} of them not attributed to a province`, `, ${n(facts.unattributed, lang)} di antaranya tidak teratribusi ke provinsi`) : ''}`;
      // The source's caveat goes with the figure (48,640,000: a union official's quote of Kemnaker, the
      // rise from mid 2025 disputed: data/actuals.csv), and BPJS's own newest beside another publisher's.
      const nw = facts.newest;
      const caveat = nw?.caveat === 'secondary-disputed' ? L('; a secondary source, and the figure is disputed', '; sumber sekunder, dan angkanya diperdebatkan') : '';
      const own = facts.newestOwn ? L(`; BPJS Ketenagakerjaan's own newest: ${n(facts.newestOwn.participants, lang)} for ${facts.newestOwn.period} (${facts.newestOwn.source})`, `; angka terbaru BPJS Ketenagakerjaan sendiri: ${n(facts.newestOwn.participants, lang)} untuk ${facts.newestOwn.period} (${facts.newestOwn.source})`) : '';
      const newest = nw ? L(`; newest published national figure: ${n(nw.participants, lang)} for ${nw.period} (${nw.source}${caveat})${own}`, `; angka nasional terbaru yang dipublikasikan: ${n(nw.participants, lang)} untuk ${nw.period} (${nw.source}${caveat})${own}`) : '';
      return base + newest;
    };
    this.note({
      en: `using the bundled baseline (data/baseline.csv, ${period ?? 'no month'}${what('en')}); for your own figures: jamsostek template → fill in → jamsostek validate → ${own}`,
      id: `memakai data dasar bawaan (data/baseline.csv, ${period ?? 'tanpa bulan'}${what('id')}); untuk data sendiri: jamsostek template → isi → jamsostek validate → ${own}`,
    });
  }

  /** Lines for --explain (stderr; --quiet does not hush what was asked for). */
  explain(lines: readonly string[]): void {
    if (lines.length) this.io.stderr.write(lines.map((l) => `explain: ${l}`).join('\n') + '\n');
  }

  /** The files a run reads besides its data inputs: an output must never replace one of them. */
  protectedInputs(o: { targets?: string; workforce?: string; rowTotals?: MarginSpec; columnTotals?: MarginSpec; phasing?: string; previous?: readonly string[]; series?: string }): string[] {
    const out: string[] = [];
    if (o.targets) out.push(o.targets);
    if (o.series) out.push(o.series);
    if (o.workforce) out.push(o.workforce);
    for (const m of [o.rowTotals, o.columnTotals]) if (m?.kind === 'file') out.push(m.path);
    if (o.phasing && o.phasing !== 'even') out.push(o.phasing);
    for (const p of o.previous ?? []) out.push(p);
    // As the user named it (relative to the working folder, like the other inputs), so that a message
    // about it names it the same way.
    if (this.config) out.push(this.config.file);
    return out;
  }

  /** The targets of this run: each -o (or stdout) with its format. */
  targets(): { target: string; format: Format }[] {
    const only = this.only;
    const outs = this.out.output?.length ? this.out.output : ['-'];
    const given = this.out.format;
    const allowed = only?.formats ?? FORMATS.filter((f) => f !== 'table');
    const list = { en: allowed.map((f) => `.${f}`).join(', ').replace(/, ([^,]*)$/, ' or $1'), id: allowed.map((f) => `.${f}`).join(', ').replace(/, ([^,]*)$/, ' atau $1') };
    // --format typed on the command line (a config file's format is a default: a file's extension wins).
    const typed = given !== undefined && !originsOf(this.out)?.fromConfig.has('format');
    const extOf = (t: string): Format | undefined => (t === '-' ? undefined : (EXT.exec(t)?.[1]?.toLowerCase() as Format | undefined));
    // Does some output take --format: standard output, or a name without a format's extension?
    const someTakesFormat = outs.some((t) => extOf(t) === undefined);
    return outs.map((t) => {
      if (t === '-') return { target: t, format: only?.stdout ?? given ?? (this.io.stdout.isTTY ? 'table' : 'csv') };
      // The file's extension names its format; a typed --format that no output takes and that names
      // another format is refused (a zip in r.csv, CSV text in r.xlsx); a file named for a format
      // jamsostek does not write (.xls, .htm, .txt) needs --format: CSV is never written under another
      // format's name by default.
      const ext = extOf(t);
      const compressed = ext ? undefined : COMPRESSED_EXT.exec(basename(t))?.[1];
      // rv16 #5: -o report.json.gz wrote plain CSV, exit 0. --format does not help: the file would not be compressed.
      if (compressed) {
        const plain = t.slice(0, -compressed.length - 1);
        const inner = EXT.exec(plain)?.[1]?.toLowerCase();
        const pipe = `${only ? '' : `-f ${inner ?? 'csv'} `}-o - | gzip > ${inner ? t : `${plain}.csv.gz`}`;
        const named = inner ? plain : `${plain}.csv`;
        const gz = /^(gz|gzip)$/i.test(compressed);
        throw usage(
          { message: `-o ${t}: jamsostek does not write compressed files (.${compressed})`, hint: `write ${named} and compress it afterwards${gz ? `, or pipe: ${pipe}` : ''}; it writes ${list.en} files` },
          { message: `-o ${t}: jamsostek tidak menulis berkas terkompresi (.${compressed})`, hint: `tulis ${named} lalu kompres sesudahnya${gz ? `, atau salurkan: ${pipe}` : ''}; jamsostek menulis berkas ${list.id}` },
        );
      }
      const other = ext ? undefined : (OTHER_EXT.exec(basename(t)) ?? ANY_EXT.exec(basename(t)))?.[1];
      if (ext && typed && ext !== given && !someTakesFormat) {
        throw usage(
          { message: `--format ${given} but -o ${t} ends in .${ext}`, hint: `leave out --format (each file's extension names its format), or name the file ${t.slice(0, -ext.length)}${given}` },
          { message: `--format ${given} tetapi -o ${t} berakhiran .${ext}`, hint: `hilangkan --format (ekstensi tiap berkas menentukan formatnya), atau beri nama berkas ${t.slice(0, -ext.length)}${given}` },
        );
      }
      if (other && given === undefined) {
        const orFormat = only ? '' : ', or pass --format (-f) to write one of those under this name';
        const orFormatId = only ? '' : ', atau berikan --format (-f) untuk menulis salah satunya dengan nama ini';
        throw usage(
          { message: `-o ${t}: jamsostek does not write .${other} files`, hint: `name the file ${list.en}${orFormat}` },
          { message: `-o ${t}: jamsostek tidak menulis berkas .${other}`, hint: `beri nama berkas ${list.id}${orFormatId}` },
        );
      }
      const format = ext ?? given ?? 'csv';
      if (!FORMATS.includes(format)) throw usage(`unknown format "${format}"`, `format "${format}" tidak dikenal`);
      if (only && !only.formats.includes(format)) {
        throw usage(
          { message: `-o ${t}: this command writes ${list.en} files, not .${format}`, hint: `name the file ${list.en}` },
          { message: `-o ${t}: perintah ini menulis berkas ${list.id}, bukan .${format}`, hint: `beri nama berkas ${list.id}` },
        );
      }
      return { target: t, format };
    });
  }


  /**
   * Render the report in every requested format and write it: files atomically, all or none. Each
   * output is written as its renderer produces it (a million rows are never held as text); what a
   * renderer refuses, it refuses here, before anything is written.
   */
  async emit(whole: AnyReport, inputs: readonly string[]): Promise<void> {
    // A progress bar of a read of unknown size (stdin) is still on the line: the report starts clean.
    clearProgress(this.io);
    this.sayBpsCodes();
    // A config's "fields" is fitted to this report first: what it leaves aside is said in the report files too (rv27 F1).
    const fields = this.fieldsOf(whole.columns);
    const report = this.inCodes(this.withSpokenNotes(whole));
    checkFields(fields, report.columns.map((c) => c.key));
    const rendered: Output[] = [];
    for (const t of this.targets()) {
      const human = t.format === 'table' || t.format === 'md' || t.format === 'html';
      const selected = selectColumns(report, fields ?? (human ? report.humanColumns?.filter((k) => report.columns.some((c) => c.key === k)) : undefined));
      const toTerminal = t.format === 'table' && t.target === '-' && this.io.stdout.isTTY === true;
      const ctx: RenderContext = {
        lang: this.lang,
        color: t.format === 'table' && t.target === '-' && colorEnabled(this.out.color ?? 'auto', this.io.stdout, this.io.env),
        chart: this.out.chart ?? false,
        csvDialect: this.out.csvDialect ?? 'rfc4180',
        columns: toTerminal ? this.io.stdout.columns : undefined,
        wide: this.out.wide ?? false,
        fieldsNamed: fields !== undefined,
        sparkline: toTerminal && sparklineTerminal(this.io.env),
      };
      const out = await stream(t.format, selected, ctx);
      for (const n of out.notes) if (n.warning) this.caution(n); else this.note(n);
      rendered.push({ target: t.target, data: out.chunks });
    }
    // Every file atomically, all or none; never over an input (data, targets, margins, the config…).
    await writeOutputs(rendered, this.io, { protect: inputs });
  }

  /** Province codes read in their BPS meaning without --code-system (the code as read → the Kemendagri code). */
  private readonly bpsCodes = new Map<string, string>();

  /** Regency/city codes read in their BPS meaning (the code as read → the regency's Kemendagri code). */
  private readonly bpsRegencyCodes = new Map<string, string>();

  bpsCodeRead(code: string, key: string, dim?: 'regency'): void {
    (dim === 'regency' ? this.bpsRegencyCodes : this.bpsCodes).set(code, key);
  }

  /**
   * Codes read as BPS codes while the report writes Kemendagri codes (no --code-system): a report joined
   * back to a BPS sheet by code would meet other provinces. A warning, kept under --quiet.
   */
  private sayBpsCodes(): void {
    this.sayBpsRegencyCodes();
    if (!this.bpsCodes.size) return;
    const registry = provinceRegistry();
    const each = [...this.bpsCodes].map(([code, key]) => ({ code, key, name: registry.byKemendagri(key)?.name ?? key }));
    const read = each.map((x) => `${x.code} (${x.name})`).join(', ');
    const written = each.map((x) => `${x.name} ${x.key}`).join(', ');
    this.say(
      'warning',
      {
        en: `province codes read as BPS codes: ${read}; the report writes Kemendagri codes (${written}): pass --code-system bps to write the codes as BPS's`,
        id: `kode provinsi dibaca sebagai kode BPS: ${read}; laporan menulis kode Kemendagri (${written}): berikan --code-system bps agar kode ditulis menurut BPS`,
      },
      true,
    );
  }

  /** The code system of the province codes the report writes (its meta.codeSystem): BPS only when asked. */
  codesWritten(): 'bps' | 'kemendagri' {
    return this.out.codeSystem === 'bps' ? 'bps' : 'kemendagri';
  }

  /**
   * The province codes the report writes where they differ from the Kemendagri keys (--code-system bps:
   * Kemendagri 92 → BPS 91), or undefined when it writes Kemendagri codes. A sort by code reads them.
   */
  writtenCodes(): ReadonlyMap<string, string> | undefined {
    if (this.codesWritten() !== 'bps') return undefined;
    const codes = new Map<string, string>();
    for (const p of provinceRegistry().provinces) if (p.bps !== p.kemendagri) codes.set(p.kemendagri, p.bps);
    return codes;
  }

  /**
   * Regency/city codes read as BPS codes (no --code-system) in provinces whose codes differ in the two
   * systems (the six Papua provinces): the report writes those provinces in Kemendagri codes (its
   * province_code, the scope's code), which a BPS sheet gives to other provinces. A regency code is not
   * written, so where the province codes agree (Gorontalo 75) nothing is said.
   */
  private sayBpsRegencyCodes(): void {
    if (!this.bpsRegencyCodes.size) return;
    const provinces = provinceRegistry();
    const regencies = new Map(regencyRegistry().regencies.map((r) => [r.kemendagri, r]));
    const read: string[] = [];
    const written = new Map<string, { en: string; id: string }>();
    for (const [code, key] of this.bpsRegencyCodes) {
      const r = regencies.get(key);
      const p = r ? provinces.byKemendagri(r.province) : undefined;
      if (!r || !p || p.bps === p.kemendagri) continue;
      read.push(`${code} (${r.name})`);
      written.set(p.kemendagri, { en: `${p.name} ${p.kemendagri}, in BPS ${p.bps}`, id: `${p.name} ${p.kemendagri}, dalam BPS ${p.bps}` });
    }
    if (!read.length) return;
    const shown = read.length > 5 ? { en: `${read.slice(0, 5).join(', ')} and ${read.length - 5} more`, id: `${read.slice(0, 5).join(', ')} dan ${read.length - 5} lainnya` } : { en: read.join(', '), id: read.join(', ') };
    const provs = { en: [...written.values()].map((w) => w.en).join('; '), id: [...written.values()].map((w) => w.id).join('; ') };
    this.say(
      'warning',
      {
        en: `regency/city codes read as BPS codes: ${shown.en}; the report writes their provinces in Kemendagri codes (${provs.en}): pass --code-system bps to write the codes as BPS's`,
        id: `kode kabupaten/kota dibaca sebagai kode BPS: ${shown.id}; laporan menulis provinsinya dalam kode Kemendagri (${provs.id}): berikan --code-system bps agar kode ditulis menurut BPS`,
      },
      true,
    );
  }

  /** The report with its province codes in the system of --code-system (Kemendagri: as it is). */
  private inCodes(report: AnyReport): AnyReport {
    const codes = this.writtenCodes();
    return codes ? inCodeSystem(report, codes, 'BPS') : report;
  }

  /** The report with the run's notes and warnings that it does not carry yet (the report's own first). */
  private withSpokenNotes(report: AnyReport): AnyReport {
    if (!this.spoken.length) return report;
    const own = report.notes ?? [];
    const have = new Set(own.map((n) => n.en));
    const extra = this.spoken.filter((n) => !have.has(n.en));
    return extra.length ? { ...report, notes: [...own, ...extra] } : report;
  }
}

/**
 * The loader's options from the input flags. `sources` collects the facts of every file the run reads
 * (its inputs, --targets, --previous, margins…), for the check of input flags that did nothing.
 */
export function loadOptions(o: Options<(typeof INPUT_FLAGS)[number]>, io: Io, onProgress?: LoadOptions['onProgress'], sources?: SourceFacts[], session?: Session): LoadOptions {
  return {
    ...(session && !o.codeSystem ? { onBpsCode: (code: string, key: string, dim?: 'regency') => session.bpsCodeRead(code, key, dim) } : {}),
    numberLocale: o.numberLocale ?? 'auto',
    codeSystem: o.codeSystem,
    delimiter: o.delimiter,
    encoding: o.encoding,
    sheet: o.sheet,
    headerRow: o.headerRow,
    maxErrors: o.maxErrors ?? 50,
    allowOverCoverage: o.allowOverCoverage ?? false,
    stdin: io.stdin,
    cwd: io.cwd,
    onProgress,
    ...(sources ? { onSource: (f: SourceFacts) => sources.push(f) } : {}),
  };
}
