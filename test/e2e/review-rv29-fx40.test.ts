// rv29 S3, S4, S5, S7, S9 and rv28 R8 (fx40): each test failed on main at b6a0a01.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, csvRows, ROOT, run, spawnCli, tmp, writeIn } from './helpers.js';

// Two provinces of an office: 300,000 of 1,000,000 and 150,000 of 250,000.
const OFFICE = 'period,province,workforce,participants\n2024-06,Gorontalo,1000000,300000\n2024-06,Maluku,250000,150000\n';

describe('rv29 S3: a config "input": "-" left aside is no second reader of standard input', () => {
  it('`… | coverage -` reports what is piped in (main: exit 2, "the data file - and --input - both name it")', () => {
    const cwd = tmp();
    writeIn(cwd, 'jamsostek.json', '{"input":"-"}');
    const r = spawnCli(['coverage', '-', '-f', 'csv'], { cwd, input: OFFICE });
    expect(r.code, r.stderr).toBe(0);
    const total = csvRows(r.stdout).find((x) => x['level'] === 'total')!;
    expect(total['participants']).toBe(String(300_000 + 150_000));
    expect(total['denominator']).toBe(String(1_000_000 + 250_000));
  });

  it('with --year the config input is read for the plan, and `-` twice is still refused', () => {
    const cwd = tmp();
    writeIn(cwd, 'jamsostek.json', '{"input":"-"}');
    const r = spawnCli(['coverage', '-', '--year', '2024', '-f', 'csv'], { cwd, input: OFFICE });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('standard input (-) can be read only once');
  });
});

