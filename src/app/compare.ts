// breakdown --compare: the variants of the run's rule, one plan each, and the comparison report.
//
// Every other flag of the run is the base rule. Each --compare names one field of the rule — method
// (the default: `--compare webster,hamilton`), mode, basis, denominator, min, max, max-coverage or
// scenario — and two or more values; several --compare make a grid of every combination (mode × basis),
// the first field outermost. A variant is planned exactly as `breakdown` with that flag would plan it:
// the same table, the same spec but for the field, so its column is the target of that separate run
// (test/e2e/compare.test.ts checks it field by field).

import { planBreakdown, type AllocationResult } from '../core/allocation/plan.js';
import type { AllocationSpec, Bound } from '../core/allocation/spec.js';
import { inEveryRun, type Note } from '../core/facts.js';
import type { Table } from '../core/table.js';
import { InputError, JamsostekError, usage, type Problem } from '../errors.js';
import { flagName, type FlagKey, type Options } from '../options/flags.js';
import type { CompareAxis, CompareField, RuleChoice } from '../options/parse.js';
import type { NamedColumn } from '../options/keys.js';
import { chooseDenominator, ruleColumns, splitRule, type RuleOptions } from '../options/specs.js';
import { breakdownReport, type BreakdownContext } from '../report/breakdown.js';
import { notesInWords } from '../report/common.js';
import { comparisonKeys, compareReport, summarise, summaryWords, type Variant } from '../report/compare.js';
import { explainLines, ruleWords } from '../report/explain.js';
import type { Report, ReportNote } from '../report/model.js';
import { describeCoreError } from '../report/problems.js';
import { METHOD_NAMES } from '../report/vocabulary.js';
import { laterActualNotes } from './actuals.js';
import { refuseSpareGaps } from './read.js';
import type { Session } from './session.js';
import { totalOf, unattributedNote } from './targets.js';

/** More variants than this are not a comparison a person can read: refused, with the count. */
export const MAX_VARIANTS = 16;

type CompareOptions = Options<'compare' | 'compareScenario' | 'method' | 'mode' | 'basis' | 'denominator' | 'min' | 'max' | 'maxCoverage' | 'scenario' | 'year' | 'target' | 'explain' | 'maxErrors'>;

/** The flag each compared field stands for. */
const FLAG_OF = new Map<CompareField, FlagKey>([
  ['method', 'method'],
  ['mode', 'mode'],
  ['basis', 'basis'],
  ['denominator', 'denominator'],
  ['min', 'min'],
  ['max', 'max'],
  ['max-coverage', 'maxCoverage'],
  ['scenario', 'scenario'],
]);

interface PlannedVariant {
  readonly name: string;
  readonly label: string;
  readonly choices: readonly (readonly [CompareField, string])[];
  readonly choice: RuleChoice;
}

export interface ComparePlan {
  readonly fields: readonly CompareField[];
  readonly variants: readonly PlannedVariant[];
  /** Columns the variants read besides the usual measures (a basis or bound column), with the flag that names each. */
  readonly columns: readonly NamedColumn[];
  /** Every denominator a variant uses (the base's included). */
  readonly denominators: readonly string[];
}

/** The rule options of a variant: the run's, with the variant's choices in place. */
function optionsOf(o: CompareOptions, c: RuleChoice): RuleOptions & { readonly denominator?: string; readonly scenario?: string } {
  return {
    method: c.method ?? o.method,
    mode: c.mode ?? o.mode,
    basis: c.basis ?? o.basis,
    min: c.min ?? o.min,
    max: c.max ?? o.max,
    maxCoverage: c.maxCoverage === null ? undefined : (c.maxCoverage ?? o.maxCoverage),
    denominator: c.denominator ?? o.denominator,
    scenario: c.scenario ?? o.scenario,
  };
}

/** How a variant is named: in column keys (target_<name>) and for people. */
function names(field: CompareField, value: { name: string; set: RuleChoice }): { name: string; label: string } {
  switch (field) {
    case 'method':
      return { name: value.set.method!, label: METHOD_NAMES.get(value.set.method!) ?? value.set.method! };
    case 'min':
    case 'max':
    case 'max-coverage':
      return { name: `${field}_${value.name}`, label: `${field} ${value.name}` };
    default:
      return { name: value.name, label: value.name };
  }
}

/**
 * The variants of this run, checked before anything is read: each field compared once, not also set
 * by its own flag, scenarios only with --year, at most MAX_VARIANTS, every column key distinct.
 */
/** The columns a comparison adds after the keys (one target per variant, the differences…), for --fields. */
export function comparisonColumns(plan: ComparePlan): readonly string[] {
  return comparisonKeys(plan.variants.map((v) => v.name));
}

