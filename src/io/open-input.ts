// Opening an input, once: a file, a FIFO, a character device or stdin, as a stream of byte chunks.
//
// Why not fs.createReadStream: it opens and reads in libuv's thread pool. On a FIFO, open() waits
// for a writer and read() waits for data; a worker thread stuck there cannot be interrupted, and
// Node's exit then waits for it forever (SIGINT/SIGTERM handlers run but the process never ends).
// So a FIFO is opened with O_NONBLOCK (never waits) and read through the event loop, as Node reads a
// piped stdin; the read ends when the last writer closes the FIFO (end of file). A FIFO opened without
// a writer yet keeps waiting for one, interruptibly. Regular files and devices are read in small
// chunks (64 KiB) so memory stays flat and the event loop keeps running between reads.

import { closeSync, constants as FS, fstatSync, open as openCb, read as readCb, readSync, type Stats } from 'node:fs';
import { Socket } from 'node:net';
import { resolve } from 'node:path';
import { isatty, ReadStream as TtyReadStream } from 'node:tty';
import { promisify } from 'node:util';
import { InputError, say } from '../errors.js';
import type { Io } from './terminal.js';

const openFd = promisify(openCb);
const readFd = promisify(readCb);

/** Bytes per read: small enough to keep memory flat and signals prompt, large enough to be fast. */
export const INPUT_CHUNK = 64 * 1024;

export type InputKind = 'file' | 'fifo' | 'char' | 'stdin';

export interface OpenedInput {
  /** The name used in messages: the path as given, or `<stdin>`. */
  readonly name: string;
  /** The bytes, in order. Iterate once; breaking out of the loop closes the input. */
  readonly stream: AsyncIterable<Buffer>;
  /** Size in bytes, for a regular file (a progress bar's 100 %). */
  readonly size?: number;
  readonly kind: InputKind;
  /** Release the descriptor (idempotent; also done when the stream ends or fails). */
  close(): void;
  /**
   * From the next chunk on, a chunk is only valid until the next one is asked for (a regular file then
   * reads into one buffer again and again). For readers that decode each chunk at once and keep none:
   * a million-row file otherwise leaves up to 64 MB of read buffers for the garbage collector.
   */
  reuseBuffers(): void;
}

const WHY = new Map<string, { en: string; id: string }>([
  ['ENOENT', { en: 'no such file', id: 'berkas tidak ada' }],
  ['EACCES', { en: 'permission denied', id: 'akses ditolak' }],
  ['EPERM', { en: 'permission denied', id: 'akses ditolak' }],
  ['EISDIR', { en: 'is a folder', id: 'berupa folder' }],
  ['ENXIO', { en: 'no such device', id: 'perangkat tidak ada' }],
  ['ELOOP', { en: 'too many symbolic links', id: 'terlalu banyak tautan simbolik' }],
  ['ENOTDIR', { en: 'a part of the path is not a folder', id: 'sebagian jalur bukan folder' }],
]);

function cannotOpen(name: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  const why = code ? WHY.get(code) : undefined;
  const detail = (lang: 'en' | 'id'): string => (code ? `${code}: ${why?.[lang] ?? (lang === 'id' ? 'galat' : 'error')}` : String(e));
  return new InputError({ file: name, ...say(`cannot open file (${detail('en')})`, `berkas tidak dapat dibuka (${detail('id')})`) });
}

function cannotRead(name: string, e: unknown): InputError {
  if (e instanceof InputError) return e;
  const err = e as NodeJS.ErrnoException;
  const detail = err.code ?? err.message;
  return new InputError({ file: name, ...say(`cannot read (${detail})`, `tidak dapat dibaca (${detail})`) });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A descriptor closed exactly once, and never while a read on it is still running. */
class Descriptor {
  private open = true;
  private reading = false;
  private closeWhenIdle = false;

  constructor(readonly fd: number) {}

  async read(buf: Buffer): Promise<number> {
    this.reading = true;
    try {
      return (await readFd(this.fd, buf, 0, buf.length, null)).bytesRead;
    } finally {
      this.reading = false;
      if (this.closeWhenIdle) this.close();
    }
  }

  get closed(): boolean {
    return !this.open || this.closeWhenIdle;
  }

  close(): void {
    if (!this.open) return;
    if (this.reading) {
      // Closing now could hand the number to another open() while the read still uses it.
      this.closeWhenIdle = true;
      return;
    }
    this.open = false;
    try {
      closeSync(this.fd);
    } catch {
      // already invalid: nothing left to release
    }
  }
}

/** Regular files and non-terminal devices: read() in 64 KiB chunks until end of file. */
async function* readChunks(d: Descriptor, name: string): AsyncGenerator<Buffer> {
  try {
    while (!d.closed) {
      const buf = Buffer.allocUnsafe(INPUT_CHUNK);
      let n: number;
      try {
        n = await d.read(buf);
      } catch (e) {
        // O_NONBLOCK on a device with nothing to read yet: wait a little, as a blocking read would.
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') {
          await sleep(20);
          continue;
        }
        throw cannotRead(name, e);
      }
      if (n === 0) return;
      yield n === buf.length ? buf : buf.subarray(0, n);
    }
  } finally {
    d.close();
  }
}

