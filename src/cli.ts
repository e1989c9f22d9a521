// The program: the command table, and the one place that turns errors into exit codes.
//
// Exit codes (a contract, see the README): 0 ok · 1 threshold breached (report written) · 2 usage or
// config · 3 input data (nothing written) · 4 output (previous file intact) · 70 internal bug ·
// 130 interrupted (SIGINT) · 143 terminated (SIGTERM).

import { Command, CommanderError } from 'commander';
import { readFileSync, readlinkSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ExitCode, formatDiagnostic, JamsostekError, problemCount, problemsFound, type Diagnostic } from './errors.js';
import { loadConfig } from './io/config.js';
import { configNotes } from './options/origin.js';
import { installProcessHandlers } from './io/process.js';
import { defaultLang, processIo, type Io } from './io/terminal.js';
import { commanderText, helpAfterError } from './report/commander-words.js';
import type { Lang } from './report/model.js';

export const VERSION = '0.2.0';

/** What a command module exports. */
export interface CommandModule {
  readonly EXAMPLES: string;
  configure(cmd: Command): void;
  run(args: readonly string[], options: Readonly<Record<string, unknown>>, io: Io): Promise<void>;
}

interface Entry {
  readonly description: string;
  readonly args?: string;
  readonly load: () => Promise<CommandModule>;
}

// Cheap to load: cli.ts imports only the command being run (the others appear in the help by name).
export const COMMANDS: ReadonlyMap<string, Entry> = new Map<string, Entry>([
  ['breakdown', { description: 'split a national target into exact integer targets per province, segment, regency… (and month)', load: () => import('./commands/breakdown.js') }],
  ['coverage', { description: 'coverage-gap report: coverage, gap to target, progress, month-on-month change, run-rate needed', args: '[files...]', load: () => import('./commands/coverage.js') }],
  ['validate', { description: 'check input files and report every problem with its file:line:column (exit 3 if any), or what was read', args: '[files...]', load: () => import('./commands/validate.js') }],
  ['provinces', { description: 'list the 38 provinces (or the 514 regencies): codes in both systems, names, aliases, regional office', load: () => import('./commands/provinces.js') }],
  ['template', { description: 'write an input file to fill in: the right headers and one row per area (CSV or xlsx)', load: () => import('./commands/template.js') }],
  ['completion', { description: 'print a shell completion script (bash, zsh, fish)', args: '<shell>', load: () => import('./commands/completion.js') }],
]);

const EXIT_CODES_HELP = `
Examples:
  $ jamsostek breakdown --year 2024
  $ jamsostek breakdown --year 2026 --by province,segment -o targets-2026.xlsx
  $ jamsostek coverage 'data/2024-06/*.csv' --targets targets-2024.csv -o coverage-2024-06.html
  $ jamsostek validate data/2024-06/*.csv
  $ jamsostek provinces

Exit codes:
  0    success (notes and warnings may be printed to stderr)
  1    a --fail-below threshold was breached, or rows had no value to check (the report was still written)
  2    usage or config error (unknown flag, bad option value, invalid config file)
  3    input data error, or a problem with no solution (nothing written; every problem is listed)
  4    output error (cannot write; a previous output file is left intact)
  70   internal error (a bug: please report it with --debug output)
  134  Node.js ran out of memory (nothing written): NODE_OPTIONS=--max-old-space-size=8192, or a coarser --by
  130  interrupted (Ctrl-C); 143 terminated (SIGTERM); 129 hung up (SIGHUP); temporary files are removed
`;

