/**
 * fast-check generators of hostile service tabs, and the oracle the property
 * tests judge consolidation with: what each typed value may become in
 * `Actions` (itself, or its reading by the documented rules), and which rows
 * must not become actions.
 *
 * A generated tab is a list of rows, each tagged with what it is by
 * construction: an action (its title always starts with an ordinary word,
 * even when « total » appears later in it), a total row (a total caption and
 * sums), a repeated header, a sum without a caption, a row of zeros, or a
 * blank row (blanks of every kind: null as in a merged range, spaces,
 * invisible characters).
 */
import fc from 'fast-check';
import { SERVICE_COLUMNS } from '../../src/domain/schema/tabs';
import { FILIERES, PILIERS, TEMPORALITES } from '../../src/domain/schema/lists';
import { readAmount } from '../../src/domain/parse/values';
import type { Cell } from '../../src/domain/table/cell';

export const HEADERS = SERVICE_COLUMNS.map((c) => c.header);
const H = (key: string): string => SERVICE_COLUMNS.find((c) => c.key === key)!.header;
export const TITLE = H('intitule');
export const BUDGET = H('budget');
export const REF = H('ref');

/** The seed of the fixed cases (a failure found by a random run is replayed by putting its seed here). */
export const FIXED_SEED = 20261206;

export type RowKind = 'action' | 'total' | 'entete' | 'somme' | 'zeros' | 'vide';

export interface GenRow {
  readonly kind: RowKind;
  /** Cells by header. */
  readonly cells: Readonly<Record<string, Cell>>;
}

// ---------------------------------------------------------------------------
// Cells

/** Texts that broke or could break a reader or a writer. */
const HOSTILE_TEXTS: readonly string[] = [
  'Déchets verts à Saint-Étienne — œuvre « réemploi »',
  'Compost\u0007 partagé',
  'nul\u0000octet',
  'échap\u001b[31m rouge',
  'tab\tet\u000bvtab\u000cff',
  'del\u007f et c1\u0085\u009f',
  '_x0041_',
  '_x000D__x000A_',
  'A_x0007_B',
  '=SOMME(B2:B9)',
  '=1+1',
  '+33 6 12 34 56 78',
  '-',
  '@voirie',
  "'apostrophe",
  '<b>gras</b> & <i>co</i>',
  '♻️🚲 🇫🇷',
  'ligne 1\nligne 2\r\nligne 3',
  '  espaces autour  ',
  'Ⅻ ﬁn ＡＢＣ',
  '\ud83d', // a lone surrogate half
  'Total',
  'TOTAL GÉNÉRAL',
  'sous-total',
  '12 500 €',
  '1e308',
  '31/02/2024',
  '03/04/2025',
  'fin 2026',
  'vrai',
];

const accentedWord = fc.constantFrom('été', 'Œuvre', 'naïve', 'Ça', 'garçon', 'ÉLAN', 'façade', 'déjà', 'Noël', 'cœur');

const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...HOSTILE_TEXTS) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
  { weight: 2, arbitrary: fc.array(accentedWord, { minLength: 1, maxLength: 5 }).map((w) => w.join(' ')) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
);

/** Very long text (Excel's limit is 32,767 characters: beyond it, reported). */
const longText: fc.Arbitrary<string> = fc.tuple(fc.integer({ min: 1_000, max: 50_000 }), fc.constantFrom('é', 'a', '♻', 'x\u0007')).map(([n, c]) => c.repeat(Math.ceil(n / c.length)).slice(0, n));

const frenchAmount: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom('', ' €', ' € HT', '\u00a0€'), fc.boolean())
  .map(([n, cents, unit, decimals]) => `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')}${decimals ? `,${String(cents).padStart(2, '0')}` : ''}${unit}`);

const numberCell: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: -1000, max: 10_000_000 }),
  fc.double({ min: -1e6, max: 1e9, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, 1e308, -1e308, 1e12, 1e12 + 1, 45_750, 0.1 + 0.2),
);

/** Calendar dates (UTC midnight, as files give them) and date-times. */
const dateCell: fc.Arbitrary<Date> = fc.oneof(
  fc.integer({ min: Date.UTC(1950, 0, 1) / 86_400_000, max: Date.UTC(2100, 0, 1) / 86_400_000 }).map((d) => new Date(d * 86_400_000)),
  fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2060, 0, 1)), noInvalidDate: true }),
);

const blankCell: fc.Arbitrary<Cell> = fc.constantFrom(null, null, null, '', ' ', '\u00a0', '\u200b', '\ufeff');

