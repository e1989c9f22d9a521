// Raw rows → Table rows: every check of the input contract, for every kind of file, in one place.
//
// Per cell: control characters; keys through their domain (blank keys refused); numbers through the
// file's LocalePolicy (deduced, never guessed). Per row: participants above a denominator in the same
// row (unless allowed), wide segment columns (participants_pu …) that must add up to the row's
// participants, a participant id seen twice in one period. Per file: duplicate or unnamed columns,
// required columns, a `level` column that mixes the tool's row levels with other values.
// Rows of a 'refuse' file are kept as they are; rows of a 'sum' file (an extract) are added up by their
// full key as they stream past, so memory grows with the distinct keys, not with the rows.

import { say, type Bilingual, type Diagnostic, type Problem, type ProblemList } from '../errors.js';
import type { KeyKind, MeasureKind, TableRow } from '../core/table.js';
import { aliasesOf, canonicalColumn, normaliseHeader, roleOf, type ColumnRole, type ColumnWants } from '../core/columns.js';
import { ESTIMATED_FIGURES, parseEstimatedCell } from '../core/estimates.js';
import { overCoverageException } from './exceptions.js';
import { editDistance } from './areas.js';
import type { KeyDomains, Resolved } from './key-domains.js';
import { LocalePolicy, readCell, reasonInIndonesian, type CellRef, type NumberLocale } from '../core/numbers.js';
import type { Cell, CellPlace, RowSink } from './row-sink.js';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const DENOMINATORS = ['workforce', 'employed', 'potential_workers'];

/** The dimensions and measures shared by all files of one load (dims grow as files bring new ones). */
export class TableShape {
  readonly dims: { name: string; kind: KeyKind; labels: Map<string, string> }[] = [];
  constructor(readonly measures: readonly { name: string; kind: MeasureKind }[]) {}

  dim(name: string, kind: KeyKind): number {
    let i = this.dims.findIndex((d) => d.name === name);
    if (i < 0) {
      i = this.dims.length;
      this.dims.push({ name, kind, labels: new Map() });
    }
    return i;
  }

  measure(name: string): number {
    return this.measures.findIndex((m) => m.name === name);
  }
}

export interface TypedRowsOptions {
  readonly file: string;
  readonly src: number;
  readonly wants: ColumnWants;
  readonly rule: 'refuse' | 'sum';
  readonly forcedLocale?: NumberLocale;
  readonly allowOverCoverage: boolean;
  /** Derive a kanwil key from the province when the file has no kanwil column. */
  readonly deriveKanwil: boolean;
  /** Name a cell for messages (xlsx: Sheet!B7). */
  readonly place: (line: number, column?: number) => Pick<Diagnostic, 'file' | 'line' | 'column'>;
  /** CSV and xlsx announce all columns before the first row; JSON announces them as they come. */
  readonly columnsUpFront: boolean;
  readonly required: readonly { column: string; why: string; whyId: string }[];
}

interface Col {
  readonly name: string;
  readonly canonical: string;
  readonly role: ColumnRole;
  readonly place: CellPlace;
  /** Index into the shape (dim or measure), or −1. */
  readonly target: number;
  /** Data rows seen before this column was announced (JSON). */
  readonly firstRow: number;
}

export class TypedRows implements RowSink {
  readonly rows: TableRow[] = [];
  readonly cols: Col[] = [];
  readonly policy: LocalePolicy;
  rowsRead = 0;
  blankLines = 0;
  private readonly groups = new Map<string, number>(); // sum: full key → row index
  private readonly ids = new Map<string, number>(); // participant id + period → line
  private readonly pending: { row: number; measure: number; id: number; en: number; at: CellRef }[] = [];
  private contradictionReported = false;
  private checkedRequired = false;
  private levelSkipped: number | undefined;
  private levelIsData = false;
  private firstLine: number | undefined;
  private readonly byCanonical = new Map<string, number>();
  /** While a group of an extract's rows is read at once (the fast path): how many rows it stands for. */
  private groupRows: number | undefined;

