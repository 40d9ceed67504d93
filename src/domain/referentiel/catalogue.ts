/**
 * Flat views of the référentiel for the workbook: the lines of the
 * `Référentiel` tab, the expected preuves with their type, the ECi indicators
 * and the personalisation questions. Everything derives from `tree.ts`
 * (itself from ./data, see SOURCE.md there).
 */
import eci from './data/eci.json';
import { NODES, PREUVES_ATTENDUES as TREE_PREUVES, INDICATEURS_ECI as TREE_INDICATEURS, getNode, type Level } from './tree';
import { peutRecevoirStatut } from './statut';

export type NiveauLabel = 'Axe' | 'Mesure' | 'Sous-mesure' | 'Tâche';

const NIVEAU_LABEL: Partial<Record<Level, NiveauLabel>> = {
  axe: 'Axe',
  mesure: 'Mesure',
  'sous-mesure': 'Sous-mesure',
  tache: 'Tâche',
};

export interface ReferentielLine {
  readonly id: string;
  readonly identifiant: string;
  readonly niveauLabel: NiveauLabel;
  readonly title: string;
  readonly phase: string | null;
  readonly points: number;
  /** Statuses are entered on sous-mesures and tâches only. */
  readonly statusEditable: boolean;
}

/** Every line but the root, in document order. */
export const REFERENTIEL_LINES: readonly ReferentielLine[] = NODES.filter((n) => n.level !== 'referentiel').map((n) => ({
  id: n.id,
  identifiant: n.identifiant,
  niveauLabel: NIVEAU_LABEL[n.level]!,
  title: n.title,
  phase: n.phase,
  points: Math.round(n.points * 1000) / 1000,
  statusEditable: peutRecevoirStatut(n.level),
}));

export interface PreuveAttendue {
  readonly id: string;
  readonly nom: string;
  readonly sousMesures: readonly string[];
  readonly type: 'Réglementaire' | 'Complémentaire';
}

// Preuves of the regulatory x.x.0 sous-mesures prove compliance with the law.
const isRegulatory = (id: string) => /\.0$/.test(getNode(id).identifiant);

export const PREUVES_ATTENDUES: readonly PreuveAttendue[] = TREE_PREUVES.map((p) => ({
  id: p.id,
  nom: p.nom,
  sousMesures: p.sousMesures,
  type: p.sousMesures.some(isRegulatory) ? 'Réglementaire' : 'Complémentaire',
}));

export interface IndicateurEci {
  readonly id: string;
  readonly title: string;
  readonly unit: string | null;
  readonly mesures: readonly string[];
}

export const INDICATEURS_ECI: readonly IndicateurEci[] = TREE_INDICATEURS.map((i) => ({
  id: i.id,
  title: i.title,
  unit: i.unit || null,
  mesures: i.actionsEci,
}));

export interface QuestionPersonnalisation {
  readonly id: string;
  readonly formulation: string;
}

/** Questions asked in the `Personnalisation` tab; identity facts come from `Accueil`. */
export const QUESTIONS_PERSONNALISATION: readonly QuestionPersonnalisation[] = eci.questionsPersonnalisation
  .filter((q) => q.type !== 'identite')
  .map((q) => ({ id: q.id, formulation: q.formulation }));
