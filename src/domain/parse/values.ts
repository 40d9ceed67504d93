/**
 * Reading French input: amounts, numbers, dates, list values, multi-valued
 * cells, yes/no. Each reader returns a value or a reason (in French) why the
 * text cannot be read; nothing is guessed silently. The user documentation of
 * these rules is `docs/saisie.md`: keep both in step.
 *
 * Amounts (`readAmount`, columns of type money) and numbers (`readNumber`):
 * - accepted: `12500`, `12 500` (thousands separated by a space, a
 *   non-breaking or a narrow space, groups of 3 digits), `12 500,50`,
 *   `12500,5`, `12.500,50` (dots between thousands, comma for decimals),
 *   `1.234.567`, `12500.50` and `12 500.50` (a lone dot followed by anything
 *   but exactly 3 digits is a decimal point); with an optional `€`, `EUR`,
 *   `euros`, `€ HT` / `€ TTC` before or after, `k€` (thousands) or `M€`
 *   (millions), a leading `-`, `−` or `+`;
 * - rejected with a message: `12,500.50` and `1,234,567` (English),
 *   `12.500` (thousands or decimal? ambiguous), `(500)`, `12 50` (a group
 *   that is not 3 digits), `1e3`, words, and a `%` sign;
 * - amounts only: `12,500` (one comma then exactly 3 digits) is rejected as
 *   ambiguous (twelve thousand five hundred written the English way, or
 *   12.5 with a third decimal no euro amount has); `readNumber` reads it 12,5.
 *
 * Dates (`readDate`): real dates, day first: `03/04/2025`, `3/4/25` (two-digit
 * years are 2000–2099), `03-04-2025`, `03.04.2025`, ISO `2025-04-03`
 * (`2025/04/03`), `3 avril 2025`, `1er avril 2025` (month names and usual
 * abbreviations, with or without accents), a time after the date is ignored,
 * Excel serial numbers (a date typed in a cell formatted as number). Rejected:
 * impossible dates (`31/02/2024`, month 13), years before 1900 or after 2200,
 * a time alone, anything else.
 *
 * Lists (`readListValue`): compared without case, accents, apostrophe style,
 * dash style, repeated spaces and punctuation (`papier carton` meets
 * `Papier-carton`); the value is returned in its canonical form so it is
 * written back as the list writes it. An unknown value is refused with the
 * closest entry suggested when there is one.
 *
 * Multi-valued cells (`splitMulti`, `splitMultiKnown`): separated by `,`, `;`
 * or line breaks; a list entry that itself contains a comma (a plan's
 * intitulé) is recognised whole.
 *
 * Text that starts with `=`, `+`, `-` or `@` (`looksLikeFormula`) is text: it
 * is read as typed and every writer of the engine writes it back as text.
 * Error values (`#REF!`, `#N/A`, and the French `#VALEUR!`, `#NOM?`…) are
 * recognised by `isFormulaError`.
 */
import { cellText, isErrorValue, type Cell } from '../table/cell';
import { normalizeKey } from '../table/normalize';
import { formatNumberFr } from '../format';

export type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = <T>(reason: string): Read<T> => ({ ok: false, reason });

/** Zero-width characters and soft hyphens: invisible, pasted from web pages and PDFs. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
/** Every kind of space a user can paste: normal, non-breaking, narrow, figure, thin, tab. */
const SPACE_RUN = /[\s\u00a0\u202f\u2007\u2009\u200a]+/g;

const ASCII = /^[\x00-\x7f]*$/;

/**
 * `normalizeKey`, faster on plain ASCII text (most Réf.s, codes and many
 * titles): same result, without Unicode normalisation.
 */
const NEEDS_CLEANING = /[`\t\n\r\f\v]| {2}|^ | $/;

export function compareKey(s: string): string {
  if (ASCII.test(s)) return NEEDS_CLEANING.test(s) ? s.replace(/`/g, "'").replace(/\s+/g, ' ').trim().toLowerCase() : s.toLowerCase();
  return normalizeKey(s);
}

/** Error values as a French-language spreadsheet may show them (the English ones are in table/cell.ts). */
const FRENCH_ERRORS = new Set(['#VALEUR!', '#NOM?', '#NOMBRE!', '#NUL!', '#ERREUR!', '#N/D']);

