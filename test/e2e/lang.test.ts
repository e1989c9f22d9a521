// --lang id on stderr: every failing run says the same thing at the same places in both languages, and
// the Indonesian has no English left in it (outside quoted values, flag names and paths).
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { englishLeft } from '../support/english.js';
import { ROOT, run, tmp, type RunResult } from './helpers.js';

const BAD = 'test/fixtures/bad';
const GOOD = 'test/fixtures/good/provinces-2024-06.csv';

// Files that are read together, or only by another command (the pair of duplicate keys across files).
const PAIRED = new Set(['dup-across-a.csv', 'dup-across-b.csv']);

const work = tmp();
const input = join(work, 'peserta.csv');
copyFileSync(join(ROOT, GOOD), input);
const manyBad = join(work, 'many-bad.csv');
writeFileSync(manyBad, 'province,participants\nAceh,x\nBali,y\nJambi,z\nRiau,-1\n');
const notXlsx = join(work, 'book.xlsx');
writeFileSync(notXlsx, 'province,participants\nAceh,1\n');
const badConfig = join(work, 'bad-config.json');
writeFileSync(badConfig, JSON.stringify({ frobnicate: true }));
const refusedConfig = join(work, 'refused-config.json');
writeFileSync(refusedConfig, JSON.stringify({ output: 'x.csv' }));
const workbook = join(work, 'kanwil.xlsx');
beforeAll(async () => {
  expect((await run(['breakdown', '--year', '2024', '-o', workbook])).code).toBe(0);
});

// Commands without --lang (completion) take the language from the environment.
const ENV_ID = { LANG: 'id_ID.UTF-8' };

/** Failing runs: every bad fixture, and mistakes of usage, output and data. */
const corpus: [string, string[]][] = [
  ...readdirSync(join(ROOT, BAD))
    .filter((f) => !PAIRED.has(f))
    .sort()
    .map((f): [string, string[]] => [f, f === 'ambiguous-decimals.csv' ? ['breakdown', '--target', '600000', '--input', `${BAD}/${f}`, '--basis', 'bobot', '-f', 'csv'] : ['validate', `${BAD}/${f}`]]),
  ['rows across files', ['coverage', `${BAD}/dup-across-a.csv`, `${BAD}/dup-across-b.csv`, '-f', 'csv']],
  ['the same file twice', ['validate', GOOD, input]],
  ['more problems than --max-errors', ['validate', manyBad, '--max-errors', '2']],
  ['a missing file', ['validate', `${BAD}/no-such-file.csv`]],
  ['a folder', ['validate', 'test/fixtures/bad']],
  ['a glob matching nothing', ['validate', 'test/fixtures/bad/*.nothing']],
  ['not an xlsx workbook', ['validate', notXlsx]],
  ['an unknown sheet', ['validate', workbook, '--sheet', 'Juli']],
  ['a header row beyond the sheet', ['validate', workbook, '--header-row', '999']],
  ['a forced delimiter that splits nothing', ['validate', GOOD, '--delimiter', ';']],
  ['a bad --period', ['coverage', GOOD, '--period', '2024-13']],
  ['a --period with no rows', ['coverage', GOOD, '--period', '2023-01', '-f', 'csv']],
  ['an unknown --method', ['breakdown', '--year', '2024', '--method', 'borda']],
  ['--fail-below 0.3', ['coverage', GOOD, '--fail-below', '0.3']],
  ['a threshold breached', ['coverage', GOOD, '--fail-below', '40', '-f', 'csv']],
  ['--fail-on with no values', ['coverage', GOOD, '--fail-below', '40', '--fail-on', 'achievement', '-f', 'csv']],
  ['an output that is an input', ['coverage', input, '-o', input]],
  ['an output that is a folder', ['coverage', GOOD, '-o', `${work}/`]],
  ['two -o -', ['coverage', GOOD, '-o', '-', '-o', '-']],
  ['xlsx to standard output', ['breakdown', '--year', '2024', '-f', 'xlsx']],
  ['an unknown field', ['coverage', GOOD, '--fields', 'nope', '-f', 'csv']],
  ['an unknown --sort', ['coverage', GOOD, '--sort', 'nope', '-f', 'csv']],
  ['--by period', ['coverage', GOOD, '--by', 'period']],
  ['--by too many', ['breakdown', '--year', '2024', '--by', 'province,segment,kanwil']],
  ['an unknown denominator', ['coverage', GOOD, '--denominator', 'nope', '-f', 'csv']],
  ['a bad --target', ['breakdown', '--target', '70.000,5']],
  ['a bad --delimiter', ['validate', GOOD, '--delimiter', 'ab']],
  ['a bad --max-coverage', ['breakdown', '--year', '2024', '--max-coverage', '2']],
  ['a bad --at-risk-margin', ['coverage', GOOD, '--at-risk-margin', '1.5']],
  ['a flag with no effect', ['coverage', GOOD, '--workforce', 'test/fixtures/good/targets.csv']],
  ['--expect an area that did not report', ['coverage', GOOD, '--expect', 'kanwil:Sulama']],
  ['--months without a year', ['breakdown', '--target', '287599', '--input', 'examples/gorontalo-regencies.csv', '--by', 'regency', '--months']],
  ['an unknown year', ['breakdown', '--year', '2030']],
  ['an unknown scenario', ['breakdown', '--year', '2024', '--scenario', 'nope']],
  ['a target below today', ['breakdown', '--target', '40000000', '-f', 'csv']],
  ['--row-totals on one --by', ['breakdown', '--year', '2024', '--row-totals', 'Aceh=1']],
  ['--compare with one method', ['breakdown', '--year', '2024', '--compare', 'webster']],
  ['an unknown province', ['provinces', '--regencies', '--province', 'Atlantis']],
  ['an unknown shell', ['completion', 'tcsh']],
  ['a config file not found', ['validate', GOOD, '--config', join(work, 'none.json')]],
  ['an unknown config key', ['validate', GOOD, '--config', badConfig]],
  ['a config key refused', ['validate', GOOD, '--config', refusedConfig]],
];

