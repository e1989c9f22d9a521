// Issue 21: every key a user names, every config file, every odd option value gets a clear answer.
// One test per symptom of the issue; each failed on the code before the fix (see the commit).

import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import type { Io } from '../../src/io/terminal.js';
import { BIN, csvRows, exitStatus, ROOT, run, tmp } from '../e2e/helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string | Buffer): string => {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
};
const GOOD = 'test/fixtures/good/provinces-2024-06.csv';

describe('--by a column the input lacks: exit 2 naming the flag, the columns there are and the closest one', () => {
  const runs: [string, string[]][] = [
    ['breakdown regency (bundled baseline)', ['breakdown', '--year', '2024', '--by', 'regency']],
    ['breakdown sector (bundled baseline)', ['breakdown', '--year', '2024', '--by', 'sector']],
    ['coverage regency (bundled baseline)', ['coverage', '--by', 'regency', '-f', 'csv']],
    ['coverage sector, file', ['coverage', GOOD, '--by', 'sector', '-f', 'csv']],
    ['validate FILE regency', ['validate', GOOD, '--by', 'regency']],
    ['breakdown __proto__', ['breakdown', '--year', '2024', '--by', '__proto__']],
    ['coverage constructor', ['coverage', GOOD, '--by', 'constructor', '-f', 'csv']],
    ['validate toString', ['validate', GOOD, '--by', 'toString']],
  ];
  it.each(runs)('%s', async (_name, args) => {
    const r = await run(args);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).not.toContain('internal error');
    expect(r.stderr).toMatch(/error: --by \S+: .* has no (key )?column "/);
    expect(r.stderr).toMatch(/hint: .*columns it has: .*province/);
    expect(r.stdout).toBe('');
  });

  it('a typo gets a did-you-mean', async () => {
    for (const args of [['breakdown', '--year', '2024', '--by', 'provnce'], ['coverage', GOOD, '--by', 'provnce', '-f', 'csv'], ['validate', GOOD, '--by', 'provnce']]) {
      const r = await run(args);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain('error: --by provnce:');
      expect(r.stderr).toContain('did you mean "province"?');
    }
  });

  it('the bundled baseline says how to bring regencies or sectors', async () => {
    const r = await run(['breakdown', '--year', '2024', '--by', 'regency']);
    expect(r.stderr).toContain('the bundled baseline (data/baseline.csv) has no key column "regency"');
    expect(r.stderr).toContain('jamsostek template');
  });

  it('from jamsostek.json too (__proto__ and constructor as values and as keys)', async () => {
    for (const [name, text] of [
      ['by-proto.json', '{"by": "__proto__"}'],
      ['by-ctor.json', '{"by": "constructor"}'],
      ['key-proto.json', '{"__proto__": {"lang": "id"}}'],
      ['key-ctor.json', '{"constructor": "x"}'],
    ]) {
      const r = await run(['coverage', GOOD, '-f', 'csv', '--config', file(name!, text!)]);
      expect(r.code, `${name}: ${r.stderr}`).toBe(2);
      expect(r.stderr).not.toContain('internal error');
    }
  });
});

describe('--basis, --min, --max, --denominator name columns by the same rule', () => {
  const units = (): string => file('units.csv', 'province,workforce,participants,bobot\nGorontalo,631521,255000,2\nMaluku,853254,251000,1\n');
  it.each([
    ['--basis', 'bobt', 'bobot'],
    ['--min', 'partcipants', 'participants'],
    ['--max', 'workforse', 'workforce'],
    ['--denominator', 'workforse', 'workforce'],
  ])('%s %s: exit 2 before any work, with a did-you-mean', async (flag, value, close) => {
    const r = await run(['breakdown', '--target', '600000', '--input', units(), flag, value, '--mode', 'level']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`error: ${flag} ${value}:`);
    expect(r.stderr).toContain(`did you mean "${close}"?`);
  });

  it('--basis toString on the bundled baseline is a usage error (exit 2), not "no tostring per province" (exit 3)', async () => {
    const r = await run(['breakdown', '--year', '2024', '--basis', 'toString']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/--basis tostring: the bundled baseline .* has no column "tostring"/);
  });
});

describe('--fields and --sort are checked before any work', () => {
  it('breakdown --fields x: refused before the plan (no note of the plan is said), with the fields there are', async () => {
    const r = await run(['breakdown', '--year', '2024', '--fields', 'provnce,target']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: --fields provnce: no such column in this report');
    expect(r.stderr).toContain('did you mean "province"?');
    expect(r.stderr).not.toContain('held at today');
    expect(r.stderr).not.toContain('bundled baseline');
  });

  it('coverage --sort and --fields: before reading (no note about the bundled baseline)', async () => {
    for (const args of [['coverage', '--sort', 'provnce'], ['coverage', '--fields', 'constructor']]) {
      const r = await run(args);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).not.toContain('bundled baseline');
    }
  });

  it('fields of --months and --compare reports are known up front', async () => {
    expect((await run(['breakdown', '--year', '2024', '--months', '--fields', 'period,province,milestone', '-f', 'csv'])).code).toBe(0);
    expect((await run(['breakdown', '--year', '2024', '--compare', 'webster,hamilton', '--fields', 'province,target_hamilton,diff', '-f', 'csv'])).code).toBe(0);
    const r = await run(['breakdown', '--year', '2024', '--fields', 'milestone']);
    expect(r.code).toBe(2);
  });
});

