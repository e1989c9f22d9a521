// The scope of a report: which areas it covers, in words a planner uses ("Kanwil Sulawesi Maluku:
// 8 provinces", "Gorontalo: 6 regencies and cities", "Indonesia: 38 provinces"). The geography comes in
// as data (an AreaBook built by io/ from data/provinces.csv and data/regencies.csv); this file only
// reasons about it.
//
// The scope is found from the keys of the finest area dimension of the data (regency, else province,
// else kanwil), or declared with --expect. Totals compare the areas of the scope with the targets of
// those areas only.

export interface AreaBook {
  /** Provinces by Kemendagri code: name and regional office (kanwil). */
  readonly provinces: ReadonlyMap<string, { readonly name: string; readonly kanwil: string }>;
  /** Regencies and cities by Kemendagri code: name and province code. */
  readonly regencies: ReadonlyMap<string, { readonly name: string; readonly province: string }>;
}

export type AreaDim = 'regency' | 'province' | 'kanwil';

export type Scope =
  /** Every area of the country at that grain. */
  | { readonly kind: 'national'; readonly dim: AreaDim; readonly areas: number; readonly of: number }
  /**
   * Areas of one regional office: all of them (areas = of), or some. `provinces`: the names of the
   * provinces it covers (some or all of their regencies where dim is regency), so that two scopes of one
   * office are told apart by their areas, not by their words ("Kanwil Sulama, 1 of 8": Maluku's or
   * Gorontalo's, rv32 W8).
   */
  | { readonly kind: 'kanwil'; readonly name: string; readonly dim: 'province' | 'regency'; readonly areas: number; readonly of: number; readonly provinces?: readonly string[] }
  /** Regencies and cities of one province; `regencies`: their names. */
  | { readonly kind: 'province'; readonly name: string; readonly code: string; readonly dim: 'regency'; readonly areas: number; readonly of: number; readonly regencies?: readonly string[] }
  /** Areas of several parents: N areas in M provinces (regencies) or M kanwil (provinces). */
  | { readonly kind: 'areas'; readonly dim: AreaDim; readonly areas: number; readonly parents: number }
  /** The data names no area (a segment or sector file without a province column). */
  | { readonly kind: 'unknown' };

/** The finest area dimension among some dimension names. */
export function areaDimOf(dims: readonly string[]): AreaDim | undefined {
  if (dims.includes('regency')) return 'regency';
  if (dims.includes('province')) return 'province';
  if (dims.includes('kanwil')) return 'kanwil';
  return undefined;
}

function kanwilsOf(book: AreaBook): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [code, p] of book.provinces) {
    const list = out.get(p.kanwil);
    if (list) list.push(code);
    else out.set(p.kanwil, [code]);
  }
  return out;
}

/** The names of some provinces (by code), in the geography's order. */
function provinceNames(book: AreaBook, codes: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const [code, p] of book.provinces) if (codes.has(code)) out.push(p.name);
  return out;
}

/** The names of some regencies (by code), in the geography's order. */
function regencyNames(book: AreaBook, codes: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const [code, r] of book.regencies) if (codes.has(code)) out.push(r.name);
  return out;
}

/**
 * The areas two scopes of the same kind and name cover differ (Maluku's and Gorontalo's, both "Kanwil
 * Sulama, 1 of 8"): their provinces (a Kanwil's) or regencies (a province's), where both say them.
 */
export function scopeAreasDiffer(a: readonly string[] | undefined, b: Scope): boolean {
  const ours = b.kind === 'kanwil' ? b.provinces : b.kind === 'province' ? b.regencies : undefined;
  if (!a || !ours) return false;
  if (a.length !== ours.length) return true;
  const set = new Set(ours);
  return a.some((x) => !set.has(x));
}

/** The regencies of a province, by code. */
export function regenciesOf(book: AreaBook, province: string): string[] {
  const out: string[] = [];
  for (const [code, r] of book.regencies) if (r.province === province) out.push(code);
  return out;
}

/**
 * The scope of some areas (keys of one area dimension).
 * Example: the 8 province codes 71–76, 81, 82 → { kind: 'kanwil', name: 'Sulawesi Maluku (Sulama)',
 * dim: 'province', areas: 8, of: 8 }.
 */
