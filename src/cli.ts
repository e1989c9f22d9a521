// The program: registers the commands and is the one place that turns errors into exit codes.
//
// Exit codes (a contract, see the README): 0 ok · 1 threshold breached (report written) · 2 usage or
// config · 3 input data (nothing written) · 4 output (previous file intact) · 70 internal bug ·
// 130 interrupted (SIGINT) · 143 terminated (SIGTERM).

import { Command, CommanderError } from 'commander';
import { COMMANDS } from './commands/index.js';
import { ExitCode, formatDiagnostic, JamsostekError } from './errors.js';
import { installProcessHandlers } from './io/process.js';
import { processIo, type Io } from './io/terminal.js';

export const VERSION = '0.1.0';

const EXIT_CODES_HELP = `
Examples:
  $ jamsostek breakdown --year 2024
  $ jamsostek breakdown --year 2026 --by province,segment -o targets-2026.xlsx
  $ jamsostek coverage 'data/2024-06/*.csv' --targets targets-2024.csv -f html -o coverage-2024-06.html
  $ jamsostek validate data/2024-06/*.csv
  $ jamsostek provinces

Exit codes:
  0    success (warnings may be printed to stderr)
  1    a --fail-below threshold was breached (the report was still written)
  2    usage or config error (unknown flag, bad option value, invalid config file)
  3    input data error (nothing written; every problem is listed as file:line:column)
  4    output error (cannot write; a previous output file is left intact)
  70   internal error (a bug: please report it with --debug output)
  130  interrupted (Ctrl-C); 143 terminated (SIGTERM); temporary files are removed
`;

/**
 * Build the program. Only the commands named in `full` are registered with their options (and their
 * modules loaded); the others get a name and description for the top-level help.
 */
export async function buildProgram(io: () => Io, full: readonly string[] = Object.keys(COMMANDS)): Promise<Command> {
  const program = new Command('jamsostek');
  program
    .description('BPJS Ketenagakerjaan coverage targets: exact target breakdowns and coverage-gap reports')
    .version(VERSION, '-V, --version')
    .option('--debug', 'show stack traces for errors')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io().stdout.write(s),
      writeErr: (s) => io().stderr.write(s),
    })
    .addHelpText('after', EXIT_CODES_HELP);
  for (const [name, entry] of Object.entries(COMMANDS)) {
    if (full.includes(name)) (await entry.load())(program, io);
    else program.command(entry.args ? `${name} ${entry.args}` : name).description(entry.description);
  }
  return program;
}

function isEpipe(e: unknown): boolean {
  return (e as NodeJS.ErrnoException)?.code === 'EPIPE';
}

/** Run the CLI with these arguments; returns the exit code (never calls process.exit itself). */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  // Load only the command being run (all of them for `completion` and `help`).
  const first = argv.find((a) => !a.startsWith('-'));
  const full = first === 'completion' || first === 'help' ? Object.keys(COMMANDS) : first && first in COMMANDS ? [first] : [];
  const program = await buildProgram(() => io, full);
  const debug = argv.includes('--debug');
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return ExitCode.Ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return ExitCode.Ok;
      return ExitCode.Usage;
    }
    if (e instanceof JamsostekError) {
      io.stderr.write(e.diagnostics.map((d) => formatDiagnostic(d)).join('\n') + '\n');
      const count = e.diagnostics.filter((d) => d.severity !== 'note').length;
      if (count > 1) io.stderr.write(`${count} problems\n`);
      if (debug && e.stack) io.stderr.write(e.stack + '\n');
      return e.exitCode;
    }
    if (isEpipe(e)) return ExitCode.Ok;
    io.stderr.write(`internal error: ${(e as Error)?.message ?? String(e)}\n`);
    io.stderr.write(debug ? `${(e as Error)?.stack ?? ''}\n` : 'this is a bug in jamsostek; please report it with the output of the same command run with --debug\n');
    return ExitCode.Internal;
  }
}

/** The entry point used by bin/jamsostek.js. */
export async function run(): Promise<void> {
  installProcessHandlers();
  process.exitCode = await main(process.argv.slice(2));
}
