// The byte loop of the extract engine: one pass over a byte range of the file, no string per field, no
// object per row. Records are checked as the general path checks them; the first problem stops the scan
// (the caller re-reads the file through the general path, which words every problem with its place).
//
// A record is scanned from its first byte each time: when a read ends inside a record, nothing of it has
// been added yet, and the driver hands the scanner that record again with the next bytes appended. Only
// the distinct-value tables may already have learnt a value of it, which changes no result.

import type { ExtractPlan, NumberLocale } from './plan.js';
import { fmix, GroupTable, ID_PLAIN, IdSet, idHashes, idTextForm, idWords, monthNumber, MonthMasks, periodHash, ValueTable } from './tables.js';
import { coverageAgrees } from '../coverage-agrees.js';
import { totalKind } from '../total-rows.js';

const LF = 10;
const CR = 13;
const QUOTE = 34;
const SPACE = 32;
const TAB = 9;

// Byte classes outside quotes. The driver puts a 0 byte (a control character) after the last byte read,
// so the inner loops need no bounds check: a stop on C_CTRL at the end of the bytes means "read more".
const C_DATA = 0;
const C_DELIM = 1;
const C_LF = 2;
const C_CR = 3;
const C_QUOTE = 4;
const C_CTRL = 5;

// Field roles (bits).
const R_VALUE = 1; // a key or the period: its text gets a value id
const R_COUNT = 2;
const R_ID = 4;
const R_PCT = 8; // the coverage column (plan.coverage): may be blank

/** 10^k for the decimals of a coverage cell (at most 15 digits in all: every value below is exact). */
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const MAX_FIELD_BYTES = 1 << 20;

/** U+0000–U+0008, U+000B, U+000C, U+000E–U+001F and U+007F: refused in any field, quoted or not. */
function isControl(b: number): boolean {
  return (b < 0x20 && b !== TAB && b !== LF && b !== CR) || b === 0x7f;
}

function classTables(delimiter: number): { plain: Uint8Array; quoted: Uint8Array } {
  const plain = new Uint8Array(256);
  const quoted = new Uint8Array(256);
  for (let b = 0; b < 256; b++) {
    if (isControl(b)) plain[b] = quoted[b] = C_CTRL;
  }
  plain[LF] = quoted[LF] = C_LF;
  plain[CR] = quoted[CR] = C_CR;
  plain[QUOTE] = quoted[QUOTE] = C_QUOTE;
  plain[delimiter] = C_DELIM;
  return { plain, quoted };
}

/** The serialisable outcome of one range: sent from a worker, merged by the engine. */
export interface RangeResult {
  /** Absolute offset where the range's last record ended (the next range must start exactly here). */
  readonly end: number;
  readonly problem?: string;
  /** Line of the problem, counted from the range's first line (0). */
  readonly problemLine?: number;
  /** Line ends consumed (record ends, blank lines and line breaks inside quoted fields). */
  readonly lines: number;
  readonly rows: number;
  readonly blank: number;
  /** The forms of the range's participant ids (tables.ts ID_PADDED…), as bits. */
  readonly idForms: number;
  /** 0 undecided, 1 Indonesian, 2 English. */
  readonly mode: number;
  /** While undecided, a count read differently in the two locales (`1.000`). */
  readonly differing: boolean;
  /**
   * A count of 1–3 digits, one separator and three digits was seen: `2,000` (groups in English; in
   * Indonesian it would have three decimals) / `3.000` (the reverse). A file decided (or forced) the
   * other way is left to the general path, which refuses it (core/numbers.ts, threeDecimals, take).
   */
  readonly groupsEn: boolean;
  readonly groupsId: boolean;
  /** Distinct texts per value slot (the key fields in order, then the period when it is not a key). */
  readonly values: string[][];
  readonly groupCount: number;
  readonly groupKeys: Int32Array;
  readonly groupRows: Float64Array;
  readonly groupFirstLine: Float64Array;
  readonly sums0: Float64Array;
  readonly sums1: Float64Array;
  readonly idTable?: Int32Array;
  readonly idCount?: number;
  /** The duplicate-row check by month (MonthMasks), for a regional file. */
  readonly maskTable?: Int32Array;
  readonly maskCount?: number;
  /** `atMost` broken by some record, read as Indonesian (lane 0) or English (lane 1): its line, or -1. */
  readonly over: readonly [number, number];
  /** A record whose coverage cell disagrees (plan.coverage), read as Indonesian / English: its line, or -1. */
  readonly cov: readonly [number, number];
  /** Slot of each value field (`valueFields`) in `values`. */
  readonly valueFieldSlots: readonly number[];
}

/** The most tuples the month masks reserve room for early (RangeScanner.expect). */
const MASKS_RESERVE = 1 << 16;

