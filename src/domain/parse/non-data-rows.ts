/**
 * Rows inside a table that hold no data: people paste a header row again in
 * the middle of a tab, add « TOTAL » and « Sous-total » rows (a label and
 * sums, or only a formula summing the column), or leave rows of zeros where
 * formulas were copied down. Such a row is neither an action nor a plan: the
 * readers skip it, report it (tab, row, column, what it is) and never count
 * its amount, so that no budget is counted twice. Nothing in the tab changes.
 *
 * The rules, designed so that a real row is never taken for one of these
 * (tests/properties/non-data-rows.test.ts searches for counter-examples):
 *
 * - **Repeated header**: at least two of the table's own cells (one for a
 *   one-column table) hold their own column's header (case, accents and
 *   spaces ignored), and they are at least half of the row's non-blank cells.
 * - **Total row** (tables with an amount column only): apart from the Réf.,
 *   every non-blank cell of the line is a number, an amount typed as text or
 *   a formula error, except one or more cells whose text *starts with* a
 *   total word:
 *   - « Sous-total », « S/total », « Totaux », « Total général », « Grand
 *     total », « Total global », whatever follows: always a total row;
 *   - « Total », « Montant total », « Budget total » followed by nothing or
 *     only by words of a total's caption (« général », « (€ HT) », « 2025 »,
 *     « des actions du service »…): a total row;
 *   - « Total » followed by other words (« Total zéro déchet au marché »):
 *     a total row only when its amount is the sum of the rows above it
 *     (since the previous total, or since the top of the table); otherwise
 *     it is an action like any other.
 *   A word merely containing « total » (« Collecte totale des biodéchets »,
 *   « Totalité »), a total word that is not the first word (« Bilan total »),
 *   and any row holding another text, a date or a yes/no are never total
 *   rows.
 * - **Sum without a caption** (tables with an amount column): no text at all,
 *   and the amount, not zero, equals the sum of at least two rows above it
 *   (since the previous total, or since the top): the cached result of a
 *   `=SOMME(…)` typed under the column.
 * - **Zeros only** (tables with an amount column): no text, and every value
 *   is 0 (or FALSE): formulas copied down empty rows.
 *
 * An empty row (only blanks, or only formatting: spreadsheets hand no value
 * for a formatted empty cell) is skipped by the readers without a word: it
 * holds nothing that could be lost.
 *
 * Cost: an ordinary row is dismissed at its first text cell that is neither
 * numeric nor a total word (one character test), and header cells are
 * compared only when their length and first letter could match.
 */
import type { Cell, Grid } from '../table/cell';
import { cellText } from '../table/cell';
import type { LocatedTable } from '../table/locate';
import { normalizeKey } from '../table/normalize';
import { isFormulaError, isImplausibleAmount, readAmount } from './values';

export type NonDataKind = 'entete' | 'total' | 'somme' | 'zeros';

export interface NonDataRow {
  /** 1-based row. */
  readonly rowNumber: number;
  readonly kind: NonDataKind;
  /** 0-based column of the cell that shows what the row is (its caption, its sum, its first header), null when none. */
  readonly col: number | null;
  /** The caption as typed (`TOTAL`), or the first header cells one per line (`entete`); null otherwise. */
  readonly label: string | null;
  /** The row's amount in the table's amount column, when it has one. */
  readonly amount: number | null;
}

export type TotalLabel = 'strong' | 'weak';

/** Words a total's caption may carry after « Total » without making it an action's title. */
const CAPTION_WORDS = new Set([
  'general', 'generale', 'generaux', 'global', 'globale', 'budget', 'budgets', 'budgetaire', 'montant', 'montants', 'cout', 'couts',
  'des', 'du', 'de', 'd', 'la', 'le', 'les', 'l', 'en', 'par', 'pour', 'action', 'actions', 'service', 'services', 'ligne', 'lignes', 'plan', 'plans',
  'ht', 'ttc', 'eur', 'euro', 'euros', '€', 'k€', 'm€', 'annuel', 'annuelle', 'annee', 'annees', 'an', 'ans', 'periode', 'prevu', 'prevus',
  'previsionnel', 'previsionnels', 'realise', 'realises', 'cumule', 'cumul', 'estime', 'estimes', 'onglet', 'tableau', 'colonne',
]);

