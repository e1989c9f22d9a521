// What every command shares: output and input flags, the config file, glob expansion, and emitting
// a report (render once, then stdout or an atomic file).

import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { UsageError, usage } from '../errors.js';
import type { CodeSystem } from '../io/areas.js';
import { writeOutputs } from '../io/output.js';
import type { Encoding } from '../io/read-input.js';
import type { LoadOptions, LocaleOption } from '../io/records.js';
import { colorEnabled, type ColorMode, type Io } from '../io/terminal.js';
import type { CsvDialect, RenderContext } from '../render/context.js';
import { BINARY_FORMATS, FORMATS, RENDERERS, type Format } from '../render/index.js';
import { selectColumns, type Lang, type Report } from '../render/model.js';

export interface OutputOptions {
  readonly format: Format;
  readonly output?: string;
  readonly ctx: RenderContext;
  readonly fields?: string[];
  /** Files the run reads besides its data inputs (flags that name files, the config file): never overwritten. */
  readonly protect: string[];
}

/** Options whose value is a file the run reads (a `key=value` spec or `even` simply matches no file). */
const FILE_OPTIONS = ['input', 'targets', 'workforce', 'rowTotals', 'columnTotals', 'phasing', 'previous'] as const;

function protectedFiles(cli: RawOptions, config: RawOptions): string[] {
  const files: string[] = [];
  for (const key of FILE_OPTIONS) {
    const v = pick<string | string[]>(cli, config, key);
    if (typeof v === 'string') files.push(v);
    else if (Array.isArray(v)) for (const f of v) files.push(String(f));
  }
  files.push(typeof cli['config'] === 'string' ? cli['config'] : CONFIG_NAME);
  return files;
}

export type RawOptions = Record<string, unknown>;

export function addOutputOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('-f, --format <format>', 'output format (default: table on a terminal, csv when piped)').choices(FORMATS))
    .option('-o, --output <file>', 'write the report to a file (atomically) instead of stdout')
    .addOption(new Option('--lang <lang>', 'labels and number display in human formats (default: from LANG)').choices(['id', 'en']))
    .addOption(new Option('--color <when>', 'colour in the terminal table').choices(['auto', 'always', 'never']))
    .option('--fields <list>', 'columns to output, in this order (comma-separated keys)')
    .addOption(new Option('--csv-dialect <dialect>', "csv flavour: rfc4180 (',' '.' LF) or excel-id (';' ',' CRLF BOM)").choices(['rfc4180', 'excel-id']))
    .option('--chart', 'add a bar per row to the terminal table');
}

export function addInputOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--number-locale <locale>', 'how numbers are written: id (256.129), en (256,129) or auto').choices(['id', 'en', 'auto']))
    .addOption(new Option('--code-system <system>', 'province code system of the input').choices(['kemendagri', 'bps']))
    .option('--delimiter <char>', "CSV delimiter (default: detected from the header line; use '\\t' for TAB)")
    .addOption(new Option('--encoding <encoding>', 'input encoding').choices(['utf-8', 'windows-1252', 'utf-16le']))
    .option('--max-errors <n>', 'stop collecting problems after this many per run (default 50)')
    .option('--allow-over-coverage', 'accept rows where participants exceed the denominator');
}

// ---------------------------------------------------------------------------------------------
// Config file

const CONFIG_NAME = 'jamsostek.json';

/** Read jamsostek.json (or --config), validated strictly; a config holds defaults for flags only. */
export async function loadConfig(explicit: string | undefined, io: Io): Promise<RawOptions> {
  const path = explicit ? resolve(io.cwd, explicit) : resolve(io.cwd, CONFIG_NAME);
  if (!existsSync(path)) {
    if (explicit) throw usage(`config file ${explicit} not found`);
    return {};
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UsageError({ file: path, message: `config file is not valid JSON (${(e as Error).message})` });
  }
  const { configSchema } = await import('./config-schema.js');
  const parsed = configSchema.safeParse(data);
  if (!parsed.success) {
    throw new UsageError(
      parsed.error.issues.map((i) => ({
        file: path,
        message: `config: ${i.path.join('.') || '(top level)'}: ${i.message}`,
        hint: i.code === 'unrecognized_keys' ? 'the config file accepts the long names of flags in camelCase, e.g. "numberLocale": "id"' : undefined,
      })),
    );
  }
  return parsed.data as RawOptions;
}

/** A flag's value from the command line, else from the config file. */
export function pick<T>(cli: RawOptions, config: RawOptions, key: string): T | undefined {
  const v = cli[key];
  if (v !== undefined) return v as T;
  return config[key] as T | undefined;
}

// ---------------------------------------------------------------------------------------------
// Typed option parsing