/** Every this many records, the groups are compared with plan.maxGroupShare. */
const GROUP_CHECK_ROWS = 0x10000;
const TOO_MANY_GROUPS = 'more groups than the engine keeps well (a key of its own on most rows)';

export class RangeScanner {
  private readonly fieldCount: number;
  private readonly delim: number;
  private readonly plainClass: Uint8Array;
  private readonly quotedClass: Uint8Array;
  private readonly role: Uint8Array;
  private readonly valueSlot: Int32Array;
  private readonly countSlot: Int32Array;
  private readonly tables: ValueTable[];
  private readonly keyWidth: number;
  private readonly periodSlot: number;
  private readonly countWidth: number;
  private readonly groups: GroupTable;
  private ids: IdSet | undefined;
  private readonly valueFieldSlots: number[] = [];
  private readonly uniqueRows: boolean;
  /** Pairs (a, b) of `atMost`, flat. */
  private readonly atMost: Int32Array;
  private readonly over: [number, number] = [-1, -1];
  /** plan.coverage: participants and the denominators (count slots), −1 / empty when not compared. */
  private readonly covP: number;
  private readonly covDens: Int32Array;
  private readonly cov: [number, number] = [-1, -1];
  /** The record's coverage cell in each locale (−1 where not a number of it), when it has one. */
  private pctSet = false;
  private pv0 = 0;
  private pv1 = 0;
  private readonly pctOut = new Float64Array(2);
  private readonly maxGroupShare: number | undefined;
  /** plan.totalLabels: per value slot, the texts (value ids) below this are known not to name a total row. */
  private readonly totalChecked: Int32Array | undefined;
  private readonly forced: boolean;
  /** Whether some field is a key, count, id or period (see the blank-record check in scan). */
  private readonly anchored: boolean;

  // Per-record scratch.
  private readonly vids: Int32Array;
  private readonly v0: Float64Array;
  private readonly v1: Float64Array;
  private unescaped = new Uint8Array(256);
  /** The id's hashes (idHashes), mixed with the period when the record is committed. */
  private readonly idHash = new Int32Array(2);
  private readonly idOut = new Int32Array(2);
  /** The hash of each period text's month, by value id (see periodHash). */
  private readonly periodHashes: number[] = [];
  /** Each period text's month (monthNumber, −1 for none), by value id. */
  private readonly months: number[] = [];
  /** The duplicate-row check by month (uniqueRows). */
  private masks: MonthMasks | undefined;

  // State across reads.
  line = 0;
  rows = 0;
  blank = 0;
  /** The forms the range's ids are written in (tables.ts ID_PADDED…), as bits. */
  idForms = 0;
  mode: number;
  differing = false;
  groupsEn = false;
  groupsId = false;
  problem: string | undefined;
  problemLine = 0;
  done = false;
  end = -1;

  constructor(plan: ExtractPlan) {
    this.fieldCount = plan.fieldCount;
    this.delim = plan.delimiter;
    const { plain, quoted } = classTables(plan.delimiter);
    this.plainClass = plain;
    this.quotedClass = quoted;
    this.role = new Uint8Array(plan.fieldCount);
    this.valueSlot = new Int32Array(plan.fieldCount).fill(-1);
    this.countSlot = new Int32Array(plan.fieldCount).fill(-1);
    plan.keyFields.forEach((f, i) => {
      this.role[f]! |= R_VALUE;
      this.valueSlot[f] = i;
    });
    this.keyWidth = plan.keyFields.length;
    this.periodSlot = -1;
    if (plan.periodField !== undefined) {
      if (this.valueSlot[plan.periodField] === -1) {
        this.role[plan.periodField]! |= R_VALUE;
        this.valueSlot[plan.periodField] = this.keyWidth;
      }
      this.periodSlot = this.valueSlot[plan.periodField]!;
    }
    let slots = this.keyWidth + (this.periodSlot === this.keyWidth ? 1 : 0);
    for (const f of plan.valueFields ?? []) {
      this.role[f]! |= R_VALUE;
      this.valueSlot[f] = slots;
      this.valueFieldSlots.push(slots++);
    }
    this.uniqueRows = plan.uniqueRows === true;
    this.atMost = Int32Array.from((plan.atMost ?? []).flat());
    this.maxGroupShare = plan.maxGroupShare;
    if (this.uniqueRows) {
      this.ids = new IdSet();
      this.masks = new MonthMasks();
    }
    this.tables = Array.from({ length: slots }, () => new ValueTable());
    this.totalChecked = plan.totalLabels ? new Int32Array(slots) : undefined;
    this.vids = new Int32Array(Math.max(slots, 1));
    plan.countFields.forEach((f, j) => {
      this.role[f]! |= R_COUNT;
      this.countSlot[f] = j;
    });
    this.countWidth = plan.countFields.length;
    this.v0 = new Float64Array(Math.max(this.countWidth, 1));
    this.v1 = new Float64Array(Math.max(this.countWidth, 1));
    if (plan.idField !== undefined) this.role[plan.idField]! |= R_ID;
    if (plan.coverage) this.role[plan.coverage.field] = R_PCT;
    this.covP = plan.coverage?.participants ?? -1;
    this.covDens = Int32Array.from(plan.coverage?.dens ?? []);
    if (plan.idField !== undefined) this.ids = new IdSet();
    this.groups = new GroupTable(this.keyWidth, this.countWidth);
    this.forced = plan.locale !== undefined;
    this.anchored = this.role.some((r) => (r & ~R_PCT) !== 0);
    this.mode = localeMode(plan.locale);
  }