/** A formula error shown in the cell (`#REF!`, `#N/A`, `#VALEUR!`…). */
export function isFormulaError(v: Cell | undefined): boolean {
  if (typeof v !== 'string' || !v.includes('#')) return false;
  return isErrorValue(v) || FRENCH_ERRORS.has(v.trim().toUpperCase());
}

/** One invisible character (test only: no `g` flag, no state). */
const HAS_INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/;

/** The text of a cell without invisible characters, trimmed. */
export function cleanText(v: Cell | undefined): string {
  const s = cellText(v);
  // cellText has trimmed already: without invisible characters there is nothing left to do.
  return HAS_INVISIBLE.test(s) ? s.replace(INVISIBLE, '').trim() : s;
}

/** A value quoted in a message: one line, at most `max` characters. */
export function quoteValue(s: string, max = 60): string {
  const line = s.replace(SPACE_RUN, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

// ---------------------------------------------------------------------------
// Numbers and amounts

interface NumberRules {
  readonly what: string;
  /** Amounts: `12,500` is ambiguous. */
  readonly amount: boolean;
}

const UNREADABLE_EXAMPLE = 'attendu par exemple 12 500 ou 12 500,50';

function parseNumberText(raw: string, rules: NumberRules): Read<number> {
  const n = frenchNumber(raw);
  return n === null ? parseNumberGeneral(raw, rules) : ok(n);
}

const isGroupSpace = (c: number): boolean => c === 32 || c === 0xa0 || c === 0x202f;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * The usual forms, read without the general rules of parseNumberGeneral
 * (same value), or null for anything else:
 * - digits (at most 15) with at most two decimals after `,` or `.`
 *   (`12500`, `-20`, `12,5`, `0.75`);
 * - thousands separated by one space (normal, non-breaking or narrow), at
 *   most two decimals after a comma, and `€` after one space or none
 *   (`12 500`, `-1 500,50 €`, `500 €`).
 */
function frenchNumber(s: string): number | null {
  const n = s.length;
  const negative = s.charCodeAt(0) === 45; // -
  let i = negative ? 1 : 0;
  const intStart = i;
  // Integer part: digits; when spaced, 1 to 3 digits then groups of exactly 3.
  let run = 0;
  let groups = 0;
  let total = 0;
  let value = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) {
      value = value * 10 + (c - 48);
      run++;
      total++;
      continue;
    }
    if (!isGroupSpace(c) || run === 0 || !(isDigit(s.charCodeAt(i + 1)) && isDigit(s.charCodeAt(i + 2)) && isDigit(s.charCodeAt(i + 3)))) break;
    if (groups === 0 ? run > 3 : run !== 3) return null;
    groups++;
    run = 0;
  }
  if (groups === 0 ? run === 0 || run > 15 : run !== 3) return null;
  const intEnd = i;
  // Decimals: one or two digits after `,`, or after `.` when there are neither groups nor `€`.
  let decimals = '';
  let point = false;
  const sep = s.charCodeAt(i);
  if (sep === 44 || sep === 46) {
    if (sep === 46) {
      if (groups > 0) return null;
      point = true;
    }
    if (!isDigit(s.charCodeAt(i + 1))) return null;
    const two = isDigit(s.charCodeAt(i + 2));
    decimals = s.slice(i + 1, i + (two ? 3 : 2));
    i += two ? 3 : 2;
  }
  // `€` at the end, after one space or none.
  if (i < n) {
    if (point) return null;
    if (isGroupSpace(s.charCodeAt(i))) i++;
    if (i !== n - 1 || s.charCodeAt(i) !== 0x20ac) return null;
  }
  let result = value;
  if (decimals !== '' || total > 15) {
    // The general rules' arithmetic: Number() of the digits, exact for any length.
    const int = groups === 0 ? s.slice(intStart, intEnd) : s.slice(intStart, intEnd).replace(/[ \u00a0\u202f]/g, '');
    result = Number(decimals === '' ? int : `${int}.${decimals}`);
  }
  return negative ? -result : result;
}

