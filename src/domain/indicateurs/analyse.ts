/**
 * Indicators followed every year (guide ch. 6): progress towards the
 * objective, trend, and the anomalies that betray a unit slip.
 *
 * Progress: (last − first) / (objective − first), bounded to 0–1, where
 * first and last are the values of the earliest and latest years filled. The
 * direction (to increase or to decrease) is the sign of objective − first;
 * when the objective equals the first value, the progress is 1 if the last
 * value is on the objective or beyond it in the direction of the trend
 * (first → last), 0 otherwise. Null without objective or without value.
 *
 * Trend (2 values at least): last value against the previous one; `Stable`
 * when the change is within 2 % of the previous value (or both are 0).
 *
 * Unit heuristics (non-blocking anomalies on the value's cell):
 * 1. an indicator whose Unité contains `%` with a value below 0 or above 100;
 * 2. a value at least 30 times larger or smaller than the median of the
 *    indicator's other values (a ×100 slip % / fraction, or ×1000 kg / t);
 *    with only two values, the later one is reported; zeros are ignored.
 * A year column outside 2019–2030 found in the sheet (an extra header like
 * `2031`) is reported once, naming its header.
 */
import { anomaly, type Anomaly } from '../anomaly';
import type { Indicateur } from '../model/types';
import { INDICATOR_FIRST_YEAR, INDICATOR_LAST_YEAR } from '../schema/lists';
import { TAB } from '../schema/tabs';
import { cellText } from '../table/cell';
import type { LocatedTable } from '../table/locate';
import { columnLetter } from '../table/locate';
import { STEERING_MESSAGES as M } from '../messages/steering';

export type Tendance = 'En hausse' | 'En baisse' | 'Stable';

/** Relative change under which two successive values are « Stable ». */
export const SEUIL_STABLE = 0.02;
/** Ratio to the other values from which a value looks typed in another unit. */
export const FACTEUR_UNITE = 30;

export interface AnalyseIndicateur {
  readonly progression: number | null;
  readonly tendance: Tendance | null;
  readonly premiere: { readonly annee: number; readonly valeur: number } | null;
  readonly derniere: { readonly annee: number; readonly valeur: number } | null;
}

function sorted(ind: Pick<Indicateur, 'valeurs'>) {
  return [...ind.valeurs].sort((a, b) => a.annee - b.annee);
}

export function tendance(ind: Pick<Indicateur, 'valeurs'>): Tendance | null {
  const v = sorted(ind);
  if (v.length < 2) return null;
  const prev = v[v.length - 2].valeur;
  const last = v[v.length - 1].valeur;
  const delta = last - prev;
  const scale = Math.abs(prev) || Math.abs(last);
  if (scale === 0 || Math.abs(delta) <= SEUIL_STABLE * scale) return M.tendance.stable;
  return delta > 0 ? M.tendance.hausse : M.tendance.baisse;
}

export function progression(ind: Pick<Indicateur, 'valeurs' | 'objectif'>): number | null {
  const v = sorted(ind);
  if (ind.objectif === null || v.length === 0) return null;
  const first = v[0].valeur;
  const last = v[v.length - 1].valeur;
  const target = ind.objectif;
  if (target === first) {
    const trend = Math.sign(last - first);
    return last === target || Math.sign(last - target) === trend ? 1 : 0;
  }
  const p = (last - first) / (target - first);
  return Math.max(0, Math.min(1, Math.round(p * 1000) / 1000));
}

export function analyserIndicateur(ind: Pick<Indicateur, 'valeurs' | 'objectif'>): AnalyseIndicateur {
  const v = sorted(ind);
  return {
    progression: progression(ind),
    tendance: tendance(ind),
    premiere: v[0] ?? null,
    derniere: v[v.length - 1] ?? null,
  };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Unit anomalies of one indicator. `colonneAnnee` gives the 0-based column of a year, for the cell reference. */
export function anomaliesUnite(ind: Indicateur, colonneAnnee?: (annee: number) => number | undefined): Anomaly[] {
  const out: Anomaly[] = [];
  const cell = (annee: number) => {
    const c = colonneAnnee?.(annee);
    return c === undefined ? null : `${columnLetter(c)}${ind.rowNumber}`;
  };
  const pourcent = (ind.unite ?? '').includes('%');
  const flagged = new Set<number>();
  if (pourcent) {
    for (const { annee, valeur } of ind.valeurs) {
      if (valeur < 0 || valeur > 100) {
        flagged.add(annee);
        out.push(anomaly({ onglet: TAB.indicateurs, ligne: ind.rowNumber, colonne: String(annee), cellule: cell(annee), message: M.indicateurPourcentHorsBornes(ind.identifiant, annee, valeur), bloquante: false, code: 'indicateur-unite' }));
      }
    }
  }
  const v = sorted(ind).filter((x) => x.valeur !== 0);
  if (v.length >= 2) {
    const candidates = v.length === 2 ? [v[1]] : v;
    for (const x of candidates) {
      if (flagged.has(x.annee)) continue;
      const others = v.filter((o) => o !== x).map((o) => Math.abs(o.valeur));
      const ref = median(others);
      const val = Math.abs(x.valeur);
      if (ref === 0) continue;
      const ratio = Math.max(val / ref, ref / val);
      if (ratio >= FACTEUR_UNITE) {
        out.push(anomaly({ onglet: TAB.indicateurs, ligne: ind.rowNumber, colonne: String(x.annee), cellule: cell(x.annee), message: M.indicateurFacteur100(ind.identifiant, x.annee, x.valeur, ref), bloquante: false, code: 'indicateur-unite' }));
      }
    }
  }
  return out;
}

/** Extra year headers (a four-digit year outside 2019–2030) found beside the table. */
export function anneesHorsPlage(located: Pick<LocatedTable, 'extra' | 'headerRow'> | null): Anomaly[] {
  if (!located) return [];
  return located.extra
    .filter((e) => /^\s*\d{4}\s*$/.test(cellText(e.header)))
    .filter((e) => {
      const y = Number(e.header.trim());
      return y < INDICATOR_FIRST_YEAR || y > INDICATOR_LAST_YEAR;
    })
    .map((e) =>
      anomaly({
        onglet: TAB.indicateurs,
        ligne: located.headerRow + 1,
        colonne: e.header.trim(),
        cellule: `${columnLetter(e.index)}${located.headerRow + 1}`,
        message: M.anneeHorsPlage(e.header.trim(), INDICATOR_FIRST_YEAR, INDICATOR_LAST_YEAR),
        bloquante: false,
        code: 'annee-hors-plage',
      }),
    );
}