/** Any cell a user could leave in any column. */
export const anyCell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 6, arbitrary: hostileText },
  { weight: 2, arbitrary: frenchAmount },
  { weight: 2, arbitrary: numberCell },
  { weight: 2, arbitrary: dateCell },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 4, arbitrary: blankCell },
  { weight: 1, arbitrary: fc.constantFrom('#REF!', '#VALEUR!', '#N/A') },
);

/** What a service column typically receives, hostile cells mixed in. */
function columnCell(key: string): fc.Arbitrary<Cell> {
  switch (key) {
    case 'budget':
      return fc.oneof({ weight: 4, arbitrary: frenchAmount }, { weight: 3, arbitrary: numberCell }, { weight: 2, arbitrary: anyCell });
    case 'debut':
    case 'fin':
      return fc.oneof(dateCell, fc.constantFrom('03/04/2025', '3/4/25', '2025-04-03', '1er avril 2025', '31/02/2024', 'bientôt'), anyCell);
    case 'pilier':
      return fc.oneof(fc.constantFrom(...PILIERS, ...PILIERS.map((p) => p.toUpperCase()), 'inconnu'), anyCell);
    case 'temporalite':
      return fc.oneof(fc.constantFrom(...TEMPORALITES, 'en COURS', 'realisee', 'plus tard'), anyCell);
    case 'filiere':
      return fc.oneof(fc.constantFrom(...FILIERES, 'textille', 'DECHETS VERTS'), anyCell);
    case 'mesure':
      return fc.oneof(fc.constantFrom('eci_2.1.1', '2.1.1', 'ECI 1.2', 'eci_9.9'), anyCell);
    case 'plans':
      return fc.oneof(fc.constantFrom('PLPDMA', 'plpdma; pcaet', 'Plan climat, PLPDMA', 'inconnu', 'PLPDMA\nCODEC'), anyCell);
    case 'description':
    case 'commentaire':
      return fc.oneof({ weight: 6, arbitrary: anyCell }, { weight: 1, arbitrary: longText });
    default:
      return anyCell;
  }
}

// ---------------------------------------------------------------------------
// Rows

/** Ordinary first words of a title: never a total caption. */
const FIRST_WORDS = ['Compostage', 'Collecte', 'Réemploi', 'Atelier', 'Bilan', 'Réduction', 'Éco-conception', 'Œuvre', 'Achat', 'Sensibilisation', 'Budget participatif', 'Sous-traitance', 'Subtotal', 'Totalité', 'Totalement'];
/** What may follow it, « total » included. */
const TAIL_WORDS = ['totale', 'total', 'TOTAL', 'sous-total', 'Total général', 'des biodéchets', 'à 100 %', '2025', '— phase 2', 'textile', '_x0041_', '\u0007', '=A1', ''];

const title: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.constantFrom(...FIRST_WORDS), fc.array(fc.oneof(fc.constantFrom(...TAIL_WORDS), accentedWord), { maxLength: 4 })).map(([w, tail]) => [w, ...tail].join(' ').trimEnd()) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...FIRST_WORDS), longText).map(([w, t]) => `${w} ${t}`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...FIRST_WORDS), hostileText).map(([w, t]) => `${w}${t}`) },
);

const OTHER_KEYS = SERVICE_COLUMNS.map((c) => c.key).filter((k) => k !== 'ref' && k !== 'intitule');

const actionRow: fc.Arbitrary<GenRow> = fc
  .tuple(title, fc.array(fc.constantFrom(...OTHER_KEYS), { maxLength: OTHER_KEYS.length }))
  .chain(([t, keys]) => {
    const unique = [...new Set(keys)];
    return fc.tuple(...unique.map((k) => columnCell(k))).map((values) => {
      const cells: Record<string, Cell> = { [TITLE]: t };
      unique.forEach((k, i) => (cells[H(k)] = values[i]));
      return { kind: 'action' as const, cells };
    });
  });

const TOTAL_CAPTIONS = ['TOTAL', 'Total', 'Total :', 'Sous-total', 'SOUS-TOTAL Déchets', 'S/Total', 'Total général', 'TOTAL GÉNÉRAL (€ HT)', 'Grand total', 'Totaux', 'Total 2025', 'Montant total', 'total des actions du service'];

/** A row template: the caller fills the amount (the sum of the rows above, or anything). */
type Template = { readonly kind: Exclude<RowKind, 'action'>; readonly cells: Record<string, Cell>; readonly sum?: 'since' | 'any' };

