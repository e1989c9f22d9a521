// writeOutputs in-process: several outputs all or none, stdout checked, inputs protected.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { OutputError } from '../../src/errors.js';
import { writeOutputs, StdoutClosed } from '../../src/io/output.js';
import type { Io } from '../../src/io/terminal.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'jamsostek-output-'));
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function io(cwd: string, stdout: Io['stdout'] = new PassThrough()): Io {
  return { stdout, stderr: new PassThrough(), env: {}, cwd, now: () => new Date(0) };
}

/** A stdout whose writes fail with `code` (a full disk, a closed pipe). */
function failing(code: string): Writable {
  return new Writable({
    write(_chunk, _enc, cb) {
      cb(Object.assign(new Error(code), { code }));
    },
  });
}

describe('several outputs in one run', () => {
  it('are all written', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.csv'), 'old a');
    await writeOutputs(
      [
        { target: 'a.csv', data: 'new a' },
        { target: 'b.html', data: new Uint8Array([60, 98, 62]) },
      ],
      io(dir),
      { protect: [] },
    );
    expect(readFileSync(join(dir, 'a.csv'), 'utf8')).toBe('new a');
    expect(readFileSync(join(dir, 'b.html'), 'utf8')).toBe('<b>');
    expect(readdirSync(dir).sort()).toEqual(['a.csv', 'b.html']);
  });

  it('none is written when one cannot be (a missing folder), and no temporary file is left', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.csv'), 'old a');
    const err = await writeOutputs(
      [
        { target: 'a.csv', data: 'new a' },
        { target: 'missing/b.csv', data: 'b' },
      ],
      io(dir),
      { protect: [] },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutputError);
    expect(readFileSync(join(dir, 'a.csv'), 'utf8')).toBe('old a');
    expect(readdirSync(dir)).toEqual(['a.csv']);
  });

  it.runIf(!isRoot)('none is written when a temporary file cannot be created (a read-only folder)', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'ro'));
    writeFileSync(join(dir, 'a.csv'), 'old a');
    chmodSync(join(dir, 'ro'), 0o555);
    try {
      await expect(writeOutputs([{ target: 'a.csv', data: 'new' }, { target: 'ro/b.csv', data: 'b' }], io(dir), { protect: [] })).rejects.toBeInstanceOf(OutputError);
    } finally {
      chmodSync(join(dir, 'ro'), 0o755);
    }
    expect(readFileSync(join(dir, 'a.csv'), 'utf8')).toBe('old a');
    expect(readdirSync(dir).sort()).toEqual(['a.csv', 'ro']);
  });

  it('a rename that fails after others succeeded puts the replaced files back', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.csv'), 'old a');
    writeFileSync(join(dir, 'b.csv'), 'old b');
    writeFileSync(join(dir, 'c.csv'), 'old c');
    // Between the temporary files and the renames, c.csv becomes a folder: its rename fails.
    const err = await writeOutputs(
      [
        { target: 'a.csv', data: 'new a' },
        { target: 'b.csv', data: 'new b' },
        { target: 'c.csv', data: 'new c' },
      ],
      io(dir),
      {
        protect: [],
        beforeRename: () => {
          rmSync(join(dir, 'c.csv'));
          mkdirSync(join(dir, 'c.csv'));
          writeFileSync(join(dir, 'c.csv', 'keep'), 'x');
        },
      },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutputError);
    expect((err as OutputError).diagnostics[0]!.message).toContain('no output file was changed');
    expect(readFileSync(join(dir, 'a.csv'), 'utf8')).toBe('old a');
    expect(readFileSync(join(dir, 'b.csv'), 'utf8')).toBe('old b');
    expect(readdirSync(dir).sort()).toEqual(['a.csv', 'b.csv', 'c.csv']);
  });

  it('the same file named twice is refused before anything is written', async () => {
    const dir = tmp();
    await expect(writeOutputs([{ target: 'a.csv', data: '1' }, { target: './a.csv', data: '2' }], io(dir), { protect: [] })).rejects.toThrow(/same output/);
    expect(existsSync(join(dir, 'a.csv'))).toBe(false);
  });
});