export function planComparison(o: CompareOptions, cli: Readonly<Record<string, unknown>>, session: Session): ComparePlan {
  const given = (k: FlagKey): boolean => cli[k] !== undefined && cli[k] !== false;
  const axes: { axis: CompareAxis; flag: FlagKey }[] = (o.compare ?? []).map((axis) => ({ axis, flag: 'compare' as FlagKey }));
  if (o.compareScenario) axes.push({ axis: o.compareScenario, flag: 'compareScenario' });
  const fields: CompareField[] = [];
  for (const { axis, flag } of axes) {
    const f = axis.field;
    if (fields.includes(f)) throw usage(`--compare: ${f} is compared twice; give its values once (e.g. --compare ${f}=a,b,c)`, `--compare: ${f} dibandingkan dua kali; berikan nilainya sekali saja (mis. --compare ${f}=a,b,c)`);
    fields.push(f);
    const own = FLAG_OF.get(f)!;
    if ((o as Readonly<Record<string, unknown>>)[own] === undefined) continue;
    const where = given(own) ? flagName(own) : `"${own}" ${session.config ? `in ${session.config.file}` : ''}`.trim();
    // A value of the config file gives way to a --compare on the command line (the command line wins); otherwise both were asked for.
    if (!given(own) && given(flag)) {
      session.note({ en: `--compare ${f}=… sets the ${f} of each variant: ${where} is not used`, id: `--compare ${f}=… menentukan ${f} setiap varian: ${where} tidak dipakai` });
      continue;
    }
    throw usage(
      { message: `--compare ${f}=… and ${where} both set the ${f}`, hint: `leave out ${flagName(own)}: each variant sets its own ${f}, and every other flag is the rule they share` },
      { message: `--compare ${f}=… dan ${where} sama-sama menentukan ${f}`, hint: `hilangkan ${flagName(own)}: setiap varian menentukan ${f}-nya sendiri, dan opsi lain menjadi aturan bersama` },
    );
  }
  if (fields.includes('scenario')) {
    if (o.target !== undefined) throw usage('--compare scenario=… and --target: a scenario is a target series; leave out --target and give --year', '--compare scenario=… dan --target: skenario adalah deret target; hilangkan --target dan berikan --year');
    if (o.year === undefined) throw usage('--compare-scenario needs --year: each scenario has its own target for the year', '--compare-scenario memerlukan --year: setiap skenario memiliki target tahunannya sendiri');
  }
  const count = axes.reduce((n, a) => n * a.axis.values.length, 1);
  if (count > MAX_VARIANTS) {
    const sizes = axes.map((a) => a.axis.values.length).join(' × ');
    throw usage(
      { message: `--compare: ${sizes} = ${count} variants; at most ${MAX_VARIANTS} side by side`, hint: 'compare fewer values, or one field at a time' },
      { message: `--compare: ${sizes} = ${count} varian; paling banyak ${MAX_VARIANTS} berdampingan`, hint: 'bandingkan lebih sedikit nilai, atau satu bidang sekali jalan' },
    );
  }
  // The grid, the first field outermost.
  let grid: PlannedVariant[] = [{ name: '', label: '', choices: [], choice: {} }];
  for (const { axis } of axes) {
    const next: PlannedVariant[] = [];
    for (const g of grid) {
      for (const value of axis.values) {
        const n = names(axis.field, value);
        next.push({
          name: g.name ? `${g.name}_${n.name}` : n.name,
          label: g.label ? `${g.label} / ${n.label}` : n.label,
          choices: g.choices.concat([[axis.field, value.name]]),
          choice: Object.assign({}, g.choice, value.set),
        });
      }
    }
    grid = next;
  }
  const keys = comparisonKeys(grid.map((v) => v.name));
  const twice = keys.find((k, i) => keys.indexOf(k) !== i);
  if (twice) {
    throw usage(
      { message: `--compare: two variants would share the column ${twice}`, hint: 'name each value so that it differs in letters or digits' },
      { message: `--compare: dua varian akan memakai kolom yang sama, ${twice}`, hint: 'beri setiap nilai nama yang berbeda huruf atau angkanya' },
    );
  }
  const columns = new Map<string, NamedColumn>();
  const denominators = new Set<string>();
  for (const v of grid) {
    const opts = optionsOf(o, v.choice);
    // Named by --compare when the variant's choice set it, by its own flag when the base rule did.
    const fromChoice = new Map<string, unknown>([['--basis', v.choice.basis], ['--min', v.choice.min], ['--max', v.choice.max]]);
    for (const c of ruleColumns(splitRule(opts))) if (!columns.has(c.column)) columns.set(c.column, fromChoice.get(c.flag) ? { ...c, flag: `--compare ${c.flag.slice(2)}` } : c);
    if (opts.denominator) denominators.add(opts.denominator);
  }
  return { fields, variants: grid, columns: [...columns.values()], denominators: [...denominators] };
}

