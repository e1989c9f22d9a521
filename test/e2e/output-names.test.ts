// The name of an output and its format agree, and a slip in the outputs is said before any work. Found
// by a review: `-f csv -o r.xlsx` wrote CSV text into r.xlsx, `-f xlsx -o r.csv` a zip into r.csv (read
// back, it was taken for Windows-1252 text), `-f json -o q.md -o q.csv` ignored -f json, `-o report.xls`
// and `-o report.htm` wrote CSV; and `-o a.csv -o ./a.csv` was refused only after the inputs were read.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run, tmp } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const data = join(dir, 'jun.csv');
writeFileSync(data, 'province,period,workforce,participants\nGorontalo,2024-06,1000,450\n');

describe('output names', () => {
  it('--format and an -o extension that disagree are refused, nothing written', async () => {
    for (const [f, o] of [['csv', 'r.xlsx'], ['xlsx', 'r.csv'], ['json', 'q.md']] as const) {
      const out = join(dir, o);
      const r = await run(['coverage', data, '-f', f, '-o', out]);
      expect(r.code, `${f} ${o}`).toBe(2);
      expect(r.stderr).toContain(`error: --format ${f} but -o ${out} ends in .${o.split('.')[1]}`);
      expect(existsSync(out)).toBe(false);
    }
  });
  it('a file named for a format jamsostek does not write needs --format', async () => {
    for (const o of ['report.xls', 'report.htm']) {
      const out = join(dir, o);
      const r = await run(['coverage', data, '-o', out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`jamsostek does not write .${o.split('.')[1]} files`);
      expect(existsSync(out)).toBe(false);
    }
    const txt = join(dir, 'report.txt');
    const ok = await run(['coverage', data, '-f', 'csv', '-o', txt]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(existsSync(txt)).toBe(true);
  });
  it('matching names, several formats, and names without an extension still work', async () => {
    const r = await run(['coverage', data, '-o', join(dir, 'a.csv'), '-o', join(dir, 'a.json'), '-o', join(dir, 'plain')]);
    expect(r.code, r.stderr).toBe(0);
    for (const f of ['a.csv', 'a.json', 'plain']) expect(existsSync(join(dir, f))).toBe(true);
  });
  it('one output named twice is refused before the inputs are read', async () => {
    const r = await run(['coverage', join(dir, 'missing.csv'), '-o', join(dir, 'b.csv'), '-o', `${dir}/./b.csv`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is the same output as');
  });
});

describe('--csv-dialect and TSV', () => {
  it('excel-id with -f tsv did nothing (dots, tabs, no BOM) and exited 0: refused as a flag with no effect', async () => {
    const r = await run(['coverage', data, '-f', 'tsv', '--csv-dialect', 'excel-id']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: --csv-dialect would have no effect: --csv-dialect shapes CSV; this run writes tsv');
  });
});

describe('--format for standard output beside files, and a config format', () => {
  it('-f md -o - -o r.json writes Markdown to stdout and JSON to the file', async () => {
    const json = join(dir, 'r.json');
    const r = await run(['coverage', data, '-f', 'md', '-o', '-', '-o', json]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^#|\|/m);
    expect(existsSync(json)).toBe(true);
  });
  it("a config file's format is a default: -o r.json writes JSON; unknown suffixes like .v2 are names, not formats", async () => {
    const cfgDir = join(dir, 'cfg');
    const { mkdirSync, readFileSync } = await import('node:fs');
    mkdirSync(cfgDir, { recursive: true });
    writeFileSync(join(cfgDir, 'jamsostek.json'), '{ "format": "csv" }\n');
    const r = await run(['coverage', data, '-o', join(cfgDir, 'r.json')], { cwd: cfgDir });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(cfgDir, 'r.json'), 'utf8')).toMatch(/^\{/);
    const v2 = await run(['coverage', data, '-o', join(dir, 'report.v2')]);
    expect(v2.code, v2.stderr).toBe(0);
  });
});
