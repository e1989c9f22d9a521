// Issue "one way in": every input file becomes one typed Table. Each test here failed on the code
// before the loader was rebuilt (7e45704), by spawning the built CLI on files written by the test.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRows, run, tmp } from './helpers.js';

const write = (dir: string, name: string, text: string | Buffer): string => {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
};

describe('any text column can be a key', () => {
  const branches = 'province,branch,workforce,participants\nGorontalo,Kota Gorontalo,1000,600\nGorontalo,Limboto,800,300\nSulawesi Utara,Manado,2000,1500\n';

  it('coverage --by branch: one row per branch', async () => {
    const f = write(tmp(), 'b.csv', branches);
    const r = await run(['coverage', f, '--by', 'branch', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const rows = csvRows(r.stdout);
    expect(rows.filter((x) => x['level'] === 'detail').map((x) => [x['branch'], x['participants']])).toEqual([
      ['Kota Gorontalo', '600'],
      ['Limboto', '300'],
      ['Manado', '1500'],
    ]);
    expect(rows.find((x) => x['level'] === 'total')!['participants']).toBe('2400');
  });

  it('breakdown --by branch: the target is split over the branches', async () => {
    const f = write(tmp(), 'b.csv', branches);
    const r = await run(['breakdown', '--target', '3000', '--input', f, '--by', 'branch', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const rows = csvRows(r.stdout).filter((x) => x['level'] === 'detail');
    expect(rows).toHaveLength(3);
    expect(rows.reduce((a, x) => a + Number(x['target']), 0)).toBe(3000);
  });

  it('coverage --by province on branch rows refuses the repeated province and names the column that differs', async () => {
    const f = write(tmp(), 'b.csv', branches);
    const r = await run(['coverage', f, '--by', 'province', '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${f}:3`);
    expect(r.stderr).toContain(`first at line 2`);
    expect(r.stderr).toContain('branch');
  });
});

describe('extracts get every row check', () => {
  const head = 'participant_id,province,segment,period\n';
  const cases: [string, string, RegExp][] = [
    ['a segment named constructor', head + '1,Gorontalo,PU,2024-06\n2,Gorontalo,constructor,2024-06\n', /:3:\d+: error: unknown segment "constructor"/],
    ['a segment named __proto__', head + '1,Gorontalo,__proto__,2024-06\n', /:2:\d+: error: unknown segment "__proto__"/],
    ['a NUL in a key', head + '1,Goron\u0000talo,PU,2024-06\n', /:2:\d+: error: control character U\+0000/],
    ['an ESC in a key', head + '1,Gorontalo,P\u001bU,2024-06\n', /:2:\d+: error: control character U\+001B/],
    ['a blank province', head + '1,Gorontalo,PU,2024-06\n2, ,PU,2024-06\n', /:3:\d+: error: the province is empty/],
    ['the same participant twice in one period', head + '7,Gorontalo,PU,2024-06\n8,Gorontalo,PU,2024-06\n7,Gorontalo,BPU,2024-06\n', /:4:\d+: error: participant 7 appears twice in 2024-06 \(first at line 2\)/],
  ];
  it.each(cases)('%s: exit 3 with the place, from coverage and from validate', async (_name, text, message) => {
    const f = write(tmp(), 'x.csv', text);
    for (const cmd of ['coverage', 'validate']) {
      const r = await run([cmd, f, '-f', 'csv'].slice(0, cmd === 'validate' ? 2 : 4));
      expect(r.code, `${cmd}: ${r.stderr}`).toBe(3);
      expect(r.stderr).toMatch(message);
      // coverage writes nothing; validate's report is the list of problems.
      if (cmd === 'coverage') expect(r.stdout).toBe('');
      else expect(csvRows(r.stdout).map((x) => x['status'])).toContain('error');
    }
  });

  it('a per-employer extract with participants above its own workforce', async () => {
    const f = write(tmp(), 'e.csv', 'employer_id,province,workforce,participants\nA1,Gorontalo,10,8\nA2,Gorontalo,5,9\n');
    const r = await run(['coverage', f, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/:3:\d+: error: participants \(9\) exceed workforce \(5\)/);
  });

  it('the same participant in two periods is two rows, not a duplicate', async () => {
    const f = write(tmp(), 'x.csv', head + '7,Gorontalo,PU,2024-05\n7,Gorontalo,PU,2024-06\n');
    const r = await run(['coverage', f, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
  });
});

describe('validate and coverage accept and refuse the same files', () => {
  const dir = join(__dirname, '..', 'fixtures', 'bad');
  const files = readdirSync(dir).map((f) => join(dir, f));
  it.each(files)('%s', async (f) => {
    const v = await run(['validate', f]);
    const c = await run(['coverage', f, '-f', 'csv']);
    expect(v.code === 0, `validate ${v.code}: ${v.stderr}\ncoverage ${c.code}: ${c.stderr}`).toBe(c.code === 0);
    if (v.code !== 0) expect(c.code).toBe(v.code);
  });
});

describe('denominators at the right grain', () => {
  it('coverage --extract --by province,segment: the province workforce is not repeated per segment', async () => {
    const f = write(tmp(), 'x.csv', 'participant_id,province,segment,period\n1,Gorontalo,PU,2023-12\n2,Gorontalo,PU,2023-12\n3,Gorontalo,BPU,2023-12\n');
    const r = await run(['coverage', f, '--by', 'province,segment', '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    for (const row of doc.rows) {
      expect(row.denominator).toBeNull();
      expect(row.coverage).toBeNull();
    }
    const employed = Number(csvRows((await run(['coverage', '--fields', 'province,denominator', '-f', 'csv'])).stdout).find((x) => x['province'] === 'Gorontalo')!['denominator']);
    expect(doc.subtotals[0].denominator).toBe(employed);
    expect(doc.totals.denominator).toBe(employed);
    expect(doc.totals.participants).toBe(3);
    expect(r.stderr).toMatch(/known per province, not per segment/);
  });
});

describe('numbers: deduce the locale from the counts, never guess', () => {
  it('counts such as 256.129 can only be Indonesian', async () => {
    const f = write(tmp(), 'id.csv', 'provinsi;peserta_aktif;potensi_pekerja\nGorontalo;256.129;422.934\n');
    const r = await run(['coverage', f, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const row = csvRows(r.stdout).find((x) => x['level'] === 'detail')!;
    expect(row['participants']).toBe('256129');
    expect(row['denominator']).toBe('422934');
  });

  it('counts such as "422,934" can only be English', async () => {
    const f = write(tmp(), 'en.csv', 'province,participants,potential_workers\nGorontalo,"256,129","422,934"\n');
    const r = await run(['coverage', f, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout).find((x) => x['level'] === 'detail')!['participants']).toBe('256129');
  });

  it('cells that contradict each other are refused, naming a cell for each reading', async () => {
    const f = write(tmp(), 'mix.csv', 'province,participants,potential_workers\nGorontalo,256.129,"422,934"\n');
    const r = await run(['validate', f]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${f}:2:11`);
    expect(r.stderr).toContain(`${f}:2:19`);
  });
});

// 'no size limits from the implementation' (a file of 129,528 rows) is in test/scale/no-size-limits.test.ts.

describe('overlapping inputs are errors, not sums', () => {
  it('the same area in a file without a period and in a file with one', async () => {
    const dir = tmp();
    const a = write(dir, 'a.csv', 'province,workforce,participants\nGorontalo,1000,500\n');
    const b = write(dir, 'b.csv', 'province,period,workforce,participants\nGorontalo,2024-06,1000,510\n');
    const r = await run(['coverage', a, b, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${b}:2`);
    expect(r.stderr).toContain(`${a}:2`);
  });

  it('the same file twice', async () => {
    const dir = tmp();
    const a = write(dir, 'a.csv', 'province,workforce,participants\nGorontalo,1000,500\n');
    const b = write(dir, 'copy.csv', 'province,workforce,participants\nGorontalo,1000,500\n');
    const r = await run(['coverage', a, b, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/same content|sha256/);
    expect(r.stderr).toContain(a);
  });

  it('a user column that collides with an output column', async () => {
    const f = write(tmp(), 'l.csv', 'province,level,workforce,participants\nGorontalo,SMA,100,50\nGorontalo,S1,100,60\n');
    const r = await run(['coverage', f, '--by', 'province,level', '-f', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/"level".*output column/);
  });

  it('a JSON object with "rows" twice', async () => {
    const f = write(tmp(), 'r.json', '{"rows": [{"province": "Gorontalo", "participants": 5}],\n "rows": [{"province": "Aceh", "participants": 6}]}\n');
    const r = await run(['validate', f]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${f}:2:2: error: "rows" appears twice in the object (first at line 1, column 2)`);
  });
});

describe('periods are real months', () => {
  it.each(['2024-06-99', '0000-06', '2024-13', '2024-00'])('%s is refused', async (p) => {
    const f = write(tmp(), 'p.csv', `province,period,participants\nGorontalo,${p},5\n`);
    const r = await run(['validate', f]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`"${p}" is not a month`);
  });

  it('an area in an earlier month but not in the latest is named', async () => {
    const f = write(tmp(), 'm.csv', 'province,period,workforce,participants\nGorontalo,2024-05,100,50\nSulawesi Utara,2024-05,100,60\nGorontalo,2024-06,100,55\n');
    const r = await run(['coverage', f, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: .*2024-06.*Sulawesi Utara/);
  });
});

describe('options never swallow files', () => {
  const may = 'province,period,workforce,participants\nGorontalo,2024-05,1000,500\n';
  const jun = 'province,period,workforce,participants\nGorontalo,2024-06,1000,530\n';

  it('--previous takes one value: the next argument is an input', async () => {
    const dir = tmp();
    const a = write(dir, 'may.csv', may);
    const b = write(dir, 'jun.csv', jun);
    const r = await run(['coverage', '--previous', a, b, '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.meta.period).toBe('2024-06');
    expect(doc.rows[0].participants).toBe(530);
    expect(doc.rows[0].change).toBe(30);
  });

  it('a previous period that is not earlier is refused', async () => {
    const dir = tmp();
    const a = write(dir, 'may.csv', may);
    const b = write(dir, 'jun.csv', jun);
    const r = await run(['coverage', a, '--previous', b, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/2024-06 is not before 2024-05/);
  });
});

describe('encodings said right', () => {
  const text = 'province,workforce,participants\nGorontalo,1000,500\n';
  const utf16be = (s: string): Buffer => {
    const le = Buffer.from(s, 'utf16le');
    for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
    return le;
  };
  it.each([
    ['UTF-16LE without BOM', Buffer.from(text, 'utf16le')],
    ['UTF-16BE without BOM', utf16be(text)],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)])],
  ])('%s is read', async (_name, bytes) => {
    const f = write(tmp(), 'u.csv', bytes);
    const r = await run(['coverage', f, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout).find((x) => x['level'] === 'detail')!['participants']).toBe('500');
  });

  it('a CR-only file reports the true line of a bad byte', async () => {
    const f = write(tmp(), 'cr.csv', Buffer.concat([Buffer.from('province,participants\rGorontalo,5\rAceh,'), Buffer.from([0xe9]), Buffer.from('\r')]));
    const r = await run(['validate', f]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/cr\.csv:3:6: error: invalid UTF-8 \(byte 0xE9 at offset 39\)/);
  });

  it('a bad byte after the first read chunk reports its true line and byte', async () => {
    const rows = ['province,period,participants'];
    for (let i = 0; i < 60_000; i++) rows.push(`Gorontalo,2024-06,${i}`);
    const head = Buffer.from(rows.join('\n') + '\nAceh,2024-06,');
    const f = write(tmp(), 'late.csv', Buffer.concat([head, Buffer.from([0xff]), Buffer.from('\n')]));
    const r = await run(['validate', f]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`late.csv:60002:14: error: invalid UTF-8 (byte 0xFF at offset ${head.length})`);
  });
});
