/**
 * The ECi référentiel as an indexed tree, built once from `data/eci.json`.
 *
 * Reference points are recomputed from the raw percentages (`pourcentageSource`) rather than
 * read from `points`: the JSON rounds them to 6 decimals, so 7 tâches at 0.571429 would add
 * up to 4.000003 instead of 4, and every parent-equals-sum-of-children check downstream would
 * need a looser tolerance. A test checks that both agree to 1e-6.
 */
import eci from './data/eci.json';
import indicateursData from './data/indicateurs-eci.json';

export type Level = 'referentiel' | 'axe' | 'mesure' | 'sous-mesure' | 'tache';

/** Levels in depth order; the index is the depth in the tree. */
export const LEVELS: readonly Level[] = ['referentiel', 'axe', 'mesure', 'sous-mesure', 'tache'];

export type Phase = "S'engager" | 'Concrétiser' | 'Mesurer les effets';

export interface PersonnalisationRules {
  /** Platform expression: true makes the line (and its descendants) "non concerné". */
  readonly desactivation: string | null;
  readonly desactivationDesc: string | null;
  /** Platform expression giving a multiplier of the line's potential. */
  readonly reduction: string | null;
  readonly reductionDesc: string | null;
  /** Question ids listed by the source; may be incomplete (see personnalisation.ts). */
  readonly questions: readonly string[];
}

export interface Preuve {
  readonly id: string;
  readonly nom: string;
  readonly description: string | null;
}

export interface ReferentielNode {
  readonly id: string;
  /** Number in the référentiel (`2.3.1`); empty for the root. */
  readonly identifiant: string;
  readonly level: Level;
  readonly title: string;
  readonly phase: Phase | null;
  /** Reference points, before personalisation. */
  readonly points: number;
  readonly parentId: string | null;
  readonly children: readonly string[];
  readonly personnalisation: PersonnalisationRules | null;
  /** Expected evidence; only sous-mesures carry some. */
  readonly preuves: readonly Preuve[];
  readonly indicateurs: readonly string[];
  readonly description: string | null;
  readonly critere: string | null;
}

export interface PreuveAttendue extends Preuve {
  /** Sous-mesures that expect this preuve, in document order. */
  readonly sousMesures: readonly string[];
}

export interface IndicateurEci {
  readonly id: string;
  readonly title: string;
  readonly titleLong: string | null;
  readonly unit: string;
  readonly description: string | null;
  readonly actionsEci: readonly string[];
  readonly actionsAutres: readonly string[];
  readonly categories: readonly string[];
  readonly thematiques: readonly string[];
  readonly groupe: string | null;
  readonly precision: number | null;
  readonly participationScore: boolean;
  readonly cible: string | null;
  readonly seuil: string | null;
  readonly libelleCibleSeuil: string | null;
}

// Shape of the JSON nodes, loosely typed on purpose: the four levels use different child keys.
interface RawNode {
  readonly id: string;
  readonly identifiant: string;
  readonly title: string;
  readonly points: number;
  readonly phase?: string;
  readonly pourcentageSource?: string | null;
  readonly description?: string | null;
  readonly critere?: string | null;
  readonly indicateurs?: readonly string[];
  readonly preuves?: readonly { readonly id: string; readonly nom: string; readonly description: string | null }[];
  readonly personnalisation?: {
    readonly desactivation?: string;
    readonly desactivationDesc?: string;
    readonly reduction?: string;
    readonly reductionDesc?: string;
    readonly questions?: readonly string[];
  };
  readonly sousAxes?: readonly RawNode[];
  readonly actions?: readonly RawNode[];
  readonly subActions?: readonly RawNode[];
}

export const ROOT_ID = 'eci';

function childrenOf(raw: RawNode): readonly RawNode[] {
  return raw.sousAxes ?? raw.actions ?? raw.subActions ?? [];
}

function parsePercentage(source: string | null | undefined): number | null {
  if (source === null || source === undefined || source.trim() === '') return null;
  const value = Number(source.replace(',', '.'));
  if (!Number.isFinite(value)) throw new Error(`eci.json: unreadable percentage "${source}"`);
  return value;
}

/**
 * Shares of the parent's points, following the rule of the référentiel's README: explicit
 * percentages when any sibling has one; otherwise the siblings with an empty percentage share
 * 100 % equally and those at 0 (regulatory x.x.0) keep 0.
 */
function siblingShares(siblings: readonly RawNode[]): number[] {
  const percentages = siblings.map((s) => parsePercentage(s.pourcentageSource));
  if (percentages.some((p) => p !== null && p > 0)) return percentages.map((p) => (p ?? 0) / 100);
  const empty = percentages.filter((p) => p === null).length;
  return percentages.map((p) => (p === null ? 1 / empty : 0));
}

