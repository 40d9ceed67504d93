/**
 * Flat views of the référentiel data for the workbook: the lines of the
 * `Référentiel` tab, the expected preuves, the ECi indicators and the
 * personalisation questions. Source: ../referentiel/data (see SOURCE.md there).
 */
import eci from './data/eci.json';
import indicateurs from './data/indicateurs-eci.json';

export type NiveauLabel = 'Axe' | 'Mesure' | 'Sous-mesure' | 'Tâche';

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

interface RawNode {
  id: string;
  identifiant: string;
  title: string;
  points: number;
  phase?: string | null;
  sousAxes?: RawNode[];
  actions?: RawNode[];
  subActions?: RawNode[];
  preuves?: Array<{ id: string; nom: string; description: string | null }>;
}

const LEVELS: ReadonlyArray<{ key: 'sousAxes' | 'actions' | 'subActions' | null; label: NiveauLabel }> = [
  { key: null, label: 'Axe' },
  { key: 'sousAxes', label: 'Mesure' },
  { key: 'actions', label: 'Sous-mesure' },
  { key: 'subActions', label: 'Tâche' },
];

function walk(node: RawNode, depth: number, out: ReferentielLine[]): void {
  const label = LEVELS[depth].label;
  out.push({
    id: node.id,
    identifiant: node.identifiant,
    niveauLabel: label,
    title: node.title,
    phase: node.phase ?? null,
    points: Math.round(node.points * 1000) / 1000,
    statusEditable: label === 'Sous-mesure' || label === 'Tâche',
  });
  const next = LEVELS[depth + 1];
  if (!next || !next.key) return;
  for (const child of node[next.key] ?? []) walk(child, depth + 1, out);
}

export const REFERENTIEL_LINES: readonly ReferentielLine[] = (() => {
  const out: ReferentielLine[] = [];
  for (const axe of eci.axes as unknown as RawNode[]) walk(axe, 0, out);
  return out;
})();

export interface PreuveAttendue {
  readonly id: string;
  readonly nom: string;
  readonly sousMesures: readonly string[];
  readonly type: 'Réglementaire' | 'Complémentaire';
}

export const PREUVES_ATTENDUES: readonly PreuveAttendue[] = (() => {
  const byId = new Map<string, { id: string; nom: string; sousMesures: string[]; regl: boolean }>();
  const visit = (n: RawNode) => {
    for (const p of n.preuves ?? []) {
      const e = byId.get(p.id) ?? { id: p.id, nom: p.nom, sousMesures: [], regl: false };
      e.sousMesures.push(n.id);
      // Preuves of the regulatory x.x.0 sous-mesures prove compliance with the law.
      if (/\.0$/.test(n.identifiant)) e.regl = true;
      byId.set(p.id, e);
    }
    for (const k of ['sousAxes', 'actions', 'subActions'] as const) for (const c of n[k] ?? []) visit(c);
  };
  for (const axe of eci.axes as unknown as RawNode[]) visit(axe);
  return [...byId.values()].map((e) => ({ id: e.id, nom: e.nom, sousMesures: e.sousMesures, type: e.regl ? 'Réglementaire' : 'Complémentaire' }));
})();

export interface IndicateurEci {
  readonly id: string;
  readonly title: string;
  readonly unit: string | null;
  readonly mesures: readonly string[];
}

export const INDICATEURS_ECI: readonly IndicateurEci[] = (
  indicateurs as unknown as { indicateurs: Array<{ id: string; title: string; unit?: string | null; actions?: string[]; mesures?: string[] }> }
).indicateurs.map((i) => ({ id: i.id, title: i.title, unit: i.unit ?? null, mesures: i.mesures ?? i.actions ?? [] }));

export interface QuestionPersonnalisation {
  readonly id: string;
  readonly formulation: string;
}

/** Questions asked in the `Personnalisation` tab; identity facts come from `Accueil`. */
export const QUESTIONS_PERSONNALISATION: readonly QuestionPersonnalisation[] = eci.questionsPersonnalisation
  .filter((q) => q.type !== 'identite')
  .map((q) => ({ id: q.id, formulation: q.formulation }));
