// A flag given more than once (review rv11: F8, F10, F11). A single-value flag typed twice kept the last
// value without a word (`--targets a.csv --targets b.csv` used only b.csv); a repeatable key typed on
// the command line replaced the config file's list without a word; --compare-targets took the same plan
// twice (columns that repeat the first plan's, a difference of 0).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram, COMMANDS } from '../../src/cli.js';
import { FLAGS, type FlagKey } from '../../src/options/flags.js';
import { csvRows, run, tmp, writeIn } from './helpers.js';
import { processIo } from '../../src/io/terminal.js';

const REG = `period,province,segment,workforce,participants
2024-06,Gorontalo,PU,300000,150000
2024-06,Gorontalo,BPU,122934,110000
2024-06,Maluku,PU,500000,200000
2024-06,Maluku,BPU,300000,100000
`;
const MAY = REG.replace(/2024-06/g, '2024-05').replace('150000', '149000');
const APRIL = REG.replace(/2024-06/g, '2024-04').replace('150000', '148000');
const TG = 'province,target\nGorontalo,270000\nMaluku,320000\n';
const TG2 = 'province,target\nGorontalo,280000\nMaluku,310000\n';

function files(): { dir: string; reg: string; tg: string; tg2: string; may: string; april: string } {
  const dir = tmp();
  return { dir, reg: writeIn(dir, 'reg.csv', REG), tg: writeIn(dir, 'tg.csv', TG), tg2: writeIn(dir, 'tg2.csv', TG2), may: writeIn(dir, 'may.csv', MAY), april: writeIn(dir, 'april.csv', APRIL) };
}