function parseNumberGeneral(raw: string, rules: NumberRules): Read<number> {
  // Quoted in messages only: computed when a message needs it.
  let quoted: string | undefined;
  const shown = (): string => (quoted ??= quoteValue(raw));
  let s = raw.replace(INVISIBLE, '').replace(SPACE_RUN, ' ').trim();
  if (s === '') return fail('cellule vide');
  if (/%\s*$/.test(s)) return fail(`« ${shown()} » est un pourcentage, ${rules.what} est attendu`);
  let factor = 1;
  // Thousands or millions of euros: `12 k€`, `1,2 M€ HT`.
  const scale = /^(.*\d)\s*([km])\s*(€|eur|euros?)\s*(ht|ttc)?\.?$/i.exec(s);
  if (scale) {
    factor = scale[2].toLowerCase() === 'k' ? 1_000 : 1_000_000;
    s = scale[1];
  }
  // Currency before or after, with HT / TTC.
  s = s.replace(/\s*(€|eur|euros?)\s*(ht|ttc)?\.?$/i, '').replace(/^(€|eur)\s*/i, '').trim();
  let negative = false;
  const sign = /^([-−+])\s*/.exec(s);
  if (sign) {
    negative = sign[1] !== '+';
    s = s.slice(sign[0].length);
  }
  if (/^\(.*\)$/.test(s)) return fail(`« ${shown()} » : un montant entre parenthèses n'est pas lu, écrivez -500 pour un nombre négatif`);
  let n: number | null = null;
  if (/^\d+$/.test(s)) n = Number(s);
  else if (/^\d{1,3}( \d{3})+$/.test(s)) n = Number(s.replace(/ /g, ''));
  else if (/^(\d+|\d{1,3}( \d{3})+),\d+$/.test(s)) {
    if (rules.amount && /^\d{1,3},\d{3}$/.test(s)) {
      return fail(`« ${shown()} » est ambigu : écrivez ${s.replace(',', ' ')} s'il s'agit de milliers, ou ${decimalHint(s, ',')} pour des décimales`);
    }
    n = Number(s.replace(/ /g, '').replace(',', '.'));
  } else if (/^\d{1,3}(\.\d{3})+,\d+$/.test(s)) n = Number(s.replace(/\./g, '').replace(',', '.'));
  else if (/^\d{1,3}(\.\d{3}){2,}$/.test(s)) n = Number(s.replace(/\./g, ''));
  else if (/^\d{1,3}\.\d{3}$/.test(s)) {
    return fail(`« ${shown()} » est ambigu (séparateur de milliers ou virgule ?) : écrivez ${s.replace('.', ' ')} ou ${decimalHint(s, '.')}`);
  } else if (/^(\d+|\d{1,3}( \d{3})+)\.\d+$/.test(s)) n = Number(s.replace(/ /g, ''));
  else if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) {
    return fail(`« ${shown()} » est au format anglais : en français, écrivez ${s.replace(/,/g, ' ').replace('.', ',')}`);
  }
  if (n === null || !Number.isFinite(n)) return fail(`« ${shown()} » n'est pas ${rules.what} lisible (${UNREADABLE_EXAMPLE})`);
  n *= factor;
  if (factor !== 1) n = Math.round(n * 100) / 100;
  return ok(negative ? -n : n);
}

/** `12.500` → `12,5`: the decimal reading written the French way, trailing zeros dropped. */
function decimalHint(s: string, separator: string): string {
  const [int, dec] = s.split(separator);
  const trimmed = dec.replace(/0+$/, '');
  return trimmed === '' ? int : `${int},${trimmed}`;
}

function readNumeric(v: Cell, rules: NumberRules): Read<number> {
  if (typeof v === 'number') return Number.isFinite(v) ? ok(v) : fail(`valeur numérique invalide, ${rules.what} attendu`);
  if (typeof v === 'boolean' || v instanceof Date) return fail(`« ${cellText(v)} » n'est pas ${rules.what}`);
  if (v === null || v === undefined) return fail('cellule vide');
  if (isFormulaError(v)) return fail(`erreur de formule ${String(v).trim()}`);
  return parseNumberText(String(v), rules);
}

/** A number typed the French way (see the file comment for what is accepted). */
export function readNumber(v: Cell, what = 'un nombre'): Read<number> {
  return readNumeric(v, { what, amount: false });
}

/** An amount in euros: the rules of `readNumber`, and `12,500` refused as ambiguous. */
export function readAmount(v: Cell): Read<number> {
  const r = readNumeric(v, AMOUNT_RULES);
  if (r.ok && !isPlausibleAmount(r.value)) return fail(implausibleReason(r.value));
  return r;
}

const AMOUNT_RULES: NumberRules = { what: 'un montant', amount: true };

/**
 * Beyond a thousand billion euros (more than the French State's yearly
 * budget) an amount is a typing or export accident (`1e308`, a serial pasted
 * in the wrong column): refused, so that it never poisons a total.
 */
