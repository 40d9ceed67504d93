/**
 * Indicators with their target, the direction in which they improve (the
 * `Sens` column, never guessed) and their status; trends coloured by whether
 * the change is good or bad for that indicator.
 */
import { COPIL_MESSAGES } from '../../messages/copil';
import type { Indicateur } from '../../model/types';
import { COLOURS } from '../../schema/colours';
import { formatNumberFr } from '../../text/numbers';
import type { DeckTableCell } from '../deck';
import { cell, columnsOf, listSlides } from '../deck-kit';
import { LAYOUT } from '../primitives';
import { libelleMesure, type CopilContext } from './context';
import { section, type Section } from './section';
import { notesCopil, tableResumee } from './shared';

const M = COPIL_MESSAGES.indicateurs;

export type StatutIndicateur = keyof typeof M.statuts;

/** `576 kg/hab`, `11 entreprises` (for « nombre d'entreprises »), `3` (for « nombre »). */
export function valeur(v: number, unite: string | null): string {
  const digits = Math.abs(v) >= 100 || Number.isInteger(v) ? 0 : 1;
  const u = (unite ?? '').trim().replace(/^nombre(\s+(de\s+|d['’]))?/i, '').trim();
  return `${formatNumberFr(v, digits)}${u ? `\u00a0${u}` : ''}`;
}

/** Status of an indicator: reached, improving, moving away, stable — only when its direction is known. */
export function statutIndicateur(i: Pick<Indicateur, 'valeurs' | 'objectif' | 'sens'>): StatutIndicateur {
  const vals = [...i.valeurs].sort((a, b) => a.annee - b.annee);
  const last = vals[vals.length - 1];
  if (!i.sens) return 'sansSens';
  const up = i.sens === 'Hausse';
  if (last && i.objectif !== null && (up ? last.valeur >= i.objectif : last.valeur <= i.objectif)) return 'atteint';
  if (vals.length < 2) return i.objectif === null ? 'sansObjectif' : 'uneValeur';
  const prev = vals[vals.length - 2];
  const delta = last.valeur - prev.valeur;
  if (Math.abs(delta) < 1e-9) return 'stable';
  return (delta > 0) === up ? 'progres' : 'recul';
}

const STYLE: Readonly<Record<StatutIndicateur, Partial<DeckTableCell>>> = {
  atteint: { fill: COLOURS.green, colour: COLOURS.greenText, bold: true },
  progres: { fill: COLOURS.green, colour: COLOURS.greenText },
  recul: { fill: COLOURS.red, colour: COLOURS.redText, bold: true },
  stable: { colour: COLOURS.greyText },
  sansSens: { fill: COLOURS.orange, colour: COLOURS.orangeText },
  sansObjectif: { colour: COLOURS.greyText },
  uneValeur: { colour: COLOURS.greyText },
};

/** Order of the rows: what needs the committee's attention first. */
const RANG: Readonly<Record<StatutIndicateur, number>> = { recul: 0, sansSens: 1, stable: 2, uneValeur: 3, sansObjectif: 4, progres: 5, atteint: 6 };

export function indicators(ctx: CopilContext): Section {
  const label = COPIL_MESSAGES.sections.indicateurs;
  const suivis = ctx.input.model.indicateurs
    .filter((i) => i.valeurs.length > 0)
    .map((i, k) => ({ i, k, rang: RANG[statutIndicateur(i)] }))
    .sort((a, b) => a.rang - b.rang || a.k - b.k)
    .map((x) => x.i);
  if (!suivis.length) return section('indicateurs', label, listSlides({ title: M.titreVide, items: [{ text: M.vide }], notes: notesCopil('indicateurs', M.notes), bullet: false }));
  const statuts = suivis.map((i) => statutIndicateur(i));
  const columns = columnsOf(M.colonnes, [270, 110, 110, 80, 102], LAYOUT.content.w);
  const rows = suivis.map((i, k) => {
    const vals = [...i.valeurs].sort((a, b) => a.annee - b.annee);
    const last = vals[vals.length - 1];
    const nom = /^[a-z]{2,4}_\d/.test(i.intitule.trim()) ? libelleMesure(i.intitule) : i.intitule || i.identifiant;
    return [
      cell(nom),
      cell(M.valeur(valeur(last.valeur, i.unite), last.annee)),
      cell(i.objectif === null ? '—' : M.objectif(valeur(i.objectif, i.unite), i.anneeCible)),
      cell(i.sens ? M.sens[i.sens] : M.sensAbsent, i.sens ? {} : { colour: COLOURS.orangeText }),
      cell(M.statuts[statuts[k]], STYLE[statuts[k]]),
    ];
  });
  const atteints = statuts.filter((s) => s === 'atteint').length;
  const progres = statuts.filter((s) => s === 'progres').length;
  const sources = `${M.notes} Identifiants : ${suivis.map((i) => i.identifiant).join(', ')}.`;
  const slides = tableResumee({
    title: M.titre(atteints, progres, suivis.length),
    columns,
    rows,
    labels: rows.map((r) => `${r[0].text} (${r[4].text})`),
    max: 1,
    reste: M.reste,
    notes: (omis) => notesCopil('indicateurs', sources, { critere: M.critere, omis }),
  });
  return section('indicateurs', label, slides);
}
