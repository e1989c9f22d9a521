// One table of flags: a value means the same on the command line and in jamsostek.json, because both
// go through the flag's own parser. Every flag of the table is checked.
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { FLAGS, type FlagKey } from '../../src/options/flags.js';
import { addFlags, resolveOptions } from '../../src/options/resolve.js';

// A valid value for every flag that takes one.
const SAMPLES: Partial<Record<FlagKey, string>> = {
  format: 'json', output: 'out.csv', lang: 'id', color: 'never', fields: 'province,target', csvDialect: 'excel-id', numberLocale: 'id', codeSystem: 'bps',
  delimiter: ';', encoding: 'windows-1252', sheet: 'Data', headerRow: '3', maxErrors: '7', config: 'x.json', year: '2026', target: '70.000.000', scenario: 'rkat',
  input: 'in.csv', by: 'province,segment', basis: 'workforce', denominator: 'potential_workers', mode: 'level', min: 'none', max: '1000', maxCoverage: '95%',
  method: 'sainte-lague', columnTotals: 'PU=1,BPU=2', rowTotals: 'rows.csv', phasing: 'even', compare: 'webster,hamilton', compareScenario: 'plan,rkat',
  targets: 't.csv', period: '2024/6', previous: 'may.csv', sort: 'gap', top: '5', atRiskMargin: '5%', failBelow: '40', failOn: 'achievement', failScope: 'total',
  workforce: 'w.csv', province: 'Gorontalo', sectors: 'Pertanian,Pendidikan', series: 'series.csv', asOf: '2024-07', expect: 'kanwil:Sulama', paceWindow: '6', compareTargets: 'b.csv',
};

describe('the flag table', () => {
  const keys = Object.keys(FLAGS) as FlagKey[];

  it('every flag with an argument has a sample here (a new flag needs one)', () => {
    for (const k of keys) if (FLAGS[k].arg) expect(SAMPLES[k], k).toBeDefined();
  });

  it.each(keys.filter((k) => FLAGS[k].arg && !('configRefused' in FLAGS[k] && FLAGS[k].configRefused)))('%s: the flag and the config key give the same value', (k) => {
    const raw = SAMPLES[k]!;
    const fromFlag = resolveOptions([k], { [k]: FLAGS[k].repeatable ? [raw] : raw });
    const fromConfig = resolveOptions([k], {}, { file: 'jamsostek.json', values: { [k]: raw } });
    expect(fromConfig).toEqual(fromFlag);
    expect(fromFlag[k]).toBeDefined();
  });

  it('switches: true in the config is the flag given', () => {
    for (const k of keys.filter((x) => !FLAGS[x].arg)) {
      expect(resolveOptions([k], {}, { file: 'c', values: { [k]: true } })[k]).toBe(true);
      expect(() => resolveOptions([k], {}, { file: 'c', values: { [k]: 'yes' } })).toThrow(UsageError);
    }
  });

  it('the config cannot set output paths or name itself; unknown keys are refused', () => {
    expect(() => resolveOptions(['format'], {}, { file: 'c', values: { output: 'x.csv' } })).toThrow(/cannot be set in a config file/);
    expect(() => resolveOptions(['format'], {}, { file: 'c', values: { config: 'y.json' } })).toThrow(/cannot be set in a config file/);
    expect(() => resolveOptions(['format'], {}, { file: 'c', values: { __proto__: 'x', formt: 'csv' } })).toThrow(/unknown key "formt"/);
  });

  it('a flag overrides the config; of an exclusive pair, the flag given wins over the other in the config', () => {
    const o = resolveOptions(['year', 'target'], { target: '5' }, { file: 'c', values: { year: 2024 } }, [['year', 'target']]);
    expect(o).toMatchObject({ target: 5n, year: undefined });
    expect(() => resolveOptions(['year', 'target'], { target: '5', year: '2024' }, undefined, [['year', 'target']])).toThrow(/either --year or --target/);
  });

  it('--fail-below: percentages; a bare value below 1 is refused as a likely slip', () => {
    expect(resolveOptions(['failBelow'], { failBelow: '40' }).failBelow).toBeCloseTo(0.4, 12);
    expect(resolveOptions(['failBelow'], { failBelow: '0.3%' }).failBelow).toBeCloseTo(0.003, 12);
    expect(() => resolveOptions(['failBelow'], { failBelow: '0.3' })).toThrow(/percentages are written as 30 for 30 %/);
  });

  it('--target is read in --number-locale: 70.000.000 (id) and 70,000,000 (en); 256.129 alone is refused', () => {
    expect(resolveOptions(['target', 'numberLocale'], { target: '70.000.000' }).target).toBe(70_000_000n);
    expect(resolveOptions(['target', 'numberLocale'], { target: '256.129', numberLocale: 'id' }).target).toBe(256_129n);
    expect(() => resolveOptions(['target'], { target: '256.129' })).toThrow(/ambiguous/);
  });

  it('commander gets every flag once, with its short name and the choices in its help', () => {
    const cmd = addFlags(new Command('x'), keys);
    expect(cmd.options).toHaveLength(keys.length);
    const f = cmd.options.find((o) => o.long === '--format')!;
    expect(f.short).toBe('-f');
    expect(f.description).toContain('table, csv, tsv, json, jsonl, md, xlsx, html');
  });
});
