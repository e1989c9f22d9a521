// Everything that writes a report. Files are replaced atomically, and several files of one run are
// replaced together or not at all; FIFOs and devices are written in place; stdout is written and
// checked (a failed write is exit 4, not a silently cut report). No output may be one of the run's
// inputs.
//
// The order is what makes "all or none" hold: 1. resolve every target and refuse the impossible ones
// (folders, inputs, the same file twice) before anything is written; 2. write every temporary file;
// 3. write the outputs that cannot be taken back (stdout, devices); 4. rename all temporaries. A
// failure in 1–3 leaves every file as it was.
//
// An output's data may be a producer of chunks (a renderer's output as it is made, issue 20): each is
// written block by block in its step, and read once, so a report of a million rows is never held
// whole; the order above and its guarantees do not change.

import { accessSync, constants, fstatSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { isatty } from 'node:tty';
import { OutputError, say, UsageError } from '../errors.js';
import { byteBlocks, commitFiles, discardFiles, prepareFile, resolveOutput, writeBlocksToDescriptor, writeDevice, writeFailure, writeOwnDescriptor, type OutputBytes, type OutputTarget, type PreparedFile } from './atomic.js';
import { bundledDataFiles } from './data-files.js';
import { beginCheckedStdoutWrite, stdoutFailureHandled } from './process.js';
import type { Io } from './terminal.js';

export interface Output {
  /** A path (relative to io.cwd), or `-` for stdout. */
  readonly target: string;
  /** The whole output, or its chunks as they are made (read once, while the output is written). */
  readonly data: string | Uint8Array | Iterable<string | Uint8Array>;
}

export interface WriteOutputsOptions {
  /** Paths the run reads (data, --targets, --workforce, margins, profiles, --previous, the config). */
  readonly protect: readonly string[];
  /**
   * Called when every temporary file is complete, just before the renames. Only tests pass it (to
   * interrupt the writer at that exact point); the CLI never does.
   */
  readonly beforeRename?: () => void | Promise<void>;
}

/**
 * The reader of stdout closed it (`| head`). Not a failure: the CLI exits 0 quietly. Thrown after
 * every file output was committed.
 */
export class StdoutClosed extends Error {
  readonly code = 'EPIPE';
  constructor() {
    super('standard output was closed by its reader');
    this.name = 'StdoutClosed';
  }
}

const STDOUT_NAME = '<stdout>';

type Plan =
  | { readonly kind: 'stdout'; readonly display: string; readonly bytes: OutputBytes }
  | (OutputTarget & { readonly display: string; readonly bytes: OutputBytes });

/** An output's data as bytes or blocks of bytes (made as they are written). */
function bytesOf(data: Output['data']): OutputBytes {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (data instanceof Uint8Array) return data;
  return byteBlocks(data);
}

function identity(st: { dev: number; ino: number }): string {
  return `${st.dev}:${st.ino}`;
}

/** Device and inode of what a plan writes to, when it exists. */
function planIdentity(plan: Plan, io: Io): { key: string; regular: boolean } | undefined {
  try {
    if (plan.kind === 'file') return plan.existing ? { key: identity(plan.existing), regular: true } : undefined;
    if (plan.kind === 'device') return { key: identity(plan.stats), regular: false };
    const fd = plan.kind === 'fd' ? plan.fd : io.stdout === process.stdout ? 1 : undefined;
    if (fd === undefined) return undefined;
    const st = fstatSync(fd);
    return { key: identity(st), regular: st.isFile() };
  } catch {
    return undefined;
  }
}

/** Can this process write the file, and does its mode let anyone write it (0444 is a refusal, even for root)? */
function writable(path: string, mode: number): boolean {
  if ((mode & 0o222) === 0) return false;
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** What each output goes to; refuses folders, inputs and duplicates before anything is written. */
async function plan(outputs: readonly Output[], io: Io, protect: readonly string[]): Promise<Plan[]> {
  const plans: Plan[] = [];
  for (const o of outputs) {
    const bytes = bytesOf(o.data);
    if (o.target === '-') {
      plans.push({ kind: 'stdout', display: STDOUT_NAME, bytes });
      continue;
    }
    if (o.target === '') throw new OutputError(say({ message: 'the output path is empty', hint: 'name a file, or - for standard output' }, { message: 'jalur keluaran kosong', hint: 'sebutkan sebuah berkas, atau - untuk keluaran standar' }));
    if (/[\\/]$/.test(o.target)) {
      const inside = `-o ${o.target}report.csv`;
      throw new OutputError({ file: o.target, ...say({ message: 'names a folder, not a file; nothing was written', hint: `name a file inside it, e.g. ${inside}` }, { message: 'menunjuk folder, bukan berkas; tidak ada yang ditulis', hint: `sebutkan berkas di dalamnya, mis. ${inside}` }) });
    }
    const where = await resolveOutput(resolve(io.cwd, o.target), o.target);
    // An earlier report write-protected (chmod 444): the rename would replace it, as `mv` does, where `>`
    // is refused (rv16 #10). Refused too, as root as well: the mode says the file is meant to stay.
    if (where.kind === 'file' && where.existing && !writable(where.path, where.existing.mode)) {
      throw new OutputError({
        file: o.target,
        ...say(
          { message: 'is write-protected; refusing to replace it; nothing was written', hint: `make it writable (chmod u+w ${o.target}) to replace it, or choose another -o path` },
          { message: 'dilindungi dari penulisan; berkas itu tidak akan diganti; tidak ada yang ditulis', hint: `jadikan dapat ditulis (chmod u+w ${o.target}) untuk menggantinya, atau pilih jalur -o yang lain` },
        ),
      });
    }
    // /dev/stdout, /dev/fd/1: the same checked path as `-` (a closed pipe stays quiet).
    if (where.kind === 'fd' && where.fd === 1) plans.push({ kind: 'stdout', display: o.target, bytes });
    else plans.push({ ...where, display: o.target, bytes });
  }

  // Inputs: by device and inode, so that links, hard links and different spellings of one path are
  // all caught. Only regular files: reading /dev/null and writing to it is no conflict.
  const inputs = fileIdentities(protect, io.cwd);
  // The package's own data (data/baseline.csv…), which every run may read: `-o data/baseline.csv` in a
  // checkout would change the answers of every later run (rv16 #1). By device and inode as well.
  const bundled = new Map<string, string>();
  for (const p of bundledDataFiles()) {
    try {
      const st = statSync(p);
      if (st.isFile()) bundled.set(identity(st), p);
    } catch {
      // gone since it was listed: nothing to protect
    }
  }
  const seen = new Map<string, string>();
  for (const pl of plans) {
    const id = planIdentity(pl, io);
    if (id?.regular && inputs.has(id.key)) {
      const input = inputs.get(id.key)!;
      throw pl.kind === 'stdout'
        ? new OutputError({
            file: pl.display,
            ...say(
              { message: `standard output is the input file ${input}; refusing to write the report into it`, hint: 'redirect the report to another file' },
              { message: `keluaran standar adalah berkas input ${input}; laporan tidak akan ditulis ke sana`, hint: 'arahkan laporan ke berkas lain' },
            ),
          })
        : alsoInput(pl.display, input);
    }
    if (id?.regular && bundled.has(id.key)) {
      const file = bundled.get(id.key)!;
      const name = `data/${basename(file)}`;
      const out = pl.kind === 'stdout';
      const to = out ? { en: 'standard output is', id: 'keluaran standar adalah' } : { en: 'is', id: 'adalah' };
      const other = out ? { en: 'redirect the report to another file', id: 'arahkan laporan ke berkas lain' } : { en: 'choose another -o path', id: 'pilih jalur -o yang lain' };
      throw new OutputError({
        file: pl.display,
        ...say(
          { message: `${to.en} ${name}, a data file bundled with jamsostek (${file}) that runs read; refusing to overwrite it`, hint: `${other.en}; to use your own figures, pass them as input (jamsostek template → fill in → jamsostek validate)` },
          { message: `${to.id} ${name}, berkas data bawaan jamsostek (${file}) yang dibaca setiap proses; berkas itu tidak akan ditimpa`, hint: `${other.id}; untuk memakai data sendiri, berikan sebagai input (jamsostek template → isi → jamsostek validate)` },
        ),
      });
    }
    const key = pl.kind === 'file' ? `path:${pl.path}` : pl.kind === 'stdout' ? 'stdout' : (id?.key ?? `fd:${pl.kind === 'fd' ? pl.fd : pl.path}`);
    const first = seen.get(key);
    if (first !== undefined) {
      // Naming one output twice is a mistake in the command line (exit 2), not a failed write.
      throw sameOutputTwice(pl.display, first);
    }
    seen.set(key, pl.display);
  }
  return plans;
}

/**
 * The regular files among `paths`, by device and inode (links, hard links and other spellings of one
 * file are one entry), each with the path given. Stdin, a file that does not exist (a glob, a key=value
 * spec: the reader says so) and a device such as /dev/null are left out: writing one is no conflict.
 */
function fileIdentities(paths: readonly string[], cwd: string): Map<string, string> {
  const ids = new Map<string, string>();
  for (const p of paths) {
    if (p === '-') continue;
    try {
      const st = statSync(resolve(cwd, p));
      if (st.isFile()) ids.set(identity(st), p);
    } catch {
      // not a file that exists
    }
  }
  return ids;
}

function alsoInput(display: string, input: string): OutputError {
  return new OutputError({
    file: display,
    ...say({ message: `is also an input (${input}); refusing to overwrite it`, hint: 'choose another -o path' }, { message: `juga merupakan input (${input}); berkas itu tidak akan ditimpa`, hint: 'pilih jalur -o yang lain' }),
  });
}

/**
 * An output that is one of the inputs, found before they are read: a glob that takes in the report of
 * the last run (`'g/*.csv' -o g/report.csv`) was refused as rows that overlap (rv16 #8b), exit 3.
 */
export function refuseOutputsAmongInputs(targets: readonly string[], inputs: readonly string[], io: Pick<Io, 'cwd'>): void {
  const ids = fileIdentities(inputs, io.cwd);
  for (const t of targets) {
    if (t === '-' || t === '') continue;
    let input: string | undefined;
    try {
      const st = statSync(resolve(io.cwd, t));
      input = st.isFile() ? ids.get(identity(st)) : undefined;
    } catch {
      // no such file yet: nothing to compare
    }
    if (input !== undefined) throw alsoInput(t, input);
  }
}

/** One output named twice: a slip in the command line (exit 2), said where it is first found. */
export function sameOutputTwice(display: string, first: string): UsageError {
  return new UsageError({
    file: display,
    ...say({ message: `is the same output as ${first}; each output can be named once`, hint: 'give each output its own path' }, { message: `sama dengan keluaran ${first}; setiap keluaran hanya boleh disebut sekali`, hint: 'beri setiap keluaran jalurnya sendiri' }),
  });
}

/**
 * Write a report to stdout and wait until the OS has it. Node writes a file or device stdout with one
 * writeSync() and ignores a short count, so on a full disk the report would be cut without an error:
 * those are written here, to the end. Pipes and terminals go through the stream, with its callback.
 */
async function writeStdout(io: Io, bytes: OutputBytes): Promise<void> {
  const out = io.stdout;
  if (out === process.stdout) {
    let direct = false;
    try {
      const st = fstatSync(1);
      direct = st.isFile() || (st.isCharacterDevice() && !isatty(1));
    } catch {
      // fall back to the stream
    }
    if (direct) return writeBlocksToDescriptor(1, bytes);
  }
  // A stream may keep a block after its callback (a PassThrough holds it for its reader), and the blocks
  // of a report are one buffer filled again (byteBlocks): each is copied.
  const blocks = bytes instanceof Uint8Array ? [bytes] : copies(bytes);
  if (out instanceof Writable) {
    // The stream also emits the failure as 'error' (just after the callback); the callback is where
    // it is handled, so the event must not become an uncaught exception. Removed a turn later. Each
    // block is awaited: a slow reader slows the writer instead of filling memory.
    const ignore = (): void => undefined;
    out.on('error', ignore);
    try {
      for (const block of blocks) {
        await new Promise<void>((resolveWrite, reject) => {
          out.write(block, (e) => (e ? reject(e) : resolveWrite()));
        });
      }
    } finally {
      setImmediate(() => out.removeListener('error', ignore));
    }
    return;
  }
  for (const block of blocks) out.write(block);
}

function* copies(blocks: Iterable<Uint8Array>): Generator<Uint8Array> {
  for (const b of blocks) yield Buffer.from(b);
}

/**
 * Write every output of a run: all files are replaced, or (if anything fails) none; stdout and devices
 * are written before the renames, so a failed stdout write also leaves every file as it was. Throws
 * OutputError (exit 4) for anything that could not be written, and StdoutClosed when the reader of
 * stdout went away (after committing the files).
 */
export async function writeOutputs(outputs: readonly Output[], io: Io, options: WriteOutputsOptions): Promise<void> {
  if (outputs.length === 0) return;
  const plans = await plan(outputs, io, options.protect);
  const prepared: PreparedFile[] = [];
  const release = beginCheckedStdoutWrite();
  let stdoutClosed = false;
  try {
    try {
      for (const p of plans) if (p.kind === 'file') prepared.push(await prepareFile(p, p.bytes, p.display));
      for (const p of plans) {
        if (p.kind === 'device') await writeDevice(p, p.bytes, p.display);
        else if (p.kind === 'fd') await writeOwnDescriptor(p.fd, p.bytes, p.display);
      }
      for (const p of plans) {
        if (p.kind !== 'stdout') continue;
        try {
          await writeStdout(io, p.bytes);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'EPIPE') {
            stdoutClosed = true;
            continue;
          }
          // Not a failed write (it has no error code) but a failure of what makes the report: as it is.
          if (typeof (e as NodeJS.ErrnoException).code !== 'string') throw e;
          stdoutFailureHandled();
          throw writeFailure(p.display, e, prepared.length ? 'stdout-incomplete-none-changed' : 'stdout-incomplete');
        }
      }
      await options.beforeRename?.();
    } catch (e) {
      discardFiles(prepared);
      throw e;
    }
    commitFiles(prepared);
  } finally {
    release();
  }
  if (stdoutClosed) throw new StdoutClosed();
}
