/**
 * Bridge between the workbook and the scoring engine: statuses typed in the
 * `Référentiel` tab, answers of `Personnalisation` and identity of `Accueil`
 * become a ScoreInput; every entry the engine cannot use is reported, never
 * silently dropped.
 */
import { anomaly, type Anomaly } from '../anomaly';
import type { WorkbookModel } from '../model/types';
import { TAB } from '../schema/tabs';
import { REFERENTIEL_WORKBOOK_MESSAGES as M } from '../messages/referentiel-workbook';
import type { PersonnalisationContext, ReponseBinaire } from './personnalisation';
import { computeScores, type ScoreResult } from './score';
import { parseStatutId, peutRecevoirStatut, STATUT, statutDetaille, verifierFractions, type Statut } from './statut';
import { findNode, NODES, type ReferentielNode } from './tree';

export interface WorkbookScores {
  readonly result: ScoreResult;
  readonly context: PersonnalisationContext;
  readonly anomalies: readonly Anomaly[];
}

export function personnalisationContext(model: WorkbookModel): PersonnalisationContext {
  const reponses: Record<string, ReponseBinaire | undefined> = {};
  for (const r of model.personnalisation) {
    if (r.reponse !== null && r.identifiant) reponses[r.identifiant] = r.reponse ? 'OUI' : 'NON';
  }
  return { identite: { type: model.identite.type, population: model.identite.population }, reponses };
}

export function statutsFromModel(model: WorkbookModel): { statuts: Map<string, Statut>; anomalies: Anomaly[] } {
  const statuts = new Map<string, Statut>();
  const anomalies: Anomaly[] = [];
  const tab = TAB.referentiel;
  for (const row of model.referentiel) {
    if (row.statut === null) continue;
    const node = findNode(row.identifiant);
    if (!node) {
      anomalies.push(anomaly({ onglet: tab, ligne: row.rowNumber, colonne: 'Identifiant', message: M.unknownId(row.identifiant), bloquante: false, code: 'identifiant-inconnu' }));
      continue;
    }
    const id = parseStatutId(row.statut);
    if (id === null || id === 'non_renseigne') continue;
    if (!peutRecevoirStatut(node.level)) {
      anomalies.push(anomaly({ onglet: tab, ligne: row.rowNumber, colonne: 'Statut', message: M.statusNotEnterable(row.identifiant, node.level), bloquante: true, code: 'statut-niveau' }));
      continue;
    }
    if (statuts.has(node.id)) {
      anomalies.push(anomaly({ onglet: tab, ligne: row.rowNumber, colonne: 'Identifiant', message: M.duplicateLine(row.identifiant), bloquante: false, code: 'ligne-en-double' }));
      continue;
    }
    if (id === 'detaille') {
      const f = row.faitPct ?? 0;
      const p = row.programmePct ?? 0;
      const n = row.pasFaitPct ?? 0;
      const err = verifierFractions(f, p, n);
      if (err) {
        anomalies.push(anomaly({ onglet: tab, ligne: row.rowNumber, colonne: 'Fait %', message: M.badFractions(row.identifiant, f, p, n), bloquante: true, code: 'fractions' }));
        continue;
      }
      statuts.set(node.id, statutDetaille(f, p, n));
      continue;
    }
    statuts.set(node.id, STATUT[id]);
  }
  return { statuts, anomalies };
}

export function scoreWorkbook(model: WorkbookModel): WorkbookScores {
  const context = personnalisationContext(model);
  const { statuts, anomalies } = statutsFromModel(model);
  return { result: computeScores({ statuts, personnalisation: context }), context, anomalies };
}

/** Preuves prêtes (Prête or Déposée) / attendues per référentiel line, sous-mesures summed upwards. */
export function preuvesParLigne(model: WorkbookModel): ReadonlyMap<string, { pretes: number; attendues: number }> {
  const bySousMesure = new Map<string, { pretes: number; attendues: number }>();
  for (const p of model.preuves) {
    const ready = p.etat === 'Prête' || p.etat === 'Déposée';
    for (const m of p.mesures) {
      const e = bySousMesure.get(m) ?? { pretes: 0, attendues: 0 };
      e.attendues++;
      if (ready) e.pretes++;
      bySousMesure.set(m, e);
    }
  }
  const out = new Map<string, { pretes: number; attendues: number }>();
  const visit = (node: ReferentielNode): { pretes: number; attendues: number } => {
    const own = bySousMesure.get(node.id) ?? { pretes: 0, attendues: 0 };
    const total = { ...own };
    if (node.level !== 'sous-mesure') {
      for (const childId of node.children) {
        const c = visit(findNode(childId)!);
        total.pretes += c.pretes;
        total.attendues += c.attendues;
      }
    }
    out.set(node.id, total);
    return total;
  };
  for (const n of NODES) if (n.level === 'axe') visit(n);
  return out;
}
