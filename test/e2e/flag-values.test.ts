// What a flag's value is told when it is not what the flag takes (review rv11: F4, M3, M4, M6, M7, M9 and
// the minor ones). Each case here gave a dead end or a wrong lead before: --number-locale refused as
// "no effect" right after the tool asked for it, `--min -1` told it "expects a column name", a wrong
// delimiter hinted at `--by`, `--phasing uneven` opened as a file (exit 3), an unknown scenario exit 3.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { englishLeft } from '../support/english.js';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const REG = `period,province,segment,workforce,participants
2024-06,Gorontalo,PU,300000,150000
2024-06,Gorontalo,BPU,122934,110000
2024-06,Maluku,PU,500000,200000
2024-06,Maluku,BPU,300000,100000
`;

describe('--number-locale and flag values written with separators (F4)', () => {
  it('--min 100.000 asks for --number-locale, and --number-locale id is then taken (bundled data, no file read)', async () => {
    const asked = await run(['breakdown', '--year', '2026', '--mode', 'level', '--min', '100.000', '-f', 'csv', '-q']);
    expect(asked.code).toBe(2);
    expect(asked.stderr).toContain('pass --number-locale');
    const id = await run(['breakdown', '--year', '2026', '--mode', 'level', '--min', '100.000', '--number-locale', 'id', '-f', 'csv', '-q']);
    expect(id.code, id.stderr).toBe(0);
    // Indonesian: 100.000 is a hundred thousand; English: a hundred.
    expect(csvRows(id.stdout).find((r) => r['province'] === 'Aceh')?.['min']).toBe('100000');
    const en = await run(['breakdown', '--year', '2026', '--mode', 'level', '--min', '100.000', '--number-locale', 'en', '-f', 'csv', '-q']);
    expect(en.code, en.stderr).toBe(0);
    expect(csvRows(en.stdout).find((r) => r['province'] === 'Aceh')?.['min']).toBe('100');
  });

  it('--target 70.000.000 --number-locale id is taken; --number-locale with no value to read is still refused', async () => {
    const r = await run(['breakdown', '--target', '70.000.000', '--number-locale', 'id', '-f', 'csv', '-q']);
    expect(r.code, r.stderr).toBe(0);
    const sum = csvRows(r.stdout).filter((x) => x['level'] === 'detail').reduce((a, x) => a + Number(x['target']), 0);
    expect(sum).toBe(70_000_000);
    const inert = await run(['breakdown', '--year', '2024', '--number-locale', 'id', '-f', 'csv', '-q']);
    expect(inert.code).toBe(2);
    expect(inert.stderr).toContain('--number-locale would have no effect');
  });
});

describe('values that are not what the flag takes', () => {
  it('--min -1, --max -1, --basis -1 name the forms the flag takes (M4)', async () => {
    const min = await run(['breakdown', '--year', '2024', '--min', '-1']);
    expect(min.code).toBe(2);
    expect(min.stderr).toContain('--min expects a whole number of 0 or more (e.g. 100000), the name of a column, or none, got "-1"');
    const max = await run(['breakdown', '--year', '2024', '--max', '-1']);
    expect(max.stderr).toContain('--max expects a whole number of 0 or more');
    const basis = await run(['breakdown', '--year', '2024', '--basis', '-1']);
    expect(basis.code).toBe(2);
    expect(basis.stderr).toContain('--basis expects workforce, uncovered, participants, equal or the name of a numeric column, got "-1"');
  });

  it('--phasing uneven and --column-totals PU= are not opened as files: the forms, exit 2 (M7)', async () => {
    const phasing = await run(['breakdown', '--year', '2024', '--months', '--phasing', 'uneven']);
    expect(phasing.code).toBe(2);
    expect(phasing.stderr).toContain('--phasing expects even or a month,weight profile file, got "uneven"');
    expect(phasing.stderr).toContain('--phasing ./uneven');
    const empty = await run(['breakdown', '--year', '2024', '--by', 'province,segment', '--column-totals', 'PU=']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('--column-totals: "PU=" is not key=number');
    const word = await run(['breakdown', '--year', '2024', '--by', 'province,segment', '--column-totals', 'PU']);
    expect(word.code).toBe(2);
    expect(word.stderr).toContain('--column-totals expects totals written key=number');
    const second = await run(['breakdown', '--year', '2024', '--by', 'province,segment', '--column-totals', 'PU=30000000,BPU=']);
    expect(second.code).toBe(2);
    expect(second.stderr).toContain('"BPU=" is not key=number');
  });

  it('a profile file without an extension is still read when named with its folder', async () => {
    const dir = tmp();
    writeIn(dir, 'uneven', `month,weight\n${Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')},1`).join('\n')}\n`);
    const r = await run(['breakdown', '--year', '2024', '--months', '--phasing', './uneven', '-f', 'csv', '-q'], { cwd: dir });
    expect(r.stderr).not.toContain('expects even');
    expect(r.stderr).not.toContain('cannot open');
  });

  it('an unknown --scenario is a usage error (exit 2), with the scenarios there are (M9)', async () => {
    const r = await run(['breakdown', '--year', '2024', '--scenario', 'PLAN']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown target scenario "PLAN"');
    expect(r.stderr).toContain('plan, roadmap, rkat');
  });

  it('an empty item in --by, --fields, --sectors is refused, not dropped', async () => {
    for (const args of [
      ['breakdown', '--year', '2024', '--by', 'province,,segment'],
      ['breakdown', '--year', '2024', '--fields', 'province,,target'],
      ['template', '--sectors', 'Pertanian,,Pendidikan'],
      ['breakdown', '--year', '2024', '--by', 'province,'],
    ]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain('an empty item in the list');
      expect(r.stdout).toBe('');
    }
    const id = await run(['breakdown', '--lang', 'id', '--year', '2024', '--by', 'province,,segment']);
    expect(id.stderr).toContain('ada butir kosong di daftar');
  });
});