/** An error of one variant, named by it: `--compare level: the 38 province units can take at most …`. */
function inVariant(e: unknown, label: string): unknown {
  const at = (p: Problem): Problem => ({ ...p, message: `--compare ${label}: ${p.message}`, id: { ...p.id, message: `--compare ${label}: ${p.id.message}` } });
  const core = describeCoreError(e);
  if (core) return new InputError(core.map(at));
  if (e instanceof JamsostekError) {
    const Kind = e.constructor as new (d: readonly Problem[]) => JamsostekError;
    return new Kind(e.diagnostics.map(at));
  }
  return e;
}

const boundText = (b: Bound): string => (b.kind === 'value' ? String(b.value) : b.kind === 'column' ? b.column : b.kind);

export interface CompareContext {
  readonly o: CompareOptions;
  readonly spec: AllocationSpec;
  readonly table: Table;
  readonly bundled: boolean;
  readonly report: Omit<BreakdownContext, 'extraNotes'>;
  /** The note about the base total (an interpolated year), if any. */
  readonly totalNote?: Note;
}

/** Plan every variant, say their notes (once each; a note of some variants only, named by them), explain them if asked, and build the report. */
export function compareVariants(plan: ComparePlan, ctx: CompareContext, session: Session): Report {
  const { o, table } = ctx;
  const planned: { v: PlannedVariant; result: AllocationResult; rule: ReturnType<typeof splitRule>; notes: Note[] }[] = [];
  for (const v of plan.variants) {
    const opts = optionsOf(o, v.choice);
    const rule = splitRule(opts);
    try {
      const total = v.choice.scenario ? totalOf({ year: o.year, scenario: v.choice.scenario }) : undefined;
      const spec: AllocationSpec = { ...ctx.spec, rule, denominator: chooseDenominator(opts.denominator, [table]), total: total ? total.total : ctx.spec.total };
      if (!ctx.bundled) refuseSpareGaps(spec.denominator, [table], o.maxErrors ?? 50);
      const result = planBreakdown(spec, table);
      const later = ctx.bundled ? laterActualNotes(result, ctx.report.period) : [];
      const absorbed = ctx.bundled ? unattributedNote(result) : undefined;
      const notes = (total?.note ? [total.note] : ctx.totalNote ? [ctx.totalNote] : []).concat(result.notes, absorbed ? [absorbed] : [], later);
      planned.push({ v, result, rule, notes });
    } catch (e) {
      throw inVariant(e, v.label);
    }
  }
  // Notes: those every variant has, once; the others named by their variants (a set of each variant's
  // notes: looking through every note for every note took 36.6 s for 10,000 branches).
  const key = (n: Note): string => JSON.stringify(n);
  const everywhere = inEveryRun(planned.map((p) => p.notes));
  const words: ReportNote[] = [];
  const said = new Set<string>();
  for (const p of planned) {
    for (const n of p.notes) {
      const shared = everywhere(n);
      if (shared && said.has(key(n))) continue;
      said.add(key(n));
      session.notes([n], shared ? undefined : `[${p.v.label}]`);
      const w = notesInWords([n])[0]!;
      words.push(shared ? w : { ...w, en: `[${p.v.label}] ${w.en}`, id: `[${p.v.label}] ${w.id}` });
    }
  }
  const variants: Variant[] = planned.map(({ v, result, rule }) => ({
    name: v.name,
    label: v.label,
    result,
    choices: v.choices,
    words: { en: ruleWords({ result, rule }, 'en'), id: ruleWords({ result, rule }, 'id') },
    bounds: { min: boundText(rule.lower), max: boundText(rule.upper), maxCoverage: rule.maxCoverage ? Number(rule.maxCoverage.num) / Number(rule.maxCoverage.den) : null },
  }));
  if (o.explain) {
    const lines: string[] = [];
    for (const v of variants) {
      lines.push(`${session.lang === 'id' ? 'varian' : 'variant'} ${v.label} — ${v.words[session.lang]}`);
      for (const l of explainLines(v.result, session.lang)) lines.push(`  ${v.label}: ${l}`);
    }
    session.explain(lines);
  }
  const comparison = { fields: plan.fields, variants };
  const summary = summarise(comparison);
  for (const s of summary) session.note(summaryWords(s, comparison));
  const base = breakdownReport({ ...variants[0]!.result, notes: [] }, { ...ctx.report, extraNotes: words });
  return compareReport(comparison, base, summary);
}