export function parsePositiveInt(value: string | number | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const s = String(value).trim();
  if (!/^\d+$/.test(s) || Number(s) <= 0 || !Number.isSafeInteger(Number(s))) throw usage(`${flag} expects a whole number above 0, got "${value}"`);
  return Number(s);
}

export function parseFraction(value: string | number | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const s = String(value).trim();
  const pct = s.endsWith('%');
  const n = Number(pct ? s.slice(0, -1) : s);
  if (!/^\d+(\.\d+)?%?$/.test(s) || !Number.isFinite(n)) throw usage(`${flag} expects a number such as 0.95 or 95%, got "${value}"`);
  return pct ? n / 100 : n;
}

export function defaultLang(env: Io['env']): Lang {
  const l = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
  return /^(id|in)(_|\.|$)/i.test(l) ? 'id' : 'en';
}

export function outputOptions(cli: RawOptions, config: RawOptions, io: Io): OutputOptions {
  const output = pick<string>(cli, config, 'output');
  let format = pick<Format>(cli, config, 'format');
  if (format !== undefined && !FORMATS.includes(format)) throw usage(`unknown format "${format}"`, `formats: ${FORMATS.join(', ')}`);
  if (!format) {
    const ext = output?.toLowerCase().match(/\.(csv|tsv|json|jsonl|md|xlsx|html)$/)?.[1];
    format = (ext as Format | undefined) ?? (output ? 'csv' : io.stdout.isTTY ? 'table' : 'csv');
  }
  if (BINARY_FORMATS.has(format) && !output) throw usage(`--format ${format} writes a file: pass -o <file>`, `e.g. -o report.${format}`);
  const colorMode = pick<ColorMode>(cli, config, 'color') ?? 'auto';
  const lang = pick<Lang>(cli, config, 'lang') ?? defaultLang(io.env);
  const fieldsRaw = pick<string>(cli, config, 'fields');
  const fields = fieldsRaw ? fieldsRaw.split(',').map((f) => f.trim()).filter(Boolean) : undefined;
  return {
    format,
    output,
    fields,
    protect: protectedFiles(cli, config),
    ctx: {
      lang,
      // Colour only for a table going to the terminal: never into files or pipes.
      color: format === 'table' && !output && colorEnabled(colorMode, io.stdout, io.env),
      chart: Boolean(pick(cli, config, 'chart')),
      csvDialect: pick<CsvDialect>(cli, config, 'csvDialect') ?? 'rfc4180',
    },
  };
}

export function inputOptions(cli: RawOptions, config: RawOptions, io: Io): LoadOptions {
  let delimiter = pick<string>(cli, config, 'delimiter');
  if (delimiter === '\\t' || delimiter === 'tab' || delimiter === 'TAB') delimiter = '\t';
  if (delimiter !== undefined && (delimiter.length !== 1 || delimiter === '"')) throw usage(`--delimiter expects one character, got "${delimiter}"`);
  return {
    numberLocale: pick<LocaleOption>(cli, config, 'numberLocale') ?? 'auto',
    codeSystem: pick<CodeSystem>(cli, config, 'codeSystem'),
    delimiter,
    encoding: pick<Encoding>(cli, config, 'encoding'),
    maxErrors: parsePositiveInt(pick(cli, config, 'maxErrors'), '--max-errors') ?? 50,
    allowOverCoverage: Boolean(pick(cli, config, 'allowOverCoverage')),
    stdin: io.stdin,
  };
}

// ---------------------------------------------------------------------------------------------
// Inputs

export { expandInputs } from '../io/inputs.js';

// ---------------------------------------------------------------------------------------------
// Emitting

export async function emitReport(report: Report, out: OutputOptions, io: Io, inputs: readonly string[] = []): Promise<void> {
  if (out.fields) {
    const known = new Set(report.columns.map((c) => c.key));
    const unknown = out.fields.filter((f) => !known.has(f));
    if (unknown.length) throw usage(`unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((f) => `"${f}"`).join(', ')}`, `fields: ${[...known].join(', ')}`);
  }
  const human = out.format === 'table' || out.format === 'md' || out.format === 'html';
  const selected = selectColumns(report, out.fields ?? (human ? report.humanColumns?.filter((k) => report.columns.some((c) => c.key === k)) : undefined));
  const rendered = await RENDERERS[out.format](selected, out.ctx);
  await writeOutputs([{ target: out.output ?? '-', data: rendered }], io, { protect: [...inputs, ...out.protect] });
}

export function warn(io: Io, message: string): void {
  io.stderr.write(`warning: ${message}\n`);
}

export function note(io: Io, message: string): void {
  io.stderr.write(`note: ${message}\n`);
}
