import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(ROOT, 'bin', 'jamsostek.js');

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** Spawn the built CLI (dist/), with no colour and a neutral locale. */
export function run(args: string[], opts: { cwd?: string; input?: string | Buffer; env?: Record<string, string> } = {}): RunResult {
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
 * stderr, in one reviewable Markdown file. UPDATE_GOLDEN=1 rewrites the files.
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
  const file = join(ROOT, 'test', 'golden', `${name}.md`);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    if (process.env.CI === 'true' && !existsSync(file)) throw new Error(`golden file ${file} is missing (run UPDATE_GOLDEN=1 npm run test:unit locally)`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    return;
  }
  expect(text).toBe(readFileSync(file, 'utf8'));
}