/** First words that make a total whatever follows them. */
const ALWAYS_TOTAL = /^(?:sous ?(?:total|totaux)|s ?(?:total|totaux)|totaux|grand total|total general|total generaux|total global)(?: |$)/;
/** First words that make a total when followed by caption words only (or by the column's sum). */
const TOTAL_HEAD = /^(?:total|montant total|budget total|cout total|total budget)(?: (.*))?$/;

/** First letters a total caption can start with (`s`ous-total, `t`otal, `g`rand total, `m`ontant, `b`udget, `c`oût), either case. */
function isTotalInitial(code: number): boolean {
  const c = code | 0x20;
  return c === 0x73 || c === 0x74 || c === 0x67 || c === 0x6d || c === 0x62 || c === 0x63;
}

/** The first three characters (lowercase) of the captions above: most texts are dismissed on them. */
const TOTAL_STARTS = new Set(['sou', 's/t', 's t', 's-t', 's /', 'sto', 'tot', 'gra', 'mon', 'bud', 'cou', 'coû']);

/**
 * Whether a text is a total's caption: 'strong' (always a total row), 'weak'
 * (a total row only when its amount is a sum of the rows above), or null.
 */
export function totalLabel(s: string): TotalLabel | null {
  let i = 0;
  while (i < s.length && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 0xa0)) i++;
  const c = s.charCodeAt(i) | 0x20;
  if (!isTotalInitial(c) || s.length > 120 || !TOTAL_STARTS.has(s.slice(i, i + 3).toLowerCase())) return null;
  const k = normalizeKey(s)
    .replace(/[^a-z0-9€]+/g, ' ')
    .trim();
  if (ALWAYS_TOTAL.test(k)) return 'strong';
  const m = TOTAL_HEAD.exec(k);
  if (!m) return null;
  const rest = m[1];
  if (!rest) return 'strong';
  for (const w of rest.split(' ')) if (!CAPTION_WORDS.has(w) && !/^\d+$/.test(w)) return 'weak';
  return 'strong';
}

/** Character codes below this are looked up in a table (Latin letters, accented ones included). */
export const INITIALS = 0x250;

/**
 * What a reader checks, cell by cell while it parses, before asking
 * `RowClassifier.header`: the cell could hold this header (about its length,
 * one of its first letters, or a leading space).
 */
export interface HeaderProbe {
  readonly min: number;
  readonly max: number;
  /** 1 at the codes (below INITIALS) the header may start with. */
  readonly first: Uint8Array;
}

export function headerProbe(header: Cell): HeaderProbe {
  const key = headerKey(header);
  const first = new Uint8Array(INITIALS);
  for (const code of initials(key.charAt(0))) first[code] = 1;
  first[32] = 1;
  first[0xa0] = 1;
  return { min: key.length - 3, max: key.length + 12, first };
}

/**
 * The character codes a text starting with `c` (a lowercase letter without
 * accent, as normalizeKey gives it) may start with. Memoised: every table of
 * every workbook asks for the same few letters, and the scan of the Latin
 * range costs hundreds of normalisations (a regional rollup reads hundreds of
 * workbooks).
 */
const INITIALS_OF = new Map<string, readonly number[]>();
function initials(c: string): readonly number[] {
  const known = INITIALS_OF.get(c);
  if (known) return known;
  const out = new Set<number>();
  if (c !== '') {
    for (const ch of [c, c.toUpperCase()]) out.add(ch.charCodeAt(0));
    // Accented forms: every Latin letter whose decomposition starts with `c`.
    for (let code = 0xc0; code < INITIALS; code++) {
      const ch = String.fromCharCode(code);
      if (ch.normalize('NFD').charAt(0).toLowerCase() === c) out.add(code);
    }
  }
  const codes = [...out];
  INITIALS_OF.set(c, codes);
  return codes;
}

/** A header cell as locateTable compares it: over two lines, case and accents ignored. */
function headerKey(v: Cell): string {
  return normalizeKey(cellText(v).replace(/\s*\n\s*/g, ' '));
}

