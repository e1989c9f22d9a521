// A config file named with --config in another folder (review rv25 F4): the files it names are read
// from the config's own folder, as a reader of the config expects, not from wherever the run starts.
// A month's folder with a file of the same name (last year's copy) was read instead, with no word.
// Failed on main at 1ff05be. Expected figures are worked out by hand here.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRows, run, tmp } from './helpers.js';

/** 120 participants of Gorontalo in June 2024, one row each. */
const extract = (): string => {
  const lines = ['period,participant_id,province'];
  for (let i = 0; i < 120; i++) lines.push(`2024-06,P${String(i).padStart(5, '0')},Gorontalo`);
  return lines.join('\n') + '\n';
};

/** cwd/ext.csv, cwd/wf.csv (employed 1,000,000: the wrong file), office/wf.csv (employed 400) and office/jamsostek.json. */
const office = (config: string): string => {
  const cwd = tmp();
  writeFileSync(join(cwd, 'ext.csv'), extract());
  writeFileSync(join(cwd, 'wf.csv'), 'period,province,employed\n2024-06,Gorontalo,1000000\n');
  mkdirSync(join(cwd, 'office'));
  writeFileSync(join(cwd, 'office', 'wf.csv'), 'period,province,employed\n2024-06,Gorontalo,400\n');
  writeFileSync(join(cwd, 'office', 'jamsostek.json'), config);
  return cwd;
};

describe('the files a --config file names are read from its folder (rv25 F4)', () => {
  it('"workforce": "wf.csv" in office/jamsostek.json is office/wf.csv, not the working folder\'s wf.csv', async () => {
    const cwd = office('{ "extract": true, "workforce": "wf.csv" }');
    const r = await run(['coverage', 'ext.csv', '--config', 'office/jamsostek.json', '-f', 'csv'], { cwd });
    expect(r.code).toBe(0);
    const gor = csvRows(r.stdout).find((x) => x['province'] === 'Gorontalo')!;
    // 120 / 400 = 0.3 (the working folder's file would give 120 / 1,000,000 = 0.00012)
    expect(gor['participants']).toBe('120');
    expect(Number(gor['coverage'])).toBeCloseTo(0.3, 9);
    expect(r.stderr).toContain('using defaults from office/jamsostek.json; the files it names are read from office/');
    const json = await run(['coverage', 'ext.csv', '--config', 'office/jamsostek.json', '-f', 'json'], { cwd });
    expect((JSON.parse(json.stdout) as { meta: { denominatorSource: string } }).meta.denominatorSource).toBe('office/wf.csv');
  });

  it('a path that climbs out of the config\'s folder and a glob of --previous are taken from that folder too', async () => {
    const cwd = office('{ "extract": true, "workforce": "../wf.csv", "previous": ["prev/*.csv"] }');
    mkdirSync(join(cwd, 'office', 'prev'));
    // May: 100 participants, so the change is +20 (by hand: 120 − 100)
    const may = ['period,participant_id,province'];
    for (let i = 0; i < 100; i++) may.push(`2024-05,P${String(i).padStart(5, '0')},Gorontalo`);
    writeFileSync(join(cwd, 'office', 'prev', 'may.csv'), may.join('\n') + '\n');
    const r = await run(['coverage', 'ext.csv', '--config', 'office/jamsostek.json', '-f', 'csv'], { cwd });
    expect(r.code).toBe(0);
    const gor = csvRows(r.stdout).find((x) => x['province'] === 'Gorontalo')!;
    // ../wf.csv from office/ is the working folder's wf.csv: 120 / 1,000,000
    expect(Number(gor['coverage'])).toBeCloseTo(0.00012, 12);
    expect(gor['change']).toBe('20');
  });

  it('the working folder\'s own jamsostek.json reads as before (its names are the working folder\'s)', async () => {
    const cwd = office('{}');
    writeFileSync(join(cwd, 'jamsostek.json'), '{ "extract": true, "workforce": "./wf.csv" }');
    const r = await run(['coverage', 'ext.csv', '-f', 'json'], { cwd });
    expect(r.code).toBe(0);
    const meta = (JSON.parse(r.stdout) as { meta: { denominatorSource: string } }).meta;
    expect(meta.denominatorSource).toBe('./wf.csv');
    expect(r.stderr).not.toContain('the files it names are read from');
  });

  it('a path the command line types is the working folder\'s, whatever the config says', async () => {
    const cwd = office('{ "extract": true, "workforce": "wf.csv" }');
    const r = await run(['coverage', 'ext.csv', '--config', 'office/jamsostek.json', '--workforce', 'wf.csv', '-f', 'csv'], { cwd });
    expect(r.code).toBe(0);
    const gor = csvRows(r.stdout).find((x) => x['province'] === 'Gorontalo')!;
    expect(Number(gor['coverage'])).toBeCloseTo(0.00012, 12);
  });
});

describe('a config in a folder whose name has glob syntax (rv27 F2)', () => {
  it.each(['kanwil [1]', 'juni (2024)'])('"%s": its pattern and its file names are of that folder only', async (folder) => {
    const cwd = tmp();
    writeFileSync(join(cwd, 'ext.csv'), extract());
    mkdirSync(join(cwd, folder));
    // a sibling whose name the folder's, read as a pattern, would match
    mkdirSync(join(cwd, 'kanwil 1'));
    writeFileSync(join(cwd, 'kanwil 1', 'mei.csv'), 'period,participant_id,province\n2024-05,X1,Gorontalo\n');
    writeFileSync(join(cwd, folder, 'wf.csv'), 'period,province,employed\n2024-06,Gorontalo,400\n');
    const may = ['period,participant_id,province'];
    for (let i = 0; i < 100; i++) may.push(`2024-05,P${String(i).padStart(5, '0')},Gorontalo`);
    writeFileSync(join(cwd, folder, 'mei.csv'), may.join('\n') + '\n');
    writeFileSync(join(cwd, folder, 'jamsostek.json'), '{ "extract": true, "workforce": "wf.csv", "previous": ["me*.csv"] }');
    const r = await run(['coverage', 'ext.csv', '--config', `${folder}/jamsostek.json`, '-f', 'csv'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const gor = csvRows(r.stdout).find((x) => x['province'] === 'Gorontalo')!;
    // 120 / 400 = 0.3, and the change from May's 100 (not the sibling's 1) is +20
    expect(Number(gor['coverage'])).toBeCloseTo(0.3, 9);
    expect(gor['change']).toBe('20');
  });
});
