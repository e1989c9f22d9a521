// openInput and expandInputs in-process: FIFOs end with their writer, no descriptor leaks, errors name the file.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../../src/errors.js';
import { expandInputs } from '../../src/io/inputs.js';
import { INPUT_CHUNK, openInput } from '../../src/io/open-input.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'jamsostek-input-'));
/** How many of this process's descriptors are open on `path` (other descriptors come and go). */
const openOn = (path: string): number =>
  readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === path;
    } catch {
      return false;
    }
  }).length;

async function readAll(stream: AsyncIterable<Buffer>): Promise<{ bytes: number; chunks: number; max: number }> {
  let bytes = 0;
  let chunks = 0;
  let max = 0;
  for await (const c of stream) {
    bytes += c.length;
    chunks++;
    max = Math.max(max, c.length);
  }
  return { bytes, chunks, max };
}

describe('openInput', () => {
  it('reads a regular file in chunks of at most 64 KiB, with its size, and closes it', async () => {
    const dir = tmp();
    const f = join(dir, 'big.csv');
    writeFileSync(f, Buffer.alloc(300_000, 0x61));
    const input = await openInput('big.csv', { cwd: dir });
    expect(openOn(f)).toBe(1);
    expect(input.kind).toBe('file');
    expect(input.size).toBe(300_000);
    expect(input.name).toBe('big.csv');
    const r = await readAll(input.stream);
    expect(r.bytes).toBe(300_000);
    expect(r.max).toBeLessThanOrEqual(INPUT_CHUNK);
    expect(openOn(f)).toBe(0);
  });

  it('closes the file when the reader stops early, and when close() comes before any read', async () => {
    const dir = tmp();
    const f = join(dir, 'f.csv');
    writeFileSync(f, Buffer.alloc(200_000, 0x62));
    const a = await openInput('f.csv', { cwd: dir });
    for await (const chunk of a.stream) {
      expect(chunk.length).toBeGreaterThan(0);
      break;
    }
    const b = await openInput('f.csv', { cwd: dir });
    expect(openOn(f)).toBe(1);
    b.close();
    b.close();
    expect(openOn(f)).toBe(0);
  });

  it('a FIFO: ends when the writer closes it, and leaves no descriptor behind', async () => {
    const dir = tmp();
    const fifo = join(dir, 'in.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // Opened before any writer exists: must not wait (the writer comes later).
    const input = await openInput(fifo, { cwd: dir });
    expect(input.kind).toBe('fifo');
    expect(input.size).toBeUndefined();
    expect(openOn(fifo)).toBe(1);
    const writer = spawn('bash', ['-c', 'head -c 200000 /dev/zero > "$0"', fifo]);
    const r = await readAll(input.stream);
    expect(r.bytes).toBe(200_000);
    await new Promise((res) => writer.on('exit', res));
    // The descriptor is closed when the read ends (the stream's finally), not some time later.
    expect(openOn(fifo)).toBe(0);
  });

  it('a folder, a missing file and an unreadable file are InputErrors that name them', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'folder'));
    await expect(openInput('folder', { cwd: dir })).rejects.toThrow(InputError);
    await expect(openInput('folder', { cwd: dir })).rejects.toThrow(/is a folder/);
    const missing = await openInput('missing.csv', { cwd: dir }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(InputError);
    expect((missing as InputError).diagnostics[0]).toMatchObject({ file: 'missing.csv', message: 'cannot open file (ENOENT: no such file)' });
  });

  it('- is stdin, read from the injected stream', async () => {
    const input = await openInput('-', { cwd: tmp(), stdin: Readable.from([Buffer.from('a,b\n'), 'c,d\n']) });
    expect(input.kind).toBe('stdin');
    expect(input.name).toBe('<stdin>');
    expect((await readAll(input.stream)).bytes).toBe(8);
  });
});

describe('expandInputs', () => {
  it('expands and sorts a glob, keeps plain paths and -', async () => {
    const dir = tmp();
    for (const f of ['b.csv', 'a.csv', 'c.txt']) writeFileSync(join(dir, f), 'x');
    expect(await expandInputs(['*.csv', 'plain.csv', '-'], { cwd: dir })).toEqual(['a.csv', 'b.csv', 'plain.csv', '-']);
  });

  it('an absolute pattern gives the files as written, absolute, globbed from its own folder (t3: from the working folder it walked / and all of /tmp)', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'jun'));
    for (const f of ['b.csv', 'a.csv', '~$a.xlsx', 'c.txt']) writeFileSync(join(dir, 'jun', f), 'x');
    expect(await expandInputs([join(dir, 'jun', '*.csv')], { cwd: '/' })).toEqual([join(dir, 'jun', 'a.csv'), join(dir, 'jun', 'b.csv')]);
    expect(await expandInputs([join(dir, '*', '*.csv')], { cwd: '/' })).toEqual([join(dir, 'jun', 'a.csv'), join(dir, 'jun', 'b.csv')]);
    let locks: readonly { file: string }[] = [];
    expect(await expandInputs([join(dir, 'jun', '*')], { cwd: '/' }, (l) => (locks = l))).toEqual([join(dir, 'jun', 'a.csv'), join(dir, 'jun', 'b.csv'), join(dir, 'jun', 'c.txt')]);
    expect(locks.map((l) => l.file)).toEqual([join(dir, 'jun', '~$a.xlsx')]);
  });

  it('a glob with no match is an InputError (exit 3); stdin twice is a usage error', async () => {
    const dir = tmp();
    const e = await expandInputs(['*.csv'], { cwd: dir }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).exitCode).toBe(3);
    await expect(expandInputs(['-', '-'], { cwd: dir })).rejects.toBeInstanceOf(UsageError);
  });
});