  private fail(reason: string, line: number): number {
    this.problem = reason;
    this.problemLine = line;
    this.done = true;
    return -1;
  }

  /**
   * Scan the records in `buf[0, len)`, whose first byte is at absolute offset `base`. `buf[len]` must be
   * 0. A record starting at or after `stopAt` ends the range. Returns how many bytes were consumed: the
   * rest (an unfinished record) must be handed in again, with more bytes after it, unless `final` (the
   * bytes end at the end of the file). Sets `done` (and `end`, or `problem`).
   */
  scan(buf: Uint8Array, len: number, base: number, final: boolean, stopAt: number): number {
    const cls = this.plainClass;
    const qcls = this.quotedClass;
    const role = this.role;
    const fc = this.fieldCount;
    const delim = this.delim;
    const vids = this.vids;
    let p = 0;
    let line = this.line;
    for (;;) {
      const recStart = p;
      const recLine = line;
      if (base + p >= stopAt || (p >= len && final)) {
        this.done = true;
        this.end = base + p;
        break;
      }
      if (p >= len) break;
      let b = buf[p]!;
      if (b === LF || b === CR) {
        if (b === CR && p + 1 >= len && !final) break; // a CR LF may be split between reads
        p += b === CR && buf[p + 1] === LF ? 2 : 1;
        line++;
        this.blank++;
        continue;
      }
      let f = 0;
      let incomplete = false;
      this.pctSet = false;
      // Whether some field has a character, and whether a key, period, count or id is empty: a record
      // of empty fields only (`;;;`, as spreadsheets write) is a blank line, not a record.
      let filled = false;
      let missing = false;
      for (;;) {
        // At the first byte of field f.
        const r = role[f]!;
        let src = buf;
        let cs: number;
        let ce: number;
        if (buf[p] === QUOTE) {
          cs = ++p;
          let escaped = false;
          for (;;) {
            while (qcls[buf[p]!] === C_DATA) p++;
            b = buf[p]!;
            if (b === QUOTE) {
              if (p + 1 >= len && !final) {
                incomplete = true; // is it "" or the closing quote?
                break;
              }
              if (buf[p + 1] === QUOTE) {
                escaped = true;
                p += 2;
                continue;
              }
              break;
            }
            if (b === LF) {
              line++;
              p++;
              continue;
            }
            if (b === CR) {
              if (p + 1 >= len && !final) {
                incomplete = true;
                break;
              }
              if (buf[p + 1] !== LF) line++; // CR LF is one line end, counted at its LF
              p++;
              continue;
            }
            if (p < len) return this.fail(`a control character (byte 0x${b.toString(16)}) in a quoted field`, line);
            if (!final) incomplete = true;
            else return this.fail('a quoted field is never closed', recLine);
            break;
          }
          if (incomplete) break;
          ce = p++;
          // At the end of the bytes here only when final: a closing quote in the last byte of an
          // unfinished read was left for the next one above.
          if (p < len) {
            const c = cls[buf[p]!]!;
            if (c !== C_DELIM && c !== C_LF && c !== C_CR) return this.fail('a character after a closing quote', line);
          }
          if (escaped && r !== 0) {
            src = this.unescape(buf, cs, ce);
            cs = 0;
            ce = this.unescapedLength;
          }
        } else {
          cs = p;
          let c: number;
          while ((c = cls[buf[p]!]!) === C_DATA) p++;
          if (c >= C_QUOTE) {
            if (p < len) return this.fail(c === C_QUOTE ? 'a quote inside an unquoted field' : `a control character (byte 0x${buf[p]!.toString(16)})`, line);
            if (!final) {
              incomplete = true;
              break;
            }
          }
          ce = p;
        }
        if (ce > cs) {
          // The general scanner refuses a field of more than 2^20 characters; bytes are never fewer.
          if (ce - cs > MAX_FIELD_BYTES) return this.fail('a field longer than 1 MiB', recLine);
          filled = true;
          if (r !== 0) {
            if ((r & R_VALUE) !== 0) {
              const slot = this.valueSlot[f]!;
              const vid = (vids[slot] = this.tables[slot]!.find(src, cs, ce));
              const tc = this.totalChecked;
              if (tc !== undefined && vid >= tc[slot]!) {
                if (namesTotal(src, cs, ce)) return this.fail('a total row ("Jumlah", "Total")', recLine);
                tc[slot] = vid + 1;
              }
            }
            if ((r & R_COUNT) !== 0 && !this.readCount(src, cs, ce, this.countSlot[f]!)) return this.fail(this.problem!, line);
            if ((r & R_ID) !== 0 && !this.hashId(src, cs, ce)) return this.fail(this.problem!, line);
            if (r === R_PCT && !this.readPercent(src, cs, ce)) return this.fail(this.problem!, line);
          }
        } else if (r !== 0 && r !== R_PCT) missing = true;
        if (p >= len) {
          // The end of the file ends the last record (no line end after it).
          if (f !== fc - 1) return this.fail(`${f + 1} fields where the header has ${fc}`, recLine);
          break;
        }
        b = buf[p]!;
        if (b === delim) {
          p++;
          if (++f >= fc) return this.fail(`more fields than the ${fc} of the header`, recLine);
          continue;
        }
        if (f !== fc - 1) return this.fail(`${f + 1} fields where the header has ${fc}`, recLine);
        if (b === CR) {
          if (p + 1 >= len && !final) {
            incomplete = true;
            break;
          }
          p += buf[p + 1] === LF ? 2 : 1;
        } else p++;
        line++;
        break;
      }
      if (incomplete) {
        p = recStart;
        line = recLine;
        break;
      }
      if (!filled) {
        this.blank++;
        continue;
      }
      if (missing) return this.fail('an empty key, period, count or participant id', recLine);
      // A record of blank fields is a blank line to the general path. With a key, count, id or period
      // field, such a record was refused above (that field is blank); without any, look at its bytes.
      if (!this.anchored && !hasVisibleCharacter(buf, recStart, p, delim)) return this.fail('a record of blank fields', recLine);
      if (!this.commit(recLine)) return -1;
    }
    this.line = line;
    return p;
  }

