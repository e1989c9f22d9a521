// rv24 G9: on Node 18 the command half-worked, then said "internal error … a bug" (exit 70) for xlsx and
// Parquet. The launcher now refuses an unsupported Node.js first: exit 2 and the versions it needs.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript of the launcher, without types
import { ENGINES, nodeVersionRefusal, supportedNode } from '../../bin/node-version.js';
import { BIN, ROOT } from './helpers.js';

const check = supportedNode as (v: string) => boolean;
const refusal = nodeVersionRefusal as (v: string, argv?: string[], env?: Record<string, string>) => string | undefined;

describe('the Node.js version check of bin/jamsostek.js (rv24 G9)', () => {
  it('is the range of package.json "engines"', () => {
    expect(ENGINES).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).engines.node);
  });

  it('accepts ^20.19.0 || >=22.12.0 and refuses the rest', () => {
    for (const v of ['20.19.0', '20.20.2', '22.12.0', '22.20.1', '23.0.0', '24.3.1']) expect(check(v), v).toBe(true);
    for (const v of ['18.20.8', '18.20.4', '20.14.0', '20.18.3', '21.7.3', '22.11.0', '16.20.2']) expect(check(v), v).toBe(false);
  });

  it('says which Node.js it needs, in English or Indonesian', () => {
    expect(refusal('20.19.0')).toBeUndefined();
    expect(refusal('18.20.8', [], { LANG: 'C' })).toBe('error: jamsostek needs Node.js 20.19 or newer (22.12 or newer on 22); this is Node.js 18.20.8\n  hint: install Node.js ^20.19.0 || >=22.12.0 (e.g. from nodejs.org or NodeSource), then run it again\n');
    expect(refusal('18.20.8', ['coverage', '--lang', 'id'], { LANG: 'C' })).toMatch(/^error: jamsostek memerlukan Node\.js 20\.19 atau lebih baru/);
    expect(refusal('18.20.8', [], { LANG: 'id_ID.UTF-8' })).toMatch(/memerlukan/);
    expect(refusal('18.20.8', ['--lang=en'], { LANG: 'id_ID.UTF-8' })).toMatch(/needs/);
  });

  it('the launcher exits 2 with it before loading the bundle (Node 18 faked: process.versions.node set first)', () => {
    const fake = 'data:text/javascript,Object.defineProperty(process.versions,"node",{value:"18.20.8"})';
    const r = spawnSync(process.execPath, ['--import', fake, BIN, 'breakdown', '--year', '2024', '-f', 'xlsx', '-o', 'x.xlsx'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '', LANG: 'C' } });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('this is Node.js 18.20.8');
  });
});