describe('stdout', () => {
  it('is written and flushed before writeOutputs returns', async () => {
    const chunks: Buffer[] = [];
    const out = new Writable({
      write(chunk: Buffer, _enc, cb) {
        setTimeout(() => {
          chunks.push(chunk);
          cb();
        }, 20);
      },
    });
    await writeOutputs([{ target: '-', data: 'report\n' }], io(tmp(), out), { protect: [] });
    expect(Buffer.concat(chunks).toString()).toBe('report\n');
  });

  it('a failed write (ENOSPC) is an OutputError, and the files of the run are not replaced', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.csv'), 'old a');
    const err = await writeOutputs(
      [
        { target: 'a.csv', data: 'new a' },
        { target: '-', data: 'report' },
      ],
      io(dir, failing('ENOSPC')),
      { protect: [] },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutputError);
    expect((err as OutputError).exitCode).toBe(4);
    expect(readFileSync(join(dir, 'a.csv'), 'utf8')).toBe('old a');
    expect(readdirSync(dir)).toEqual(['a.csv']);
  });

  it('a closed pipe (EPIPE) is StdoutClosed, after the files were written', async () => {
    const dir = tmp();
    const err = await writeOutputs(
      [
        { target: '-', data: 'report' },
        { target: 'a.csv', data: 'new a' },
      ],
      io(dir, failing('EPIPE')),
      { protect: [] },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StdoutClosed);
    expect((err as StdoutClosed).code).toBe('EPIPE');
    expect(readFileSync(join(dir, 'a.csv'), 'utf8')).toBe('new a');
  });

  it('a plain object stdout (a test double without callbacks) still gets the report', async () => {
    let text = '';
    await writeOutputs([{ target: '-', data: 'plain' }], io(tmp(), { write: (s: string | Uint8Array) => (text += String(s)) }), { protect: [] });
    expect(text).toBe('plain');
  });
});

describe('protected inputs', () => {
  it('refuses an output that is a protected file under another spelling, and leaves it untouched', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'targets.csv'), 'keep');
    await expect(writeOutputs([{ target: 'sub/../targets.csv', data: 'x' }], io(dir), { protect: ['targets.csv'] })).rejects.toThrow(/is also an input \(targets\.csv\)/);
    expect(readFileSync(join(dir, 'targets.csv'), 'utf8')).toBe('keep');
  });

  it('ignores protected names that are not files (stdin, a key=value spec, a missing file)', async () => {
    const dir = tmp();
    await writeOutputs([{ target: 'out.csv', data: 'x' }], io(dir), { protect: ['-', 'PU=1,BPU=2', 'missing.csv'] });
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe('x');
  });
});

describe('outputs written as they are produced (issue 20)', () => {
  function* rows(n: number, failAt?: number): Generator<string> {
    yield 'n\n';
    for (let i = 0; i < n; i++) {
      if (i === failAt) throw new TypeError('a renderer failed');
      yield `${i}\n`;
    }
  }
  const expected = (n: number): string => 'n\n' + Array.from({ length: n }, (_, i) => `${i}\n`).join('');

  it('a file, a device (/dev/null) and stdout get every chunk, in order, across many blocks', async () => {
    const dir = tmp();
    const out = new PassThrough();
    const got: Buffer[] = [];
    out.on('data', (c: Buffer) => got.push(c));
    const n = 300_000; // about 2 MB: several blocks
    await writeOutputs(
      [
        { target: 'a.csv', data: rows(n) },
        { target: '-', data: rows(n) },
        { target: '/dev/null', data: rows(n) },
      ],
      io(dir, out),
      { protect: [] },
    );
    expect(readFileSync(join(dir, 'a.csv'), 'utf8')).toBe(expected(n));
    expect(Buffer.concat(got).toString('utf8')).toBe(expected(n));
    expect(readdirSync(dir)).toEqual(['a.csv']);
  });

  it('a renderer failing halfway changes no file, leaves no temporary file, and is passed on as it is (not "cannot write")', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.csv'), 'old a');
    writeFileSync(join(dir, 'b.csv'), 'old b');
    const err = await writeOutputs(
      [
        { target: 'a.csv', data: rows(1000) },
        { target: 'b.csv', data: rows(200_000, 150_000) },
      ],
      io(dir),
      { protect: [] },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TypeError);
    expect(readFileSync(join(dir, 'a.csv'), 'utf8')).toBe('old a');
    expect(readFileSync(join(dir, 'b.csv'), 'utf8')).toBe('old b');
    expect(readdirSync(dir).sort()).toEqual(['a.csv', 'b.csv']);
  });

  it('a renderer failing on stdout is passed on as it is, and no file changes', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.csv'), 'old a');
    const err = await writeOutputs(
      [
        { target: 'a.csv', data: rows(10) },
        { target: '-', data: rows(10, 5) },
      ],
      io(dir),
      { protect: [] },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TypeError);
    expect(readFileSync(join(dir, 'a.csv'), 'utf8')).toBe('old a');
  });

  it('a stdout that fails halfway is exit 4, and no file changes', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.csv'), 'old a');
    let writes = 0;
    const out = new Writable({
      write(_chunk, _enc, cb) {
        cb(++writes > 1 ? Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }) : null);
      },
    });
    const err = await writeOutputs(
      [
        { target: 'a.csv', data: rows(10) },
        { target: '-', data: rows(400_000) },
      ],
      io(dir, out),
      { protect: [] },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutputError);
    expect((err as OutputError).exitCode).toBe(4);
    expect(readFileSync(join(dir, 'a.csv'), 'utf8')).toBe('old a');
    expect(readdirSync(dir)).toEqual(['a.csv']);
  });
});
