import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';
import { main } from '../../src/cli.js';
import type { Io } from '../../src/io/terminal.js';
import { expectGoldenFile } from '../support/golden.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(ROOT, 'bin', 'jamsostek.js');

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number;
}

/**
 * Run the CLI in-process (src/cli.ts main with captured streams): the same code path as the binary,
 * without a process per test. Tests of what only a process shows (signals, pipes, terminals, exit of a
 * real process) use spawnCli.
 */
export async function run(args: string[], opts: { cwd?: string; input?: string | Buffer; env?: Record<string, string>; tty?: { columns: number } } = {}): Promise<RunResult> {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const sink = (into: Buffer[]) => ({ write: (c: string | Uint8Array) => (into.push(typeof c === 'string' ? Buffer.from(c) : Buffer.from(c)), true), isTTY: false });
  const io: Io = {
    // `tty`: standard output is a terminal of that width (the terminal table is fitted to it).
    stdout: opts.tty ? { ...sink(out), isTTY: true, columns: opts.tty.columns } : sink(out),
    stderr: sink(err),
    stdin: Readable.from(opts.input === undefined ? [] : [Buffer.from(opts.input)]),
    env: { NO_COLOR: '1', LANG: 'C', ...opts.env },
    cwd: opts.cwd ?? ROOT,
    now: () => new Date(),
  };
  const code = await main(args, io);
  return { stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), code };
}

/** Spawn the built CLI (dist/), with no colour and a neutral locale. */
export function spawnCli(args: string[], opts: { cwd?: string; input?: string | Buffer; env?: Record<string, string> } = {}): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', LANG: 'C', ...opts.env },
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  return { stdout: r.stdout, stderr: r.stderr, code: exitStatus(r.status, r.signal) };
}

/**
 * The status a shell reports ($?): the exit code, or 128 + the signal number for a process that was
 * killed by a signal (the CLI re-raises SIGINT/SIGTERM after cleaning up, so a shell sees 130/143).
 */
export function exitStatus(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  return signal ? 128 + constants.signals[signal] : -1;
}

/**
 * Compare a run with its golden file (test/golden/<name>.md): the command, the exit code, stdout and
 * stderr, in one reviewable Markdown file. A missing file fails; UPDATE_GOLDEN=1 writes the files.
 */
export function expectGolden(name: string, args: string[], result: RunResult): void {
  const fence = '````';
  const text = [
    `# ${name}`,
    '',
    `Command: \`jamsostek ${args.join(' ')}\``,
    '',
    `Exit code: ${result.code}`,
    '',
    '## stdout',
    '',
    fence,
    result.stdout.replace(/\n$/, ''),
    fence,
    '',
    '## stderr',
    '',
    fence,
    result.stderr.replace(/\n$/, ''),
    fence,
    '',
  ].join('\n');
  expectGoldenFile(join(ROOT, 'test', 'golden', `${name}.md`), text);
}

/** A fresh temporary folder. */
export function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'jamsostek-test-'));
}

/** CSV text (the tool's rfc4180 output) as objects by header, parsed by an independent parser. */
export function csvRows(text: string): Record<string, string>[] {
  return parse(text, { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
}

/** Write a file in a folder and give its path (a test's input written by hand). */
export function writeIn(dir: string, name: string, text: string | Uint8Array): string {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
}

/** The words of a POSIX command line as the shell reads them: bare, '…' and $'\t' words only. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  const re = /\s*(?:'([^']*)'|\$'\\t'|(\S+))/gy;
  for (let m = re.exec(line); m && m[0].trim() !== ''; m = re.exec(line)) words.push(m[1] ?? m[2] ?? '\t');
  return words;
}

/** The `jamsostek validate …` command of breakdown's split-in-part warning, as words after `jamsostek` (fx58). */
export function hintedValidate(stderr: string): string[] {
  const m = /a job checks who reported first: jamsostek (validate .*?), exit 3 while one is missing/.exec(stderr);
  expect(m, stderr).not.toBeNull();
  return shellWords(m![1]!);
}
