/**
 * Scores of the ECi référentiel, following `eci.json > scoring` (itself a description of TeT's
 * `scores.service.ts`). Field names are TeT's so that both can be compared line by line.
 *
 * Steps, each over the whole tree:
 * 1. concerné: a line is non concerné when a personalisation rule deactivates it or an
 *    ancestor, when it or an ancestor has the status non_concerne, or (bottom-up) when all its
 *    children are non concernés;
 * 2. potentiel: reference points × personalisation factor, then the potentiel of every non
 *    concerné sous-mesure (tâche) is shared equally among its concerned sibling sous-mesures
 *    (tâches) whose potentiel is > 0, each scaled with its subtree; a non concerné mesure or
 *    axe is not redistributed, so the potentiel of its axe and of the référentiel drops;
 * 3. points: a line with a status splits its potentiel by the status fractions; a sous-mesure
 *    with its own status imposes it on its tâches ("non renseignable"), whose own statuses are
 *    then ignored; a tâche (or a sous-mesure without tâches) with no status has its potentiel
 *    "non renseigné"; every other line is the sum of its children.
 *
 * Where we depart from the platform, on purpose:
 * - the tâches under a sous-mesure with its own status get the sous-mesure's fractions (TeT
 *   scores them from their own, now hidden, statuses), so that a parent always equals the sum
 *   of its children;
 * - an explicit "non renseigné" is the absence of a status (TeT keeps such a sous-mesure
 *   concerned even when all its tâches are non concernés, with a potentiel that no point
 *   accounts for).
 *
 * Rounding: like the platform, every point is computed unrounded, then each output field is
 * rounded on its own to 3 decimals. Invariants (parent = sum of children, fait + programmé +
 * pas fait + non renseigné = potentiel) hold exactly before rounding; after rounding each side
 * may be off by half a thousandth per rounded term. Stars use the rounded root, as TeT does.
 */
import eci from './data/eci.json';
import { REFERENTIEL_MESSAGES as msg } from '../messages/referentiel';
import { consequencesPersonnalisation, type PersonnalisationContext } from './personnalisation';
import { avancement, estRenseigne, peutRecevoirStatut, statutDetaille, STATUT, type Statut, type StatutId } from './statut';
import { findNode, NODES, ROOT_ID, getNode, type ReferentielNode } from './tree';

export interface ScoreInput {
  /** Statuses by line id (sous-mesures and tâches only). */
  readonly statuts: ReadonlyMap<string, Statut>;
  readonly personnalisation: PersonnalisationContext;
}

/**
 * What the line shows: the status entered, `non_renseignable` for a tâche whose sous-mesure has
 * its own status, `detaille_a_la_tache` for a sous-mesure scored from its tâches, `non_concerne`
 * whatever the cause; null for axes, mesures and the root when concerned.
 */
export type StatutEffectif = StatutId | 'non_renseignable' | 'detaille_a_la_tache';

export interface LineScore {
  readonly id: string;
  readonly pointReferentiel: number;
  readonly pointPotentiel: number;
  readonly pointFait: number;
  readonly pointProgramme: number;
  readonly pointPasFait: number;
  readonly pointNonRenseigne: number;
  readonly concerne: boolean;
  /** Non concerné through personalisation (not through a status). */
  readonly desactive: boolean;
  /** The line and every tâche under it have a status, or are non concernés. */
  readonly renseigne: boolean;
  /** pointFait / pointPotentiel × 100, 0 when the potentiel is 0. */
  readonly pourcentageFait: number;
  readonly pourcentageProgramme: number;
  readonly statutEffectif: StatutEffectif | null;
}

export interface CritereEtoile {
  readonly etoile: number;
  readonly actionId: string;
  readonly formulation: string;
  readonly minRealisePercentage: number | null;
  readonly minProgrammePercentage: number | null;
}

export interface CritereEvalue extends CritereEtoile {
  /** % réalisé of the line (of its potentiel, or of its tâches when the potentiel is 0). */
  readonly realise: number;
  /** % réalisé + programmé. */
  readonly realiseEtProgramme: number;
  /** False when personalisation deactivated the line: the criterion then does not apply. */
  readonly applicable: boolean;
  /** False when the line was declared non concerné: TeT then counts the criterion as not met. */
  readonly concerne: boolean;
  readonly atteint: boolean;
}

