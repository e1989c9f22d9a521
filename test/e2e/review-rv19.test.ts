// Review rv19: the report's frame in every format and both languages. The report files are what goes
// to leadership: they keep the line between a warning (what changes what a number means) and a note,
// say what --quiet hides, name their keys and values in the report's language, and say the year.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { metaLines } from '../../src/render/meta.js';
import { noteText } from '../../src/report/vocabulary.js';
import { run, tmp } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every sheet's XML of a workbook, by part name. */
const sheets = (file: string): Map<string, string> => {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(unzipSync(readFileSync(file)))) if (k.startsWith('xl/worksheets/')) out.set(k, strFromU8(v));
  return out;
};
/** The inline strings of a sheet, in order. */
const strings = (xml: string): string[] => [...xml.matchAll(/<t(?: [^>]*)?>([^<]*)<\/t>/g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'));

// Gorontalo and Sulawesi Barat against a target of 1,000,000 for the whole Kanwil Sulawesi Maluku.
const part = join(dir, 'part.csv');
writeFileSync(part, 'period,province,potential_workers,participants\n2024-11,Gorontalo,422934,260000\n2024-11,Sulawesi Barat,473260,75000\n');
const partTargets = join(dir, 't-part.csv');
writeFileSync(partTargets, 'kanwil,year,target\nSulawesi Maluku,2024,1000000\n');
const PARTIAL_EN = 'reported only in part, against a target for the whole regional office: Sulawesi Maluku (Sulama) (2 of 8 provinces)';
const PARTIAL_ID = 'hanya sebagian yang melapor, padahal targetnya untuk seluruh kanwil: Sulawesi Maluku (Sulama) (2 dari 8 provinsi)';

describe('F2: the report files keep warnings apart from notes', () => {
  it('JSON meta.notes gives each note its kind and the core note code', async () => {
    const r = await run(['coverage', part, '--targets', partTargets, '--by', 'kanwil', '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`warning: ${PARTIAL_EN}\n`);
    const notes = (JSON.parse(r.stdout) as { meta: { notes: Record<string, unknown>[] } }).meta.notes;
    expect(notes.find((n) => n['en'] === PARTIAL_EN)).toEqual({ en: PARTIAL_EN, id: PARTIAL_ID, kind: 'warning', code: 'partial-areas' });
    // A note of the session (not a core note): its kind, no code.
    const q = await run(['coverage', 'examples/2024-06/gorontalo.csv', '--by', 'regency', '--top', '2', '--sort', 'coverage', '-f', 'json']);
    expect(q.code, q.stderr).toBe(0);
    const shown = (JSON.parse(q.stdout) as { meta: { notes: Record<string, unknown>[] } }).meta.notes.find((n) => String(n['en']).startsWith('--top 2'));
    expect(shown).toEqual({ en: '--top 2: 2 of 6 rows shown, sorted by coverage; the Total counts all 6', id: '--top 2: 2 dari 6 baris ditampilkan, diurutkan menurut cakupan; Total menghitung semua 6', kind: 'note' });
  });

  it('HTML, Markdown and the xlsx meta sheet list the warnings under their own heading, before the notes, in both languages', async () => {
    for (const [lang, heading, notesHeading, partial] of [
      ['en', 'Warnings', 'Notes', PARTIAL_EN],
      ['id', 'Peringatan', 'Catatan', PARTIAL_ID],
    ] as const) {
      const html = join(dir, `p-${lang}.html`);
      const md = join(dir, `p-${lang}.md`);
      const xlsx = join(dir, `p-${lang}.xlsx`);
      // --top 1: a note of the session beside the warnings.
      const r = await run(['coverage', part, '--targets', partTargets, '--by', 'province', '--top', '1', '--sort', 'gap', '--lang', lang, '-o', html, '-o', md, '-o', xlsx]);
      expect(r.code, r.stderr).toBe(0);
      const page = readFileSync(html, 'utf8');
      const warnings = page.indexOf(`<section class="notes warnings">\n<h2>${heading}</h2>`);
      const notes = page.indexOf(`<section class="notes">\n<h2>${notesHeading}</h2>`);
      expect(warnings).toBeGreaterThan(-1);
      expect(notes).toBeGreaterThan(warnings);
      expect(page.indexOf(`<li>${partial}</li>`)).toBeGreaterThan(warnings);
      expect(page.indexOf(`<li>${partial}</li>`)).toBeLessThan(notes);
      const text = readFileSync(md, 'utf8');
      expect(text).toContain(`\n**${heading}**\n\n`);
      expect(text.indexOf(`**${heading}**`)).toBeLessThan(text.indexOf(`**${notesHeading}**`));
      expect(text.slice(text.indexOf(`**${heading}**`), text.indexOf(`**${notesHeading}**`))).toContain(`- ${partial}\n`);
      const meta = [...sheets(xlsx).values()].map(strings).find((s) => s.includes(heading))!;
      expect(meta).toBeDefined();
      expect(meta.indexOf(partial)).toBeGreaterThan(meta.indexOf(heading));
      expect(meta.indexOf(notesHeading)).toBeGreaterThan(meta.indexOf(partial));
    }
  });
});

describe('F3: --quiet keeps the warnings about a target nobody published', () => {
  it('a national target interpolated between two published years is a warning --quiet keeps, and marked so in JSON', async () => {
    const r = await run(['coverage', 'examples/sulama-2024/*.csv', '--year', '2025', '-q', '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning: the 2025 target is interpolated between 2024 and 2026\n');
    const notes = (JSON.parse(r.stdout) as { meta: { notes: Record<string, unknown>[] } }).meta.notes;
    expect(notes).toContainEqual({ en: 'the 2025 target is interpolated between 2024 and 2026', id: 'target 2025 diinterpolasi antara 2024 dan 2026', kind: 'warning', code: 'interpolated' });
  });

  it('a target below a figure published later is a warning --quiet keeps', async () => {
    const r = await run(['coverage', 'examples/2024-06/gorontalo.csv', 'examples/2024-06/sulawesi-utara.csv', '--year', '2024', '-q', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^warning: Gorontalo: the target 288,908 is below the 314,000 active participants published for 2025-12 \(/m);
  });

  it('--help says what -q hushes and what it keeps', async () => {
    const r = await run(['coverage', '--help']);
    const help = r.stdout.replace(/\s+/g, ' ');
    expect(help).toContain(
      '-q, --quiet hush notes and chatter on stderr; errors and the warnings that change what a number means (an area missing, a target year deduced, a target interpolated or below a later published figure, targets for some rows only) still print; the report files keep both',
    );
  });
});

describe('F4: the meta of --compare-targets names a plan\'s column suffix and its file, in both languages', () => {
  it('labels plans[].name as the column suffix, plans[].label as the plan, and every key of a plan in Indonesian', async () => {
    const lvl = join(dir, 'lvl24.csv');
    const b = await run(['breakdown', '--year', '2024', '--mode', 'level', '-q', '-o', lvl]);
    expect(b.code, b.stderr).toBe(0);
    const r = await run(['coverage', 'examples/sulama-2024/2024-06.csv', '--year', '2024', '--compare-targets', lvl, '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const meta = (JSON.parse(r.stdout) as { meta: Record<string, unknown> }).meta;
    const labels = (lang: 'en' | 'id'): Map<string, string> => new Map(metaLines(meta, lang).map((l) => [l.path.join('.'), l.label]));
    const en = labels('en');
    const id = labels('id');
    expect(en.get('plans')).toBe('plans compared');
    expect(en.get('plans.1')).toBe('plan 2');
    expect(en.get('plans.1.name')).toBe('column suffix');
    expect(en.get('plans.1.label')).toBe('plan');
    expect(id.get('plans')).toBe('rencana yang dibandingkan');
    expect(id.get('plans.1')).toBe('rencana 2');
    expect(id.get('plans.1.name')).toBe('akhiran kolom');
    expect(id.get('plans.1.label')).toBe('rencana');
    expect(id.get('plans.0.targets.with')).toBe('bertarget');
    expect(id.get('plans.0.revision.from')).toBe('berlaku sejak');
    expect(id.get('plans.0.revision.before')).toBe('total sebelumnya');
    expect(id.get('plans.0.revision.asOf')).toBe('per');
    expect(id.get('plans.0.revision.fileFrom')).toBe('dalam berkas target sejak');
    expect(metaLines(meta, 'id').filter((l) => !l.known).map((l) => l.path.join('.'))).toEqual([]);
  });
});

describe('F5: Indonesian reports say their facts in Indonesian', () => {
  it('the bounds of the rule, a national scope and how the targets were made', async () => {
    const b = await run(['breakdown', '--year', '2024', '-q', '-f', 'json']);
    expect(b.code, b.stderr).toBe(0);
    const bm = (JSON.parse(b.stdout) as { meta: Record<string, unknown> }).meta;
    const bid = new Map(metaLines(bm, 'id').map((l) => [l.path.join('.'), l.value]));
    expect(bid.get('rule.min')).toBe('peserta saat ini');
    expect(bid.get('rule.max')).toBe('penyebut');
    expect(bid.get('scope.kind')).toBe('nasional');
    const ben = new Map(metaLines(bm, 'en').map((l) => [l.path.join('.'), l.value]));
    expect(ben.get('rule.min')).toBe("today's participants");
    expect(ben.get('rule.max')).toBe('the denominator');
    const c = await run(['coverage', 'examples/2024-06/gorontalo.csv', '--year', '2024', '-q', '-f', 'json']);
    expect(c.code, c.stderr).toBe(0);
    const cm = (JSON.parse(c.stdout) as { meta: Record<string, unknown> }).meta;
    expect(cm['targets']).toBe('breakdown --year 2024 --by province (data/targets.csv (plan: target (users-plan-2024)), webster, gap mode)');
    expect(new Map(metaLines(cm, 'id').map((l) => [l.path.join('.'), l.value])).get('targets')).toBe('breakdown --year 2024 --by province (data/targets.csv (plan: target (users-plan-2024)), webster, mode selisih)');
    // A revised or interpolated target, as app/targets.ts writes it.
    const words = (targets: string): unknown => metaLines({ targets }, 'id')[0]!.value;
    expect(words('breakdown --year 2025 (s.csv (plan), interpolated between 2024 and 2026, revised from 2025-07, webster, level mode)')).toBe('breakdown --year 2025 (s.csv (plan), diinterpolasi antara 2024 dan 2026, direvisi mulai 2025-07, webster, mode tingkat)');
    expect(words('breakdown --year 2024 (s.csv (plan: original), webster, gap mode)')).toBe('breakdown --year 2024 (s.csv (plan: awal), webster, mode selisih)');
  });

  it('JSON meta.scopeText gives the scope in both languages, like the notes', async () => {
    const r = await run(['coverage', 'examples/2024-06/gorontalo.csv', '--by', 'regency', '-q', '-f', 'json', '--lang', 'id']);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { meta: Record<string, unknown> }).meta['scopeText']).toEqual({ en: 'Gorontalo: 6 regencies and cities', id: 'Gorontalo: 6 kabupaten/kota' });
  });
});

describe('F6: a report against a later December says the year in the chart and the column, as in the title', () => {
  const months = join(dir, 'y26b.csv');
  writeFileSync(months, 'period,province,potential_workers,participants\n2024-10,Gorontalo,422934,258000\n2024-11,Gorontalo,422934,260000\n');
  const t26 = join(dir, 't-y26.csv');
  writeFileSync(t26, 'province,year,target\nGorontalo,2026,300000\n');

  it('"to December 2026" in the chart and trend titles, "projected December 2026" for the column, in both languages', async () => {
    const json = await run(['coverage', months, '--targets', t26, '-q', '-f', 'json']);
    expect(json.code, json.stderr).toBe(0);
    const doc = JSON.parse(json.stdout) as { columns: { key: string; label: string }[]; rows: Record<string, unknown>[] };
    expect(doc.columns.find((c) => c.key === 'projected')!.label).toBe('projected December 2026');
    // 260,000 + 2,000 a month × 25 months (2024-12 … 2026-12).
    expect(doc.rows[0]!['projected']).toBe(310000);
    for (const [lang, title, column] of [
      ['en', 'Participants month by month to December 2026', 'projected December 2026'],
      ['id', 'Peserta bulan demi bulan sampai Desember 2026', 'proyeksi Desember 2026'],
    ] as const) {
      const html = join(dir, `y26-${lang}.html`);
      const md = join(dir, `y26-${lang}.md`);
      const r = await run(['coverage', months, '--targets', t26, '-q', '--lang', lang, '-o', html, '-o', md]);
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(html, 'utf8')).toContain(`<h2 id="trend-title">${title} — `);
      expect(readFileSync(md, 'utf8')).toContain(`| ${column} |`);
      const tr = await run(['coverage', months, '--targets', t26, '-q', '--trend', '--lang', lang, '-f', 'md']);
      expect(tr.stdout).toContain(`| ${column} |`);
    }
  });

  it('a report against its own December keeps "projected December"', async () => {
    const t24 = join(dir, 't-y24.csv');
    writeFileSync(t24, 'province,year,target\nGorontalo,2024,290000\n');
    const r = await run(['coverage', months, '--targets', t24, '-q', '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { columns: { key: string; label: string }[] }).columns.find((c) => c.key === 'projected')!.label).toBe('projected December');
  });
});

describe('F7: small wording', () => {
  it('"the 1 province of this report has", not "the 1 provinces … have"', async () => {
    const gor3 = join(dir, 'gor3.csv');
    writeFileSync(gor3, 'period,province,regency,potential_workers,participants\n2023-12,Gorontalo,Kab. Boalemo,42810,24166\n2023-12,Gorontalo,Kab. Gorontalo,121605,70421\n2023-12,Gorontalo,Kab. Pohuwato,45260,27983\n');
    const r = await run(['coverage', gor3, '--year', '2024', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('note: targets: the national 2024 breakdown (50,000,000 over 38 provinces); the 1 province of this report has 288,908 of it, and the totals compare with that\n');
    const two = noteText({ code: 'targets-restricted', kept: 2, of: 38, source: 'data/targets.csv', grain: ['province'], sum: 600000, national: { year: 2024, total: 50000000 } }, 'en');
    expect(two).toBe('targets: the national 2024 breakdown (50,000,000 over 38 provinces); the 2 provinces of this report have 600,000 of it, and the totals compare with that');
  });

  it('row counts in notes are grouped as every other number: 1,153 and 1.153', () => {
    const rows = Array.from({ length: 1153 }, (_v, i) => `row ${i + 1}`);
    expect(noteText({ code: 'no-target', rows, count: 1153 }, 'en')).toMatch(/^no target for 1,153 row\(s\): row 1, /);
    expect(noteText({ code: 'no-target', rows, count: 1153 }, 'id')).toMatch(/^tidak ada target untuk 1\.153 baris: row 1, /);
    expect(noteText({ code: 'plans-same', plan: 'b.csv', first: 'a.csv', rows: 1153 }, 'en')).toBe('b.csv gives the same target as a.csv in every row (1,153 rows with a target): every difference is 0; is it the plan meant to be compared?');
    expect(noteText({ code: 'plans-same', plan: 'b.csv', first: 'a.csv', rows: 1153 }, 'id')).toContain('(1.153 baris bertarget)');
  });

  it('beside another plan, the plan-denominator warning carries its plan\'s label like the plan\'s other warnings', async () => {
    const lvl = join(dir, 'lvl24-f7.csv');
    expect((await run(['breakdown', '--year', '2024', '--mode', 'level', '-q', '-o', lvl])).code).toBe(0);
    const r = await run(['coverage', 'examples/sulama-2024/2024-06.csv', '--year', '2024', '--compare-targets', lvl, '-q', '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const said = "the 2024 targets are the national breakdown's, split by employed; this report's coverage is on potential_workers (--denominator potential_workers plans the targets on it too)";
    expect(r.stderr).toContain(`warning: [plan 2024] ${said}\n`);
    expect(r.stderr).not.toMatch(new RegExp(`^warning: the 2024 targets are the national breakdown's`, 'm'));
    const notes = (JSON.parse(r.stdout) as { meta: { notes: { en: string }[] } }).meta.notes.map((n) => n.en);
    expect(notes).toContain(`[plan 2024] ${said}`);
    expect(notes).not.toContain(said);
  });
});
