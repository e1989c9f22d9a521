// Atomic output: write a temporary file in the same folder, flush it to disk, then rename it over the
// target. A crash, a signal or an error never leaves a half-written report, and a previous report
// stays intact until the new one is complete. Temporary files carry the writer's pid, so a later run
// can remove those left behind by a process that was killed (SIGKILL cannot be caught).

import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readdirSync, realpathSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { OutputError } from '../errors.js';

const live = new Set<string>();

/** Temporary files being written now (removed by the signal handlers in cli.ts). */
export function removeLiveTemporaries(): void {
  for (const f of live) {
    try {
      unlinkSync(f);
    } catch {
      // already gone
    }
  }
  live.clear();
}

const TEMP = /^\.(.+)\.jamsostek-(\d+)-[0-9a-f]+\.tmp$/;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Remove temporaries for `target` left by processes that no longer exist. */
function sweepStale(dir: string, base: string): void {
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

export function sameFile(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return resolve(a) === resolve(b);
  }
}

/**
 * Test hook: JAMSOSTEK_TEST_HOLD_TEMP_MS makes the writer wait between the complete temporary file and
 * the rename, so that the fault tests can kill or interrupt the process at exactly that point.
 */
function holdForTests(): Promise<void> {
  const ms = Number(process.env['JAMSOSTEK_TEST_HOLD_TEMP_MS'] ?? 0);
  return ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
}

export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(resolve(target));
  const base = basename(target);
  sweepStale(dir, base);
  const temp = join(dir, `.${base}.jamsostek-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  live.add(temp);
  try {
    fd = openSync(temp, 'wx', 0o644);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    await holdForTests();
    renameSync(temp, target);
    live.delete(temp);
    try {
      const dfd = openSync(dir, 'r');
      fsyncSync(dfd);
      closeSync(dfd);
    } catch {
      // directory fsync is not supported everywhere; the rename itself is atomic
    }
  } catch (e) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // ignore
      }
    }
    try {
      unlinkSync(temp);
    } catch {
      // never created
    }
    live.delete(temp);
    const err = e as NodeJS.ErrnoException;
    throw new OutputError({
      file: target,
      message: `cannot write (${err.code ?? err.message}); ${existsHint(target)}`,
      hint: err.code === 'ENOSPC' ? 'free some disk space and run again' : err.code === 'EACCES' || err.code === 'EPERM' ? 'choose a folder you can write to' : err.code === 'ENOENT' ? 'the folder does not exist' : undefined,
    });
  }
}

function existsHint(target: string): string {
  try {
    realpathSync(target);
    return 'the previous file was left unchanged';
  } catch {
    return 'nothing was written';
  }
}