describe('rv29 S4: the round-trip hint gives the input as one shell word', () => {
  for (const [name, file] of [['a glob', 'sulama/*.csv'], ['a name with a space', "my office's.csv"]] as const) {
    it(`${name}: quoted, and the command offered runs as pasted (main: --input ${file} bare)`, async () => {
      const cwd = tmp();
      mkdirSync(join(cwd, 'sulama'));
      // Two months: a bare glob would reach breakdown as two arguments.
      writeIn(cwd, file.replace('*', '2024-05'), OFFICE.replace(/2024-06/g, '2024-05'));
      writeIn(cwd, file.replace('*', '2024-06'), OFFICE);
      writeIn(cwd, 'jamsostek.json', JSON.stringify({ input: file }));
      const r = await run(['coverage', '--year', '2024', '-f', 'csv'], { cwd });
      expect(r.code).toBe(2);
      const quoted = `'${file.replace(/'/g, `'\\''`)}'`;
      expect(r.stderr).toContain(`jamsostek breakdown --target N --year 2024 --input ${quoted} -o targets.csv`);
      const offered = /jamsostek (breakdown --target N .*?) -o targets\.csv/.exec(r.stderr)![1]!.replace('N', '500000');
      // The offered command, through a POSIX shell as the user would paste it.
      const out = execFileSync('sh', ['-c', `node '${BIN}' ${offered} -f csv -q`], { cwd, encoding: 'utf8' });
      const rows = csvRows(out);
      expect(rows.find((x) => x['level'] === 'total')?.['target']).toBe('500000');
    });
  }

  it('a plain file name is left bare', async () => {
    const cwd = tmp();
    writeIn(cwd, 'office.csv', OFFICE);
    writeIn(cwd, 'jamsostek.json', '{"input":"office.csv"}');
    const r = await run(['coverage', '--year', '2024', '-f', 'csv'], { cwd });
    expect(r.stderr).toContain('--input office.csv -o targets.csv');
  });
});

describe('rv29 S9: the --year national refusal carries its figure in Indonesian too', () => {
  it('50.000.000 beside 50,000,000 (main: no figure in the id text)', async () => {
    const cwd = tmp();
    writeIn(cwd, 'office.csv', OFFICE);
    const en = await run(['coverage', 'office.csv', '--year', '2024', '--input', 'office.csv', '-f', 'csv'], { cwd });
    const id = await run(['coverage', 'office.csv', '--year', '2024', '--input', 'office.csv', '-f', 'csv', '--lang', 'id'], { cwd });
    expect(en.stderr).toContain('--year 2024 is the national target (50,000,000); the input covers only 2 province units');
    expect(id.stderr).toContain('--year 2024 adalah target nasional (50.000.000); input hanya mencakup 2 provinsi');
  });
});

describe('rv29 S9: a config "input" that cannot be read names the config key, with a hint about it', () => {
  const cases = [
    ['no file matches it', 'data/*.csv', 'data/*.csv: error: no file matches this pattern\n  hint: correct "input" in ./jamsostek.json (a path there is read from the config file\'s folder), or name the data on the command line\n'],
    ['a folder', 'd', 'd: error: is a folder, not a file\n  hint: correct "input" in ./jamsostek.json: a glob of the files inside it, such as "d/*.csv"; or name the data on the command line\n'],
    ['a missing file', 'missing.csv', 'missing.csv: error: cannot open file (ENOENT: no such file)\n  hint: correct "input" in ./jamsostek.json (a path there is read from the config file\'s folder), or name the data on the command line\n'],
  ] as const;
  for (const [what, input, error] of cases) {
    it(`${what}: exit 3, the hint about "input" and ./jamsostek.json:2:3 (main: the typed argument's hint, no pointer)`, async () => {
      const cwd = tmp();
      mkdirSync(join(cwd, 'd'));
      writeIn(cwd, 'jamsostek.json', `{\n  "input": ${JSON.stringify(input)}\n}\n`);
      for (const args of [['coverage'], ['breakdown', '--year', '2024'], ['coverage', 'office.csv', '--year', '2024']]) {
        writeIn(cwd, 'office.csv', OFFICE);
        const r = await run([...args, '-f', 'csv'], { cwd });
        expect(r.code, r.stderr).toBe(3);
        expect(r.stdout).toBe('');
        expect(r.stderr).toContain(error);
        expect(r.stderr).toContain(`./jamsostek.json:2:3: note: ${input} above is "input" of this config file, not a file named on the command line\n`);
        expect(r.stderr).not.toContain('quote it so the shell');
      }
    });
  }

  it('in Indonesian', async () => {
    const cwd = tmp();
    writeIn(cwd, 'jamsostek.json', '{"input":"data/*.csv"}');
    const r = await run(['coverage', '--lang', 'id', '-f', 'csv'], { cwd });
    expect(r.stderr).toContain('hint: perbaiki "input" di ./jamsostek.json (jalurnya dibaca dari folder berkas konfigurasi), atau sebutkan data di baris perintah\n');
    expect(r.stderr).toContain('./jamsostek.json:1:2: note: data/*.csv di atas adalah "input" dari berkas konfigurasi ini, bukan berkas yang disebut di baris perintah');
  });

  it('typed, the hint for a typed path stays', async () => {
    const cwd = tmp();
    const r = await run(['coverage', '--input', 'data/*.csv', '-f', 'csv'], { cwd });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('hint: check the folder and the pattern; quote it so the shell passes it on unchanged');
  });
});

describe('rv29 S5: a title month in Indonesian spellings is a month; a print date is not', () => {
  const ROWS = 'province,workforce,participants\nGorontalo,1000000,300000\n';
  it('"Data per Pebruari 2024" above the header: the month note (main: nothing said of a month)', async () => {
    const cwd = tmp();
    writeIn(cwd, 't.csv', `Data per Pebruari 2024\n${ROWS}`);
    const r = await run(['coverage', 't.csv', '--header-row', '2', '-f', 'csv'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('1 ("Data per Pebruari 2024"); a month written there is not taken as the file\'s: add a period column or pass --period');
  });

  it('"Dicetak 2026-07-03" above the header: no advice to pass --period (main: "a month written there … pass --period")', async () => {
    const cwd = tmp();
    writeIn(cwd, 't.csv', `Laporan Peserta Aktif, dicetak 2026-07-03\n${ROWS}`);
    const r = await run(['coverage', 't.csv', '--header-row', '2', '-f', 'csv'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('a month written there');
    expect(r.stderr).not.toContain('--period');
  });
});

describe('rv28 R8: January after a yearly targets file hints a plan that works', () => {
  it('2027-01 against 2026 targets: the series has no 2027, so --target N, not breakdown --year 2027 (main: a hint that fails)', async () => {
    const cwd = tmp();
    expect((await run(['breakdown', '--year', '2026', '-o', 't26.csv', '-q'], { cwd })).code).toBe(0);
    writeIn(cwd, 'jan.csv', OFFICE.replace(/2024-06/g, '2027-01'));
    const r = await run(['coverage', 'jan.csv', '--targets', 't26.csv', '-f', 'csv'], { cwd });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('hint: give the targets for 2027: data/targets.csv has no plan target for 2027 (breakdown --year 2027 and coverage --year 2027 refuse it), so plan its total: breakdown --target N --year 2027 … -o targets.csv\n'); // no --period: jan.csv has no month of 2026 (fx44)
    // What the old hint offered is refused indeed; what the new one offers runs.
    expect((await run(['breakdown', '--year', '2027', '-f', 'csv'], { cwd })).stderr).toContain('no plan target for 2027');
    expect((await run(['breakdown', '--target', '60000000', '--year', '2027', '-o', 't27.csv', '-q'], { cwd })).code).toBe(0);
    expect((await run(['coverage', 'jan.csv', '--targets', 't27.csv', '-f', 'csv', '-q'], { cwd })).code).toBe(0);
    const id = await run(['coverage', 'jan.csv', '--targets', 't26.csv', '-f', 'csv', '--lang', 'id'], { cwd });
    expect(id.stderr).toContain('data/targets.csv tidak memuat target plan untuk 2027 (breakdown --year 2027 dan coverage --year 2027 menolaknya)');
  });

  it('2025-01 against 2024 targets: the series has 2025 (between 2024 and 2026), the hint stays breakdown --year 2025', async () => {
    const cwd = tmp();
    expect((await run(['breakdown', '--year', '2024', '-o', 't24.csv', '-q'], { cwd })).code).toBe(0);
    writeIn(cwd, 'jan.csv', OFFICE.replace(/2024-06/g, '2025-01'));
    const r = await run(['coverage', 'jan.csv', '--targets', 't24.csv', '-f', 'csv'], { cwd });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('hint: give the targets for 2025 (breakdown --year 2025 … -o targets.csv)\n');
    expect((await run(['breakdown', '--year', '2025', '-f', 'csv', '-q'], { cwd })).code).toBe(0);
  });
});

describe('rv29 S7: the README says what an office\'s "input" and piped data do', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const flat = readme.replace(/\s+/g, ' ');

  it('the no-file example says a config "input" is read in an office folder (main: "# the bundled baseline" only)', () => {
    expect(readme).toMatch(/^jamsostek coverage +# the bundled baseline \(in a folder whose jamsostek\.json has "input": that file\)$/m);
  });

  it('the Config file section says "input" is the data when no file is named, and piped data needs -', () => {
    const config = flat.slice(flat.indexOf('## Config file'), flat.indexOf('## The methods, briefly'));
    expect(config).toContain('`"input"` is the office\'s data: what `coverage` reports and `validate` checks when no file is named');
    expect(config).toContain('Data piped in must then be named with `-` (`… | jamsostek coverage -`)');
  });

  it('the piped example runs as written, through a shell, from the repository', () => {
    const line = readme.split('\n').find((l) => l.startsWith('cat ') && l.includes('| jamsostek coverage -'))!;
    expect(line).toBeDefined();
    const command = line.replace(/\s+#.*$/, '').replace('jamsostek ', `node '${BIN}' `);
    const out = execFileSync('sh', ['-c', `${command} -f csv -q`], { cwd: ROOT, encoding: 'utf8' });
    // Sulama's June by hand: 3,264,879 participants of 7,301,061 potential workers.
    expect(csvRows(out).find((x) => x['level'] === 'total')?.['participants']).toBe('3264879');
  });
});
