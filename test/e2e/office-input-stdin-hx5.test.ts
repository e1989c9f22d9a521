// hx5: an office's "input" in jamsostek.json is the data of `coverage` and `validate` run with no file
// (they reported and checked the bundled national baseline in its place, or refused), and standard input
// is read once whichever flags name it (`- --input -`, `- --expect -`, `--input - --series -` read it
// twice: "the file is empty", exit 3). Each test failed on main at 985ebb1. Expected figures are the
// file's own, added up here by hand.
import { describe, expect, it } from 'vitest';
import { csvRows, run, spawnCli, tmp, writeIn } from './helpers.js';

// Two provinces of an office: 300,000 of 1,000,000 and 150,000 of 250,000.
const OFFICE = 'period,province,workforce,participants\n2024-06,Gorontalo,1000000,300000\n2024-06,Maluku,250000,150000\n';

function office(config: object = { input: 'office.csv' }): string {
  const dir = tmp();
  writeIn(dir, 'office.csv', OFFICE);
  writeIn(dir, 'jamsostek.json', JSON.stringify(config));
  return dir;
}

describe('coverage with no file and the config\'s "input": the office\'s figures, said in a note', () => {
  it('reports office.csv, not the bundled 38 provinces', async () => {
    const cwd = office();
    const r = await run(['coverage', '-f', 'csv'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const rows = csvRows(r.stdout);
    // main: 38 provinces of data/baseline.csv and a Total of 41,145,132 participants.
    expect(rows.map((x) => x['province'])).toEqual(['Gorontalo', 'Maluku', 'Total']);
    const total = rows.find((x) => x['level'] === 'total')!;
    expect(total['participants']).toBe(String(300_000 + 150_000));
    expect(total['denominator']).toBe(String(1_000_000 + 250_000));
    expect(Number(total['coverage'])).toBeCloseTo(450_000 / 1_250_000, 6);
    expect(r.stderr).toContain('note: no file given: reporting office.csv, "input" in ./jamsostek.json, not the bundled baseline');
    expect(r.stderr).not.toContain('using the bundled baseline');
  });

  it('in Indonesian, and in the JSON notes', async () => {
    const cwd = office();
    const id = await run(['coverage', '--lang', 'id', '-f', 'csv'], { cwd });
    expect(id.stderr).toContain('note: tidak ada berkas yang diberikan: melaporkan office.csv, "input" di ./jamsostek.json, bukan data dasar bawaan');
    const json = JSON.parse((await run(['coverage', '-f', 'json', '-q'], { cwd })).stdout) as { meta: { notes: { text?: string; message?: string }[] } };
    expect(JSON.stringify(json.meta.notes)).toContain('no file given: reporting office.csv');
  });

  it('a file named is the data, the config\'s "input" left to --year\'s plan', async () => {
    const cwd = office();
    writeIn(cwd, 'juni.csv', 'period,province,workforce,participants\n2024-06,Gorontalo,1000000,310000\n');
    const r = await run(['coverage', 'juni.csv', '-f', 'csv'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout).map((x) => [x['province'], x['participants']])).toEqual([['Gorontalo', '310000'], ['Total', '310000']]);
    expect(r.stderr).not.toContain('no file given');
  });

  it('data piped in with no file named is refused, as without the config (it would be left aside for office.csv)', async () => {
    const cwd = office();
    for (const cmd of ['coverage', 'validate']) {
      const r = await spawnCli([cmd, '-f', 'csv'], { cwd, input: 'period,province,workforce,participants\n2024-06,Aceh,1000,100\n' });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`error: data on standard input: pass - to read it (without a file the ${cmd === 'coverage' ? 'report' : 'check'} would be of office.csv, "input" in ./jamsostek.json)\n  hint: \`… | jamsostek ${cmd} -\`; to read office.csv, give it no input: < /dev/null\n`);
    }
  });

  it('--input typed with no file is the data too (a setting means the same in either place)', async () => {
    const cwd = tmp();
    writeIn(cwd, 'office.csv', OFFICE);
    const r = await run(['coverage', '--input', 'office.csv', '-f', 'csv'], { cwd });
    // main: exit 2, "--input would have no effect: no targets are planned (no --year)".
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout).find((x) => x['level'] === 'total')!['participants']).toBe('450000');
    expect(r.stderr).toContain('note: no file given: reporting office.csv, given with --input, not the bundled baseline');
  });
});

describe('validate with no file and the config\'s "input": checks it', () => {
  it('checks office.csv (main: "missing required argument \'files\'", exit 2)', async () => {
    const cwd = office();
    const r = await run(['validate', '-f', 'csv'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const rows = csvRows(r.stdout);
    expect(rows.map((x) => [x['file'], x['status'], x['rows']])).toEqual([['office.csv', 'ok', '2']]);
    expect(r.stderr).toContain('note: no file given: checking office.csv, "input" in ./jamsostek.json');
  });

  it('a broken office file is found (exit 3), as coverage would refuse it', async () => {
    const cwd = office();
    writeIn(cwd, 'office.csv', 'period,province,workforce,participants\n2024-06,Gorontalo,1000000,abc\n');
    const r = await run(['validate', '-f', 'csv'], { cwd });
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('office.csv,2,');
  });

  it('no file and no "input": exit 2, saying where a file can come from', async () => {
    const r = await run(['validate'], { cwd: tmp() });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: name at least one file\n  hint: or set "input" in jamsostek.json to the file to check\n');
  });
});

describe('standard input is read once, whichever flags name it: exit 2 before reading, never "the file is empty"', () => {
  it.each([
    [['coverage', '-', '--input', '-', '--year', '2024'], 'the data file - and --input -'],
    [['coverage', '-', '--expect', '-'], 'the data file - and --expect -'],
    [['validate', '-', '--expect', '-'], 'the data file - and --expect -'],
    [['coverage', '--input', '-', '--series', '-', '--year', '2024'], '--input -'],
    [['breakdown', '--input', '-', '--series', '-', '--year', '2024'], '--input -'],
    [['coverage', '-', '--previous', '-'], 'the data file - and --previous -'],
  ])('%j', async (args, named) => {
    const r = await run([...args, '-f', 'csv'], { input: OFFICE });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('error: standard input (-) can be read only once: ');
    expect(r.stderr).toContain(named);
    expect(r.stderr).not.toContain('empty');
  });

  it('--input - with no file and --year: the data and the plan\'s units would both read it', async () => {
    const r = await run(['coverage', '--input', '-', '--year', '2024', '-f', 'csv'], { input: OFFICE });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: standard input (-) can be read only once: --input - is both the data reported and the units --year plans on\n  hint: save it to a file and give that file with --input\n');
  });

  it('in Indonesian', async () => {
    const r = await run(['coverage', '-', '--expect', '-', '--lang', 'id'], { input: OFFICE });
    expect(r.stderr).toContain('masukan standar (-) hanya dapat dibaca sekali: berkas data - dan --expect - sama-sama menyebutnya');
  });

  it('--input - alone is read once, as the data (no file named)', async () => {
    const r = await run(['coverage', '--input', '-', '-f', 'csv'], { input: OFFICE });
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout).find((x) => x['level'] === 'total')!['participants']).toBe('450000');
  });
});