/** What a line of stderr tells apart from its words: the place and the keyword of each problem. */
function shape(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      // Notes and warnings of the run itself are said with Indonesian words (catatan, peringatan).
      const m = /^(.*?)(error|warning|note|catatan|peringatan): /.exec(l);
      if (m) return `${m[1]}${m[2] === 'catatan' ? 'note' : m[2] === 'peringatan' ? 'warning' : m[2]}:`;
      if (l.startsWith('  hint: ')) return 'hint:';
      if (/^\d+ (problems|masalah)$/.test(l)) return 'count';
      return 'other';
    });
}

async function both(args: string[]): Promise<{ en: RunResult; id: RunResult }> {
  if (args[0] === 'completion') return { en: await run(args), id: await run(args, { env: ENV_ID }) };
  const [en, id] = [await run([...args, '--lang', 'en']), await run([...args, '--lang', 'id'])];
  return { en, id };
}

describe('--lang id on stderr: the same problems at the same places, in Indonesian', () => {
  it.each(corpus)('%s', async (_name, args) => {
    const { en, id } = await both(args);
    expect(en.code, en.stderr).not.toBe(0);
    expect(id.code).toBe(en.code);
    expect(shape(id.stderr)).toEqual(shape(en.stderr));
    expect(id.stderr).not.toBe(en.stderr);
    expect(englishLeft(id.stderr)).toEqual([]);
    // The report goes out the same either way (a breached threshold still writes it).
    expect(id.stdout === '').toBe(en.stdout === '');
  });

  it('the corpus covers every bad fixture and every exit code of a failing run', () => {
    expect(corpus.length).toBeGreaterThan(60);
    for (const f of readdirSync(join(ROOT, BAD))) expect(corpus.some(([, a]) => a.some((x) => x.endsWith(`/${f}`)))).toBe(true);
  });

  it('the words error:, note: and hint: and the count line stay parseable; the count is in Indonesian', async () => {
    const { en, id } = await both(['validate', manyBad, '--max-errors', '2']);
    expect(en.stderr).toMatch(/: error: .*\n {2}hint: /);
    expect(id.stderr).toMatch(/many-bad\.csv:2:\d+: error: kolom "participants": "x" bukan angka\n {2}hint: /);
    expect(en.stderr).toMatch(/^note: 2 more problems not listed \(--max-errors 2\)$/m);
    expect(id.stderr).toMatch(/^note: 2 masalah lain tidak dicantumkan \(--max-errors 2\)$/m);
    // The problems found, those not listed included (it said "2 problems" beside "2 more … not listed").
    expect(en.stderr.endsWith('\n4 problems (2 listed)\n')).toBe(true);
    expect(id.stderr.endsWith('\n4 masalah (2 dicantumkan)\n')).toBe(true);
  });
});

describe('the language of messages when --lang is not given', () => {
  it('"lang" in ./jamsostek.json, unless the command line says otherwise', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'jamsostek.json'), JSON.stringify({ lang: 'id' }));
    const id = await run(['validate', 'none.csv'], { cwd: dir });
    expect(id.stderr).toBe('note: memakai pengaturan dari ./jamsostek.json\nnone.csv: error: berkas tidak dapat dibuka (ENOENT: berkas tidak ada)\n');
    const en = await run(['validate', 'none.csv', '--lang', 'en'], { cwd: dir });
    expect(en.stderr).toBe('note: using defaults from ./jamsostek.json\nnone.csv: error: cannot open file (ENOENT: no such file)\n');
    expect(id.code).toBe(3);
    expect(en.code).toBe(3);
  });

  it('"lang" in a --config file, also when the error is about that file', async () => {
    const dir = tmp();
    const config = join(dir, 'kanwil.json');
    writeFileSync(config, JSON.stringify({ lang: 'id', colour: 'never' }));
    const r = await run(['validate', GOOD, '--config', config]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^.*kanwil\.json:1:14: error: config: kunci "colour" tidak dikenal\n {2}hint: maksudnya "color"\? berkas konfigurasi memakai nama panjang opsi/);
  });

  it('a config file that cannot be read leaves the language to LANG, and its own error is said', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'jamsostek.json'), '{ "lang": "id", ');
    const en = await run(['validate', 'none.csv'], { cwd: dir });
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/^\.\/jamsostek\.json:1:17: error: config file is not valid JSON: /);
    const id = await run(['validate', 'none.csv'], { cwd: dir, env: { LANG: 'id_ID.UTF-8' } });
    expect(id.stderr).toMatch(/^\.\/jamsostek\.json:1:17: error: berkas konfigurasi bukan JSON yang sah: /);
  });

  it('LANG=id_ID.UTF-8 gives Indonesian; --lang en wins over it', async () => {
    const env = { LANG: 'id_ID.UTF-8' };
    const id = await run(['coverage', GOOD, '--period', '2024-13'], { env });
    expect(id.stderr).toBe('error: --period memerlukan bulan dalam format YYYY-MM, bukan "2024-13"\n');
    const en = await run(['coverage', GOOD, '--period', '2024-13', '--lang', 'en'], { env });
    expect(en.stderr).toBe('error: --period expects a month as YYYY-MM, got "2024-13"\n');
  });
});
