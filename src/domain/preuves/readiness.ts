/**
 * Readiness of the preuves for the label (guide ch. 7, the Roannais tracker):
 * a preuve is ready when its État is `Prête` or `Déposée`. Readiness =
 * prêtes / attendues, overall, by mesure (each id listed in the row's Mesure
 * cell) and by person (Responsable, or « Sans responsable »).
 *
 * A preuve whose mesures are all non concernées (scores) is not expected;
 * without scores every row of `Preuves` is expected.
 */
import type { Preuve } from '../model/types';
import { ETATS_PREUVE } from '../schema/lists';
import { normalizeKey } from '../table/normalize';
import { resolveNodeId } from '../referentiel/tree';
import { STEERING_MESSAGES as M } from '../messages/steering';

export function estPrete(p: Pick<Preuve, 'etat'>): boolean {
  return p.etat === 'Prête' || p.etat === 'Déposée';
}

export interface Readiness {
  readonly cle: string;
  readonly libelle: string;
  readonly pretes: number;
  readonly attendues: number;
  /** pretes / attendues (0 when nothing is expected). */
  readonly ratio: number;
}

function ready(cle: string, libelle: string, pretes: number, attendues: number): Readiness {
  return { cle, libelle, pretes, attendues, ratio: attendues ? Math.round((pretes / attendues) * 1000) / 1000 : 0 };
}

/** `concerne(id)` says whether a référentiel line is concerned (from the scores); absent → all are. */
export function preuvesAttendues(preuves: readonly Preuve[], concerne?: (id: string) => boolean): Preuve[] {
  if (!concerne) return [...preuves];
  return preuves.filter((p) => {
    const ids = p.mesures.map((m) => resolveNodeId(m)).filter((x): x is string => !!x);
    return ids.length === 0 || ids.some((id) => concerne(id));
  });
}

export function readinessGlobale(preuves: readonly Preuve[]): Readiness {
  return ready('total', M.preuvesLibelle(preuves.filter(estPrete).length, preuves.length), preuves.filter(estPrete).length, preuves.length);
}

export function readinessParMesure(preuves: readonly Preuve[]): Readiness[] {
  const m = new Map<string, { pretes: number; attendues: number }>();
  for (const p of preuves) {
    const ids = p.mesures.length ? p.mesures : [M.dashboard.nonRenseigne];
    for (const id of new Set(ids)) {
      const e = m.get(id) ?? m.set(id, { pretes: 0, attendues: 0 }).get(id)!;
      e.attendues++;
      if (estPrete(p)) e.pretes++;
    }
  }
  return [...m.entries()]
    .map(([id, e]) => ready(id, id, e.pretes, e.attendues))
    .sort((a, b) => a.cle.localeCompare(b.cle, 'fr', { numeric: true }));
}

export function readinessParPersonne(preuves: readonly Preuve[]): Readiness[] {
  const m = new Map<string, { libelle: string; pretes: number; attendues: number }>();
  for (const p of preuves) {
    const nom = p.responsable?.trim() || M.sansResponsable;
    const k = normalizeKey(nom);
    const e = m.get(k) ?? m.set(k, { libelle: nom, pretes: 0, attendues: 0 }).get(k)!;
    e.attendues++;
    if (estPrete(p)) e.pretes++;
  }
  return [...m.entries()]
    .map(([k, e]) => ready(k, e.libelle, e.pretes, e.attendues))
    .sort((a, b) => b.attendues - a.attendues || a.libelle.localeCompare(b.libelle, 'fr'));
}

/** Counts by État in the list's order, then « (non renseigné) ». */
export function preuvesParEtat(preuves: readonly Preuve[]): Array<{ etat: string; nombre: number }> {
  const out = ETATS_PREUVE.map((etat) => ({ etat: etat as string, nombre: preuves.filter((p) => p.etat === etat).length }));
  const sans = preuves.filter((p) => p.etat === null).length;
  if (sans) out.push({ etat: M.dashboard.nonRenseigne, nombre: sans });
  return out;
}
