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
  const m = REF.exec(refKey(s));
  return m ? { code: m[1], n: Number(m[2]) } : null;
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
  const parsed = sites.map((s) => (s.ref === '' ? null : parseRef(s.ref)));
  for (const p of parsed) if (p) see(p.code, p.n);

  // Keeper of each Réf. among real rows.
  const groups = new Map<string, number[]>();
  const keys = sites.map((s) => (s.refOnly || s.ref === '' ? '' : refKey(s.ref)));
  sites.forEach((s, i) => {
    if (s.refOnly || s.ref === '') return;
    const k = keys[i];
    const g = groups.get(k);
    if (g) g.push(i);
    else groups.set(k, [i]);
  });
  const keeperOf = new Map<string, number>();
  for (const [k, list] of groups) {
    const own = list.length === 1 ? list[0] : list.find((i) => parsed[i]?.code === codeOf(sites[i]).toUpperCase());
    keeperOf.set(k, own ?? list[0]);
  }

  const refs: string[] = [];
  const newRefs: NewRef[] = [];
  sites.forEach((s, i) => {
    if (s.refOnly) {
      refs.push(s.ref);
      return;
    }
    const code = codeOf(s).toUpperCase();
    if (s.ref === '') {
      const n = (highest.get(code) ?? 0) + 1;
      highest.set(code, n);
      const ref = formatRef(code, n);
      refs.push(ref);
      newRefs.push({ site: i, ref, reason: 'manquante' });
      return;
    }
    const keeper = keeperOf.get(keys[i])!;
    if (keeper === i) {
      refs.push(parsed[i] ? keys[i] : s.ref);
      return;
    }
    const n = (highest.get(code) ?? 0) + 1;
    highest.set(code, n);
    const ref = formatRef(code, n);
    refs.push(ref);
    const k = sites[keeper];
    newRefs.push({ site: i, ref, reason: 'doublon', keeper: { tab: k.tab, rowNumber: k.rowNumber, ref: k.ref } });
  });
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
