/**
 * Réf.: the stable identifier of an action, `<code du service>-<numéro>`
 * (DEC-014). A number is never given twice for a code: the next one is above
 * the highest ever seen (registry's `Dernier n° de Réf.`, Réf.s in the
 * service tabs, Réf.s in `Actions`, orphans included).
 *
 * A Réf. found twice (a copied row) stays with one row, the keeper: the first
 * whose Réf. carries its own service's code, else the first in workbook
 * order; every other copy gets a new Réf.
 */
import { compareKey } from '../parse/values';

export interface ParsedRef {
  readonly code: string;
  readonly n: number;
}

const REF = /^([A-Z][A-Z0-9]{0,9})\s*[-–—_]\s*(\d{1,7})$/;

/** Comparison key of a Réf.: upper case, dashes unified, no spaces. */
const CANONICAL = /^[A-Z][A-Z0-9]{0,9}-\d{1,7}$/;

export function refKey(s: string): string {
  if (CANONICAL.test(s)) return s;
  return compareKey(s).toUpperCase().replace(/\s*-\s*/g, '-').replace(/\s+/g, ' ');
}

export function parseRef(s: string): ParsedRef | null {
  return parseRefKey(refKey(s));
}

/** `parseRef` of a comparison key (`refKey`'s result). */
function parseRefKey(key: string): ParsedRef | null {
  if (CANONICAL.test(key)) {
    // The usual form, `DEC-012`: the code is before the only dash.
    const dash = key.indexOf('-');
    return { code: key.slice(0, dash), n: Number(key.slice(dash + 1)) };
  }
  const m = REF.exec(key);
  return m ? { code: m[1], n: Number(m[2]) } : null;
}

/** Whether `s` is a Réf. (`parseRef(s) !== null`), without building its parts. */
export function isRef(s: string): boolean {
  return CANONICAL.test(s) || REF.test(refKey(s));
}

export function formatRef(code: string, n: number): string {
  return `${code}-${String(n).padStart(3, '0')}`;
}

/** A row carrying (or needing) a Réf. */
export interface RefSite {
  readonly tab: string;
  readonly rowNumber: number;
  /** As typed, '' when blank. */
  readonly ref: string;
  /** Code of the tab's service, the prefix of a new Réf. (or given by `codeOf`). */
  readonly code?: string;
  /** Rows holding only a Réf. keep it from reuse but are not actions. */
  readonly refOnly: boolean;
}

export interface NewRef {
  /** Index in the sites array. */
  readonly site: number;
  readonly ref: string;
  readonly reason: 'manquante' | 'doublon';
  /** The row that keeps the duplicated Réf. */
  readonly keeper?: { readonly tab: string; readonly rowNumber: number; readonly ref: string };
}

export interface RefAllocation {
  /** Final Réf. of each site (same order as the sites); refOnly sites keep theirs. */
  readonly refs: readonly string[];
  readonly newRefs: readonly NewRef[];
  /** Highest number per code after allocation. */
  readonly highest: ReadonlyMap<string, number>;
}

