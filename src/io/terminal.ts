// The process's streams, environment and clock, behind one interface so that commands can be run
// in-process by tests (csvkit's injected-stream pattern).

export interface OutStream {
  write(chunk: string | Uint8Array): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface Io {
  readonly stdout: OutStream;
  readonly stderr: OutStream;
  readonly stdin?: NodeJS.ReadableStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly now: () => Date;
}

export function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd(), now: () => new Date() };
}

export type ColorMode = 'auto' | 'always' | 'never';

/**
 * Colour on a stream: --color always/never win; otherwise NO_COLOR (any value) and FORCE_COLOR=0 (or
 * false) turn it off, FORCE_COLOR (any other value) or CLICOLOR_FORCE turn it on, and else only a
 * terminal gets colour.
 */
export function colorEnabled(mode: ColorMode, stream: OutStream, env: Io['env']): boolean {
  if (mode === 'always') return true;
  if (mode === 'never') return false;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  // FORCE_COLOR=0 (or false) forces colour off, as chalk and Node read it: it is not "unset".
  const force = env['FORCE_COLOR'];
  if (force === '0' || force === 'false') return false;
  if (force !== undefined || (env['CLICOLOR_FORCE'] && env['CLICOLOR_FORCE'] !== '0')) return true;
  return stream.isTTY === true && env['TERM'] !== 'dumb';
}

/** The language of messages and human formats when --lang is not given: Indonesian for an id/in locale. */
export function defaultLang(env: Io['env']): 'id' | 'en' {
  const l = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
  return /^(id|in)(_|\.|$)/i.test(l) ? 'id' : 'en';
}