/** Build the program; only the commands named in `full` are loaded and given their flags. */
export async function buildProgram(io: () => Io, full: readonly string[], lang: Lang = 'en'): Promise<Command> {
  const program = new Command('jamsostek');
  program
    .description('BPJS Ketenagakerjaan coverage targets: exact target breakdowns and coverage-gap reports')
    .version(VERSION, '-V, --version')
    .option('--debug', 'show stack traces for errors')
    // Commander's messages in the run's language (rv16 #6); --help stays English.
    .showHelpAfterError(helpAfterError(lang))
    .exitOverride()
    .configureOutput({ writeOut: (s) => io().stdout.write(s), writeErr: (s) => io().stderr.write(s), outputError: (s, write) => write(commanderText(s, lang)) })
    .addHelpText('after', EXIT_CODES_HELP);
  for (const [name, entry] of COMMANDS) {
    const cmd = program.command(entry.args ? `${name} ${entry.args}` : name).description(entry.description);
    if (!full.includes(name)) continue;
    const mod = await entry.load();
    mod.configure(cmd);
    cmd.addHelpText('after', mod.EXAMPLES);
    cmd.action(async (...a: unknown[]) => {
      const opts = a[a.length - 2] as Record<string, unknown>;
      const args = entry.args ? ([] as string[]).concat((a[0] as string | string[] | undefined) ?? []) : [];
      await mod.run(args, opts, io());
    });
  }
  return program;
}

/** The value of a long flag on the command line (`--lang id` or `--lang=id`). */
function flagValue(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

/**
 * The language of this run's messages, as the command would have resolved it: --lang, else "lang" in
 * the config file, else LANG/LC_ALL. Read here again because an error may come before the options are
 * parsed, or be the config file's own; so the file is read quietly, and a file that cannot be read
 * (or an error about it) leaves the language to the environment.
 */
export function langOf(argv: readonly string[], io: Io): Lang {
  const v = flagValue(argv, '--lang');
  if (v === 'id' || v === 'en') return v;
  try {
    const c = loadConfig(flagValue(argv, '--config'), io)?.values.get('lang');
    if (c === 'id' || c === 'en') return c;
  } catch {
    // no config file, or one the command itself will refuse with its own message
  }
  return defaultLang(io.env);
}

function write(io: Io, text: string): void {
  try {
    io.stderr.write(text);
  } catch {
    // stderr closed: the exit code still tells
  }
}

/**
 * The command line with the command first: `jamsostek --lang id coverage …` is `jamsostek coverage --lang
 * id …` (rv16 #7: the flags of a command typed before it were called unknown, and `id` taken for the
 * command). Left as it is when nothing but flags precede the command, a `--` comes first, or the
 * program's own --help / --version is asked for.
 */
export function commandFirst(argv: readonly string[]): readonly string[] {
  const at = argv.findIndex((a) => COMMANDS.has(a) || a === 'help');
  if (at <= 0) return argv;
  const before = argv.slice(0, at);
  if (before.some((a) => a === '--' || a === '-h' || a === '--help' || a === '-V' || a === '--version')) return argv;
  // The command must follow a flag or a flag's value, not be a value in a list of file names.
  if (!before[0]!.startsWith('-')) return argv;
  return [argv[at]!, ...before, ...argv.slice(at + 1)];
}

/**
 * `jamsostek --lang id` (or `--config FILE`) with no command is `jamsostek`: the program's help, as with
 * nothing typed, where commander called the flag of the commands unknown (rv16, left open).
 */
function withoutCommandFlags(argv: readonly string[]): readonly string[] {
  if (argv.some((a) => COMMANDS.has(a) || a === 'help')) return argv;
  let i = 0;
  while (i < argv.length) {
    const a = argv[i]!;
    // Only a language the commands take: `--lang fr` stays for commander to refuse.
    const lang = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (lang !== undefined && lang !== 'en' && lang !== 'id') return argv;
    if (a === '--lang' || a === '--config') i += 2;
    else if (a.startsWith('--lang=') || a.startsWith('--config=')) i += 1;
    else return argv;
  }
  return [];
}

/** Run the CLI with these arguments; returns the exit code (never calls process.exit itself). */
export async function main(given: readonly string[], io: Io = processIo()): Promise<number> {
  const argv = withoutCommandFlags(commandFirst(given));
  const first = argv.find((a) => !a.startsWith('-'));
  const full = first === 'completion' || first === 'help' ? [...COMMANDS.keys()] : first && COMMANDS.has(first) ? [first] : [];
  const debug = argv.includes('--debug');
  try {
    const program = await buildProgram(() => io, full, langOf(argv, io));
    await program.parseAsync([...argv], { from: 'user' });
    return ExitCode.Ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? ExitCode.Ok : ExitCode.Usage;
    }
    let diagnostics: readonly Diagnostic[] | undefined;
    let code: number = ExitCode.InputData;
    if (e instanceof JamsostekError) {
      diagnostics = e.diagnostics;
      code = e.exitCode;
    } else {
      const { describeCoreError, isUsageFact } = await import('./report/problems.js');
      // A sum of a load's rows past 2^53 − 1: named at the file's row that takes it there (read again).
      const { SumOverflowError } = await import('./core/table.js');
      const located = e instanceof SumOverflowError ? await (await import('./io/overflow-row.js')).locateOverflowRow(e) : e;
      diagnostics = describeCoreError(located);
      if (isUsageFact(e)) code = ExitCode.Usage;
    }
    if (diagnostics) {
      // A flag the message names that the config file set, not the command line: pointed at there.
      diagnostics = [...diagnostics, ...configNotes(io, diagnostics)];
      const lang = langOf(argv, io);
      write(io, diagnostics.map((d) => formatDiagnostic(d, lang)).join('\n') + '\n');
      const { count, listed } = problemsFound(diagnostics);
      if (count > 1) write(io, `${problemCount(count, lang, listed)}\n`);
      if (debug && e instanceof Error && e.stack) write(io, e.stack + '\n');
      return code;
    }
    if ((e as NodeJS.ErrnoException)?.code === 'EPIPE') return ExitCode.Ok;
    if ((e as NodeJS.ErrnoException)?.code === 'EBADF') {
      // Help or version text for a closed stdout (a report goes through writeOutputs, exit 4 too).
      const id = langOf(argv, io) === 'id';
      write(io, `error: ${id ? 'keluaran standar tertutup: teks tidak dapat ditulis' : 'standard output is closed: the text cannot be written'}\n`);
      return ExitCode.Output;
    }
    write(io, `internal error: ${(e as Error)?.message ?? String(e)}\n`);
    // The error itself stays as thrown (it is for the maintainers); the advice is for the user.
    const advice = langOf(argv, io) === 'id' ? 'ini adalah bug di jamsostek; laporkan bersama keluaran perintah yang sama dengan --debug' : 'this is a bug in jamsostek; please report it with the output of the same command run with --debug';
    write(io, debug ? `${(e as Error)?.stack ?? ''}\n` : `${advice}\n`);
    return ExitCode.Internal;
  }
}

