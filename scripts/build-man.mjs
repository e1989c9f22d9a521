// Writes man/jamsostek.1 from the same help the CLI prints: the command table, each command's flags
// (from the flag table, through commander) and its EXAMPLES, and the exit codes. Run by `npm run build`,
// so the man page can never drift from --help.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const { buildProgram, COMMANDS, VERSION } = await import(new URL('../dist/cli.js', import.meta.url).href);

const quietIo = () => ({ stdout: { write: () => true }, stderr: { write: () => true }, env: {}, cwd: ROOT, now: () => new Date(0) });
const program = await buildProgram(quietIo, [...COMMANDS.keys()]);

/** Text for roff: backslashes and leading dots or quotes escaped. */
const esc = (s) => s.replace(/\\/g, '\\e').replace(/-/g, '\\-').replace(/^([.'])/gm, '\\&$1');

const out = [];
out.push(`.TH JAMSOSTEK 1 "" "jamsostek ${VERSION}" "User Commands"`);
out.push('.SH NAME');
out.push('jamsostek \\- BPJS Ketenagakerjaan coverage targets: exact target breakdowns and coverage\\-gap reports');
out.push('.SH SYNOPSIS');
for (const [name, e] of COMMANDS) out.push(`.B jamsostek ${name}`, e.args ? `.I ${esc(e.args)}` : '', '[\\fIoptions\\fR]', '.br');
out.push('.SH DESCRIPTION');
out.push(esc(program.description()) + '.');
out.push('Reports go to standard output (or to each \\fB\\-o\\fR file, written atomically); notes, warnings and errors go to standard error.');
out.push('.SH COMMANDS');
for (const cmd of program.commands) {
  const entry = COMMANDS.get(cmd.name());
  if (!entry) continue;
  const mod = await entry.load();
  out.push(`.SS ${cmd.name()}${entry.args ? ` ${esc(entry.args)}` : ''}`);
  out.push(esc(cmd.description()));
  for (const o of cmd.options) {
    out.push('.TP');
    out.push(`.B ${esc(o.flags)}`);
    out.push(esc(o.description));
  }
  const examples = mod.EXAMPLES.trim().split('\n').slice(1);
  out.push('.PP', 'Examples:', '.PP', '.nf', '.RS 4');
  for (const line of examples) out.push(esc(line.replace(/^ {2}/, '')));
  out.push('.RE', '.fi');
}
out.push('.SH EXIT STATUS');
for (const [code, what] of [
  ['0', 'success (notes and warnings may be printed to standard error)'],
  ['1', 'a \\-\\-fail\\-below threshold was breached, or rows had no value to check; the report was still written'],
  ['2', 'usage or config error (unknown flag, bad option value, invalid config file)'],
  ['3', 'input data error, or a problem with no solution; nothing was written'],
  ['4', 'output error; a previous output file is left intact'],
  ['70', 'internal error (a bug: please report it with the \\-\\-debug output)'],
  ['134', 'Node.js ran out of memory (JavaScript heap out of memory); nothing was written. Give it more with NODE_OPTIONS=\\-\\-max\\-old\\-space\\-size=8192, or report at a coarser \\-\\-by'],
  ['130, 143, 129', 'interrupted by SIGINT (Ctrl\\-C), SIGTERM or SIGHUP, in any state; temporary files are removed'],
]) out.push('.TP', `.B ${code}`, what);
out.push('.SH FILES');
out.push('.TP', '.I ./jamsostek.json', 'Defaults for flags by their long names in camelCase, e.g. {"numberLocale": "id"}; plain JSON, parsed by the same parsers as the flags. It cannot set output paths.');
out.push('.SH ENVIRONMENT');
out.push('.TP', '.B NO_COLOR, FORCE_COLOR', 'Colour in the terminal table (\\-\\-color overrides both).');
out.push('.TP', '.B LANG, LC_ALL, LC_MESSAGES', 'An Indonesian locale (id, in) makes Indonesian the default for \\-\\-lang.');
out.push('.SH SEE ALSO');
out.push('The README and data/README.md of the package.');

mkdirSync(join(ROOT, 'man'), { recursive: true });
writeFileSync(join(ROOT, 'man', 'jamsostek.1'), out.filter((l) => l !== '').join('\n') + '\n');