export interface ProchaineEtoile {
  readonly etoile: number;
  /** Threshold of score réalisé, in %. */
  readonly seuil: number;
  /** Points réalisés still needed to reach the threshold (0 when reached). */
  readonly pointsManquants: number;
  /** Threshold plus the recommended margin, in %. */
  readonly seuilAvecMarge: number;
  readonly pointsManquantsAvecMarge: number;
  /** Criteria of this star and of the lower ones that are not met. */
  readonly criteresManquants: readonly CritereEvalue[];
  /** Tâches (and sous-mesures without tâches) still without a status. */
  readonly lignesNonRenseignees: number;
}

export interface EtoilesResult {
  /** 0 when even the first star is not reached. */
  readonly actuelle: number;
  /** Same computation if every programmé became fait. */
  readonly potentielle: number;
  /** Score réalisé of the référentiel, in % of the rounded root points (what the stars use). */
  readonly scoreRealise: number;
  /** Score réalisé + programmé, in %. */
  readonly scorePrevisionnel: number;
  readonly prochaine?: ProchaineEtoile;
  readonly criteresPremiereEtoile: readonly CritereEvalue[];
  readonly criteres: readonly CritereEvalue[];
}

export interface CompletudeDetail {
  /** Entry lines: every tâche, plus every sous-mesure that has none. */
  readonly lignesRenseignees: number;
  readonly lignesTotal: number;
  readonly sousMesuresRenseignees: number;
  readonly sousMesuresTotal: number;
}

export interface ResumeLigne extends LineScore {
  readonly identifiant: string;
  readonly titre: string;
}

export interface ScoreResult {
  /** Every line: root `eci`, axes, mesures, sous-mesures, tâches, in document order. */
  readonly scores: Readonly<Record<string, LineScore>>;
  readonly etoiles: EtoilesResult;
  /**
   * Share (0–1) of the entry lines — tâches, and sous-mesures without tâches — that are
   * renseignées: with a status of their own, under a sous-mesure that has one, or non
   * concernées for any reason. This is TeT's "tâches complétées / tâches" ratio; the label
   * requires 1. The regulatory x.x.0 sous-mesures count although they carry no point.
   */
  readonly completude: number;
  readonly completudeDetail: CompletudeDetail;
  readonly axes: readonly ResumeLigne[];
  readonly total: ResumeLigne;
}

/** `eci.json > margeRecommandee`: aim 3 points of % above the threshold. */
export const MARGE_RECOMMANDEE = 3;

export const SEUILS_ETOILES: readonly { readonly etoile: number; readonly seuil: number }[] = eci.stars
  .map((s) => ({ etoile: s.stars, seuil: s.threshold }))
  .sort((a, b) => a.etoile - b.etoile);

export const CRITERES_ETOILES: readonly CritereEtoile[] = eci.criteresEtoilesPlateforme.map((c) => ({
  etoile: c.etoile,
  actionId: c.actionId,
  formulation: c.formulation,
  minRealisePercentage: c.minRealisePercentage,
  minProgrammePercentage: c.minProgrammePercentage,
}));

/** The platform's rounding (roundTo with 3 digits). */
export function arrondi3(value: number): number {
  return Math.round(value * 1000 + Number.EPSILON) / 1000;
}

function plafond3(value: number): number {
  return Math.ceil(value * 1000 - 1e-6) / 1000;
}

interface Work {
  readonly node: ReferentielNode;
  /** The status that counts for this line itself (renseigné, and not overridden by its sous-mesure). */
  statut: Statut | undefined;
  /** Fractions applied to the line: its own status's, or its sous-mesure's. */
  fractions: readonly [number, number, number] | null;
  desactive: boolean;
  concerne: boolean;
  potentiel: number;
  fait: number;
  programme: number;
  pasFait: number;
  nonRenseigne: number;
  feuilles: number;
  feuillesRenseignees: number;
  feuillesFait: number;
  feuillesProgramme: number;
}

interface Evaluation {
  readonly work: ReadonlyMap<string, Work>;
}

function checkStatuts(statuts: ReadonlyMap<string, Statut>): void {
  for (const id of statuts.keys()) {
    const node = findNode(id);
    if (!node) throw new RangeError(msg.statutIdInconnu(id));
    if (!peutRecevoirStatut(node.level)) throw new RangeError(msg.statutNiveauInterdit(id, node.level));
  }
}

