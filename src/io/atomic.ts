// Atomic output: write a temporary file in the same folder as the target, flush it to disk, then
// rename it over the target. A crash, a signal or an error never leaves a half-written report, and a
// previous report stays intact until the new one is complete. Temporary files carry the writer's pid,
// so a later run can remove those left behind by a process that was killed (SIGKILL cannot be caught).
//
// What a path names decides how it is written (see the README, "Output files"):
// - a regular file, or nothing yet: temporary file + rename. A symlink is followed to the file it
//   points to, which is replaced; the link stays a link (renaming over the link would turn it into a
//   regular file and leave its target stale).
// - a FIFO or a character device (/dev/null, /dev/tty): written directly. Renaming over it would
//   replace the device node itself, which as root silently breaks /dev/null for the whole machine.
// - /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N: this process's own descriptor N, written
//   directly (resolving the link would give "pipe:[…]", or a file that rename would detach from fd N).
// - a folder, a block device (a disk) or a socket: refused.
//
// What is written is given as bytes or as blocks made while they are written (a renderer's output as it
// is produced, issue 20): the temporary file grows block by block and is renamed only once complete, so
// a report of a million rows is never held whole and the guarantees above stay the same.

import { randomBytes } from 'node:crypto';
import { closeSync, constants as FS, fsyncSync, linkSync, openSync, readdirSync, renameSync, statSync, unlinkSync, write, type Stats } from 'node:fs';
import { lstat, open, readlink, realpath } from 'node:fs/promises';
import { Socket } from 'node:net';
import { basename, dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { OutputError, say } from '../errors.js';
import { onInterrupt } from './process.js';

const writeFd = promisify(write);

/** What an output writes: all its bytes, or blocks of them made as they are read (read once). */
export type OutputBytes = Uint8Array | Iterable<Uint8Array>;

const blocksOf = (data: OutputBytes): Iterable<Uint8Array> => (data instanceof Uint8Array ? [data] : data);

/**
 * A failed system call while writing (disk full, EPIPE…), told apart from a failure of whatever makes
 * the blocks (a bug in a renderer is exit 70, not "cannot write").
 */
class WriteFailed extends Error {
  constructor(readonly failure: unknown) {
    super('write failed');
  }
}

/** Write every block with `write`; a failure of `write` comes out as WriteFailed, one of the blocks' maker as it is. */
async function eachBlock(data: OutputBytes, write: (block: Uint8Array) => Promise<void>): Promise<void> {
  for (const block of blocksOf(data)) {
    try {
      await write(block);
    } catch (e) {
      throw new WriteFailed(e);
    }
  }
}

/** The errno failure inside a WriteFailed; anything else is not a write failure and goes on as it is. */
function unwrap(e: unknown): { readonly failure: unknown; readonly isWrite: boolean } {
  return e instanceof WriteFailed ? { failure: e.failure, isWrite: true } : { failure: e, isWrite: false };
}

/**
 * Strings and bytes coalesced into blocks of about `size` bytes (1 MiB by default): one system call per
 * block instead of one per row, and one block held at a time.
 *
 * The strings are encoded into the block a few kilobytes at a time, never joined into one string of the
 * block's size: a string over 128 KiB is born in V8's large-object space, which only a full collection
 * empties, so a 64 MiB report written through 1 MiB joins left its whole text behind as garbage
 * (measured: +60 MiB of heap before the collector ran, issue 20). A high surrogate that ends a piece waits
 * for the next piece, as it would have in one joined string.
 *
 * Every block of text is the same buffer, filled again: **a block must be used up (written) before the
 * next is asked for** (every writer in this file awaits its write; writeStdout copies a block it hands
 * to a stream). A new buffer a block lived while its megabyte of text was made, outlived the young
 * generation, and a million-row report left fifty of them to the next full collection (+35–50 MiB).
 */
export function* byteBlocks(chunks: Iterable<string | Uint8Array>, size = 1 << 20): Generator<Uint8Array> {
  let block: Buffer | undefined;
  let used = 0;
  let parts: string[] = [];
  let chars = 0;
  // Encode the parts waiting into the block (room for them is checked before each is taken: a UTF-16
  // unit is at most 3 bytes of UTF-8).
  const put = (all: boolean): void => {
    if (chars === 0) return;
    let text = parts.length === 1 ? parts[0]! : parts.join('');
    parts = [];
    chars = 0;
    if (!all && isHighSurrogate(text.charCodeAt(text.length - 1))) {
      parts.push(text.slice(-1));
      chars = 1;
      text = text.slice(0, -1);
    }
    block ??= Buffer.allocUnsafe(size);
    used += block.write(text, used, 'utf8');
  };
  const take = (): Uint8Array => {
    const out = block!.subarray(0, used);
    used = 0;
    return out;
  };
  for (const c of chunks) {
    if (typeof c === 'string') {
      if (c.length === 0) continue;
      if (used + 3 * (chars + c.length) > size) {
        put(false);
        if (used > 0 && used + 3 * (chars + c.length) > size) yield take();
        if (3 * (chars + c.length) > size) {
          // A piece longer than a block: on its own.
          let whole = parts.length ? parts.join('') + c : c;
          parts = [];
          chars = 0;
          if (isHighSurrogate(whole.charCodeAt(whole.length - 1))) {
            parts.push(whole.slice(-1));
            chars = 1;
            whole = whole.slice(0, -1);
          }
          yield Buffer.from(whole, 'utf8');
          continue;
        }
      }
      parts.push(c);
      chars += c.length;
      if (chars >= JOINED_CHARS) put(false);
      continue;
    }
    put(true);
    if (used > 0) yield take();
    if (c.length > 0) yield c;
  }
  put(true);
  if (used > 0) yield take();
}

const isHighSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;

/** Characters joined before they are encoded: a young string (well under 128 KiB), a few native calls a block. */
const JOINED_CHARS = 8192;

// ---------------------------------------------------------------------------------------------
// Temporary files alive now, removed if the process is interrupted.

const live = new Set<string>();
let releaseInterrupt: (() => void) | undefined;

function track(temp: string): void {
  live.add(temp);
  releaseInterrupt ??= onInterrupt(removeLiveTemporaries);
}

function untrack(temp: string): void {
  live.delete(temp);
  if (live.size === 0 && releaseInterrupt) {
    releaseInterrupt();
    releaseInterrupt = undefined;
  }
}

/** Remove the temporary files being written now (the signal cleanup; safe to call any time). */
export function removeLiveTemporaries(): void {
  for (const f of live) {
    try {
      unlinkSync(f);
    } catch {
      // already gone
    }
  }
  live.clear();
  releaseInterrupt?.();
  releaseInterrupt = undefined;
}

const TEMP = /^\.(.+)\.jamsostek-(\d+)-[0-9a-f]+\.tmp$/;

/**
 * The part of an output's name its temporary file repeats: the whole name, or its first 220 bytes (whole
 * characters) when longer, so that the temporary name (35 bytes more at most: a PID of 10 digits) stays
 * within the 255 bytes a file name may have. A name of 225–255 bytes could be written by `>` but not
 * with -o (ENAMETOOLONG, rv16 #9). The sweep of stale temporaries compares the same part.
 */
function tempBase(base: string): string {
  const room = 255 - '..jamsostek-4294967295-xxxxxxxx.tmp'.length;
  if (Buffer.byteLength(base) <= room) return base;
  let out = '';
  let bytes = 0;
  for (const ch of base) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > room) break;
    out += ch;
    bytes += n;
  }
  return out;
}