/** Bytes read from a regular file between two turns of the event loop (signals are handled there). */
const TURN_BYTES = 2 * 1024 * 1024;

/**
 * A regular file: synchronous reads of 64 KiB on this thread, with a turn of the event loop every 2 MiB.
 * Asynchronous reads go through libuv's thread pool and back for every chunk; on a busy machine the
 * round trips left the process waiting (measured: 0.9 s idle in a 4.7 s read of a million-row file).
 * A regular file never blocks a read for long, so nothing is lost by reading it here (the extract engine
 * does the same, see extract/drive.ts).
 */
async function* readFileChunks(d: Descriptor, name: string, reuse: () => boolean): AsyncGenerator<Buffer> {
  let sinceTurn = 0;
  // Only a buffer read after reuse was asked for is read into again (the first chunk is often kept).
  let last: Buffer | undefined;
  try {
    while (!d.closed) {
      const buf = last ?? Buffer.allocUnsafe(INPUT_CHUNK);
      last = reuse() ? buf : undefined;
      let n: number;
      try {
        n = readSync(d.fd, buf, 0, buf.length, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') {
          await sleep(20);
          continue;
        }
        throw cannotRead(name, e);
      }
      if (n === 0) return;
      sinceTurn += n;
      if (sinceTurn >= TURN_BYTES) {
        sinceTurn = 0;
        await new Promise<void>((r) => setImmediate(r));
      }
      yield n === buf.length ? buf : buf.subarray(0, n);
    }
  } finally {
    d.close();
  }
}

/** Streams read by the event loop (a FIFO, a terminal, stdin): chunks as Buffers, errors as InputError. */
async function* readStream(stream: AsyncIterable<Buffer | string>, name: string, done: () => void): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of stream) yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
  } catch (e) {
    throw cannotRead(name, e);
  } finally {
    done();
  }
}

function openStdin(io: Pick<Io, 'stdin'>): OpenedInput {
  const stream = (io.stdin ?? process.stdin) as NodeJS.ReadableStream & { destroy?: () => void };
  let size: number | undefined;
  if (stream === process.stdin) {
    try {
      const st = fstatSync(0);
      if (st.isFile()) size = st.size;
    } catch {
      // no size then
    }
  }
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    // Reading stops here; fd 0 itself stays (it is the process's, and nothing reads it again).
    stream.pause();
    stream.destroy?.();
  };
  return { name: '<stdin>', stream: readStream(stream as AsyncIterable<Buffer | string>, '<stdin>', close), size, kind: 'stdin', close, reuseBuffers: () => undefined };
}

/**
 * Open `path` (relative to io.cwd; `-` is stdin) for reading, once. A folder, a missing or an
 * unreadable file is an InputError (exit 3) naming it. The caller iterates `stream` once and calls
 * close() when it stops early (ending or breaking the loop closes it too).
 */
export async function openInput(path: string, io: Pick<Io, 'cwd' | 'stdin'>): Promise<OpenedInput> {
  if (path === '-') return openStdin(io);
  const name = path;
  let fd: number;
  try {
    // O_NONBLOCK: open() on a FIFO returns at once instead of waiting for a writer (see the top).
    fd = await openFd(resolve(io.cwd, path), FS.O_RDONLY | FS.O_NONBLOCK | FS.O_NOCTTY);
  } catch (e) {
    throw cannotOpen(name, e);
  }
  let st: Stats;
  try {
    st = fstatSync(fd);
  } catch (e) {
    closeSync(fd);
    throw cannotOpen(name, e);
  }
  if (st.isDirectory()) {
    closeSync(fd);
    throw new InputError({ file: name, ...say({ message: 'is a folder, not a file', hint: 'pass the files inside it, or a glob such as folder/*.csv' }, { message: 'berupa folder, bukan berkas', hint: 'berikan berkas-berkas di dalamnya, atau pola glob seperti folder/*.csv' }) });
  }
  if (st.isFIFO()) {
    // Read by the event loop (epoll): no worker thread waits, the end comes when the writer closes.
    const socket = new Socket({ fd, readable: true, writable: false });
    const close = (): void => {
      socket.destroy();
    };
    return { name, stream: readStream(socket, name, close), kind: 'fifo', close, reuseBuffers: () => undefined };
  }
  if (st.isCharacterDevice() && isatty(fd)) {
    const tty = new TtyReadStream(fd);
    const close = (): void => {
      tty.destroy();
    };
    return { name, stream: readStream(tty, name, close), kind: 'char', close, reuseBuffers: () => undefined };
  }
  const d = new Descriptor(fd);
  let reuse = false;
  return {
    name,
    stream: st.isFile() ? readFileChunks(d, name, () => reuse) : readChunks(d, name),
    size: st.isFile() ? st.size : undefined,
    kind: st.isFile() ? 'file' : 'char',
    close: () => d.close(),
    reuseBuffers: () => (reuse = true),
  };
}