describe('a single-value flag typed twice (F8)', () => {
  it('every single-value flag of every command is refused with both values (exit 2)', async () => {
    const program = await buildProgram(() => processIo(), [...COMMANDS.keys()]);
    const byName = new Map((Object.keys(FLAGS) as FlagKey[]).map((k) => [`--${FLAGS[k].name}`, k]));
    let checked = 0;
    for (const cmd of program.commands) {
      for (const opt of cmd.options) {
        const key = byName.get(opt.long ?? '');
        if (!key || !FLAGS[key].arg || FLAGS[key].repeatable) continue;
        const r = await run([cmd.name(), opt.long!, 'first-value', opt.long!, 'second-value']);
        expect(r.code, `${cmd.name()} ${opt.long}`).toBe(2);
        expect(r.stderr, `${cmd.name()} ${opt.long}`).toContain(`--${FLAGS[key].name} is given twice, "first-value" and "second-value"`);
        expect(r.stdout).toBe('');
        checked++;
      }
    }
    // breakdown, coverage, validate, provinces and template all take single-value flags.
    expect(checked).toBeGreaterThan(60);
  });

  it('--targets twice on a real run: refused before anything is read or written', async () => {
    const f = files();
    const out = join(f.dir, 'out.csv');
    const r = await run(['coverage', f.reg, '--targets', f.tg, '--targets', f.tg2, '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--targets is given twice, "${f.tg}" and "${f.tg2}": it takes one value`);
    expect(r.stderr).toContain('hint: give --targets once');
  });

  it('the short and long spellings together (-f csv --format json), --year, --by, --fields, --method', async () => {
    for (const args of [
      ['breakdown', '--year', '2024', '-f', 'csv', '--format', 'json'],
      ['breakdown', '--year', '2024', '--year', '2026'],
      ['breakdown', '--year', '2024', '--by', 'province', '--by', 'kanwil'],
      ['breakdown', '--year', '2024', '--fields', 'province,target', '--fields', 'province'],
      ['breakdown', '--year', '2024', '--method', 'webster', '--method=hamilton'],
    ]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/is given twice, "[^"]+" and "[^"]+"/);
      expect(r.stdout).toBe('');
    }
    expect((await run(['breakdown', '--year', '2024', '-f', 'csv', '--format', 'json'])).stderr).toContain('-f/--format is given twice, "csv" and "json"');
  });

  it('in Indonesian too', async () => {
    const r = await run(['breakdown', '--lang', 'id', '--year', '2024', '--year', '2026']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--year diberikan dua kali, "2024" dan "2026"');
  });

  it('the same value twice means one thing and is taken; a typed flag still overrides the config file', async () => {
    const once = await run(['breakdown', '--year', '2024', '-f', 'csv', '-q']);
    const twice = await run(['breakdown', '--year', '2024', '--year', '2024', '-f', 'csv', '-q']);
    expect(twice.code).toBe(0);
    expect(twice.stdout).toBe(once.stdout);
    const dir = tmp();
    const config = writeIn(dir, 'c.json', '{ "year": 2026, "method": "hamilton" }');
    const r = await run(['breakdown', '--config', config, '--year', '2024', '-f', 'csv', '-q']);
    expect(r.code).toBe(0);
    // The typed year wins: the targets add up to 2024's 50,000,000 (summed here, not by the tool).
    const sum = csvRows(r.stdout).filter((row) => row['level'] === 'detail').reduce((a, row) => a + Number(row['target']), 0);
    expect(sum).toBe(50_000_000);
  });
});

describe("a repeatable key in the config file and on the command line (F11)", () => {
  it('the typed list replaces the config list, and a note names what was left out', async () => {
    const f = files();
    const config = writeIn(f.dir, 'c.json', JSON.stringify({ previous: [f.april] }));
    const r = await run(['coverage', f.reg, '--config', config, '--previous', f.may, '-f', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`note: --previous given on the command line replaces the list of "previous" in ${config}: ${f.april} left out`);
    // Only May was read: the change is against May (Gorontalo 260,000 − 259,000 = 1,000).
    const json = await run(['coverage', f.reg, '--config', config, '--previous', f.may, '-f', 'json', '-q']);
    const report = JSON.parse(json.stdout) as { rows: { province: string; change: number }[]; meta: { notes: { en: string }[] } };
    expect(report.rows.find((x) => x.province === 'Gorontalo')?.change).toBe(1000);
    expect(report.meta.notes.some((n) => n.en.includes('april.csv left out'))).toBe(true);
  });

  it('no note when the typed list keeps every value of the config', async () => {
    const f = files();
    const config = writeIn(f.dir, 'c.json', JSON.stringify({ previous: [f.may] }));
    const r = await run(['coverage', f.reg, '--config', config, '--previous', f.may, '-f', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('replaces the list');
  });
});

describe('--compare-targets naming the same plan twice (F10)', () => {
  it('the file of --targets: refused (exit 3), nothing written', async () => {
    const f = files();
    const out = join(f.dir, 'out.csv');
    const r = await run(['coverage', f.reg, '--targets', f.tg, '--compare-targets', f.tg, '-o', out]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${f.tg}: error: --compare-targets: has the same content as --targets ${f.tg}`);
    expect(r.stdout).toBe('');
  });

  it('the same file twice, or a copy under another name: refused', async () => {
    const f = files();
    const copy = writeIn(f.dir, 'copy.csv', TG2);
    const twice = await run(['coverage', f.reg, '--targets', f.tg, '--compare-targets', f.tg2, '--compare-targets', f.tg2, '-f', 'csv']);
    expect(twice.code).toBe(3);
    expect(twice.stderr).toContain(`has the same content as --compare-targets ${f.tg2}`);
    const copied = await run(['coverage', f.reg, '--year', '2024', '--compare-targets', f.tg2, '--compare-targets', copy, '-f', 'csv']);
    expect(copied.code).toBe(3);
    expect(copied.stderr).toContain(`${copy}: error: --compare-targets: has the same content as --compare-targets ${f.tg2}`);
  });

  it('two different plans are still compared', async () => {
    const f = files();
    const r = await run(['coverage', f.reg, '--targets', f.tg, '--compare-targets', f.tg2, '-f', 'csv', '-q']);
    expect(r.code).toBe(0);
    const rows = csvRows(r.stdout);
    // Gorontalo: 280,000 − 270,000 = 10,000 between the plans.
    expect(rows.find((x) => x['province'] === 'Gorontalo')?.['diff_tg2']).toBe('10000');
  });
});