function evaluer(statuts: ReadonlyMap<string, Statut>, ctx: PersonnalisationContext): Evaluation {
  checkStatuts(statuts);
  const consequences = consequencesPersonnalisation(ctx);
  const work = new Map<string, Work>();
  const w = (id: string) => work.get(id)!;

  // Top-down: statuses that count, deactivation, non concerné inherited from the parent.
  for (const node of NODES) {
    const parent = node.parentId === null ? null : w(node.parentId);
    const own = statuts.get(node.id);
    const overridden = parent !== null && parent.node.level === 'sous-mesure' && parent.statut !== undefined;
    const statut = !overridden && estRenseigne(own) ? own : undefined;
    const consequence = consequences.get(node.id)!;
    const concerne =
      !consequence.desactive && (parent === null || parent.concerne) && statut?.statut !== 'non_concerne';
    const fractions = statut ? avancement(statut) : overridden ? parent!.fractions : null;
    work.set(node.id, {
      node,
      statut,
      fractions,
      desactive: consequence.desactive,
      concerne,
      potentiel: 0,
      fait: 0,
      programme: 0,
      pasFait: 0,
      nonRenseigne: 0,
      feuilles: 0,
      feuillesRenseignees: 0,
      feuillesFait: 0,
      feuillesProgramme: 0,
    });
  }

  const bottomUp = [...NODES].reverse();

  // Bottom-up: a line all of whose children are non concernés is non concernée, unless a status
  // of its own says otherwise (then its children cannot be non concernés, see above).
  for (const node of bottomUp) {
    const line = w(node.id);
    if (line.concerne && node.children.length && line.statut === undefined) {
      if (node.children.every((c) => !w(c).concerne)) line.concerne = false;
    }
  }

  // Potentiel before redistribution: personalised reference points, summed up the tree.
  for (const node of bottomUp) {
    const line = w(node.id);
    line.potentiel = node.children.length
      ? node.children.reduce((sum, c) => sum + w(c).potentiel, 0)
      : node.points * consequences.get(node.id)!.facteur;
  }

  const scaleSubtree = (id: string, factor: number): void => {
    w(id).potentiel *= factor;
    for (const c of getNode(id).children) scaleSubtree(c, factor);
  };

  // Redistribution, deepest lines first so that a sous-mesure is scaled with its tâches already
  // rebalanced. Only the children of mesures and sous-mesures are redistributed.
  for (const node of bottomUp) {
    const line = w(node.id);
    if (!line.concerne || !node.children.length) continue;
    const children = node.children.map(w);
    if (node.level === 'mesure' || node.level === 'sous-mesure') {
      const receivers = children.filter((c) => c.concerne && c.potentiel > 0);
      const freed = children.filter((c) => !c.concerne).reduce((sum, c) => sum + c.potentiel, 0);
      if (receivers.length && freed > 0) {
        const share = freed / receivers.length;
        for (const r of receivers) scaleSubtree(r.node.id, (r.potentiel + share) / r.potentiel);
      }
    }
    line.potentiel = children.filter((c) => c.concerne).reduce((sum, c) => sum + c.potentiel, 0);
  }

  // Points, deepest first.
  for (const node of bottomUp) {
    const line = w(node.id);
    if (!line.concerne) {
      line.potentiel = 0;
      line.feuilles = node.children.length ? node.children.reduce((s, c) => s + w(c).feuilles, 0) : 1;
      line.feuillesRenseignees = line.feuilles;
      continue;
    }
    if (line.fractions) {
      const [f, p, q] = line.fractions;
      line.fait = f * line.potentiel;
      line.programme = p * line.potentiel;
      line.pasFait = q * line.potentiel;
      line.nonRenseigne = 0;
    } else if (!node.children.length) {
      line.nonRenseigne = line.potentiel;
    } else {
      for (const c of node.children.map(w)) {
        line.fait += c.fait;
        line.programme += c.programme;
        line.pasFait += c.pasFait;
        line.nonRenseigne += c.nonRenseigne;
      }
    }
    if (node.children.length) {
      for (const c of node.children.map(w)) {
        line.feuilles += c.feuilles;
        line.feuillesRenseignees += c.feuillesRenseignees;
        line.feuillesFait += c.feuillesFait;
        line.feuillesProgramme += c.feuillesProgramme;
      }
    } else {
      line.feuilles = 1;
      line.feuillesRenseignees = line.fractions ? 1 : 0;
      line.feuillesFait = line.fractions ? line.fractions[0] : 0;
      line.feuillesProgramme = line.fractions ? line.fractions[1] : 0;
    }
  }
  return { work };
}