export function scopeOf(dim: AreaDim | undefined, keys: ReadonlySet<string>, book: AreaBook): Scope {
  if (!dim || keys.size === 0) return { kind: 'unknown' };
  const kanwils = kanwilsOf(book);
  if (dim === 'kanwil') {
    if (keys.size === kanwils.size) return { kind: 'national', dim, areas: keys.size, of: kanwils.size };
    // One regional office's row: its scope is the office, in its provinces, as the same month given by
    // province names it ("Kanwil Sulawesi Maluku (Sulama): 8 provinces", not "1 regional office": rv28 R24).
    const one = keys.size === 1 ? kanwils.get([...keys][0]!) : undefined;
    if (one) return { kind: 'kanwil', name: [...keys][0]!, dim: 'province', areas: one.length, of: one.length, provinces: provinceNames(book, new Set(one)) };
    return { kind: 'areas', dim, areas: keys.size, parents: keys.size };
  }
  if (dim === 'province') {
    if (keys.size === book.provinces.size) return { kind: 'national', dim, areas: keys.size, of: book.provinces.size };
    const offices = new Set<string>();
    for (const k of keys) offices.add(book.provinces.get(k)?.kanwil ?? `?${k}`);
    if (offices.size === 1) {
      const name = [...offices][0]!;
      const all = kanwils.get(name);
      if (all) return { kind: 'kanwil', name, dim, areas: keys.size, of: all.length, provinces: provinceNames(book, keys) };
    }
    return { kind: 'areas', dim, areas: keys.size, parents: offices.size };
  }
  if (keys.size === book.regencies.size) return { kind: 'national', dim, areas: keys.size, of: book.regencies.size };
  const provinces = new Set<string>();
  for (const k of keys) provinces.add(book.regencies.get(k)?.province ?? `?${k}`);
  if (provinces.size === 1) {
    const code = [...provinces][0]!;
    const p = book.provinces.get(code);
    if (p) return { kind: 'province', name: p.name, code, dim, areas: keys.size, of: regenciesOf(book, code).length, regencies: regencyNames(book, keys) };
  }
  const offices = new Set<string>();
  for (const p of provinces) offices.add(book.provinces.get(p)?.kanwil ?? `?${p}`);
  if (offices.size === 1) {
    const name = [...offices][0]!;
    const all = kanwils.get(name);
    if (all) {
      let of = 0;
      for (const p of all) of += regenciesOf(book, p).length;
      return { kind: 'kanwil', name, dim, areas: keys.size, of, provinces: provinceNames(book, provinces) };
    }
  }
  return { kind: 'areas', dim, areas: keys.size, parents: provinces.size };
}

/**
 * The areas of a scope's parent (a province's regencies, a Kanwil's provinces or regencies) that are not
 * among `keys`, by name in the geography's order: a scope of some of them (areas < of) lacks these.
 * Example: Gorontalo's regencies but Pohuwato → ["Kabupaten Pohuwato"]; [] for a whole or national scope.
 */
export function missingOfScope(scope: Scope, keys: ReadonlySet<string>, book: AreaBook): string[] {
  if (scope.kind === 'unknown' || scope.kind === 'areas' || scope.dim === 'kanwil' || scope.areas >= scope.of) return [];
  // A national scope of some areas only (scopesInPart: 37 of 38 provinces): the country's.
  const provinces = scope.kind === 'national' ? [...book.provinces.keys()] : scope.kind === 'province' ? [scope.code] : (kanwilsOf(book).get(scope.name) ?? []);
  if (scope.dim === 'province') return provinces.filter((p) => !keys.has(p)).map((p) => book.provinces.get(p)?.name ?? p);
  const out: string[] = [];
  for (const p of provinces) for (const r of regenciesOf(book, p)) if (!keys.has(r)) out.push(book.regencies.get(r)!.name);
  return out;
}

/**
 * The areas an input of some areas is of, each as its scope, whole or in part (missingOfScope names what
 * one in part lacks): its one province or Kanwil (Gorontalo: 5 of 6 regencies); of an input across
 * several, each province or Kanwil it has areas of, in the geography's order (all of Kalimantan, Sulama 6
 * of 8: rv36 N1); of one with areas in every Kanwil (every province at regency grain), the country
 * ("Indonesia: 37 of 38 provinces", Aceh late). [] where the grain has no parent (a file by Kanwil).
 */
export function parentScopes(scope: Scope, keys: ReadonlySet<string>, book: AreaBook): Scope[] {
  if (scope.kind === 'province' || scope.kind === 'kanwil' || scope.kind === 'national') return [scope];
  if (scope.kind !== 'areas' || scope.dim === 'kanwil') return [];
  const dim = scope.dim;
  const under = new Map<string, Set<string>>();
  for (const k of keys) {
    const parent = dim === 'province' ? book.provinces.get(k)?.kanwil : book.regencies.get(k)?.province;
    if (parent === undefined) continue;
    const set = under.get(parent);
    if (set) set.add(k);
    else under.set(parent, new Set([k]));
  }
  const parents = dim === 'province' ? [...kanwilsOf(book).keys()] : [...book.provinces.keys()];
  if (under.size === parents.length) return [{ kind: 'national', dim, areas: keys.size, of: dim === 'province' ? book.provinces.size : book.regencies.size }];
  const out: Scope[] = [];
  for (const p of parents) {
    const set = under.get(p);
    if (set) out.push(scopeOf(dim, set, book));
  }
  return out;
}