  constructor(
    private readonly shape: TableShape,
    private readonly domains: KeyDomains,
    private readonly problems: ProblemList,
    private readonly o: TypedRowsOptions,
  ) {
    this.policy = new LocalePolicy(o.forcedLocale);
  }

  private fail(d: Omit<Problem, 'file'> & { line: number; column?: number }): void {
    this.problems.add({ ...d, ...this.o.place(d.line, d.column) });
  }

  column(name: string, index: number, place: CellPlace): void {
    if (CONTROL.test(name)) {
      const ch = CONTROL.exec(name)![0].charCodeAt(0);
      const u = `U+${ch.toString(16).toUpperCase().padStart(4, '0')}`;
      this.fail({ line: place.line, column: place.column, ...say(`control character ${u} in the name of column ${index + 1}`, `karakter kendali ${u} pada nama kolom ${index + 1}`) });
    }
    const canonical = canonicalColumn(name);
    const role: ColumnRole = canonical === '' ? { kind: 'ignored' } : roleOf(canonical, this.o.wants);
    const before = canonical === '' ? undefined : this.byCanonical.get(canonical);
    if (before !== undefined) {
      const other = this.cols[before]!;
      const same = normaliseHeader(other.name) === normaliseHeader(name);
      this.fail({
        line: place.line,
        column: place.column,
        ...(same
          ? say({ message: `column "${name}" appears twice (fields ${before + 1} and ${index + 1})`, hint: 'keep one of them' }, { message: `kolom "${name}" muncul dua kali (kolom ke-${before + 1} dan ke-${index + 1})`, hint: 'pertahankan salah satunya' })
          : say(
              { message: `columns "${other.name}" (field ${before + 1}) and "${name}" (field ${index + 1}) both mean "${canonical}"`, hint: 'keep one of them' },
              { message: `kolom "${other.name}" (kolom ke-${before + 1}) dan "${name}" (kolom ke-${index + 1}) sama-sama berarti "${canonical}"`, hint: 'pertahankan salah satunya' },
            )),
      });
    }
    if (canonical !== '') this.byCanonical.set(canonical, index);
    let target = -1;
    if (role.kind === 'dim') target = this.shape.dim(role.dim, role.keyKind);
    else if (role.kind === 'measure') target = this.shape.measure(role.measure);
    if (role.kind === 'segment-part') this.shape.dim('segment', 'segment');
    this.cols[index] = { name, canonical, role, place, target, firstRow: this.rowsRead };
  }

  /** Check the columns once they are known (CSV/xlsx: at the first row; JSON: at the end). */
  private checkColumns(): void {
    if (this.checkedRequired) return;
    this.checkedRequired = true;
    const line = this.cols[0]?.place.line ?? 1;
    for (const req of this.o.required) {
      const present = this.cols.some((c) => c.canonical === req.column || (req.column === 'province' && c.canonical === 'province_code'));
      if (present) continue;
      const names = this.cols.map((c) => c.name);
      const close = suggestColumn(req.column, names);
      const accepted = [req.column, ...aliasesOf(req.column)].join(', ');
      this.fail({
        line,
        ...say(
          { message: `missing column "${req.column}" (${req.why})`, hint: close ? `did you mean "${close}"? accepted names: ${accepted}` : `accepted names: ${accepted}` },
          { message: `kolom "${req.column}" tidak ada (${req.whyId})`, hint: close ? `maksudnya "${close}"? nama yang diterima: ${accepted}` : `nama yang diterima: ${accepted}` },
        ),
      });
    }
    if (this.cols.some((c) => c.role.kind === 'segment-part') && this.cols.some((c) => c.canonical === 'segment')) {
      this.fail({
        line,
        ...say(
          { message: 'the file has both a segment column and participants_pu… columns', hint: 'use one layout: a segment column (one row per segment), or one participants column per segment' },
          { message: 'berkas memuat kolom segment sekaligus kolom participants_pu…', hint: 'pakai satu susunan saja: kolom segment (satu baris per segmen), atau satu kolom peserta per segmen' },
        ),
      });
    }
  }