function statutEffectif(line: Work, work: ReadonlyMap<string, Work>): StatutEffectif | null {
  const { node } = line;
  if (!line.concerne) return 'non_concerne';
  if (node.level === 'tache') {
    if (line.statut) return line.statut.statut;
    const parent = work.get(node.parentId!)!;
    return parent.statut ? 'non_renseignable' : 'non_renseigne';
  }
  if (node.level === 'sous-mesure') {
    if (line.statut) return line.statut.statut;
    const anyTache = node.children.some((c) => work.get(c)!.statut !== undefined);
    return anyTache ? 'detaille_a_la_tache' : 'non_renseigne';
  }
  return null;
}

function pourcentage(part: number, potentiel: number): number {
  return potentiel > 0 ? arrondi3((part / potentiel) * 100) : 0;
}

function lineScore(line: Work, work: ReadonlyMap<string, Work>, arrondi: (n: number) => number): LineScore {
  return {
    id: line.node.id,
    pointReferentiel: arrondi(line.node.points),
    pointPotentiel: arrondi(line.potentiel),
    pointFait: arrondi(line.fait),
    pointProgramme: arrondi(line.programme),
    pointPasFait: arrondi(line.pasFait),
    pointNonRenseigne: arrondi(line.nonRenseigne),
    concerne: line.concerne,
    desactive: line.desactive,
    renseigne: line.feuillesRenseignees === line.feuilles,
    pourcentageFait: pourcentage(line.fait, line.potentiel),
    pourcentageProgramme: pourcentage(line.programme, line.potentiel),
    statutEffectif: statutEffectif(line, work),
  };
}

// Tolerance on percentages compared with thresholds, so that 0.35 × 500 / 500 reaches 35 %.
const EPS_POURCENT = 1e-9;

function evaluerCriteres(ev: Evaluation): CritereEvalue[] {
  return CRITERES_ETOILES.map((c) => {
    const line = ev.work.get(c.actionId)!;
    // TeT measures a line without potentiel by the share of its tâches done instead.
    const [realise, programme] =
      line.potentiel > 0
        ? [line.fait / line.potentiel, line.programme / line.potentiel]
        : line.feuilles > 0
          ? [line.feuillesFait / line.feuilles, line.feuillesProgramme / line.feuilles]
          : [0, 0];
    const applicable = !line.desactive;
    const atteint =
      !applicable ||
      (c.minRealisePercentage !== null && realise * 100 >= c.minRealisePercentage - EPS_POURCENT) ||
      (c.minProgrammePercentage !== null && (realise + programme) * 100 >= c.minProgrammePercentage - EPS_POURCENT);
    return {
      ...c,
      realise: arrondi3(realise * 100),
      realiseEtProgramme: arrondi3((realise + programme) * 100),
      applicable,
      concerne: line.concerne,
      atteint,
    };
  });
}

interface EtatEtoiles {
  readonly etoile: number;
  readonly criteres: readonly CritereEvalue[];
  readonly pourcentage: number;
  readonly complet: boolean;
}

function criteresJusqua(criteres: readonly CritereEvalue[], etoile: number): readonly CritereEvalue[] {
  return criteres.filter((c) => c.etoile <= etoile);
}

function etatEtoiles(ev: Evaluation): EtatEtoiles {
  const root = ev.work.get(ROOT_ID)!;
  const potentiel = arrondi3(root.potentiel);
  const pourcentage = potentiel > 0 ? (arrondi3(root.fait) / potentiel) * 100 : 0;
  const criteres = evaluerCriteres(ev);
  const complet = root.feuillesRenseignees === root.feuilles;
  const ok = (etoile: number) => criteresJusqua(criteres, etoile).every((c) => c.atteint);
  let etoile = 0;
  if (complet) {
    for (const { etoile: n, seuil } of SEUILS_ETOILES) {
      if (pourcentage >= seuil - EPS_POURCENT && ok(n)) etoile = n;
      else break;
    }
  }
  return { etoile, criteres, pourcentage, complet };
}