  private unescapedLength = 0;

  /** The text of a quoted field with `""` in it, unescaped into scratch bytes. */
  private unescape(buf: Uint8Array, start: number, end: number): Uint8Array {
    if (this.unescaped.length < end - start) this.unescaped = new Uint8Array(2 * (end - start));
    const out = this.unescaped;
    let n = 0;
    for (let i = start; i < end; i++) {
      out[n++] = buf[i]!;
      if (buf[i] === QUOTE) i++;
    }
    this.unescapedLength = n;
    return out;
  }

  /**
   * A count cell: a whole, non-negative number, spaces around it allowed. Both readings are kept in
   * v0 (Indonesian) and v1 (English); the file's locale is decided by the first cell valid in only one.
   */
  private readCount(src: Uint8Array, start: number, end: number, j: number): boolean {
    while (start < end && src[start] === SPACE) start++;
    while (end > start && src[end - 1] === SPACE) end--;
    let v = 0;
    let i = start;
    for (; i < end; i++) {
      const d = src[i]! - 48;
      if (d < 0 || d > 9) break;
      v = v * 10 + d;
    }
    let code: number;
    if (i === end && end > start) {
      // Plain digits read the same in both locales.
      if (v > MAX_SAFE) {
        this.problem = 'a count beyond 2^53';
        return false;
      }
      this.v0[j] = this.v1[j] = v;
      code = 3;
    } else {
      // 1–3 digits, a separator, 3 digits: which locale it groups in (see groupsEn).
      if (end - start >= 5 && end - start <= 7) {
        const sep = src[end - 4];
        if (sep === 0x2c || sep === 0x2e) {
          let digits = true;
          for (let k = start; k < end; k++) if (k !== end - 4 && (src[k]! < 48 || src[k]! > 57)) digits = false;
          if (digits) {
            if (sep === 0x2c) this.groupsEn = true;
            else this.groupsId = true;
          }
        }
      }
      // Once the locale is decided, the other reading no longer matters.
      const id = this.mode === 2 ? -1 : readInLocale(src, start, end, 0x2e, 0x2c);
      const en = this.mode === 1 ? -1 : readInLocale(src, start, end, 0x2c, 0x2e);
      this.v0[j] = id;
      this.v1[j] = en;
      code = (id >= 0 ? 1 : 0) | (en >= 0 ? 2 : 0);
      if (code === 0) {
        this.problem = 'a count that is not a whole non-negative number';
        return false;
      }
    }
    const mode = this.mode;
    if (mode === 0) {
      if (code === 1) this.mode = 1;
      else if (code === 2) this.mode = 2;
      else if (this.v0[j] !== this.v1[j]) this.differing = true;
    } else if ((code & mode) === 0) {
      this.problem = this.forced ? 'a count not written in the forced number locale' : 'counts written in both number locales';
      return false;
    }
    return true;
  }