  /** Named columns that are neither keys nor measures (a hint names them when rows collide). */
  get ignoredColumns(): string[] {
    return this.cols.filter((c) => c && c.role.kind === 'ignored' && c.canonical !== '').map((c) => c.name);
  }

  get rule(): 'refuse' | 'sum' {
    return this.o.rule;
  }

  blank(): void {
    this.blankLines++;
  }

  /**
   * The rows of an extract that share every key text, added up already (src/io/fast-extract.ts): one
   * row whose counts are the sums, and which stands for `rows` rows. The participant id was checked by
   * the engine, so its cell is not read.
   */
  group(cells: readonly string[], line: number, rows: number): void {
    this.groupRows = rows;
    try {
      this.row(cells, line, []);
    } finally {
      this.groupRows = undefined;
    }
    this.rowsRead += rows - 1;
  }

  row(cells: readonly (Cell | undefined)[], line: number, places: readonly (CellPlace | undefined)[]): void {
    if (this.firstLine === undefined) this.firstLine = line;
    this.rowsRead++;
    if (this.o.columnsUpFront) this.checkColumns();
    const cols = this.cols;
    const at = (i: number): { line: number; column?: number } => ({ line: places[i]?.line ?? line, column: places[i]?.column });
    let ok = true;
    const bad = (i: number, text: Bilingual): void => {
      ok = false;
      this.fail({ ...at(i), ...text });
    };
    // Control characters anywhere, and the tool's own `level` rows.
    let skip = false;
    for (let i = 0; i < cells.length; i++) {
      const v = cells[i];
      if (typeof v === 'string' && CONTROL.test(v)) {
        const ch = CONTROL.exec(v)![0].charCodeAt(0);
        const u = `U+${ch.toString(16).toUpperCase().padStart(4, '0')}`;
        const name = cols[i]?.name ?? i + 1;
        bad(i, say(`control character ${u} in field "${name}"`, `karakter kendali ${u} di kolom "${name}"`));
      }
      const c = cols[i];
      if (c?.role.kind === 'level' && !this.levelIsData) {
        const lv = typeof v === 'string' ? v.trim() : v === null || v === undefined ? '' : String(v);
        if (lv === 'subtotal' || lv === 'total') {
          this.levelSkipped ??= line;
          skip = true;
        } else if (lv !== '' && lv !== 'detail') {
          if (this.levelSkipped !== undefined) {
            bad(
              i,
              say(
                { message: `column "${c.name}" holds "${lv}" but earlier rows were the tool's subtotal/total rows (line ${this.levelSkipped})`, hint: 'rename the column: "level" marks the rows of jamsostek outputs' },
                { message: `kolom "${c.name}" berisi "${lv}", padahal baris sebelumnya adalah baris subtotal/total keluaran jamsostek (baris ${this.levelSkipped})`, hint: 'ganti nama kolom itu: "level" menandai baris keluaran jamsostek' },
              ),
            );
          }
          this.levelIsData = true;
        }
      }
      if (c && c.canonical === '' && v !== null && v !== undefined && String(v).trim() !== '') {
        const held = String(v).trim();
        bad(i, say({ message: `column ${i + 1} has no name but holds "${held}"`, hint: 'give it a header' }, { message: `kolom ${i + 1} tidak bernama tetapi berisi "${held}"`, hint: 'beri kolom itu nama di baris judul' }));
      }
    }
    if (!ok || skip) return;

    const nd = this.shape.dims.length;
    const keys: (string | null)[] = new Array<string | null>(nd).fill(null);
    const values: (number | null)[] = new Array<number | null>(this.shape.measures.length).fill(null);
    const parts: { segment: string; value: number; col: number }[] = [];
    let provinceCode = '';
    let provinceName = '';
    let provinceCol = -1;
    let regencyCode = '';
    let regencyName = '';
    let regencyCol = -1;
    let participantId: { value: string; col: number } | undefined;
    const pend: { measure: number; id: number; en: number; at: CellRef }[] = [];
    let estimatedText = ''; // issue 19: the row's `estimated` column
    let estimatedCol = -1;

    for (let i = 0; i < cols.length; i++) {
      const c = cols[i];
      if (!c) continue;
      const role = c.role;
      const v = cells[i];
      if (role.kind === 'ignored' || role.kind === 'level') continue;
      if (role.kind === 'estimated') {
        estimatedCol = i;
        estimatedText = v === null || v === undefined ? '' : String(v);
        continue;
      }
      if (role.kind === 'dim') {
        const text = v === null || v === undefined ? '' : typeof v === 'string' ? v : String(v);
        if (role.keyKind === 'province') {
          if (role.part === 'code') provinceCode = text;
          else provinceName = text;
          if (provinceCol < 0 || role.part === 'name') provinceCol = i;
          continue;
        }
        if (role.keyKind === 'regency') {
          if (role.part === 'code') regencyCode = text;
          else regencyName = text;
          if (regencyCol < 0 || role.part === 'name') regencyCol = i;
          continue;
        }
        if (v === undefined) {
          bad(i, say(`the row has no "${c.name}"`, `baris ini tidak memiliki "${c.name}"`));
          continue;
        }
        // An optional key left empty is its own value '' ("none": the original target, not a revision),
        // never a wildcard that would make it overlap the rows that have one.
        if (text.trim() === '' && this.o.wants.optionalDims?.includes(role.dim)) {
          keys[c.target] = '';
          continue;
        }
        const r: Resolved = this.domains.resolve(role.dim, role.keyKind, text);
        if ('message' in r) bad(i, r);
        else {
          keys[c.target] = r.key;
          this.remember(c.target, r.key, r.label);
        }
        continue;
      }
      if (role.kind === 'id') {
        if (role.id === 'participant_id' && this.groupRows === undefined) {
          const t = v === null || v === undefined ? '' : String(v).trim();
          if (t === '') bad(i, say('the participant id is empty', 'id peserta kosong'));
          else participantId = { value: t, col: i };
        }
        continue;
      }
      // Numbers: measures, segment parts and (checked only) percentages.
      const kind = role.kind === 'percent' ? 'percent' : role.kind === 'measure' ? (role.measureKind === 'count' ? 'count' : 'number') : 'count';
      if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
        if (role.kind === 'percent') continue;
        const hint = { en: 'a blank count is not zero: write 0 if zero is meant', id: 'sel kosong tidak sama dengan nol: tulis 0 jika yang dimaksud nol' };
        bad(i, v === undefined ? say({ message: `the row has no "${c.name}"`, hint: hint.en }, { message: `baris ini tidak memiliki "${c.name}"`, hint: hint.id }) : say({ message: `field "${c.name}" is empty`, hint: hint.en }, { message: `kolom "${c.name}" kosong`, hint: hint.id }));
        continue;
      }
      let value: number | undefined;
      if (typeof v === 'boolean') {
        bad(i, say(`field "${c.name}": expected a number, found ${v}`, `kolom "${c.name}": seharusnya angka, bukan ${v}`));
        continue;
      }
      if (typeof v === 'number') {
        if (kind === 'count' && (!Number.isSafeInteger(v) || v < 0)) {
          bad(i, say(`field "${c.name}": ${v} is not a whole non-negative number`, `kolom "${c.name}": ${v} bukan bilangan cacah (bulat, tidak negatif)`));
          continue;
        }
        value = v;
      } else {
        const reading = readCell(v, kind);
        const ref = (): CellRef => ({ ...at(i), column: at(i).column ?? 1, raw: v.trim() });
        if (reading.problem) {
          const loc = this.policy.locale;
          const raw = v.trim();
          const hint = reading.problem === 'is not a number' ? numberHint(loc) : undefined;
          const idProblem = reasonInIndonesian(reading.problem) ?? reading.problem;
          bad(
            i,
            say(
              { message: `field "${c.name}": "${raw}" ${reading.problem.startsWith('is ') ? reading.problem : `is not a count: ${reading.problem}`}`, hint: hint?.en },
              { message: `kolom "${c.name}": "${raw}" ${reading.problem.startsWith('is ') ? idProblem : `bukan jumlah yang sah: ${idProblem}`}`, hint: hint?.id },
            ),
          );
          continue;
        }
        const got = this.policy.take(reading, ref);
        if (got === 'contradiction') {
          this.reportContradiction(ref());
          ok = false;
          continue;
        }
        if (got === 'pending') {
          if (role.kind === 'measure') pend.push({ measure: c.target, id: reading.id!, en: reading.en!, at: ref() });
          continue;
        }
        value = got;
      }
      if (role.kind === 'measure') values[c.target] = value;
      else if (role.kind === 'segment-part') parts.push({ segment: role.segment, value, col: i });
    }
    // The province, from its code and/or name; the regency within it (or giving it, when the file has
    // no province column).
    let province: string | undefined;
    if (provinceCol >= 0) {
      const r = this.domains.resolveProvince(provinceCode, provinceName);
      if ('message' in r) bad(provinceCol, r);
      else province = r.key;
    }
    if (regencyCol >= 0 && ok) {
      const r = this.domains.resolveRegency(regencyCode, regencyName, province);
      if ('message' in r) bad(regencyCol, r);
      else {
        const d = this.shape.dim('regency', 'regency');
        if (d >= keys.length) keys.length = d + 1;
        keys[d] = r.key;
        this.remember(d, r.key, r.label);
        if (province === undefined && provinceCol < 0) province = r.province;
      }
    }
    if (province !== undefined) {
      const d = this.shape.dim('province', 'province');
      if (d >= keys.length) keys.length = d + 1;
      keys[d] = province;
      const p = this.domains.province(province)!;
      this.remember(d, province, p.name);
      if (this.o.deriveKanwil && !this.cols.some((x) => x.canonical === 'kanwil')) {
        const kd = this.shape.dim('kanwil', 'kanwil');
        if (kd >= keys.length) keys.length = kd + 1;
        keys[kd] = p.kanwil;
        this.remember(kd, p.kanwil, p.kanwil);
      }
    }
    if (!ok) return;
    // Wide segment columns must add up to the row's participants.
    const pIdx = this.shape.measure('participants');
    if (parts.length) {
      let sum = 0;
      for (const p of parts) sum += p.value;
      if (pIdx >= 0 && values[pIdx] !== null && values[pIdx] !== sum) {
        bad(
          parts[0]!.col,
          say(
            { message: `the segment columns add up to ${sum}, not to the row's participants (${values[pIdx]})`, hint: 'the participants_pu, _bpu, _jakon, _pmi columns must cover every participant (add the missing ones, or drop the participants column)' },
            { message: `kolom segmen berjumlah ${sum}, tidak sama dengan peserta pada baris ini (${values[pIdx]})`, hint: 'kolom participants_pu, _bpu, _jakon, _pmi harus mencakup semua peserta (tambahkan yang kurang, atau hapus kolom participants)' },
          ),
        );
        return;
      }
      if (pIdx >= 0) values[pIdx] = sum;
    }
    // Which of the row's figures are estimates (issue 19; core/estimates.ts).
    const estimated = estimatedCol >= 0 && estimatedText.trim() !== '' ? this.estimatedOf(estimatedText, { line: places[estimatedCol]?.line ?? line, column: places[estimatedCol]?.column }) : undefined;
    if (estimated === null) return;
    // Participants above a denominator of the same row: refused, unless the row says one of the two is
    // an estimate, or the province has a documented exception (data/exceptions.csv).
    if (pIdx >= 0 && values[pIdx] !== null && !this.o.allowOverCoverage) {
      for (const d of DENOMINATORS) {
        const di = this.shape.measure(d);
        const dv = di >= 0 ? values[di] : null;
        if (estimated?.has(d) || estimated?.has('participants') || overCoverageException(province, d)) continue;
        if (dv !== null && dv !== undefined && values[pIdx]! > dv) {
          const col = this.cols.findIndex((c) => c?.canonical === 'participants');
          bad(
            col >= 0 ? col : 0,
            say(
              { message: `participants (${values[pIdx]}) exceed ${d} (${dv})`, hint: 'check the row; pass --allow-over-coverage if this is real' },
              { message: `peserta (${values[pIdx]}) melebihi ${d} (${dv})`, hint: 'periksa baris ini; jika memang benar, pakai --allow-over-coverage' },
            ),
          );
          return;
        }
      }
    }
    // A participant id twice in one period: a join fan-out in the warehouse query.
    if (participantId) {
      const pd = this.shape.dims.findIndex((x) => x.name === 'period');
      const k = `${pd >= 0 ? (keys[pd] ?? '') : ''}\u0000${participantId.value}`;
      const first = this.ids.get(k);
      if (first !== undefined) {
        const when = pd >= 0 && keys[pd] ? keys[pd] : undefined;
        bad(
          participantId.col,
          say(
            { message: `participant ${participantId.value} appears twice${when ? ` in ${when}` : ''} (first at line ${first})`, hint: 'each participant is one row per period: check the extract query for a join that repeats rows' },
            { message: `peserta ${participantId.value} muncul dua kali${when ? ` pada ${when}` : ''} (pertama di baris ${first})`, hint: 'setiap peserta satu baris per periode: periksa kueri ekstrak, mungkin ada join yang menggandakan baris' },
          ),
        );
        return;
      }
      this.ids.set(k, line);
    }
    // A row of an extract with no count column counts one participant.
    if (this.o.rule === 'sum' && pIdx >= 0 && values[pIdx] === null && !this.cols.some((c) => c?.canonical === 'participants') && !parts.length) values[pIdx] = this.groupRows ?? 1;
    this.emit(keys, values, line, parts, pend, estimated);
  }

  /**
   * The figures an `estimated` cell names, as column names of this file; null (after reporting it) when
   * it names something that is not a figure of the file.
   */
  private estimatedOf(text: string, at: { line: number; column?: number }): Set<string> | null {
    const figures = new Map<string, boolean>(); // canonical name → is a denominator
    for (const c of this.cols) {
      if (!c) continue;
      const k = c.role.kind;
      // Any column of the file that is not a key, an id or the tool's own bookkeeping can be named.
      if (k !== 'dim' && k !== 'id' && k !== 'level' && k !== 'estimated' && c.canonical !== '') figures.set(c.canonical, (DENOMINATORS as readonly string[]).includes(c.canonical));
      if (k === 'segment-part') figures.set('participants', false); // the sum of the segment columns
    }
    const out = new Set<string>();
    for (const n of parseEstimatedCell(text)) {
      if (n === 'all') for (const f of figures.keys()) out.add(f);
      else if (n === 'denominator') {
        for (const [f, isDen] of figures) if (isDen) out.add(f);
      }
      else if (figures.has(n)) out.add(n);
      else if ((ESTIMATED_FIGURES as readonly string[]).includes(n)) continue; // a report's own words, read back (status, milestone)
      else {
        const names = [...figures.keys()].join(', ');
        this.fail({
          ...at,
          ...say(
            { message: `field "estimated": "${n}" is not a figure of this file`, hint: `name the row's figures that are estimates, from its columns (${names}), "denominator" or "all"` },
            { message: `kolom "estimated": "${n}" bukan angka di berkas ini`, hint: `sebutkan angka baris ini yang berupa perkiraan, dari kolom-kolomnya (${names}), "denominator" atau "all"` },
          ),
        });
        return null;
      }
    }
    return out;
  }

  private remember(dim: number, key: string, label: string): void {
    const labels = this.shape.dims[dim]!.labels;
    if (!labels.has(key)) labels.set(key, label);
  }

  private reportContradiction(at: CellRef): void {
    if (this.contradictionReported) return;
    this.contradictionReported = true;
    const id = this.policy.idOnly ?? at;
    const en = this.policy.enOnly ?? at;
    const idAt = `${this.o.place(id.line, id.column).file}:${id.line}:${id.column}`;
    this.fail({
      line: en.line,
      column: en.column,
      ...say(
        { message: `"${en.raw}" is an English number (en) but "${id.raw}" at ${idAt} is Indonesian (id): the file mixes number formats`, hint: 'write all numbers one way, or pass --number-locale to say which' },
        { message: `"${en.raw}" adalah angka format Inggris (en), sedangkan "${id.raw}" di ${idAt} format Indonesia (id): berkas mencampur format angka`, hint: 'tulis semua angka dengan satu format, atau tentukan formatnya dengan --number-locale' },
      ),
    });
    this.fail({ line: id.line, column: id.column, ...say(`"${id.raw}" is an Indonesian number (id); see the English one above`, `"${id.raw}" adalah angka format Indonesia (id); lihat angka format Inggris di atas`) });
  }

  private emit(keys: (string | null)[], values: (number | null)[], line: number, parts: readonly { segment: string; value: number }[], pend: readonly { measure: number; id: number; en: number; at: CellRef }[], estimated?: ReadonlySet<string>): void {
    const src = this.o.src;
    const segDim = parts.length ? this.shape.dims.findIndex((d) => d.name === 'segment') : -1;
    // The row's estimated measures; a segment row's participants are an estimate when the row's
    // participants or that segment's column are (issue 19).
    const est = estimated?.size ? this.shape.measures.filter((m) => estimated.has(m.name)).map((m) => m.name) : [];
    const segEst = (segment: string): readonly string[] | undefined => (estimated?.has('participants') || estimated?.has(`participants_${segment.toLowerCase()}`) ? ['participants'] : undefined);
    const withEst = <T extends object>(row: T, e: readonly string[] | undefined): T => (e?.length ? { ...row, estimated: e } : row);
    if (this.o.rule === 'sum') {
      this.add(keys, values, line, pend, est);
      for (const p of parts) {
        const k = keys.slice();
        if (segDim >= k.length) k.length = segDim + 1;
        k[segDim] = p.segment;
        const v = new Array<number | null>(values.length).fill(null);
        v[this.shape.measure('participants')] = p.value;
        this.add(k, v, line, [], segEst(p.segment));
      }
      return;
    }
    const index = this.rows.length;
    this.rows.push(withEst({ keys, values, src, line }, est));
    for (const q of pend) this.pending.push({ row: index, ...q });
    for (const p of parts) {
      const k = keys.slice();
      if (segDim >= k.length) k.length = segDim + 1;
      k[segDim] = p.segment;
      this.remember(segDim, p.segment, p.segment);
      const v = new Array<number | null>(values.length).fill(null);
      v[this.shape.measure('participants')] = p.value;
      this.rows.push(withEst({ keys: k, values: v, src, line, parent: index }, segEst(p.segment)));
    }
  }

  /** An extract row: add it to the group of its full key. */
  private add(keys: (string | null)[], values: (number | null)[], line: number, pend: readonly unknown[], estimated?: readonly string[]): void {
    if (pend.length) {
      this.fail({
        line,
        ...say(
          { message: 'cannot tell the number format of this extract from its counts', hint: 'pass --number-locale id or --number-locale en' },
          { message: 'format angka ekstrak ini tidak dapat ditentukan dari jumlahnya', hint: 'tentukan dengan --number-locale id atau --number-locale en' },
        ),
      });
      return;
    }
    let k = '';
    for (let d = 0; d < keys.length; d++) k += (keys[d] ?? '\u0001') + '\u0000';
    const at = this.groups.get(k);
    if (at === undefined) {
      this.groups.set(k, this.rows.length);
      this.rows.push(estimated?.length ? { keys, values: values.slice(), src: this.o.src, line, estimated } : { keys, values: values.slice(), src: this.o.src, line });
      return;
    }
    if (estimated?.length) {
      const prev = this.rows[at]!;
      const union = [...new Set([...(prev.estimated ?? []), ...estimated])].sort();
      if (union.length !== (prev.estimated?.length ?? 0)) this.rows[at] = { ...prev, estimated: union };
    }
    const g = this.rows[at]!.values as (number | null)[];
    for (let m = 0; m < values.length; m++) {
      const v = values[m];
      if (v === null || v === undefined) continue;
      const s = (g[m] ?? 0) + v;
      if (!Number.isSafeInteger(s)) {
        const name = this.shape.measures[m]!.name;
        this.fail({
          line,
          ...say(
            { message: `the sum of ${name} passes ${Number.MAX_SAFE_INTEGER} and cannot be kept exactly`, hint: 'split the extract' },
            { message: `jumlah ${name} melampaui ${Number.MAX_SAFE_INTEGER} dan tidak dapat disimpan dengan tepat`, hint: 'pecah ekstrak menjadi beberapa berkas' },
          ),
        });
        return;
      }
      g[m] = s;
    }
  }

  /** After the last row: JSON column checks, pending numbers, empty files. */
  finish(): NumberLocale | null {
    this.checkColumns();
    for (const c of this.cols) {
      if (c && c.firstRow > 0 && (c.role.kind === 'measure' || c.role.kind === 'dim' || c.role.kind === 'segment-part')) {
        this.fail({
          line: this.firstLine ?? 1,
          ...say(
            { message: `this row has no "${c.name}" (the key first appears at line ${c.place.line})`, hint: 'every row needs the same fields' },
            { message: `baris ini tidak memiliki "${c.name}" (kunci itu pertama muncul di baris ${c.place.line})`, hint: 'setiap baris harus memiliki kolom yang sama' },
          ),
        });
      }
    }
    if (this.pending.length) {
      const loc = this.policy.locale;
      if (!loc) {
        const p = this.pending[0]!;
        this.fail({
          line: p.at.line,
          column: p.at.column,
          ...say(
            { message: `cannot tell the number format: "${p.at.raw}" reads as ${p.id} in Indonesian (id) and ${p.en} in English (en), and no count in the file settles it`, hint: 'pass --number-locale id or --number-locale en' },
            { message: `format angka tidak dapat ditentukan: "${p.at.raw}" terbaca ${p.id} dalam format Indonesia (id) dan ${p.en} dalam format Inggris (en), dan tidak ada jumlah di berkas yang memastikannya`, hint: 'tentukan dengan --number-locale id atau --number-locale en' },
          ),
        });
      } else {
        for (const p of this.pending) (this.rows[p.row]!.values as (number | null)[])[p.measure] = loc === 'id' ? p.id : p.en;
      }
    }
    return this.policy.locale ?? null;
  }
}