export const MAX_PLAUSIBLE_AMOUNT = 1e12;

export function isPlausibleAmount(n: number): boolean {
  return Number.isFinite(n) && Math.abs(n) <= MAX_PLAUSIBLE_AMOUNT;
}

function implausibleReason(n: number): string {
  return `${Math.abs(n) >= 1e15 ? n.toExponential(2).replace('.', ',') : formatNumberFr(n, 2)} est un montant invraisemblable (plus de 1 000 milliards d'euros) : il est gardé tel quel mais n'est compté dans aucun budget ; vérifiez la saisie`;
}

/** The cell holds a number (or an amount typed as text) that `readAmount` refuses as implausible, not as unreadable. */
export function isImplausibleAmount(v: Cell): boolean {
  const r = readNumeric(v, AMOUNT_RULES);
  return r.ok && !isPlausibleAmount(r.value);
}

// ---------------------------------------------------------------------------
// Control characters

/**
 * Control characters that no one types on purpose and that spreadsheets store
 * badly (XML 1.0 forbids most of them; Excel escapes them as `_x0007_`): C0
 * controls but tab, line feed and carriage return, DEL, C1 controls, and the
 * two non-characters U+FFFE and U+FFFF. The engine keeps them exactly and
 * names them, it never strips them.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/;
const CONTROL_ALL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g;

export function hasControlCharacter(s: string): boolean {
  return CONTROL.test(s);
}

/** The distinct control characters of `s`, as `U+0007`, in order of appearance. */
export function controlCharacters(s: string): string[] {
  const out: string[] = [];
  for (const m of s.matchAll(CONTROL_ALL)) {
    const code = `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    if (!out.includes(code)) out.push(code);
  }
  return out;
}

/** Percent: a fraction 0..1; `50 %`, `50` or `0,5` all give 0.5. */
export function readPercent(v: Cell): Read<number> {
  if (typeof v === 'string' && /%\s*$/.test(v.trim())) {
    const r = readNumber(v.trim().replace(/\s*%$/, ''), 'un pourcentage');
    return r.ok ? ok(r.value / 100) : r;
  }
  const r = readNumber(v, 'un pourcentage');
  if (!r.ok) return r;
  return ok(r.value > 1 ? r.value / 100 : r.value);
}

// ---------------------------------------------------------------------------
// Dates

const DAY = 86_400_000;
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

/** A calendar date as UTC midnight. A Date from Sheets (local midnight) is rounded to its day. */
export function toCalendarDate(d: Date): Date {
  return new Date(Math.round(d.getTime() / DAY) * DAY);
}

const MONTH_NAMES = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const MONTHS: ReadonlyMap<string, number> = new Map([
  ...MONTH_NAMES.map((m, i) => [normalizeKey(m), i + 1] as [string, number]),
  ['janv', 1], ['fev', 2], ['fevr', 2], ['avr', 4], ['juil', 7], ['aou', 8], ['sept', 9], ['sep', 9], ['oct', 10], ['nov', 11], ['dec', 12],
]);

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function daysInMonth(y: number, m: number): number {
  if (m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0)) return 29;
  return DAYS[m - 1];
}

function makeDate(y: number, m: number, d: number, shown: string): Read<Date> {
  if (y < MIN_YEAR || y > MAX_YEAR) return fail(`« ${shown} » : l'année ${y} est hors des limites (${MIN_YEAR} à ${MAX_YEAR})`);
  if (m < 1 || m > 12) return fail(`« ${shown} » : le mois ${m} n'existe pas (la date s'écrit jour/mois/année, par exemple 03/04/2025)`);
  const max = daysInMonth(y, m);
  if (d < 1 || d > max) return fail(`le ${shown} n'existe pas dans le calendrier (${MONTH_NAMES[m - 1]} ${y} a ${max} jours)`);
  return ok(new Date(daysFromEpoch(y, m, d) * DAY));
}

/**
 * Days from 1970-01-01 to a valid date of the proleptic Gregorian calendar:
 * `Date.UTC(y, m - 1, d) / DAY`, computed without calling into Date
 * (H. Hinnant's `days_from_civil`).
 */
function daysFromEpoch(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** First instants of MIN_YEAR and of the year after MAX_YEAR: a date's year is within bounds between them. */
const FIRST_INSTANT = Date.UTC(MIN_YEAR, 0, 1);
const AFTER_LAST_INSTANT = Date.UTC(MAX_YEAR + 1, 0, 1);

const TIME_SUFFIX = String.raw`(?:[ T]+\d{1,2}[:h]\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const DMY = new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})${TIME_SUFFIX}$`);
const YMD = new RegExp(String.raw`^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})${TIME_SUFFIX}$`);
const TEXTUAL = /^(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?(1er|\d{1,2})\s+([a-zéèêûôäàç]+)\.?\s+(\d{4})$/i;

const digit = (s: string, i: number): number => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
};

/** `JJ/MM/AAAA` exactly (`3/4/2025`, `03/04/2025`), read by hand: the date, or null when the text is not of that form. */
function simpleDmy(s: string): Read<Date> | null {
  const n = s.length;
  if (n < 8 || n > 10) return null;
  let i = 0;
  let d = digit(s, i++);
  if (d < 0) return null;
  let c = digit(s, i);
  if (c >= 0) {
    d = d * 10 + c;
    i++;
  }
  if (s.charCodeAt(i++) !== 47) return null;
  let m = digit(s, i++);
  if (m < 0) return null;
  c = digit(s, i);
  if (c >= 0) {
    m = m * 10 + c;
    i++;
  }
  if (s.charCodeAt(i++) !== 47 || n - i !== 4) return null;
  let y = 0;
  for (; i < n; i++) {
    c = digit(s, i);
    if (c < 0) return null;
    y = y * 10 + c;
  }
  return makeDate(y, m, d, s);
}

/** Dates: see the file comment for the accepted forms. */
export function readDate(v: Cell): Read<Date> {
  if (v instanceof Date) {
    const t = v.getTime();
    if (isNaN(t)) return fail('date invalide');
    // Already a UTC midnight (dates read from .xlsx): the same Date (nothing in the engine mutates a Date).
    const d = t % DAY === 0 ? v : toCalendarDate(v);
    const day = d.getTime();
    // Sheets hands a time typed alone (14:30) as a Date of 30/12/1899.
    if (day < FIRST_INSTANT) return fail('la cellule contient une heure, pas une date (attendu JJ/MM/AAAA)');
    if (day >= AFTER_LAST_INSTANT) return fail(`l'année ${d.getUTCFullYear()} est hors des limites (${MIN_YEAR} à ${MAX_YEAR})`);
    return ok(d);
  }
  if (v === null || v === undefined) return fail('cellule vide');
  if (typeof v === 'number') {
    // A date typed in a cell not formatted as date arrives as Excel's serial number (1954 – 2119).
    if (v > 20000 && v < 80000) return ok(new Date(Date.UTC(1899, 11, 30) + Math.floor(v) * DAY));
    return fail(`« ${v} » n'est pas une date (attendu JJ/MM/AAAA, par exemple 03/04/2025)`);
  }
  if (typeof v === 'boolean') return fail('une date est attendue (JJ/MM/AAAA)');
  // A column of dates repeats the same few texts: each is read once.
  const known = DATE_TEXTS.get(v);
  if (known) return known;
  const read = readDateText(v);
  if (DATE_TEXTS.size >= RESULT_CACHE_LIMIT) DATE_TEXTS.clear();
  DATE_TEXTS.set(v, read);
  return read;
}

/**
 * Dates read from text, by text. Results are shared: the same Date for the
 * same text (nothing in the engine mutates a Date).
 */
const DATE_TEXTS = new Map<string, Read<Date>>();

function readDateText(v: string): Read<Date> {
  if (isFormulaError(v)) return fail(`erreur de formule ${String(v).trim()}`);
  // Fast path: JJ/MM/AAAA exactly, without a regular expression.
  const fast = simpleDmy(v);
  if (fast) return fast;
  const s = String(v).replace(INVISIBLE, '').replace(SPACE_RUN, ' ').trim();
  const shown = quoteValue(s);
  let m = DMY.exec(s);
  if (m) {
    let y = Number(m[3]);
    if (m[3].length === 2) y += 2000;
    return makeDate(y, Number(m[2]), Number(m[1]), shown);
  }
  m = YMD.exec(s);
  if (m) return makeDate(Number(m[1]), Number(m[2]), Number(m[3]), shown);
  m = TEXTUAL.exec(s);
  if (m) {
    const month = MONTHS.get(normalizeKey(m[2]));
    if (month !== undefined) return makeDate(Number(m[3]), month, m[1].toLowerCase() === '1er' ? 1 : Number(m[1]), shown);
  }
  if (/^\d{1,2}[:h]\d{2}$/.test(s)) return fail(`« ${shown} » est une heure, pas une date (attendu JJ/MM/AAAA)`);
  return fail(`« ${shown} » n'est pas une date lisible (attendu JJ/MM/AAAA, par exemple 03/04/2025)`);
}

export function readYear(v: Cell): Read<number> {
  const r = readNumber(v, 'une année');
  if (!r.ok) return r;
  if (!Number.isInteger(r.value) || r.value < MIN_YEAR || r.value > MAX_YEAR) return fail(`« ${quoteValue(cellText(v))} » n'est pas une année (attendu par exemple 2030)`);
  return r;
}

// ---------------------------------------------------------------------------
// Lists

/** Looser than normalizeKey: only letters and digits count (`papier carton` = `Papier-carton`). */
function looseKey(s: string): string {
  return compareKey(s).replace(/[^a-z0-9]+/g, '');
}

interface ListIndex {
  readonly exact: Map<string, string>;
  readonly loose: Map<string, string | null>;
  readonly numbered: Map<string, string>;
  readonly results: Map<string, Read<string>>;
  readonly suggestions: Map<string, string | null>;
}

/** Index of a list, built once per list array (lists are long-lived arrays; resolvers should keep theirs stable). */
const INDEXES = new WeakMap<readonly string[], ListIndex>();
const RESULT_CACHE_LIMIT = 20_000;

/** The two lists used last (a row alternates between a few lists): no WeakMap look-up for them. */
let lastList: readonly string[] | null = null;
let lastIndex: ListIndex | null = null;
let previousList: readonly string[] | null = null;
let previousIndex: ListIndex | null = null;

function indexOf(allowed: readonly string[]): ListIndex {
  if (allowed === lastList) return lastIndex!;
  if (allowed === previousList) {
    [previousList, previousIndex, lastList, lastIndex] = [lastList, lastIndex, previousList, previousIndex];
    return lastIndex!;
  }
  const idx = INDEXES.get(allowed) ?? buildIndex(allowed);
  previousList = lastList;
  previousIndex = lastIndex;
  lastList = allowed;
  lastIndex = idx;
  return idx;
}

function buildIndex(allowed: readonly string[]): ListIndex {
  const idx: ListIndex = { exact: new Map(), loose: new Map(), numbered: new Map(), results: new Map(), suggestions: new Map() };
  for (const a of allowed) {
    const k = compareKey(a);
    if (!idx.exact.has(k)) idx.exact.set(k, a);
    const l = looseKey(a);
    if (l !== '') {
      const prev = idx.loose.get(l);
      // Two entries with the same loose key: neither is matched loosely.
      idx.loose.set(l, prev === undefined || prev === a ? a : null);
    }
    // `2` for `2 – Partiel`: a list whose entries start with a number accepts that number.
    const num = /^(\d+)\s*[–-]/.exec(a);
    if (num && !idx.numbered.has(num[1])) idx.numbered.set(num[1], a);
  }
  INDEXES.set(allowed, idx);
  return idx;
}

function levenshtein(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** The list entry closest to a mistyped value (1 typo for short words, 2 otherwise), or null. */
export function suggestListValue(text: string, allowed: readonly string[]): string | null {
  const cache = indexOf(allowed).suggestions;
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const found = closest(text, allowed);
  if (cache.size >= RESULT_CACHE_LIMIT) cache.clear();
  cache.set(text, found);
  return found;
}

function closest(text: string, allowed: readonly string[]): string | null {
  const k = looseKey(text);
  if (k.length < 3) return null;
  const limit = k.length <= 5 ? 1 : 2;
  let best: { value: string; d: number } | null = null;
  let tie = false;
  for (const a of allowed) {
    const d = levenshtein(k, looseKey(a), limit);
    if (d > limit) continue;
    if (!best || d < best.d) {
      best = { value: a, d };
      tie = false;
    } else if (d === best.d && a !== best.value) tie = true;
  }
  return best && !tie ? best.value : null;
}

function shortList(allowed: readonly string[]): string {
  const shown = allowed.slice(0, 8).join(', ');
  return allowed.length > 8 ? `${shown}…` : shown;
}

/** Matches a value against a list without case, accent or apostrophe trouble; returns the canonical form. */
export function readListValue(v: Cell, allowed: readonly string[]): Read<string> {
  const idx = indexOf(allowed);
  // Results are kept by text as typed too: a text and its cleaned form have the same result.
  if (typeof v === 'string') {
    const hit = idx.results.get(v);
    if (hit) return hit;
  }
  const text = cleanText(v);
  let result = idx.results.get(text);
  if (!result) {
    result = matchList(text, allowed, idx);
    remember(idx, text, result);
  }
  if (typeof v === 'string' && v !== text) remember(idx, v, result);
  return result;
}

function remember(idx: ListIndex, key: string, result: Read<string>): void {
  if (idx.results.size >= RESULT_CACHE_LIMIT) idx.results.clear();
  idx.results.set(key, result);
}

function matchList(text: string, allowed: readonly string[], idx: ListIndex): Read<string> {
  const exact = idx.exact.get(compareKey(text));
  if (exact !== undefined) return ok(exact);
  const loose = idx.loose.get(looseKey(text));
  if (loose) return ok(loose);
  const numbered = idx.numbered.get(text);
  if (numbered !== undefined) return ok(numbered);
  const suggestion = suggestListValue(text, allowed);
  const hint = suggestion ? ` ; vouliez-vous dire « ${suggestion} » ?` : '';
  return fail(`« ${quoteValue(text)} » ne fait pas partie de la liste (${allowed.length === 0 ? 'liste vide' : shortList(allowed)})${hint}`);
}

/** Multi-valued cells: `PLPDMA, CODEC` or `PLPDMA; CODEC`, also on several lines. */
export function splitMulti(v: Cell): string[] {
  if (v === null || v === undefined || v === '') return [];
  const text = cleanText(v);
  // One value (the common case): cleanText has removed invisible characters and trimmed already.
  if (!MULTI_SEPARATOR.test(text)) return text === '' ? [] : [text];
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 44;
    if (c !== 44 && c !== 59 && c !== 10 && c !== 13) continue; // , ; \n \r
    const part = text.slice(start, i).trim();
    if (part !== '') out.push(part);
    start = i + 1;
  }
  return out;
}

const MULTI_SEPARATOR = /[,;\n\r]/;

/** One part of a multi-valued cell checked against its list. */
export interface MultiPart {
  /** As typed (trimmed). */
  readonly text: string;
  /** The canonical list entry, or the reason it is not one. */
  readonly read: Read<string>;
}

/**
 * Splits a multi-valued cell against its list: `;` and line breaks always
 * separate; a comma separates unless the text around it is one list entry
 * (`Programme local, 2022-2027`). Repeated entries are kept once.
 */
export function splitMultiKnown(v: Cell, allowed: readonly string[]): MultiPart[] {
  const out: MultiPart[] = [];
  const seen = new Set<string>();
  const push = (text: string, read: Read<string>) => {
    const key = read.ok ? `=${read.value}` : `?${compareKey(text)}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ text, read });
  };
  for (const segment of cleanText(v).split(/[;\n\r]/)) {
    const tokens = segment.split(',');
    let i = 0;
    while (i < tokens.length) {
      let matched = false;
      for (let j = tokens.length; j > i + 1; j--) {
        const joined = tokens.slice(i, j).join(',').trim();
        const r = readListValue(joined, allowed);
        if (r.ok) {
          push(joined, r);
          i = j;
          matched = true;
          break;
        }
      }
      if (matched) continue;
      const text = tokens[i].trim();
      if (text !== '') push(text, readListValue(text, allowed));
      i++;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Yes / no, emails, formulas

export function readOuiNon(v: Cell): Read<boolean> {
  if (typeof v === 'boolean') return ok(v);
  const k = normalizeKey(cleanText(v));
  if (['oui', 'o', 'x', 'vrai', 'true', '1', 'yes', 'y', '✓', '✔'].includes(k)) return ok(true);
  if (['non', 'n', 'faux', 'false', '0', 'no'].includes(k)) return ok(false);
  return fail(`« ${quoteValue(cellText(v))} » : Oui ou Non attendu`);
}

const EMAIL = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[a-z]{2,}$/i;

export function readEmail(v: Cell): Read<string> {
  const s = cleanText(v);
  return EMAIL.test(s) ? ok(s.toLowerCase()) : fail(`« ${quoteValue(s)} » n'est pas une adresse e-mail valide`);
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
