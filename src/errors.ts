// Typed errors. Only src/cli.ts turns them into an exit code (the contract in the README).

import { clipValue } from './core/clip.js';

export const ExitCode = {
  Ok: 0,
  ThresholdBreached: 1,
  Usage: 2,
  InputData: 3,
  Output: 4,
  Internal: 70,
  Interrupted: 130,
  Terminated: 143,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A message and its hint, in one language. */
export interface Text {
  readonly message: string;
  readonly hint?: string;
}

/**
 * A message and hint in English with their Indonesian (`id`): what every error of the tool says.
 * The English is the contract (golden files, scripts); the Indonesian is shown under `--lang id`.
 */
export interface Bilingual extends Text {
  readonly id: Text;
}

/** The language of messages (the same two as the reports'). */
export type MessageLang = 'id' | 'en';

/** One problem at one place: rendered as `file:line:column: error: message` and `  hint: …`. */
export interface Diagnostic extends Text {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly severity?: 'error' | 'warning' | 'note';
  /** On the closing note of a ProblemList: how many problems were not listed. */
  readonly omitted?: number;
  /** The message and hint in Indonesian, for `--lang id`. */
  readonly id?: Text;
  /** What the problem is, as data (src/io/words.ts lists the codes of input problems). */
  readonly code?: string;
  /** A duplicate row of a file with no key column: the columns the load left unread (a key it does not know). */
  readonly unread?: readonly string[];
}

/** A diagnostic the tool raises: its Indonesian is required, so that `--lang id` never falls back. */
export type Problem = Diagnostic & Bilingual;

/**
 * A message in both languages; each side is a message, or a message and its hint.
 * Example: `say('the file is empty', 'berkas kosong')`.
 */
export function say(en: string | Text, id: string | Text): Bilingual {
  const e = typeof en === 'string' ? { message: en } : en;
  const i = typeof id === 'string' ? { message: id } : id;
  return { message: e.message, ...(e.hint !== undefined ? { hint: e.hint } : {}), id: { message: i.message, ...(i.hint !== undefined ? { hint: i.hint } : {}) } };
}

/**
 * `file:line:column: error: message` and `  hint: …`, in `lang` when the diagnostic has it. The words
 * `error:`, `warning:`, `note:` and `hint:` stay English in both languages: editors and CI jobs find
 * problems by them.
 */
export function formatDiagnostic(d: Diagnostic, lang: MessageLang = 'en'): string {
  const text: Text = lang === 'id' && d.id ? d.id : d;
  // A last bound on every line: values are clipped where they are quoted (core/clip.ts), but a path
  // given as a megabyte of text must not become a megabyte of message either.
  const file = d.file === undefined ? undefined : clipValue(d.file, MAX_PLACE);
  const place = [file, d.line, d.column].filter((x) => x !== undefined && x !== '').join(':');
  const head = `${place ? place + ': ' : ''}${d.severity ?? 'error'}: ${clipValue(text.message, MAX_TEXT)}`;
  return text.hint ? `${head}\n  hint: ${clipValue(text.hint, MAX_TEXT)}` : head;
}

const MAX_PLACE = 240;
const MAX_TEXT = 4000;

/** A count with its thousands grouped: 176,420 (en), 176.420 (id) (rv16 #8f). */
export const grouped = (n: number, lang: MessageLang): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'id' ? '.' : ',');

/** The line after a list of problems: "3 problems". */
export function problemCount(count: number, lang: MessageLang = 'en', listed = count): string {
  const of = listed < count ? (lang === 'id' ? ` (${grouped(listed, lang)} dicantumkan)` : ` (${grouped(listed, lang)} listed)`) : '';
  return (lang === 'id' ? `${grouped(count, lang)} masalah` : `${grouped(count, lang)} problems`) + of;
}

/** The problems found (those past --max-errors included, from the closing note) and those listed. */
export function problemsFound(problems: readonly Diagnostic[]): { readonly count: number; readonly listed: number } {
  let listed = 0;
  let omitted = 0;
  for (const p of problems) {
    if (p.omitted !== undefined) omitted += p.omitted;
    else if (p.severity !== 'note') listed++;
  }
  return { count: listed + omitted, listed };
}

export abstract class JamsostekError extends Error {
  abstract readonly exitCode: ExitCode;
  readonly diagnostics: readonly Problem[];

  // Problem, not Diagnostic: an error without its Indonesian does not compile.
  constructor(diagnostics: Problem | readonly Problem[]) {
    const list = Array.isArray(diagnostics) ? (diagnostics as readonly Problem[]) : [diagnostics as Problem];
    super(list.map((d) => d.message).join('; '));
    this.diagnostics = list;
    this.name = new.target.name;
  }
}

/** Bad flags, option values or configuration: exit 2. */
export class UsageError extends JamsostekError {
  readonly exitCode = ExitCode.Usage;
}

/** Bad input data, or a problem that has no solution with these data: exit 3, nothing written. */
export class InputError extends JamsostekError {
  readonly exitCode = ExitCode.InputData;
}

/** The report could not be written: exit 4, any previous file left intact. */
export class OutputError extends JamsostekError {
  readonly exitCode = ExitCode.Output;
}

/** Carries the outcome of a --fail-below check after the report was written: exit 1. */
export class ThresholdBreach extends JamsostekError {
  readonly exitCode = ExitCode.ThresholdBreached;
}

/** A usage error in both languages: `usage('name at least one file', 'sebutkan paling sedikit satu berkas')`. */
export function usage(en: string | Text, id: string | Text): UsageError {
  return new UsageError(say(en, id));
}

/** Problems collected up to a limit; past it, one note says that more were not listed. */
export class ProblemList {
  private readonly items: Problem[] = [];
  private dropped = 0;

  constructor(readonly limit: number) {}

  add(d: Problem): void {
    if (this.items.length < this.limit) this.items.push(d);
    else this.dropped++;
  }

  /** Take over another list's problems, and its count of those it did not list. */
  addAll(ds: readonly Problem[]): void {
    for (const d of ds) {
      if (d.omitted !== undefined) this.dropped += d.omitted;
      else this.add(d);
    }
  }

  /** Put `to` where `from` is (a problem worded again once more is known), if it is listed. */
  replace(from: Problem, to: Problem): void {
    const i = this.items.indexOf(from);
    if (i >= 0) this.items[i] = to;
  }

  get size(): number {
    return this.items.length;
  }

  get full(): boolean {
    return this.items.length >= this.limit;
  }

  /** The problems, with a closing note when some were left out. */
  list(): Problem[] {
    const n = this.dropped;
    return n > 0
      ? [...this.items, { severity: 'note', omitted: n, ...say(`${grouped(n, 'en')} more problem${n > 1 ? 's' : ''} not listed (--max-errors ${this.limit})`, `${grouped(n, 'id')} masalah lain tidak dicantumkan (--max-errors ${this.limit})`) }]
      : [...this.items];
  }
}