  /**
   * A coverage cell (plan.coverage), read as core/numbers.ts readCell reads a percentage: in each locale
   * a number of its exact shape (`1.234,5` / `1,234.5`, or digits with one decimal mark), a `%` after it
   * (spaces between allowed) dividing by 100. Its two readings go to pv0 / pv1 (−1 where it is not a
   * number of that locale), and it decides the file's locale as a count does. Only spaces: no reading
   * (the general path skips a blank coverage cell). Anything else the general path may read (a sign, a
   * non-ASCII space, more than 15 digits) is left to it: false.
   */
  private readPercent(src: Uint8Array, start: number, end: number): boolean {
    const out = this.pctOut;
    let code = readPercentCell(src, start, end, out);
    if (code < 0) return true;
    if (this.mode !== 0) code &= this.mode;
    if (code === 0) {
      this.problem = this.mode !== 0 ? (this.forced ? 'a coverage cell not written in the forced number locale' : 'numbers written in both number locales') : 'a coverage cell the engine does not read';
      return false;
    }
    this.pv0 = out[0]!;
    this.pv1 = out[1]!;
    this.pctSet = true;
    const mode = this.mode;
    if (mode === 0) {
      if (code === 1) this.mode = 1;
      else if (code === 2) this.mode = 2;
      // (The general path leaves such a cell unread while no count decides; refusing is the safe side.)
      else if (this.pv0 !== this.pv1) this.differing = true;
    }
    return true;
  }

  /**
   * Does the record's coverage cell, in one lane (0 Indonesian, 1 English), disagree with participants ÷
   * every denominator of the record above 0 by more than half a point? The rule of coverage-agrees.ts,
   * as typed-rows.ts coverageDisagreement holds it (a stated value above 1 is a percentage).
   */
  private coverageDisagrees(lane: number): boolean {
    const v = lane === 0 ? this.v0 : this.v1;
    const raw = lane === 0 ? this.pv0 : this.pv1;
    const stated = raw > 1 ? raw / 100 : raw;
    const participants = v[this.covP]!;
    const dens = this.covDens;
    let compared = false;
    for (let k = 0; k < dens.length; k++) {
      const d = v[dens[k]!]!;
      if (!(d > 0)) continue;
      const c = participants / d;
      compared = true;
      if (coverageAgrees(c, stated, raw)) return false;
    }
    return compared;
  }

  /**
   * The id's hash and locality key (see IdSet), white space around it ignored; false when it is empty.
   * The key of an id of digits is the low 32 bits of its value, so neighbours in value are neighbours
   * in the set. The general path trims ids as JavaScript does (any Unicode white space): an id that
   * begins or ends with a non-ASCII character is left to it.
   */
  private hashId(src: Uint8Array, start: number, end: number): boolean {
    while (start < end && isAsciiSpace(src[start]!)) start++;
    while (end > start && isAsciiSpace(src[end - 1]!)) end--;
    if (start === end) {
      this.problem = 'an empty participant id';
      return false;
    }
    if (src[start]! >= 0x80 || src[end - 1]! >= 0x80) {
      this.problem = 'a participant id that begins or ends with a non-ASCII character';
      return false;
    }
    idHashes(src, start, end, this.idHash);
    // The id's form (tables.ts idTextForm; the load warns of ids with leading zeros beside number cells):
    // an id of one digit 1–9 first is plain unless it ends in ".0", tested here before the call.
    const c0 = src[start]!;
    if (c0 > 0x30 && c0 <= 0x39 && src[end - 1] !== 0x30) this.idForms |= ID_PLAIN;
    else this.idForms |= idTextForm(c0, end - start > 1 ? src[start + 1]! : 0, end - start > 1 ? src[end - 2]! : 0, src[end - 1]!, end - start);
    return true;
  }