describe('--by with a key that groups the other', () => {
  it('province,kanwil says to write kanwil,province (not "no matrix is possible, short by 2"); kanwil,province works', async () => {
    const r = await run(['breakdown', '--year', '2024', '--by', 'province,kanwil', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('each province lies in one kanwil');
    expect(r.stderr).toContain('hint: write --by kanwil,province');
    expect(r.stderr).not.toContain('no integer matrix');
    expect((await run(['breakdown', '--year', '2024', '--by', 'kanwil,province', '-f', 'csv'])).code).toBe(0);
  });
});

describe('config files', () => {
  it('nested 50,000 levels deep: exit 2 at its line and column, not exit 70', async () => {
    const f = file('deep.json', '{"lang":' + '['.repeat(50_000) + ']'.repeat(50_000) + '}');
    const r = await run(['provinces', '-f', 'csv', '--config', f]);
    expect(r.code, r.stderr.slice(0, 500)).toBe(2);
    expect(r.stderr).toMatch(/deep\.json:1:\d+: error: config file is nested deeper than 8 levels/);
  });

  it('a key given twice is refused with its line (JSON.parse kept the last one)', async () => {
    const f = file('twice.json', '{\n  "lang": "id",\n  "lang": "en"\n}\n');
    const r = await run(['provinces', '-f', 'csv', '--config', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('twice.json:3:3: error: config file gives "lang" twice (first on line 2)');
  });

  it('a BOM (Notepad) is accepted', async () => {
    const f = file('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{ "lang": "id" }')]));
    const r = await run(['provinces', '-f', 'table', '--config', f]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Provinsi di Indonesia');
  });

  it('a bad value is refused even when the flag is also given', async () => {
    const f = file('bad-target.json', '{ "target": "banyak" }');
    const r = await run(['breakdown', '--target', '1000', '--config', f, '-f', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad-target\.json:1:13: error: config "target" expects a whole number/);
    // and the other one of an exclusive pair (--year overrides "target", but a bad one is still bad)
    const y = await run(['breakdown', '--year', '2024', '--config', f, '-f', 'csv']);
    expect(y.code).toBe(2);
  });

  it('a huge value is quoted in 80 characters; a file past 1 MiB is refused by its size', async () => {
    const f = file('long.json', JSON.stringify({ maxErrors: 'x'.repeat(200_000) }));
    const r = await run(['provinces', '-f', 'csv', '--config', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`"${'x'.repeat(80)}… (200,000 bytes)"`);
    expect(r.stderr.length).toBeLessThan(1000);
    const big = file('big.json', JSON.stringify({ sheet: 'x'.repeat(20 << 20) }));
    const b = await run(['provinces', '-f', 'csv', '--config', big]);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('the config file is larger than 1 MiB');
    expect(b.stderr.length).toBeLessThan(1000);
  });

  it('an unknown key gets a did-you-mean', async () => {
    const r = await run(['provinces', '-f', 'csv', '--config', file('typo.json', '{"numberLocal": "id"}')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did you mean "numberLocale"?');
  });
});

describe('validate reports every problem of every phase at once', () => {
  it('a value error and a duplicate row, together', async () => {
    const f = file('both.csv', 'province,period,workforce,participants\nGorontalo,2024-06,631521,abc\nMaluku,2024-06,853254,251000\nMaluku,2024-06,853254,251000\n');
    const r = await run(['validate', f]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('both.csv:2:');
    expect(r.stderr).toContain('is not a number');
    expect(r.stderr).toContain('both.csv:4: error: duplicate row for Maluku / 2024-06 (first at line 3)');
  });
});

describe('validate renders a Report like every command', () => {
  it('--lang id: the report in Indonesian', async () => {
    const r = await run(['validate', GOOD, '--lang', 'id', '-f', 'table']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Sah: 1 berkas, 3 baris, 3 kelompok provinsi, periode 2024-06');
    expect(r.stdout).toContain('berkas');
    expect(r.stdout).not.toContain('Valid');
  });

  it('-f json: what was read, as data', async () => {
    const r = await run(['validate', GOOD, '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.kind).toBe('validation');
    expect(doc.meta.valid).toBe(true);
    expect(doc.rows[0].file).toBe(GOOD);
    expect(doc.rows[0].rows).toBe(3);
  });

  it('on a terminal the problems are said once: the table on stdout, one line on stderr', async () => {
    const f = file('tty.csv', 'province,period,workforce,participants\nGorontalo,2024-06,631521,-5\n');
    let stdout = '';
    let stderr = '';
    const io: Io = {
      stdout: { write: (c: string | Uint8Array) => ((stdout += String(c)), true), isTTY: true, columns: 320 },
      stderr: { write: (c: string | Uint8Array) => ((stderr += String(c)), true), isTTY: true },
      env: { NO_COLOR: '1', LANG: 'C' },
      cwd: ROOT,
      now: () => new Date(),
    };
    expect(await main(['validate', f], io)).toBe(3);
    expect(stdout).toContain('1 problem');
    expect(stdout).toMatch(/│ .*tty\.csv │ +2 │/);
    expect(stderr).toBe('error: the input has 1 problem (listed above)\n');
  });

  it('-f csv with problems: one row per problem with its place, and exit 3', async () => {
    const f = file('two.csv', 'province,period,workforce,participants\nGorontalo,2024-06,631521,-5\nAtlantis,2024-06,1,1\n');
    const r = await run(['validate', f, '-f', 'csv', '--lang', 'id']);
    expect(r.code).toBe(3);
    const rows = csvRows(r.stdout);
    expect(rows.map((x) => [x['line'], x['status']])).toEqual([['2', 'error'], ['3', 'error']]);
    expect(rows[1]!['message']).toContain('tidak dikenal');
  });
});

describe('infeasible splits say the real reason and a way out that applies', () => {
  const zero = (): string => file('zero.csv', 'province,workforce,participants,w\nGorontalo,100,10,0\nMaluku,100,10,0\n');
  it('all-zero weights: the weight, not "their upper bounds"; no --max none when it was given', async () => {
    const r = await run(['breakdown', '--target', '100', '--input', zero(), '--basis', 'w', '--mode', 'level', '--max', 'none']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('every province unit has weight 0 under the w basis, and a unit of weight 0 stays at its lower bound');
    expect(r.stderr).not.toContain('(their upper bounds)');
    expect(r.stderr).not.toContain('--max none');
  });

  it('a --min column above the --max column is refused as crossed bounds (the library refuses it too)', async () => {
    const f = file('cross.csv', 'province,workforce,participants,lo,hi\nGorontalo,100,10,50,40\nMaluku,100,10,5,60\n');
    const r = await run(['breakdown', '--target', '60', '--input', f, '--min', 'lo', '--max', 'hi', '-f', 'csv']);
    expect(r.code, r.stdout).toBe(3);
    expect(r.stderr).toContain('Gorontalo: its lower bound 50 (--min lo) is above its upper bound 40 (--max hi)');
    expect(r.stdout).toBe('');
  });

  it('a matrix --compare with hamilton names --compare, not --method', async () => {
    const r = await run(['breakdown', '--year', '2024', '--by', 'province,segment', '--compare', 'webster,hamilton']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: --compare hamilton:');
    expect(r.stderr).not.toContain('--method');
  });
});

describe('smaller ones', () => {
  it('a config file named as -o is named as the user named it, not by an absolute path', async () => {
    const d = tmp();
    writeFileSync(join(d, 'jamsostek.json'), '{"lang": "en"}');
    const r = await run(['provinces', '-o', 'jamsostek.json'], { cwd: d });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('jamsostek.json: error: is also an input (./jamsostek.json)');
    rmSync(d, { recursive: true, force: true });
  });

  it('template --sectors a,a is refused (it wrote every row twice)', async () => {
    const r = await run(['template', '--sectors', 'Pertanian,pertanian']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--sectors names "pertanian" twice');
    expect(r.stdout).toBe('');
  });

  it("--row-totals '' names the flag (it said \"is a folder, not a file\")", async () => {
    const r = await run(['breakdown', '--year', '2024', '--by', 'province,segment', '--row-totals', '']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: --row-totals expects totals');
    expect(r.stderr).not.toContain('folder');
  });

  it('a megabyte value is quoted in 80 characters', async () => {
    const r = await run(['coverage', GOOD, '--period', 'x'.repeat(1 << 20)]);
    expect(r.code).toBe(2);
    expect(r.stderr.length).toBeLessThan(500);
    expect(r.stderr).toContain('(1,048,576 bytes)');
  });

  it('a closed stdout (>&-) is exit 4 with a message, not exit 0 with the report lost; > /dev/null stays 0', () => {
    const sh = (script: string): { status: number; stderr: string } => {
      const r = spawnSync('bash', ['-c', script, 'sh', process.execPath, BIN], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', LANG: 'C' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      return { status: exitStatus(r.status, r.signal), stderr: r.stderr };
    };
    const closed = sh('"$1" "$2" provinces -f csv >&-');
    expect(closed.status).toBe(4);
    expect(closed.stderr).toContain('standard output is closed');
    expect(sh('"$1" "$2" provinces -f csv > /dev/null').status).toBe(0);
    expect(sh(`"$1" "$2" provinces -f csv -o "${join(dir, 'p.csv')}" >&-`).status).toBe(0);
  });
});
