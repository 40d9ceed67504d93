/**
 * Reading French input: amounts, numbers, dates, list values, multi-valued
 * cells, yes/no. Each reader returns a value or a reason (in French) why the
 * text cannot be read; nothing is guessed silently.
 *
 * Accepted amounts: `12500`, `12 500` (space, non-breaking or thin space as
 * thousands separator), `12 500,50`, `12.500,50`, `12500.5` (a lone dot with
 * 1, 2 or more than 3 decimals is a decimal point), optional `€`, `EUR`,
 * `€ HT`, `k€` (thousands) and a leading minus. Rejected: `12,500.50`
 * (English), `12.500` (ambiguous: thousands or decimal), several commas, text.
 */
import { cellText, isErrorValue, type Cell } from '../table/cell';
import { normalizeKey } from '../table/normalize';

export type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = <T>(reason: string): Read<T> => ({ ok: false, reason });

const SPACES = /[\s\u00a0\u202f\u2007]/g;

export function readNumber(v: Cell, what = 'un nombre'): Read<number> {
  if (typeof v === 'number') return Number.isFinite(v) ? ok(v) : fail(`valeur numérique invalide, ${what} attendu`);
  if (typeof v === 'boolean' || v instanceof Date) return fail(`« ${cellText(v)} » n'est pas ${what}`);
  if (v === null) return fail('cellule vide');
  if (isErrorValue(v)) return fail(`erreur de formule ${String(v).trim()}`);
  let s = v.trim();
  let factor = 1;
  s = s.replace(/\s*(€|eur|euros?)\s*(ht|ttc)?\.?$/i, '').replace(/^(€)\s*/, '');
  const k = /\s*k€?$/i;
  if (k.test(s)) {
    factor = 1000;
    s = s.replace(k, '');
  }
  s = s.replace(/\s*%$/, '');
  const negative = /^[-−]/.test(s);
  s = s.replace(/^[-−+]\s*/, '');
  const compact = s.replace(SPACES, '');
  if (compact === '') return fail(`« ${v.trim()} » n'est pas ${what}`);
  // Spaces are only allowed as thousands separators (groups of 3 digits).
  if (/\s/.test(s.replace(/[\u00a0\u202f\u2007]/g, ' ')) && !/^\d{1,3}( \d{3})+([.,]\d+)?$/.test(s.replace(SPACES, ' '))) {
    return fail(`« ${v.trim()} » n'est pas ${what} lisible (attendu par exemple 12 500 ou 12 500,50)`);
  }
  let n: number;
  if (/^\d+$/.test(compact)) {
    n = Number(compact);
  } else if (/^\d+,\d+$/.test(compact)) {
    n = Number(compact.replace(',', '.'));
  } else if (/^\d{1,3}(\.\d{3})+,\d+$/.test(compact)) {
    n = Number(compact.replace(/\./g, '').replace(',', '.'));
  } else if (/^\d{1,3}(\.\d{3})+$/.test(compact)) {
    return fail(`« ${v.trim()} » est ambigu (séparateur de milliers ou décimale ?) : écrivez 12 500 ou 12,5`);
  } else if (/^\d+\.\d+$/.test(compact)) {
    n = Number(compact);
  } else if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(compact)) {
    return fail(`« ${v.trim()} » est au format anglais : écrivez 12 500,50`);
  } else {
    return fail(`« ${v.trim()} » n'est pas ${what} lisible (attendu par exemple 12 500 ou 12 500,50)`);
  }
  n *= factor;
  return ok(negative ? -n : n);
}

/** Percent: a fraction 0..1; `50 %`, `50` or `0,5` all give 0.5. */
export function readPercent(v: Cell): Read<number> {
  const r = readNumber(v, 'un pourcentage');
  if (!r.ok) return r;
  const hadSign = typeof v === 'string' && v.includes('%');
  const n = hadSign || r.value > 1 ? r.value / 100 : r.value;
  return ok(n);
}

const DAY = 86_400_000;

/** A calendar date as UTC midnight. A Date from Sheets (local midnight) is rounded to its day. */
export function toCalendarDate(d: Date): Date {
  return new Date(Math.round(d.getTime() / DAY) * DAY);
}