function programmeDevientFait(statuts: ReadonlyMap<string, Statut>): ReadonlyMap<string, Statut> {
  const result = new Map<string, Statut>();
  for (const [id, s] of statuts) {
    if (s.statut === 'programme') result.set(id, STATUT.fait);
    else if (s.statut === 'detaille') result.set(id, statutDetaille(s.fait + s.programme, 0, s.pasFait));
    else result.set(id, s);
  }
  return result;
}

function prochaineEtoile(etat: EtatEtoiles, ev: Evaluation): ProchaineEtoile | undefined {
  const etoile = etat.etoile + 1;
  const palier = SEUILS_ETOILES.find((s) => s.etoile === etoile);
  if (!palier) return undefined;
  const root = ev.work.get(ROOT_ID)!;
  const potentiel = arrondi3(root.potentiel);
  const fait = arrondi3(root.fait);
  const manquant = (pct: number) => Math.max(0, plafond3((pct / 100) * potentiel - fait));
  // A margin above 0 % makes no sense for the first star, which has no score threshold.
  const seuilAvecMarge = palier.seuil > 0 ? palier.seuil + MARGE_RECOMMANDEE : palier.seuil;
  return {
    etoile,
    seuil: palier.seuil,
    pointsManquants: manquant(palier.seuil),
    seuilAvecMarge,
    pointsManquantsAvecMarge: manquant(seuilAvecMarge),
    criteresManquants: criteresJusqua(etat.criteres, etoile).filter((c) => !c.atteint),
    lignesNonRenseignees: root.feuilles - root.feuillesRenseignees,
  };
}

export interface ScoreOptions {
  /**
   * Round points to 3 decimals as the platform does (default). Without rounding, the
   * invariants hold exactly, which suits callers that add lines up themselves. Stars are
   * computed on the rounded root either way.
   */
  readonly arrondi?: boolean;
}

export function computeScores(input: ScoreInput, options: ScoreOptions = {}): ScoreResult {
  const ev = evaluer(input.statuts, input.personnalisation);
  const arrondi = options.arrondi === false ? (n: number) => n : arrondi3;
  const scores: Record<string, LineScore> = {};
  for (const node of NODES) scores[node.id] = lineScore(ev.work.get(node.id)!, ev.work, arrondi);

  const etat = etatEtoiles(ev);
  const potentielle = etatEtoiles(evaluer(programmeDevientFait(input.statuts), input.personnalisation)).etoile;
  const rootWork = ev.work.get(ROOT_ID)!;
  const potentielRacine = arrondi3(rootWork.potentiel);
  const pourcentageRacine = (points: number) => (potentielRacine > 0 ? arrondi3((points / potentielRacine) * 100) : 0);
  const prochaine = prochaineEtoile(etat, ev);
  const etoiles: EtoilesResult = {
    actuelle: etat.etoile,
    potentielle,
    scoreRealise: pourcentageRacine(arrondi3(rootWork.fait)),
    scorePrevisionnel: pourcentageRacine(arrondi3(rootWork.fait) + arrondi3(rootWork.programme)),
    ...(prochaine ? { prochaine } : {}),
    criteresPremiereEtoile: criteresJusqua(etat.criteres, 1),
    criteres: etat.criteres,
  };

  const sousMesures = NODES.filter((n) => n.level === 'sous-mesure');
  const completudeDetail: CompletudeDetail = {
    lignesRenseignees: rootWork.feuillesRenseignees,
    lignesTotal: rootWork.feuilles,
    sousMesuresRenseignees: sousMesures.filter((n) => scores[n.id].renseigne).length,
    sousMesuresTotal: sousMesures.length,
  };
  const resume = (node: ReferentielNode): ResumeLigne => ({
    ...scores[node.id],
    identifiant: node.identifiant,
    titre: node.title,
  });
  return {
    scores,
    etoiles,
    completude: completudeDetail.lignesRenseignees / completudeDetail.lignesTotal,
    completudeDetail,
    axes: NODES.filter((n) => n.level === 'axe').map(resume),
    total: resume(getNode(ROOT_ID)),
  };
}