describe('input messages that point at the cause', () => {
  it('the files of one folder are named apart in a message, however long the folder (M3)', async () => {
    const dir = join(tmp(), 'a-rather-long-folder-name-for-the-monthly-exports', 'sulama-2024');
    mkdirSync(dir, { recursive: true });
    for (const m of ['01', '02', '03', '04']) writeIn(dir, `2024-${m}.csv`, `period,province,workforce,participants\n2024-${m},Gorontalo,422934,260000\n2024-${m},Maluku,800000,300000\n`);
    const r = await run(['coverage', join(dir, '*.csv'), '--by', 'segment', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('2024-01.csv, ');
    expect(r.stderr).toContain('2024-02.csv, ');
    expect(r.stderr).toContain('2024-03.csv, … (4 files)');
  });

  it('a wrong --delimiter or --header-row: the hint points at the header line, not at --by (M6)', async () => {
    const dir = tmp();
    const f = writeIn(dir, 'reg.csv', REG);
    const r = await run(['coverage', f, '--delimiter', ';', '-f', 'csv']);
    expect(r.code).toBe(3);
    // Since rv21 H14: the header splits on ',' and not on ';', and the message says so at line 1.
    expect(r.stderr).toContain(`${f}:1: error: --delimiter ';': the header line does not split on ';'; it splits on ','`);
    expect(r.stderr).toContain("hint: leave out --delimiter (jamsostek finds it from the header line) or pass --delimiter ','");
    expect(r.stderr).not.toContain('keeps them apart');
    const header = await run(['coverage', f, '--header-row', '3', '-f', 'csv']);
    expect(header.code).toBe(3);
    expect(header.stderr).toContain('which line is the header with --header-row');
    expect(header.stderr).not.toContain('keeps them apart');
  });

  it('an extract with an id column the tool does not know: the hint names kpj, not --by province,id, nor --extract (which checks no id: rv17 F6)', async () => {
    const dir = tmp();
    const f = writeIn(dir, 'ext.csv', 'id,period,province,segment\n1,2024-06,Gorontalo,PU\n2,2024-06,Gorontalo,PU\n3,2024-06,Maluku,BPU\n');
    const r = await run(['coverage', f, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('name that column kpj');
    expect(r.stderr).not.toContain('--extract');
    expect(r.stderr).not.toContain('--by province,id');
  });
});

describe('Indonesian notes', () => {
  it('the newest national figure of the bundled-data note has no English words in it', async () => {
    const r = await run(['breakdown', '--year', '2024', '--lang', 'id', '-f', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('angka nasional terbaru yang dipublikasikan: 48.640.000 untuk 2025-12 (Kemnaker via intime.id: intime-2025-12; sumber sekunder, dan angkanya diperdebatkan)');
    expect(r.stderr).not.toContain('as quoted');
  });
});

describe('the new refusals in Indonesian', () => {
  it('say no English words but names and flags', async () => {
    const dir = tmp();
    const reg = writeIn(dir, 'reg.csv', REG);
    const tg = writeIn(dir, 'tg.csv', 'province,target\nGorontalo,270000\nMaluku,320000\n');
    const ext = writeIn(dir, 'ext.csv', 'id,period,province,segment\n1,2024-06,Gorontalo,PU\n2,2024-06,Gorontalo,PU\n');
    const config = writeIn(dir, 'c.json', JSON.stringify({ previous: [reg] }));
    for (const args of [
      ['breakdown', '--year', '2024', '--year', '2026'],
      ['breakdown', '--year', '2024', '--min', '-1'],
      ['breakdown', '--year', '2024', '--basis', '-1'],
      ['breakdown', '--year', '2024', '--months', '--phasing', 'uneven'],
      ['breakdown', '--year', '2024', '--by', 'province,segment', '--column-totals', 'PU='],
      ['breakdown', '--year', '2024', '--by', 'province,,segment'],
      ['breakdown', '--year', '2024', '--number-locale', 'id'],
      ['template', '-o', join(dir, 't.json')],
      ['template', '--csv-dialect', 'excel-id', '-o', join(dir, 't.xlsx')],
      ['coverage', reg, '--targets', tg, '--compare-targets', tg],
      ['coverage', reg, '--delimiter', ';'],
      ['coverage', ext],
      ['coverage', reg, '--config', config, '--previous', tg, '-f', 'csv'],
    ]) {
      const r = await run(args, { env: { LANG: 'id_ID.UTF-8' } });
      expect(r.stderr, args.join(' ')).not.toBe('');
      expect(englishLeft(r.stderr), args.join(' ')).toEqual([]);
    }
  });
});

describe('a whole number above 2^53 − 1 (review rv15)', () => {
  it('--target 9007199254740993 is refused as too large, not as "not whole"', async () => {
    const r = await run(['breakdown', '--target', '9007199254740993', '-f', 'csv', '-q']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('above 9,007,199,254,740,991');
    expect(r.stderr).not.toContain('whole non-negative');
    const negative = await run(['breakdown', '--target', '-5', '-f', 'csv', '-q']);
    expect(negative.code).toBe(2);
    expect(negative.stderr).not.toContain('above 9,007,199,254,740,991');
  });
});