function toPhase(value: string | undefined): Phase | null {
  if (value === "S'engager" || value === 'Concrétiser' || value === 'Mesurer les effets') return value;
  return null;
}

function toRules(raw: RawNode['personnalisation']): PersonnalisationRules | null {
  if (!raw) return null;
  return {
    desactivation: raw.desactivation ?? null,
    desactivationDesc: raw.desactivationDesc ?? null,
    reduction: raw.reduction ?? null,
    reductionDesc: raw.reductionDesc ?? null,
    questions: raw.questions ?? [],
  };
}

function buildNodes(): ReferentielNode[] {
  const rawAxes = (eci as unknown as { axes: readonly RawNode[] }).axes;
  const nodes: ReferentielNode[] = [];
  const root: ReferentielNode = {
    id: ROOT_ID,
    identifiant: '',
    level: 'referentiel',
    title: eci.referentiel.nom,
    phase: null,
    points: rawAxes.reduce((sum, axe) => sum + axe.points, 0),
    parentId: null,
    children: rawAxes.map((axe) => axe.id),
    personnalisation: null,
    preuves: [],
    indicateurs: [],
    description: null,
    critere: null,
  };
  nodes.push(root);

  const visit = (raw: RawNode, depth: number, parentId: string, points: number): void => {
    const children = childrenOf(raw);
    nodes.push({
      id: raw.id,
      identifiant: raw.identifiant,
      level: LEVELS[depth],
      title: raw.title,
      phase: toPhase(raw.phase),
      points,
      parentId,
      children: children.map((c) => c.id),
      personnalisation: toRules(raw.personnalisation),
      preuves: (raw.preuves ?? []).map((p) => ({ id: p.id, nom: p.nom, description: p.description })),
      indicateurs: raw.indicateurs ?? [],
      description: raw.description ?? null,
      critere: raw.critere ?? null,
    });
    // Axes and mesures carry explicit points; deeper levels are shares of their parent.
    const explicit = depth + 1 <= LEVELS.indexOf('mesure');
    const shares = explicit ? null : siblingShares(children);
    children.forEach((child, i) =>
      visit(child, depth + 1, raw.id, shares ? points * shares[i] : child.points),
    );
  };
  for (const axe of rawAxes) visit(axe, 1, ROOT_ID, axe.points);
  return nodes;
}

/** Every node, root first, then in document order (axe, its mesures, each followed by its sous-mesures and their tâches). */
export const NODES: readonly ReferentielNode[] = buildNodes();

const BY_ID: ReadonlyMap<string, ReferentielNode> = new Map(NODES.map((n) => [n.id, n]));

export const ROOT: ReferentielNode = BY_ID.get(ROOT_ID)!;

export function findNode(id: string): ReferentielNode | undefined {
  return BY_ID.get(id);
}

/** For ids that come from the référentiel itself; an unknown id is a programming error. */
export function getNode(id: string): ReferentielNode {
  const node = BY_ID.get(id);
  if (!node) throw new Error(`Not a line of the ECi référentiel: ${id}`);
  return node;
}

export function nodesAtLevel(level: Level): readonly ReferentielNode[] {
  return NODES.filter((n) => n.level === level);
}

/** Ancestors from the parent up to the root. */
export function ancestorsOf(id: string): readonly ReferentielNode[] {
  const result: ReferentielNode[] = [];
  let parentId = getNode(id).parentId;
  while (parentId !== null) {
    const parent = getNode(parentId);
    result.push(parent);
    parentId = parent.parentId;
  }
  return result;
}

/**
 * Resolves what a user may type for a line: the platform id (`eci_2.4.1`), the number alone
 * (`2.4.1`), or `eci` for the root.
 */
export function resolveNodeId(text: string): string | undefined {
  const trimmed = text.trim();
  if (BY_ID.has(trimmed)) return trimmed;
  const prefixed = `eci_${trimmed}`;
  return BY_ID.has(prefixed) ? prefixed : undefined;
}

function buildPreuves(): PreuveAttendue[] {
  const byId = new Map<string, { preuve: Preuve; sousMesures: string[] }>();
  for (const node of NODES) {
    for (const preuve of node.preuves) {
      const entry = byId.get(preuve.id);
      if (entry) entry.sousMesures.push(node.id);
      else byId.set(preuve.id, { preuve, sousMesures: [node.id] });
    }
  }
  return [...byId.values()].map(({ preuve, sousMesures }) => ({ ...preuve, sousMesures }));
}

/** The distinct preuves the référentiel expects, in order of first appearance. */
export const PREUVES_ATTENDUES: readonly PreuveAttendue[] = buildPreuves();

export const INDICATEURS_ECI: readonly IndicateurEci[] = indicateursData.indicateurs as readonly IndicateurEci[];