  private commit(line: number): boolean {
    this.rows++;
    const groups = this.groups;
    if (this.rows % GROUP_CHECK_ROWS === 0 && this.maxGroupShare !== undefined && groups.count > this.rows * this.maxGroupShare) {
      this.fail(TOO_MANY_GROUPS, line);
      return false;
    }
    const g = groups.find(this.vids, line);
    groups.rows[g]!++;
    const nc = this.countWidth;
    if (nc > 0) {
      const at = g * nc;
      const mode = this.mode;
      if (mode === 0) {
        for (let j = 0; j < nc; j++) {
          groups.sums0[at + j]! += this.v0[j]!;
          groups.sums1[at + j]! += this.v1[j]!;
        }
      } else if (mode === 1) {
        for (let j = 0; j < nc; j++) groups.sums0[at + j]! += this.v0[j]!;
      } else {
        for (let j = 0; j < nc; j++) groups.sums1[at + j]! += this.v1[j]!;
      }
    }
    const atMost = this.atMost;
    for (let k = 0; k < atMost.length; k += 2) {
      const a = atMost[k]!;
      const b = atMost[k + 1]!;
      const mode = this.mode;
      if (mode !== 2 && this.v0[a]! > this.v0[b]! && this.over[0] < 0) this.over[0] = line;
      if (mode !== 1 && this.v1[a]! > this.v1[b]! && this.over[1] < 0) this.over[1] = line;
    }
    if (this.pctSet && this.covP >= 0) {
      const mode = this.mode;
      if (mode !== 2 && this.cov[0] < 0 && this.coverageDisagrees(0)) this.cov[0] = line;
      if (mode !== 1 && this.cov[1] < 0 && this.coverageDisagrees(1)) this.cov[1] = line;
    }
    const ids = this.ids;
    if (this.uniqueRows) {
      // A record's texts in all key and value fields, hashed: the same tuple twice is a duplicate row.
      // With a period that names a month, the tuple without it goes to the month masks (the months of
      // one key share an entry); otherwise the whole tuple goes to the IdSet.
      let h1 = 0x2545f491;
      let h2 = 0x9e3779b9;
      const vids = this.vids;
      const tables = this.tables;
      const ps = this.periodSlot;
      for (let k = 0; k < tables.length; k++) {
        if (k === ps) continue;
        const h = tables[k]!.hashOf(vids[k]!);
        h1 = Math.imul(h1 ^ h, 0x01000193);
        h2 = Math.imul((h2 + h) ^ (h2 >>> 15), 0x5bd1e995);
      }
      const month = ps >= 0 ? this.monthOf(vids[ps]!) : -1;
      if (month >= 0) {
        const span = (month >>> 5) + 1;
        let a = fmix(h1 ^ Math.imul(span, 0x27d4eb2d));
        if (a === 0) a = 1;
        if (!this.masks!.add(a, fmix(h2 ^ Math.imul(span, 0x165667b1) ^ tables.length), month & 31)) {
          this.fail('two records with the same keys', line);
          return false;
        }
      } else {
        if (ps >= 0) {
          const h = tables[ps]!.hashOf(vids[ps]!);
          h1 = Math.imul(h1 ^ h, 0x01000193);
          h2 = Math.imul((h2 + h) ^ (h2 >>> 15), 0x5bd1e995);
        }
        h1 = fmix(h1);
        h2 = fmix(h2 ^ tables.length);
        if (h1 === 0) h1 = 1;
        if (!ids!.add(h1, h2)) {
          this.fail('two records with the same keys', line);
          return false;
        }
      }
    } else if (ids !== undefined) {
      // Ids are compared by month (see periodHash), the same in every range and every file of a load.
      let period = 0;
      if (this.periodSlot >= 0) {
        const vid = this.vids[this.periodSlot]!;
        period = this.periodHashes[vid] ?? (this.periodHashes[vid] = periodHash(this.tables[this.periodSlot]!.textOf(vid)));
      }
      idWords(this.idHash[0]!, this.idHash[1]!, period, this.idOut);
      if (!ids.add(this.idOut[0]!, this.idOut[1]!)) {
        this.fail('a participant id seen twice in one period', line);
        return false;
      }
    }
    return true;
  }

  private monthOf(vid: number): number {
    return this.months[vid] ?? (this.months[vid] = monthNumber(this.tables[this.periodSlot]!.textOf(vid)));
  }

  /**
   * After the first read: reserve room in the id set for the ids the range will hold, guessed from the
   * rows in the bytes scanned so far (+ 10 %), so that it is built once at about its final size.
   */
  expect(rangeBytes: number, scannedBytes: number): void {
    if (this.ids === undefined || this.rows === 0 || scannedBytes <= 0) return;
    // Records of unique keys (uniqueRows) with no column added up over have a group each: the check at
    // GROUP_CHECK_ROWS records gives such a range to the general path for certain once it has that many.
    // A range the first read shows to hold twice as many goes now, not after 65,536 groups made for
    // nothing (a target per branch, 400,000 rows: about 0.1 s of CPU a file). A wrong guess costs time
    // only: the general path reads any file the engine reads, to the same Table.
    if (!this.done && this.uniqueRows && this.valueFieldSlots.length === 0 && this.maxGroupShare !== undefined && this.maxGroupShare < 1 && (this.rows * rangeBytes) / scannedBytes >= 2 * GROUP_CHECK_ROWS) {
      this.fail(TOO_MANY_GROUPS, this.line);
      return;
    }
    const rows = Math.ceil(((this.rows * rangeBytes) / scannedBytes) * 1.1);
    if (this.masks === undefined || this.periodSlot < 0) return this.ids.reserve(rows);
    // The month masks hold an entry per tuple and span of 32 months: the rows ÷ the months seen so far,
    // times their spans (a file sorted by month sees one month here, and reserves a little too much).
    const months = new Set<number>();
    const spans = new Set<number>();
    for (let vid = 0; vid < this.tables[this.periodSlot]!.count; vid++) {
      const m = this.monthOf(vid);
      if (m < 0) return this.ids.reserve(rows);
      months.add(m);
      spans.add(m >>> 5);
    }
    // At most MASKS_RESERVE tuples now: a file with more is most often one of a key per row, which the
    // engine hands to the general path at its next check of the groups; room reserved for all of them
    // (a million branches: 24 MiB, filled at random places before that check) would only raise the
    // process's peak. A file that does have more grows the table past it.
    this.masks.reserve(Math.min(MASKS_RESERVE, Math.ceil((rows / Math.max(months.size, 1)) * Math.max(spans.size, 1))));
  }