/** Sums are compared to the cent (spreadsheets add binary fractions). */
const CENT = 0.005;

/** Characters an amount typed as text can start with: digits, signs, `€`, `(`. */
function mayBeNumeric(s: string): boolean {
  const c = s.charCodeAt(0);
  return (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 0x2212 || c === 0x20ac || c === 40 || c === 32 || c === 0xa0 || c === 0x202f;
}

/**
 * A text that rules out a total, a sum or zeros: not blank, and starting
 * neither like a total caption, a number nor an error value. Readers test the
 * row's cells with it while parsing, and skip `RowClassifier.total` on a row
 * that has one (the Réf. column aside).
 */
export function isPlainText(s: string): boolean {
  const f = s.charCodeAt(0);
  return !isTotalInitial(f) && !mayBeNumeric(s) && f !== 35 && !blankText(s);
}

const VISIBLE = /[^\s\u200b-\u200d\u2060\ufeff\u00ad]/;
function blankText(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c > 0x20 && c < 0x7f) return false;
  return !VISIBLE.test(s);
}

/**
 * Classifies the rows of one table, top to bottom. `classify` is called on
 * each non-blank row in order; for a row it does not classify (a data row)
 * the reader then calls `account` with the row's amount, read by the reader
 * itself, so that the sums of the rows above are known.
 */
export class RowClassifier {
  private readonly own: number[];
  private readonly keys: string[];
  private readonly texts: string[];
  /** Per own column k, at [k * INITIALS + code]: 1 when its header may start with that character (case and accents aside). */
  private readonly firsts: Uint8Array;
  private readonly minMatches: number;
  private readonly amounts: boolean;
  private readonly moneyCol: number;
  private readonly refCol: number;
  private sinceSum = 0;
  private sinceCount = 0;
  private grandSum = 0;
  private grandCount = 0;

  constructor(grid: Grid, located: LocatedTable) {
    const header = grid[located.headerRow] ?? [];
    this.own = [...located.columns.values()];
    this.texts = this.own.map((i) => cellText(header[i] ?? null));
    this.keys = this.own.map((i) => headerKey(header[i] ?? null));
    this.firsts = new Uint8Array(this.keys.length * INITIALS);
    this.keys.forEach((key, k) => {
      for (const code of initials(key.charAt(0))) this.firsts[k * INITIALS + code] = 1;
    });
    this.minMatches = Math.min(2, this.own.length);
    const money = RowClassifier.moneyKey(located);
    this.amounts = located.section.columns.some((c) => c.type === 'money');
    this.moneyCol = money === null ? -1 : located.columns.get(money)!;
    this.refCol = located.columns.get('ref') ?? -1;
  }

  /** The key of the amount column whose values `account` expects (an input column first), or null. */
  static moneyKey(located: LocatedTable): string | null {
    const present = located.section.columns.filter((c) => c.type === 'money' && located.columns.has(c.key));
    const money = present.find((c) => c.role !== 'computed') ?? present[0];
    return money ? money.key : null;
  }

  /** A data row's amount (null when blank or unreadable). */
  account(amount: number | null | undefined): void {
    if (typeof amount !== 'number' || !Number.isFinite(amount)) {
      this.sinceCount++;
      this.grandCount++;
      return;
    }
    this.sinceSum += amount;
    this.sinceCount++;
    this.grandSum += amount;
    this.grandCount++;
  }

  classify(line: readonly Cell[], rowNumber: number): NonDataRow | null {
    return this.header(line, rowNumber) ?? this.total(line, rowNumber);
  }

  /** At least this many cells must hold their column's header (readers skip `header` on rows with fewer candidates). */
  get minHeaderCells(): number {
    return this.minMatches;
  }

