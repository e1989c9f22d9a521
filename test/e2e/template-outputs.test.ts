// `template` and its outputs (review rv11 F3): `-o t1.csv -o t2.xlsx` wrote only t1.csv; `-o t.json` and
// `-o t.html` wrote CSV text into those names (exit 0); `--csv-dialect excel-id -o x.xlsx` was accepted
// and changed nothing.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tmp } from './helpers.js';

describe('template -o', () => {
  it('several -o: each is written, in the format of its extension', async () => {
    const dir = tmp();
    const r = await run(['template', '-q', '--period', '2024-06', '-o', 'a.csv', '-o', 'b.xlsx', '-o', 'c.csv'], { cwd: dir });
    expect(r.code).toBe(0);
    const csv = readFileSync(join(dir, 'a.csv'), 'utf8');
    expect(csv.split('\n')[0]).toBe('province_code,province,period,workforce,participants');
    // 38 provinces, a header and the final line break.
    expect(csv.split('\n')).toHaveLength(40);
    expect(readFileSync(join(dir, 'c.csv'), 'utf8')).toBe(csv);
    // An xlsx file is a zip: it starts with PK.
    expect(readFileSync(join(dir, 'b.xlsx')).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('a name of another format is refused (exit 2), nothing written', async () => {
    const dir = tmp();
    for (const name of ['t.json', 't.html', 't.md', 't.tsv']) {
      const r = await run(['template', '-q', '-o', 'ok.csv', '-o', name], { cwd: dir });
      expect(r.code, name).toBe(2);
      expect(r.stderr, name).toContain(`-o ${name}: this command writes .csv or .xlsx files, not .${name.slice(2)}`);
      expect(existsSync(join(dir, name)), name).toBe(false);
      expect(existsSync(join(dir, 'ok.csv')), name).toBe(false);
    }
    // A name no command writes gets the same check as the other commands, with template's formats.
    const txt = await run(['template', '-q', '-o', 't.txt'], { cwd: dir });
    expect(txt.code).toBe(2);
    expect(txt.stderr).toContain('-o t.txt: jamsostek does not write .txt files');
    expect(txt.stderr).toContain('hint: name the file .csv or .xlsx\n');
    const id = await run(['template', '-q', '-o', 't.json'], { cwd: dir, env: { LANG: 'id_ID.UTF-8' } });
    expect(id.stderr).toContain('-o t.json: perintah ini menulis berkas .csv atau .xlsx, bukan .json');
  });

  it('--csv-dialect with only xlsx outputs would have no effect: refused; with a CSV output it shapes it', async () => {
    const dir = tmp();
    const r = await run(['template', '-q', '--csv-dialect', 'excel-id', '-o', 'x.xlsx'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--csv-dialect would have no effect: --csv-dialect shapes CSV; this run writes xlsx');
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
    const ok = await run(['template', '-q', '--period', '2024-06', '--csv-dialect', 'excel-id', '-o', 'x.xlsx', '-o', 'y.csv'], { cwd: dir });
    expect(ok.code).toBe(0);
    expect(readFileSync(join(dir, 'y.csv'), 'utf8').startsWith('\uFEFFprovince_code;province;period;workforce;participants\r\n')).toBe(true);
  });

  it('standard output is CSV', async () => {
    const r = await run(['template', '-q', '--period', '2024-06'], { tty: { columns: 100 } });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[1]).toBe('11,Aceh,2024-06,,');
  });
});