const totalTemplate: fc.Arbitrary<Template> = fc
  .tuple(fc.constantFrom(...TOTAL_CAPTIONS), fc.constantFrom(TITLE, H('description'), REF), fc.constantFrom<'since' | 'any'>('since', 'any'), fc.boolean(), fc.constantFrom<Cell>(null, 0, '#REF!', 1234))
  .map(([caption, where, sum, asText, extra]) => ({ kind: 'total' as const, cells: { [where === REF ? TITLE : where]: caption, [H('commentaire')]: extra }, sum, asText } as Template & { asText: boolean }));

const headerTemplate: fc.Arbitrary<Template> = fc
  .tuple(fc.subarray(HEADERS, { minLength: Math.ceil(HEADERS.length / 2) }), fc.constantFrom('same', 'upper', 'lower'))
  .map(([headers, style]) => ({
    kind: 'entete' as const,
    cells: Object.fromEntries(headers.map((h) => [h, style === 'upper' ? h.toUpperCase() : style === 'lower' ? h.toLowerCase() : h])),
  }));

const otherTemplate: fc.Arbitrary<Template> = fc.oneof(
  fc.constant<Template>({ kind: 'somme', cells: {}, sum: 'since' }),
  fc.constantFrom<Template>({ kind: 'zeros', cells: { [BUDGET]: 0, [H('description')]: 0 } }, { kind: 'zeros', cells: { [BUDGET]: '0' } }, { kind: 'zeros', cells: { [BUDGET]: 0, [H('pilote')]: false } }),
  fc.array(fc.tuple(fc.constantFrom(...HEADERS), blankCell), { maxLength: 6 }).map((pairs): Template => ({ kind: 'vide', cells: Object.fromEntries(pairs) })),
);

const template: fc.Arbitrary<Template> = fc.oneof({ weight: 3, arbitrary: totalTemplate }, { weight: 1, arbitrary: headerTemplate }, { weight: 2, arbitrary: otherTemplate });

const amountOf = (v: Cell | undefined): number | null => {
  if (v === undefined || v === null) return null;
  const r = readAmount(v);
  return r.ok ? r.value : null;
};

/**
 * A service tab's rows: actions and templates in random order; the sums of
 * total rows are those the engine recognises (the rows above since the last
 * total), computed here independently.
 */
export const serviceRows: fc.Arbitrary<GenRow[]> = fc
  .array(fc.oneof({ weight: 4, arbitrary: actionRow.map((r) => ({ row: r, t: null as Template | null })) }, { weight: 1, arbitrary: template.map((t) => ({ row: null as GenRow | null, t })) }), { maxLength: 14 })
  .chain((items) => fc.array(fc.integer({ min: 1, max: 9_999_999 }), { minLength: items.length, maxLength: items.length }).map((randoms) => ({ items, randoms })))
  .map(({ items, randoms }) => {
    const out: GenRow[] = [];
    let since = 0;
    let sinceCount = 0;
    items.forEach(({ row, t }, i) => {
      if (row) {
        out.push(row);
        const a = amountOf(row.cells[BUDGET]);
        since += a ?? 0;
        sinceCount++;
        return;
      }
      const tpl = t!;
      if (tpl.kind === 'somme') {
        // A sum row needs two rows above and a sum that is not zero; otherwise there is none.
        if (sinceCount < 2 || Math.abs(since) < 0.005) return;
        out.push({ kind: 'somme', cells: { [BUDGET]: since } });
        since = 0;
        sinceCount = 0;
        return;
      }
      if (tpl.kind === 'total') {
        const asText = (tpl as Template & { asText?: boolean }).asText;
        const amount = tpl.sum === 'since' ? since : randoms[i];
        out.push({ kind: 'total', cells: { ...tpl.cells, [BUDGET]: asText && Number.isInteger(amount) && amount >= 0 ? `${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} €` : amount } });
        since = 0;
        sinceCount = 0;
        return;
      }
      out.push({ kind: tpl.kind, cells: tpl.cells });
    });
    return out;
  });

/** The grid of a service tab: header row, then the rows (columns in schema order, or shuffled by `order`). */
export function tabGrid(rows: readonly GenRow[], headers: readonly string[] = HEADERS): Cell[][] {
  return [headers.slice(), ...rows.map((r) => headers.map((h) => (h in r.cells ? r.cells[h] : null)))];
}

/** A user's own tab, which consolidation must leave exactly as it is. */
export const userTab: fc.Arbitrary<Cell[][]> = fc.array(fc.array(anyCell, { maxLength: 6 }), { minLength: 1, maxLength: 6 });