  /** The row as a repeated header, or null. */
  header(line: readonly Cell[], rowNumber: number): NonDataRow | null {
    let matches = 0;
    let others = 0;
    let first = -1;
    const { own, texts, keys, firsts } = this;
    const n = own.length;
    for (let k = 0; k < n; k++) {
      const c = line[own[k]];
      if (c === null || c === undefined || c === '') continue;
      // Even if every cell left matched, the headers would not be half of the row: an ordinary row.
      if (others > matches + (n - k)) return null;
      if (typeof c !== 'string') {
        others++;
        continue;
      }
      if (c !== texts[k]) {
        // Only a cell of about the header's length and with its first letter can be the header.
        const len = keys[k].length;
        const f = c.charCodeAt(0);
        if (c.length < len - 3 || c.length > len + 12 || (f !== 32 && f !== 0xa0 && (f >= INITIALS || firsts[k * INITIALS + f] === 0))) {
          others++;
          continue;
        }
        const t = c.trim();
        if (Math.abs(t.length - len) > 3 || headerKey(t) !== keys[k]) {
          others++;
          continue;
        }
      }
      matches++;
      if (first < 0) first = own[k];
    }
    if (matches < this.minMatches) return null;
    let nonBlank = 0;
    for (let k = 0; k < own.length; k++) {
      const c = line[own[k]];
      if (c === null || c === undefined || (typeof c === 'string' && blankText(c))) continue;
      nonBlank++;
    }
    if (matches * 2 < nonBlank) return null;
    const labels = own.filter((i) => typeof line[i] === 'string' && !blankText(line[i] as string)).map((i) => cellText(line[i]));
    return { rowNumber, kind: 'entete', col: first, label: labels.slice(0, 3).join('\n'), amount: null };
  }

  /** The row as a total, a sum or zeros (tables with an amount column), or null. */
  total(line: readonly Cell[], rowNumber: number): NonDataRow | null {
    if (!this.amounts) return null;
    let labelCol = -1;
    let label: TotalLabel | null = null;
    let numbers = 0;
    let zeros = true;
    let amount: number | null = null;
    for (let j = 0; j < line.length; j++) {
      const c = line[j];
      if (c === null || c === undefined || j === this.refCol) continue;
      if (typeof c === 'number') {
        numbers++;
        if (c !== 0) zeros = false;
        if (j === this.moneyCol) amount = c;
        continue;
      }
      if (typeof c === 'boolean') {
        if (c) return null;
        numbers++;
        continue;
      }
      if (typeof c !== 'string') return null; // a date
      // Most rows end here, at their title: text that is neither a total caption, a number nor an error.
      if (isPlainText(c)) return null;
      if (blankText(c)) continue;
      const kind = totalLabel(c);
      if (kind) {
        zeros = false;
        if (labelCol < 0) labelCol = j;
        if (label !== 'strong') label = kind;
        continue;
      }
      if (isFormulaError(c)) {
        numbers++;
        zeros = false;
        continue;
      }
      if (!mayBeNumeric(c)) return null;
      const r = readAmount(c);
      if (!r.ok) {
        // An implausible amount (« 1 000 000 000 001 € ») is still a figure: a row captioned TOTAL that
        // carries one stays a total (its amount is never summed), not an action.
        if (!isImplausibleAmount(c)) return null;
        numbers++;
        zeros = false;
        continue;
      }
      numbers++;
      if (r.value !== 0) zeros = false;
      if (j === this.moneyCol) amount = r.value;
    }
    if (labelCol >= 0) {
      if (label === 'weak' && !(amount !== null && this.isSum(amount, 1))) return null;
      return this.boundary({ rowNumber, kind: 'total', col: labelCol, label: cellText(line[labelCol]), amount });
    }
    if (numbers === 0) return null;
    if (zeros) return { rowNumber, kind: 'zeros', col: null, label: null, amount };
    if (amount !== null && amount !== 0 && this.isSum(amount, 2)) {
      return this.boundary({ rowNumber, kind: 'somme', col: this.moneyCol, label: null, amount });
    }
    return null;
  }

  /** `amount` is the sum of the rows since the previous total, or since the top (at least `min` rows). */
  private isSum(amount: number, min: number): boolean {
    return (this.sinceCount >= min && Math.abs(amount - this.sinceSum) < CENT) || (this.grandCount >= min && Math.abs(amount - this.grandSum) < CENT);
  }

  private boundary(row: NonDataRow): NonDataRow {
    this.sinceSum = 0;
    this.sinceCount = 0;
    return row;
  }
}