function tempPathFor(target: string): string {
  return join(dirname(target), `.${tempBase(basename(target))}.jamsostek-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Remove temporaries for `target` left by processes that no longer exist. */
function sweepStale(target: string): void {
  const dir = dirname(target);
  const base = tempBase(basename(target));
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMP.exec(name);
    if (m && m[1] === base && !processAlive(Number(m[2]))) {
      try {
        unlinkSync(join(dir, name));
      } catch {
        // another run removed it
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// What an output path names.

export type OutputTarget =
  /** A regular file (or none yet) at its real path: replaced atomically. */
  | { readonly kind: 'file'; readonly path: string; readonly existing?: Stats }
  /** A FIFO or a character device: written directly. */
  | { readonly kind: 'device'; readonly path: string; readonly type: 'fifo' | 'char'; readonly stats: Stats }
  /** One of this process's own descriptors (/dev/stdout is 1). */
  | { readonly kind: 'fd'; readonly fd: number };

const STD_NAMES = new Map([
  ['/dev/stdin', 0],
  ['/dev/stdout', 1],
  ['/dev/stderr', 2],
]);
const PROC_FD = /^\/(?:dev\/fd|proc\/(self|thread-self|\d+)(?:\/task\/\d+)?\/fd)\/(\d+)$/;

function ownDescriptor(path: string): number | undefined {
  const std = STD_NAMES.get(path);
  if (std !== undefined) return std;
  const m = PROC_FD.exec(path);
  if (!m) return undefined;
  if (m[1] !== undefined && /^\d+$/.test(m[1]) && Number(m[1]) !== process.pid) return undefined;
  return Number(m[2]);
}

type Words = { readonly en: string; readonly id: string };

const WHY = new Map<string, Words>([
  ['ENOENT', { en: 'the folder does not exist', id: 'folder itu tidak ada' }],
  ['ENOTDIR', { en: 'a part of the path is a file, not a folder', id: 'sebagian jalur berupa berkas, bukan folder' }],
  ['EACCES', { en: 'choose a folder you can write to', id: 'pilih folder yang dapat ditulisi' }],
  ['EPERM', { en: 'choose a folder you can write to', id: 'pilih folder yang dapat ditulisi' }],
  ['EROFS', { en: 'the file system is read-only', id: 'sistem berkas hanya-baca' }],
  ['ENOSPC', { en: 'free some disk space and run again', id: 'kosongkan sebagian ruang disk lalu jalankan lagi' }],
  ['EDQUOT', { en: 'the disk quota is used up', id: 'kuota disk sudah habis' }],
  ['ELOOP', { en: 'a symbolic link points to itself, directly or in a loop', id: 'tautan simbolik menunjuk ke dirinya sendiri, langsung atau melingkar' }],
  ['EBADF', { en: 'standard output is closed (>&-): redirect it to a file, or pass -o <file>', id: 'keluaran standar tertutup (>&-): arahkan ke sebuah berkas, atau berikan -o <berkas>' }],
]);

const SPECIAL_FOLDER: Words = { en: 'no file can be made in that folder (a special file system such as /proc or /sys): choose another folder', id: 'tidak ada berkas yang dapat dibuat di folder itu (sistem berkas khusus seperti /proc atau /sys): pilih folder lain' };

function folderExists(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** What became of the outputs when a write failed. */
const OUTCOMES = {
  'nothing-written': { en: 'nothing was written', id: 'tidak ada yang ditulis' },
  'previous-kept': { en: 'the previous file was left unchanged', id: 'berkas sebelumnya tidak diubah' },
  'none-changed': { en: 'no output file was changed', id: 'tidak ada berkas keluaran yang diubah' },
  incomplete: { en: 'the report is incomplete', id: 'laporan tidak lengkap' },
  'stdout-incomplete': { en: 'the report on standard output is incomplete', id: 'laporan di keluaran standar tidak lengkap' },
  'stdout-incomplete-none-changed': { en: 'the report on standard output is incomplete; no output file was changed', id: 'laporan di keluaran standar tidak lengkap; tidak ada berkas keluaran yang diubah' },
} as const satisfies Record<string, Words>;
export type WriteOutcome = keyof typeof OUTCOMES;

/** A failed system call (it has an errno code), as opposed to a bug. */
const isErrno = (e: unknown): boolean => e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string' && (e as NodeJS.ErrnoException).syscall !== undefined;

/** An OutputError for an errno failure on `display`, saying whether the previous file survived. */
export function writeFailure(display: string, e: unknown, outcome: WriteOutcome): OutputError {
  const err = e as NodeJS.ErrnoException;
  const code = err.code ?? err.message;
  // ENOENT in a folder that exists: a file system where no file can be made (/proc, /sys), not a
  // missing folder (rv16 #8c: -o /proc/version said "the folder does not exist").
  const special = err.code === 'ENOENT' && err.syscall === 'open' && typeof err.path === 'string' && folderExists(dirname(err.path));
  const why = special ? SPECIAL_FOLDER : err.code ? WHY.get(err.code) : undefined;
  const o = OUTCOMES[outcome];
  return new OutputError({ file: display, ...say({ message: `cannot write (${code}); ${o.en}`, hint: why?.en }, { message: `tidak dapat menulis (${code}); ${o.id}`, hint: why?.id }) });
}

/**
 * Decide how `path` (absolute) is written: follow symlinks to the final path, map this process's own
 * descriptors, refuse folders, disks and sockets. `display` is the name used in messages.
 */
export async function resolveOutput(path: string, display: string = path): Promise<OutputTarget> {
  let p = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    const own = ownDescriptor(p);
    if (own !== undefined) return { kind: 'fd', fd: own };
    let dir: string;
    try {
      dir = await realpath(dirname(p));
    } catch (e) {
      throw writeFailure(display, e, 'nothing-written');
    }
    p = join(dir, basename(p));
    const ownReal = ownDescriptor(p);
    if (ownReal !== undefined) return { kind: 'fd', fd: ownReal };
    let st: Stats;
    try {
      st = await lstat(p);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'file', path: p };
      throw writeFailure(display, e, 'nothing-written');
    }
    if (st.isSymbolicLink()) {
      p = resolve(dir, await readlink(p));
      continue;
    }
    if (st.isFile()) return { kind: 'file', path: p, existing: st };
    if (st.isFIFO()) return { kind: 'device', path: p, type: 'fifo', stats: st };
    if (st.isCharacterDevice()) return { kind: 'device', path: p, type: 'char', stats: st };
    if (st.isDirectory()) {
      const inside = `-o ${join(display, 'report.csv')}`;
      throw new OutputError({ file: display, ...say({ message: 'is a folder, not a file; nothing was written', hint: `name a file inside it, e.g. ${inside}` }, { message: 'berupa folder, bukan berkas; tidak ada yang ditulis', hint: `sebutkan berkas di dalamnya, mis. ${inside}` }) });
    }
    const what = st.isBlockDevice() ? { en: 'a block device (a disk)', id: 'perangkat blok (disk)' } : st.isSocket() ? { en: 'a socket', id: 'soket' } : { en: 'not a regular file', id: 'bukan berkas biasa' };
    throw new OutputError({
      file: display,
      ...say(
        { message: `is ${what.en}; refusing to write a report onto it`, hint: 'write to a regular file, a pipe or a character device such as /dev/null' },
        { message: `berupa ${what.id}; laporan tidak akan ditulis ke sana`, hint: 'tulis ke berkas biasa, pipa, atau perangkat karakter seperti /dev/null' },
      ),
    });
  }
  throw writeFailure(display, Object.assign(new Error('too many symbolic links'), { code: 'ELOOP' }), 'nothing-written');
}

// ---------------------------------------------------------------------------------------------
// Regular files: temporary file, then rename.

export interface PreparedFile {
  /** The real path that will be replaced. */
  readonly target: string;
  readonly temp: string;
  /** The name used in messages (the path as the user gave it). */
  readonly display: string;
  readonly existed: boolean;
}

/** Write `data` to a complete, flushed temporary file beside `target` (nothing visible changes yet). */
export async function prepareFile(target: { readonly path: string; readonly existing?: Stats }, data: OutputBytes, display: string): Promise<PreparedFile> {
  sweepStale(target.path);
  const temp = tempPathFor(target.path);
  track(temp);
  const existed = target.existing !== undefined;
  try {
    // A replaced file keeps its permission bits (an 0600 report stays private); new files get the
    // usual 0666 minus the umask, as `>` would give them.
    const fh = await open(temp, FS.O_WRONLY | FS.O_CREAT | FS.O_EXCL, existed ? target.existing!.mode & 0o777 : 0o666);
    try {
      if (existed) {
        await fh.chmod(target.existing!.mode & 0o777);
        if (process.getuid?.() === 0) await fh.chown(target.existing!.uid, target.existing!.gid).catch(() => undefined);
      }
      await eachBlock(data, async (block) => {
        let off = 0;
        while (off < block.length) off += (await fh.write(block, off, block.length - off)).bytesWritten;
      });
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch (e) {
    discardTemp(temp);
    const { failure, isWrite } = unwrap(e);
    if (!isWrite && !isErrno(failure)) throw failure;
    throw writeFailure(display, failure, existed ? 'previous-kept' : 'nothing-written');
  }
  return { target: target.path, temp, display, existed };
}

function discardTemp(temp: string): void {
  try {
    unlinkSync(temp);
  } catch {
    // never created, or already gone
  }
  untrack(temp);
}

/** Remove prepared temporary files (a later step failed: nothing is replaced). */
export function discardFiles(files: readonly PreparedFile[]): void {
  for (const f of files) discardTemp(f.temp);
}

/**
 * Rename every prepared file over its target: all of them, or (if one rename fails) none. The renames
 * run in one synchronous stretch, so a signal handler cannot run between two of them; with several
 * files, each replaced file is kept as a hard link until all renames succeeded, to put it back.
 */
export function commitFiles(files: readonly PreparedFile[]): void {
  const backups: (string | undefined)[] = [];
  if (files.length > 1) {
    for (const f of files) {
      let backup: string | undefined;
      if (f.existed) {
        backup = tempPathFor(f.target);
        try {
          linkSync(f.target, backup);
          track(backup);
        } catch {
          // no hard links here (or the file vanished): this one cannot be restored after a failure
          backup = undefined;
        }
      }
      backups.push(backup);
    }
  }
  let done = 0;
  try {
    for (const f of files) {
      renameSync(f.temp, f.target);
      untrack(f.temp);
      done++;
    }
  } catch (e) {
    const failed = files[done]!;
    for (let i = done - 1; i >= 0; i--) {
      const f = files[i]!;
      const backup = backups[i];
      try {
        if (backup) renameSync(backup, f.target);
        else if (!f.existed) unlinkSync(f.target);
      } catch {
        // best effort: the original error is what the user needs to see
      }
    }
    discardFiles(files.slice(done));
    for (const b of backups) if (b) discardTemp(b);
    throw writeFailure(failed.display, e, files.length > 1 ? 'none-changed' : failed.existed ? 'previous-kept' : 'nothing-written');
  }
  for (const b of backups) if (b) discardTemp(b);
  // Make the renames durable. Not every file system can fsync a folder; the rename is atomic anyway.
  for (const dir of new Set(files.map((f) => dirname(f.target)))) {
    try {
      const dfd = openSync(dir, 'r');
      try {
        fsyncSync(dfd);
      } finally {
        closeSync(dfd);
      }
    } catch {
      // see above
    }
  }
}

// ---------------------------------------------------------------------------------------------
// FIFOs, character devices and own descriptors: written directly.

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Write all of `data` to descriptor `fd`, however short each write() is. Errors are the raw errno. */
export async function writeToDescriptor(fd: number, data: Uint8Array): Promise<void> {
  let off = 0;
  while (off < data.length) {
    try {
      off += (await writeFd(fd, data, off, data.length - off)).bytesWritten;
    } catch (e) {
      // A descriptor inherited in non-blocking mode: wait for room instead of failing.
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') await sleep(10);
      else throw e;
    }
  }
}

/**
 * Open a FIFO for writing without blocking a worker thread: a blocking open() waits for a reader
 * inside libuv's pool, where no signal can end it. O_NONBLOCK fails with ENXIO while there is no
 * reader; we poll until one comes (like `echo > fifo` waits), and stay interruptible.
 */
async function openFifoForWriting(path: string): Promise<number> {
  for (;;) {
    try {
      return openSync(path, FS.O_WRONLY | FS.O_NONBLOCK);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENXIO') throw e;
      await sleep(50);
    }
  }
}

/** Write every block to a FIFO through the event loop, each awaited (the pipe's pace); resolves when the pipe has it all. */
async function writeFifo(fd: number, data: OutputBytes): Promise<void> {
  const socket = new Socket({ fd, readable: false, writable: true });
  // The failure comes both to the write's callback and as an 'error' event: the first one seen is kept.
  let failed: Error | undefined;
  socket.on('error', (e) => (failed ??= e));
  const settle = (resolveWrite: () => void, reject: (e: Error) => void) => (e?: Error | null) => (failed || e ? reject(failed ?? e!) : resolveWrite());
  try {
    await eachBlock(data, (block) => new Promise<void>((resolveWrite, reject) => socket.write(block, settle(resolveWrite, reject))));
    await new Promise<void>((resolveWrite, reject) => {
      socket.once('error', reject);
      socket.end(() => (failed ? reject(failed) : resolveWrite()));
    }).catch((e: unknown) => {
      throw new WriteFailed(e);
    });
  } finally {
    socket.destroy();
  }
}

/** Write `data` to a FIFO or a character device, in place (no temporary file, no rename). */
export async function writeDevice(target: Extract<OutputTarget, { kind: 'device' }>, data: OutputBytes, display: string): Promise<void> {
  try {
    if (target.type === 'fifo') {
      let fd: number;
      try {
        fd = await openFifoForWriting(target.path);
      } catch (e) {
        throw new WriteFailed(e);
      }
      await writeFifo(fd, data);
      return;
    }
    let fh: Awaited<ReturnType<typeof open>>;
    try {
      fh = await open(target.path, FS.O_WRONLY | FS.O_NOCTTY);
    } catch (e) {
      throw new WriteFailed(e);
    }
    try {
      await eachBlock(data, async (block) => {
        let off = 0;
        while (off < block.length) off += (await fh.write(block, off, block.length - off)).bytesWritten;
      });
    } finally {
      await fh.close();
    }
  } catch (raw) {
    const { failure: e, isWrite } = unwrap(raw);
    if (!isWrite) throw e;
    if ((e as NodeJS.ErrnoException).code === 'EPIPE') {
      throw new OutputError({
        file: display,
        ...say(
          { message: 'the reader closed the pipe before the whole report was written', hint: 'keep the reading side open until it has read everything' },
          { message: 'pembaca menutup pipa sebelum seluruh laporan selesai ditulis', hint: 'biarkan sisi pembaca tetap terbuka sampai semuanya terbaca' },
        ),
      });
    }
    throw writeFailure(display, e, 'incomplete');
  }
}

/** Write every block to descriptor `fd`; a failed write comes out as WriteFailed (see writeBlocksToDescriptor). */
function writeEachToDescriptor(fd: number, data: OutputBytes): Promise<void> {
  return eachBlock(data, (block) => writeToDescriptor(fd, block));
}

/**
 * Write every block to descriptor `fd`, however short each write() is. A failed write is its raw errno
 * error; a failure of what makes the blocks goes on as it is.
 */
export async function writeBlocksToDescriptor(fd: number, data: OutputBytes): Promise<void> {
  try {
    await writeEachToDescriptor(fd, data);
  } catch (e) {
    throw unwrap(e).failure;
  }
}

/** Write `data` to one of this process's descriptors (left open: it is not ours to close). */
export async function writeOwnDescriptor(fd: number, data: OutputBytes, display: string): Promise<void> {
  try {
    await writeEachToDescriptor(fd, data);
  } catch (e) {
    const { failure, isWrite } = unwrap(e);
    if (!isWrite) throw failure;
    throw writeFailure(display, failure, 'incomplete');
  }
}