  /** Record that the range could not be read to its end (a record longer than the engine keeps). */
  abandon(reason: string): void {
    this.fail(reason, this.line);
  }

  result(): RangeResult {
    const g = this.groups;
    return {
      end: this.end,
      problem: this.problem,
      problemLine: this.problem === undefined ? undefined : this.problemLine,
      lines: this.line,
      rows: this.rows,
      blank: this.blank,
      idForms: this.idForms,
      mode: this.mode,
      differing: this.differing,
      groupsEn: this.groupsEn,
      groupsId: this.groupsId,
      values: this.tables.map((t) => t.texts()),
      groupCount: g.count,
      groupKeys: g.keys.slice(0, g.count * g.width),
      groupRows: g.rows.slice(0, g.count),
      groupFirstLine: g.firstLine.slice(0, g.count),
      sums0: g.sums0.slice(0, g.count * g.sumWidth),
      sums1: g.sums1.slice(0, g.count * g.sumWidth),
      idTable: this.ids?.table,
      idCount: this.ids?.count,
      maskTable: this.masks?.table,
      maskCount: this.masks?.count,
      over: this.over,
      cov: this.cov,
      valueFieldSlots: this.valueFieldSlots,
    };
  }
}

/**
 * Does some field of the record (already checked by the scan) hold a character other than white space,
 * as JavaScript's trim() sees it? The general path takes a record of blank fields for a blank line.
 */
function hasVisibleCharacter(buf: Uint8Array, start: number, end: number, delim: number): boolean {
  let plain = true; // no quotes (a quoted field may hold a delimiter or "") and no multi-byte characters
  for (let i = start; i < end; i++) {
    const b = buf[i]!;
    if (b > 0x20 && b < 0x7f && b !== QUOTE && b !== delim) return true;
    if (b >= 0x80 || b === QUOTE) plain = false;
  }
  if (plain) return false;
  // Rare (plans without key, count or id fields): decode the fields and let \S judge.
  const text = Buffer.from(buf.buffer, buf.byteOffset + start, end - start).toString('utf8');
  const d = String.fromCharCode(delim);
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      for (i++; i < text.length; i++) {
        if (text[i] === '"') {
          if (text[i + 1] !== '"') break;
          i++;
        }
        field += text[i];
      }
      i++;
    } else while (i < text.length && text[i] !== d) field += text[i++];
    if (/\S/.test(field)) return true;
    i++; // the delimiter (or the line end)
  }
  return false;
}

/**
 * Does the text src[start, end) name a total row (total-rows.ts totalKind)? Most texts are ruled out by
 * their bytes (fewer than 5, or a first byte that begins none of its words); the others are decoded.
 */
function namesTotal(src: Uint8Array, start: number, end: number): boolean {
  while (start < end && isAsciiSpace(src[start]!)) start++;
  if (end - start < 5) return false;
  const c = src[start]! | 0x20;
  // t(otal), j(umlah), s(ub total), g(rand total), n(asional), i(ndonesia); a non-ASCII first byte may be
  // white space JavaScript trims.
  if (c !== 0x74 && c !== 0x6a && c !== 0x73 && c !== 0x67 && c !== 0x6e && c !== 0x69 && src[start]! < 0x80) return false;
  return totalKind(Buffer.from(src.buffer, src.byteOffset + start, end - start).toString('utf8')) !== undefined;
}

/** Space, TAB, LF and CR (VT and FF are control characters, refused before this). */
function isAsciiSpace(b: number): boolean {
  return b === SPACE || b === TAB || b === LF || b === CR;
}