function numberHint(locale: NumberLocale | undefined): { en: string; id: string } {
  if (locale === 'id') return { en: 'Indonesian numbers group thousands with "." and use "," for decimals: 256.129 or 60,56', id: 'angka format Indonesia memakai "." sebagai pemisah ribuan dan "," sebagai pemisah desimal: 256.129 atau 60,56' };
  if (locale === 'en') return { en: 'English numbers group thousands with "," and use "." for decimals: 256,129 or 60.56', id: 'angka format Inggris memakai "," sebagai pemisah ribuan dan "." sebagai pemisah desimal: 256,129 atau 60.56' };
  return { en: 'write numbers as 256129, 256.129 (Indonesian) or 256,129 (English)', id: 'tulis angka sebagai 256129, 256.129 (format Indonesia) atau 256,129 (format Inggris)' };
}

/** The header closest to one of a column's accepted names, for "did you mean". */
export function suggestColumn(wanted: string, present: readonly string[]): string | undefined {
  const names = [wanted, ...aliasesOf(wanted)];
  let best: { name: string; d: number } | undefined;
  for (const p of present) {
    const n = normaliseHeader(p);
    for (const a of names) {
      const d = editDistance(n, a);
      if (!best || d < best.d) best = { name: p, d };
    }
  }
  return best && best.d <= 3 ? best.name : undefined;
}