/** What --expect names: a regional office, a province, the whole country, or a list of keys. */
export type ExpectSpec =
  | { readonly kind: 'kanwil'; readonly name: string }
  | { readonly kind: 'province'; readonly code: string }
  | { readonly kind: 'national' }
  | { readonly kind: 'keys'; readonly dim: string; readonly keys: ReadonlyMap<string, string>; readonly source: string };

/**
 * The keys that must report, at one dimension of the report's grain (key → label), or why the spec
 * does not fit that grain. Example: kanwil "Sulawesi Maluku (Sulama)" at 'province' → its 8 provinces;
 * province 75 at 'regency' → Gorontalo's 6 regencies and cities. At 'kanwil', `parts` are the
 * provinces of those offices, which must report too ("a regional office's provinces"): a Kanwil is in
 * the data as soon as one of its provinces is.
 */
export function expectedKeys(specs: readonly ExpectSpec[], grain: readonly string[], book: AreaBook): { dim: string; keys: Map<string, string>; parts?: { dim: 'province'; keys: Map<string, string> } } | { problem: 'no-area-dim' | 'province-above-grain' | 'dims-differ'; dim?: string } {
  const area = areaDimOf(grain);
  let dim: string | undefined;
  const keys = new Map<string, string>();
  const kanwils = kanwilsOf(book);
  for (const s of specs) {
    const d = s.kind === 'keys' ? s.dim : area;
    if (!d) return { problem: 'no-area-dim' };
    if (dim !== undefined && dim !== d) return { problem: 'dims-differ', dim: d };
    dim = d;
    if (s.kind === 'keys') {
      for (const [k, v] of s.keys) keys.set(k, v);
      continue;
    }
    let provinces: string[];
    if (s.kind === 'national') provinces = [...book.provinces.keys()];
    else if (s.kind === 'kanwil') provinces = kanwils.get(s.name) ?? [];
    else provinces = [s.code];
    if (d === 'kanwil') {
      if (s.kind === 'province') return { problem: 'province-above-grain', dim: d };
      const names = s.kind === 'national' ? [...kanwils.keys()] : [s.name];
      for (const n of names) keys.set(n, n);
    } else if (d === 'province') for (const p of provinces) keys.set(p, book.provinces.get(p)?.name ?? p);
    else for (const p of provinces) for (const r of regenciesOf(book, p)) keys.set(r, book.regencies.get(r)!.name);
  }
  if (dim !== 'kanwil') return { dim: dim!, keys };
  // The provinces of the offices named (a list of offices in a file too, where the names are known).
  const parts = new Map<string, string>();
  for (const k of keys.keys()) for (const p of kanwils.get(k) ?? []) parts.set(p, book.provinces.get(p)?.name ?? p);
  return parts.size ? { dim, keys, parts: { dim: 'province', keys: parts } } : { dim, keys };
}

/** The scope --expect declares. */
export function declaredScope(specs: readonly ExpectSpec[], dim: string, keys: ReadonlyMap<string, string>, book: AreaBook): Scope {
  const d = dim === 'regency' || dim === 'province' || dim === 'kanwil' ? dim : undefined;
  if (!d) return { kind: 'unknown' };
  const only = specs.length === 1 ? specs[0]! : undefined;
  if (only?.kind === 'province' && d === 'regency') {
    const p = book.provinces.get(only.code);
    if (p) return { kind: 'province', name: p.name, code: only.code, dim: d, areas: keys.size, of: keys.size, regencies: regencyNames(book, new Set(keys.keys())) };
  }
  return scopeOf(d, new Set(keys.keys()), book);
}

const RANK: Record<AreaDim, number> = { regency: 0, province: 1, kanwil: 2 };

/**
 * Areas of the report (at `parentDim`) whose data covers only some of their parts (at the finer
 * `dataDim`): Sulawesi Utara with 2 of its 15 regencies and cities reported. Their targets are for the
 * whole area, so comparing the two is only fair when the rest are truly zero.
 */
export function incompleteAreas(dataDim: AreaDim, pairs: ReadonlyMap<string, ReadonlySet<string>>, parentDim: AreaDim, book: AreaBook): { key: string; label: string; have: number; of: number }[] {
  if (RANK[dataDim] >= RANK[parentDim]) return [];
  const kanwils = kanwilsOf(book);
  const out: { key: string; label: string; have: number; of: number }[] = [];
  for (const [parent, parts] of pairs) {
    let of: number;
    let label = parent;
    if (parentDim === 'province') {
      of = regenciesOf(book, parent).length;
      label = book.provinces.get(parent)?.name ?? parent;
    } else {
      const provinces = kanwils.get(parent) ?? [];
      of = dataDim === 'province' ? provinces.length : provinces.reduce((a, p) => a + regenciesOf(book, p).length, 0);
    }
    if (of > 0 && parts.size < of) out.push({ key: parent, label, have: parts.size, of });
  }
  return out;
}