/**
 * A coverage cell in both locales, as core/numbers.ts readCell(raw, 'percent') reads it, for the cells
 * whose readings the engine knows exactly: −1 when it is blank (only spaces: the general path skips
 * it), else which locales it is a number of (bits: 1 Indonesian, 2 English; 0 for none, or a cell the
 * engine leaves to the general path), their values in out[0] / out[1] (−1 where not one). A `%` after the
 * number (spaces between allowed) divides it by 100.
 */
export function readPercentCell(src: Uint8Array, start: number, end: number, out: Float64Array): number {
  while (start < end && src[start] === SPACE) start++;
  while (end > start && src[end - 1] === SPACE) end--;
  if (start === end) return -1;
  let percent = false;
  if (src[end - 1] === 0x25) {
    percent = true;
    end--;
    while (end > start && src[end - 1] === SPACE) end--;
  }
  const id = readDecimal(src, start, end, 0x2e, 0x2c);
  const en = readDecimal(src, start, end, 0x2c, 0x2e);
  out[0] = id >= 0 && percent ? id / 100 : id;
  out[1] = en >= 0 && percent ? en / 100 : en;
  return (id >= 0 ? 1 : 0) | (en >= 0 ? 2 : 0);
}

/**
 * A coverage cell's number in one locale, as core/numbers.ts parseNumber reads it (its `grouped` and
 * `plain` patterns, no sign): digits with `group` every three after a first group of 1–3 digits not
 * starting with 0 (`1.234`), or plain digits; then optionally `decimal` and one digit or more. −1 when
 * it is not one, or has more than 15 digits (then M ÷ 10^k below is the float Number() gives: both are
 * exact, and a division rounds correctly).
 */
function readDecimal(src: Uint8Array, start: number, end: number, group: number, decimal: number): number {
  let dot = -1;
  let digits = 0;
  for (let i = start; i < end; i++) {
    const c = src[i]!;
    if (c === decimal) {
      if (dot >= 0) return -1;
      dot = i;
    } else if (c === group) {
      if (dot >= 0) return -1;
    } else if (c < 48 || c > 57) return -1;
    else digits++;
  }
  const intEnd = dot >= 0 ? dot : end;
  if (intEnd === start || (dot >= 0 && dot + 1 === end) || digits > 15) return -1;
  let m = groupedDigits(src, start, intEnd, group, true);
  if (m < 0) return -1;
  let k = 0;
  if (dot >= 0) {
    for (let i = dot + 1; i < end; i++) m = m * 10 + (src[i]! - 48);
    k = end - dot - 1;
  }
  return k === 0 ? m : m / POW10[k]!;
}

export function localeMode(locale: NumberLocale | undefined): number {
  return locale === 'id' ? 1 : locale === 'en' ? 2 : 0;
}

/**
 * A count in one locale: digits with `group` every three (`1.234.567`) or none, then optionally the
 * decimal mark and digits that are all 0 (a whole number: `1.000` in English is 1). −1 when it is not a
 * whole number written in this locale.
 */
function readInLocale(src: Uint8Array, start: number, end: number, group: number, decimal: number): number {
  let dot = -1;
  for (let i = start; i < end; i++) {
    const c = src[i]!;
    if (c === decimal) {
      if (dot >= 0) return -1;
      dot = i;
    } else if (c === group) {
      if (dot >= 0) return -1;
    } else if (c < 48 || c > 57) return -1;
  }
  const intEnd = dot >= 0 ? dot : end;
  if (dot >= 0) {
    if (dot + 1 === end) return -1;
    for (let i = dot + 1; i < end; i++) if (src[i] !== 48) return -1;
  }
  if (intEnd === start) return -1;
  const v = groupedDigits(src, start, intEnd, group, false);
  return v > MAX_SAFE ? -1 : v;
}

/**
 * The value of the digits in [start, end) (the whole part of a count or a coverage cell, end > start):
 * plain digits, or a first group of 1–3 digits then `group` before every three more (`1.234.567`); −1
 * when a group mark is misplaced, or, `noLeadingZero` (a coverage cell, as core/numbers.ts parseNumber
 * reads one), when grouped digits start with 0. Only digits and `group` are in the range (the callers
 * checked). One loop for counts and coverage cells (their two copies differed in that check alone).
 */
function groupedDigits(src: Uint8Array, start: number, end: number, group: number, noLeadingZero: boolean): number {
  let v = 0;
  let lead = 0;
  let run = -1; // digits since the last group mark; −1 before the first
  for (let i = start; i < end; i++) {
    const c = src[i]!;
    if (c === group) {
      if (run === -1 ? lead < 1 || lead > 3 : run !== 3) return -1;
      run = 0;
    } else {
      v = v * 10 + (c - 48);
      if (run === -1) lead++;
      else run++;
    }
  }
  if (run !== -1 && (run !== 3 || (noLeadingZero && src[start] === 48))) return -1;
  return v;
}