/**
 * Was descriptor `fd` closed when the process started (`jamsostek … >&-`)? Node then opens /dev/null
 * read-write in its place (node.cc, PlatformInit), so a report written there is lost without an error.
 * A shell's `> /dev/null` opens it write-only: the two are told apart by the access mode in
 * /proc/self/fdinfo (Linux; elsewhere no answer, and the write goes where the OS sends it).
 */
export function closedAtStart(fd: number): boolean {
  if (process.platform !== 'linux') return false;
  try {
    if (readlinkSync(`/proc/self/fd/${fd}`) !== '/dev/null') return false;
    const flags = /^flags:\s*([0-7]+)$/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'))?.[1];
    return flags !== undefined && (parseInt(flags, 8) & 3) === 2; // O_RDWR
  } catch {
    return false;
  }
}

/** A standard output that was closed: any write fails as writing to a closed descriptor does (EBADF). */
const CLOSED_STDOUT = {
  isTTY: false,
  write(): never {
    throw Object.assign(new Error('EBADF: standard output is closed'), { code: 'EBADF' });
  },
};

/** The entry point used by bin/jamsostek.js. */
export async function run(): Promise<void> {
  const argv = process.argv.slice(2);
  installProcessHandlers(() => langOf(argv, processIo()));
  const io = processIo();
  process.exitCode = await main(argv, closedAtStart(1) ? { ...io, stdout: CLOSED_STDOUT } : io);
}

/**
 * Is this module the program Node was started with (`node dist/cli.js …`, or the bundle itself)? Then it
 * runs, as bin/jamsostek.js does: imported (by the bin, the tests, the library), it only exports.
 */
function startedDirectly(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(fileURLToPath(import.meta.url)) === realpathSync(entry);
  } catch {
    return false;
  }
}

if (startedDirectly()) void run();