function makeDate(y: number, m: number, d: number): Date | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date;
}

/** Dates: real dates, `03/04/2025` (day first), `3/4/25`, `03-04-2025`, `03.04.2025`, `2025-04-03`, Excel serials. */
export function readDate(v: Cell): Read<Date> {
  if (v instanceof Date) return isNaN(v.getTime()) ? fail('date invalide') : ok(toCalendarDate(v));
  if (v === null) return fail('cellule vide');
  if (typeof v === 'number') {
    // A date typed in a cell not formatted as date arrives as Excel's serial number.
    if (v > 20000 && v < 80000 && Number.isInteger(v)) return ok(new Date(Date.UTC(1899, 11, 30) + v * DAY));
    return fail(`« ${v} » n'est pas une date (attendu JJ/MM/AAAA)`);
  }
  if (typeof v === 'boolean') return fail('une date est attendue (JJ/MM/AAAA)');
  if (isErrorValue(v)) return fail(`erreur de formule ${String(v).trim()}`);
  const s = v.trim();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(s);
  if (m) {
    let y = Number(m[3]);
    if (m[3].length === 2) y += 2000;
    const d = makeDate(y, Number(m[2]), Number(m[1]));
    return d ? ok(d) : fail(`le ${s} n'existe pas dans le calendrier`);
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(T.*)?$/.exec(s);
  if (m) {
    const d = makeDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return d ? ok(d) : fail(`le ${s} n'existe pas dans le calendrier`);
  }
  return fail(`« ${s} » n'est pas une date lisible (attendu JJ/MM/AAAA, par exemple 03/04/2025)`);
}

export function readYear(v: Cell): Read<number> {
  const r = readNumber(v, 'une année');
  if (!r.ok) return r;
  if (!Number.isInteger(r.value) || r.value < 1900 || r.value > 2200) return fail(`« ${cellText(v)} » n'est pas une année (attendu par exemple 2030)`);
  return r;
}

/** Matches a value against a list without case, accent or apostrophe trouble; returns the canonical form. */
export function readListValue(v: Cell, allowed: readonly string[]): Read<string> {
  const text = cellText(v);
  const key = normalizeKey(text);
  const hit = allowed.find((a) => normalizeKey(a) === key);
  if (hit !== undefined) return ok(hit);
  // `2` for `2 – Partiel`: a list whose entries start with a number accepts that number.
  const numbered = allowed.find((a) => /^\d+\s*[–-]/.test(a) && normalizeKey(a.split(/\s*[–-]\s*/)[0]) === key);
  if (numbered !== undefined) return ok(numbered);
  return fail(`« ${text} » ne fait pas partie de la liste (${shortList(allowed)})`);
}

function shortList(allowed: readonly string[]): string {
  const shown = allowed.slice(0, 8).join(', ');
  return allowed.length > 8 ? `${shown}…` : shown;
}

/** Multi-valued cells: `PLPDMA, CODEC` or `PLPDMA; CODEC`, also on several lines. */
export function splitMulti(v: Cell): string[] {
  return cellText(v)
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function readOuiNon(v: Cell): Read<boolean> {
  if (typeof v === 'boolean') return ok(v);
  const k = normalizeKey(cellText(v));
  if (['oui', 'o', 'x', 'vrai', 'true', '1', 'yes'].includes(k)) return ok(true);
  if (['non', 'n', 'faux', 'false', '0', 'no'].includes(k)) return ok(false);
  return fail(`« ${cellText(v)} » : Oui ou Non attendu`);
}

const EMAIL = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[a-z]{2,}$/i;

export function readEmail(v: Cell): Read<string> {
  const s = cellText(v);
  return EMAIL.test(s) ? ok(s.toLowerCase()) : fail(`« ${s} » n'est pas une adresse e-mail valide`);
}

export function readEmails(v: Cell): Read<string[]> {
  const parts = splitMulti(v);
  const out: string[] = [];
  for (const p of parts) {
    const r = readEmail(p);
    if (!r.ok) return r;
    out.push(r.value);
  }
  return ok(out);
}

/** Text that a spreadsheet would take for a formula if written as is. */
export function looksLikeFormula(s: string): boolean {
  return /^[=+\-@]/.test(s);
}
