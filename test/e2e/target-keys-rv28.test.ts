// rv28 R6: a targets file keyed by a column the report has no key for. A `sector` file (a key the tool
// knows, added up over when the report is not by sector) said "none of the 0 targets" for its 2 targets;
// a `kantor` file (a column the tool does not know) gave a false delimiter/header hint. Both now name the
// file's key column, its number of targets, and the --by that would use it (exit 3, nothing written).
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const data = writeIn(dir, 'sulama.csv', 'period,province,potential_workers,participants\n2026-06,Gorontalo,422934,259971\n2026-06,Maluku,485724,155094\n');
const sector = writeIn(dir, 'sector-targets.csv', 'sector,target\nPertanian,300000\nJasa,200000\n');
const kantor = writeIn(dir, 'branch-targets.csv', 'kantor,target\nManado,300000\nPalu,200000\nLuwuk,100000\n');
const provSector = writeIn(dir, 'prov-sector.csv', 'province,sector,target\nGorontalo,Pertanian,3000\nGorontalo,Jasa,2000\n');

describe('rv28 R6: targets keyed by a column the report does not have', () => {
  it('sector: its 2 targets and the key named (main: "none of the 0 targets")', async () => {
    const r = await run(['coverage', data, '--targets', sector, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('sector-targets.csv: error: the targets are keyed by sector (2 targets), a key this report does not have: it is by province');
    expect(r.stderr).toContain('hint: give --by sector with data that has a sector column, or targets per province');
    expect(r.stderr).not.toContain('0 targets');
  });

  it('kantor (a column the tool does not know): its 3 targets, no delimiter hint (main: "duplicate row … check the delimiter")', async () => {
    const r = await run(['coverage', data, '--targets', kantor, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain('branch-targets.csv: error: the targets are keyed by kantor (3 targets), a key this report does not have: it is by province');
    expect(r.stderr).toContain('hint: give --by kantor with data that has a kantor column');
    expect(r.stderr).not.toContain('--delimiter');
    expect(r.stderr).not.toContain('duplicate row');
  });

  it('province × sector targets on a report by province: the sector named, with --by province,sector (main: "none of the 0 targets")', async () => {
    const r = await run(['coverage', data, '--targets', provSector, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain('the targets are keyed by sector (2 targets)');
    expect(r.stderr).toContain('hint: give --by province,sector with data that has a sector column');
  });

  it('Indonesian words under --lang id', async () => {
    const r = await run(['coverage', data, '--targets', kantor, '-f', 'csv', '--lang', 'id']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('target diberi kunci kantor (3 target), kunci yang tidak dimiliki laporan ini: laporan per provinsi');
  });
});