export function allocateRefs(
  sites: readonly RefSite[],
  known: { readonly refs: Iterable<string>; readonly highest: ReadonlyMap<string, number> },
  codeOf: (site: RefSite) => string = (site) => site.code ?? '',
): RefAllocation {
  const highest = new Map<string, number>();
  const see = (code: string, n: number) => highest.set(code, Math.max(highest.get(code) ?? 0, n));
  for (const [code, n] of known.highest) see(code.toUpperCase(), n);
  for (const r of known.refs) {
    const p = parseRef(r);
    if (p) see(p.code, p.n);
  }
  // Per site: comparison key ('' for blank Réf.s and rows holding only a Réf.), and the Réf.'s code when it parses.
  const count = sites.length;
  const keys: string[] = new Array(count);
  const parsedCode: Array<string | null> = new Array(count);
  // Consecutive Réf.s of the usual form mostly share their code: its highest number is kept aside meanwhile.
  let runCode: string | null = null;
  let runMax = 0;
  for (let i = 0; i < count; i++) {
    const s = sites[i];
    if (s.ref === '') {
      keys[i] = '';
      parsedCode[i] = null;
      continue;
    }
    let k: string;
    let code: string | null;
    if (CANONICAL.test(s.ref)) {
      // The usual form, `DEC-012`: its own key; the code is before the only dash, the number after.
      k = s.ref;
      const dash = k.indexOf('-');
      let n = 0;
      for (let j = dash + 1; j < k.length; j++) n = n * 10 + (k.charCodeAt(j) - 48);
      if (runCode !== null && dash === runCode.length && k.startsWith(runCode)) {
        if (n > runMax) runMax = n;
      } else {
        if (runCode !== null) see(runCode, runMax);
        runCode = k.slice(0, dash);
        runMax = n;
        see(runCode, n);
      }
      code = runCode;
    } else {
      k = refKey(s.ref);
      const p = parseRefKey(k);
      code = p ? p.code : null;
      if (p) see(p.code, p.n);
    }
    parsedCode[i] = code;
    keys[i] = s.refOnly ? '' : k;
  }
  if (runCode !== null) see(runCode, runMax);

  // Keeper of each Réf. among real rows: the first row of a key, unless the key is found on several rows.
  const firstOf = new Map<string, number>();
  let copies: Map<string, number[]> | null = null;
  for (let i = 0; i < count; i++) {
    const k = keys[i];
    if (k === '') continue;
    const first = firstOf.get(k);
    if (first === undefined) {
      firstOf.set(k, i);
      continue;
    }
    copies ??= new Map();
    const list = copies.get(k);
    if (list) list.push(i);
    else copies.set(k, [first, i]);
  }
  const keeperOf = new Map<string, number>();
  if (copies) {
    for (const [k, list] of copies) {
      const own = list.find((i) => parsedCode[i] === codeOf(sites[i]).toUpperCase());
      keeperOf.set(k, own ?? list[0]);
    }
  }

  const refs: string[] = new Array(count);
  const newRefs: NewRef[] = [];
  const next = (s: RefSite): string => {
    const code = codeOf(s).toUpperCase();
    const n = (highest.get(code) ?? 0) + 1;
    highest.set(code, n);
    return formatRef(code, n);
  };
  for (let i = 0; i < count; i++) {
    const s = sites[i];
    if (s.refOnly) {
      refs[i] = s.ref;
      continue;
    }
    if (s.ref === '') {
      const ref = next(s);
      refs[i] = ref;
      newRefs.push({ site: i, ref, reason: 'manquante' });
      continue;
    }
    const keeper = keeperOf.size === 0 ? i : (keeperOf.get(keys[i]) ?? i);
    if (keeper === i) {
      refs[i] = parsedCode[i] !== null ? keys[i] : s.ref;
      continue;
    }
    const ref = next(s);
    refs[i] = ref;
    const k = sites[keeper];
    newRefs.push({ site: i, ref, reason: 'doublon', keeper: { tab: k.tab, rowNumber: k.rowNumber, ref: k.ref } });
  }
  return { refs, newRefs, highest };
}

/** Duplicated Réf.s as validation reports them (no allocation): every copy after the keeper. */
export function duplicateRefs(sites: readonly RefSite[], codeOf?: (site: RefSite) => string): Array<{ site: number; keeper: number }> {
  const alloc = allocateRefs(sites, { refs: [], highest: new Map() }, codeOf);
  const index = new Map<string, number>();
  sites.forEach((s, i) => {
    if (!s.refOnly && s.ref !== '' && !index.has(`${s.tab}\u0000${s.rowNumber}`)) index.set(`${s.tab}\u0000${s.rowNumber}`, i);
  });
  return alloc.newRefs
    .filter((n) => n.reason === 'doublon')
    .map((n) => ({ site: n.site, keeper: index.get(`${n.keeper!.tab}\u0000${n.keeper!.rowNumber}`)! }));
}
