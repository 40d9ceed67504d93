/**
 * Personalisation: the collectivité's identity and its answers to the platform's questions
 * make some lines "non concerné" (désactivation) or change their weight (réduction).
 *
 * The rules are evaluated exactly as written in `eci.json`, including the two that look wrong
 * (`anomaliesSource`), because a collectivité compares our figures with TeT's:
 * - eci_3.2.0 is deactivated when SPASER = OUI, i.e. for the collectivités that ARE subject to
 *   the SPASER, while its description says the opposite;
 * - eci_1.2.4 ("si identite(type, syndicat) alors FAUX sinon VRAI") is deactivated for every
 *   collectivité that is not a syndicat, while its description says syndicats are the ones
 *   not concerned.
 * The "Effet" text of the questions concerned says so to the user.
 *
 * Unknown facts follow the platform: `reponse(q, X)` is false when q has no answer (so neither
 * `reponse(q, OUI)` nor `reponse(q, NON)` holds), and `identite(…)` is false when the identity
 * field is unknown.
 */
import eci from './data/eci.json';
import { REFERENTIEL_MESSAGES as msg, type LigneNommee } from '../messages/referentiel';
import {
  atomesDe,
  ErreurExpression,
  evaluerExpression,
  parseExpression,
  type Atome,
  type EnvironnementEvaluation,
  type Expression,
} from './expression';
import { NODES, getNode, type ReferentielNode } from './tree';
import { readOuiNon } from '../parse/values';

export type TypeCollectivite = 'EPCI' | 'Syndicat' | 'Commune' | 'Autre';
export type ReponseBinaire = 'OUI' | 'NON';

export interface IdentiteCollectivite {
  readonly type?: TypeCollectivite | null;
  readonly population?: number | null;
}

export interface PersonnalisationContext {
  readonly identite: IdentiteCollectivite;
  /** Answers by question id (`dechets_1`…); a missing key means "not answered". */
  readonly reponses: Readonly<Record<string, ReponseBinaire | undefined>>;
}

export const CONTEXTE_VIDE: PersonnalisationContext = { identite: {}, reponses: {} };

/** Reads an answer as the workbook reads any yes/no cell (`Oui`, `NON`, `x`…); null when unreadable or empty. */
export function parseReponseBinaire(text: string): ReponseBinaire | null {
  const r = readOuiNon(text);
  return r.ok ? (r.value ? 'OUI' : 'NON') : null;
}

function populationMatches(population: number, valeur: string): boolean {
  const seuil = /^(moins|plus)_de_(\d+)$/.exec(valeur.toLowerCase());
  if (!seuil) throw new ErreurExpression(msg.expressionValeurIdentiteInconnue('population', valeur), 'evaluation', null);
  const limite = Number(seuil[2]);
  // `plus_de_N` is taken as the complement of `moins_de_N`; ECi only uses `moins_de_100000`.
  return seuil[1] === 'moins' ? population < limite : population >= limite;
}

export function environnement(ctx: PersonnalisationContext): EnvironnementEvaluation {
  return {
    reponse: (question, valeur) => {
      const answer = ctx.reponses[question];
      return answer !== undefined && answer === valeur.toUpperCase();
    },
    identite: (champ, valeur) => {
      switch (champ.toLowerCase()) {
        case 'type':
          return ctx.identite.type != null && ctx.identite.type.toLowerCase() === valeur.toLowerCase();
        case 'population':
          return ctx.identite.population != null && populationMatches(ctx.identite.population, valeur);
        default:
          throw new ErreurExpression(msg.expressionChampIdentiteInconnu(champ), 'evaluation', null);
      }
    },
  };
}

interface RegleCompilee {
  readonly node: ReferentielNode;
  readonly desactivation: Expression | null;
  readonly reduction: Expression | null;
  readonly atomes: readonly Atome[];
}

let regles: readonly RegleCompilee[] | null = null;

/** The rules of eci.json, parsed once. */
function reglesCompilees(): readonly RegleCompilee[] {
  if (regles) return regles;
  regles = NODES.filter((n) => n.personnalisation?.desactivation || n.personnalisation?.reduction).map((node) => {
    const rules = node.personnalisation!;
    const desactivation = rules.desactivation ? parseExpression(rules.desactivation) : null;
    const reduction = rules.reduction ? parseExpression(rules.reduction) : null;
    const atomes = [...(desactivation ? atomesDe(desactivation) : []), ...(reduction ? atomesDe(reduction) : [])];
    return { node, desactivation, reduction, atomes };
  });
  return regles;
}

export interface Consequence {
  /** Non concerné through a rule of this line or of an ancestor. */
  readonly desactive: boolean;
  /** Multiplier of the reference points, product of this line's and its ancestors' reductions. */
  readonly facteur: number;
  /** The line whose rule deactivated this one (itself or an ancestor). */
  readonly desactivePar: string | null;
}

const NEUTRE: Consequence = { desactive: false, facteur: 1, desactivePar: null };

function evaluerRegle(regle: RegleCompilee, env: EnvironnementEvaluation): { desactive: boolean; facteur: number } {
  let desactive = false;
  if (regle.desactivation) {
    const value = evaluerExpression(regle.desactivation, env);
    if (typeof value === 'number') {
      throw new ErreurExpression(msg.expressionResultatInattendu(regle.node.id, 'desactivation'), 'evaluation', null);
    }
    desactive = value === true;
  }
  let facteur = 1;
  if (regle.reduction) {
    const value = evaluerExpression(regle.reduction, env);
    if (typeof value === 'boolean') {
      throw new ErreurExpression(msg.expressionResultatInattendu(regle.node.id, 'reduction'), 'evaluation', null);
    }
    if (value !== null) facteur = value;
  }
  return { desactive, facteur };
}

function consequencesAvec(env: EnvironnementEvaluation): ReadonlyMap<string, Consequence> {
  const own = new Map(reglesCompilees().map((r) => [r.node.id, evaluerRegle(r, env)]));
  const result = new Map<string, Consequence>();
  // NODES lists every parent before its children, so the parent's consequence is known here.
  for (const node of NODES) {
    const parent = node.parentId === null ? NEUTRE : result.get(node.parentId)!;
    const mine = own.get(node.id);
    if (!mine) {
      result.set(node.id, parent);
      continue;
    }
    const desactivePar = parent.desactivePar ?? (mine.desactive ? node.id : null);
    result.set(node.id, { desactive: desactivePar !== null, facteur: parent.facteur * mine.facteur, desactivePar });
  }
  return result;
}

/** The effective consequence for every line of the référentiel (neutral ones included). */
export function consequencesPersonnalisation(ctx: PersonnalisationContext): ReadonlyMap<string, Consequence> {
  return consequencesAvec(environnement(ctx));
}

// ---------------------------------------------------------------------------------------------
// Questions and the "Effet" column of the Personnalisation tab

export interface QuestionPersonnalisation {
  /** `dechets_1`…, or `identite(type, syndicat)` for the facts taken from the identity. */
  readonly id: string;
  readonly formulation: string;
  readonly description: string | null;
  readonly type: 'binaire' | 'identite';
  /** Lines whose own rule asks about it, in document order. */
  readonly lignes: readonly string[];
}

function matcher(id: string, type: 'binaire' | 'identite'): (atome: Atome) => boolean {
  if (type === 'binaire') return (a) => a.kind === 'reponse' && a.question === id;
  const target = parseExpression(id);
  if (target.kind !== 'identite') throw new Error(`eci.json: unreadable identity question ${id}`);
  return (a) =>
    a.kind === 'identite' &&
    a.champ.toLowerCase() === target.champ.toLowerCase() &&
    a.valeur.toLowerCase() === target.valeur.toLowerCase();
}

interface QuestionInterne extends QuestionPersonnalisation {
  readonly concerne: (atome: Atome) => boolean;
}

let questions: readonly QuestionInterne[] | null = null;

function questionsInternes(): readonly QuestionInterne[] {
  if (questions) return questions;
  questions = eci.questionsPersonnalisation.map((q) => {
    const type = q.type === 'identite' ? 'identite' : 'binaire';
    const concerne = matcher(q.id, type);
    const lignes = reglesCompilees()
      .filter((r) => r.atomes.some(concerne))
      .map((r) => r.node.id);
    return { id: q.id, formulation: q.formulation, description: q.description, type, lignes, concerne };
  });
  return questions;
}

/** Every question of eci.json: the 7 yes/no questions, then the 2 identity facts. */
export function questionsPersonnalisation(): readonly QuestionPersonnalisation[] {
  return questionsInternes().map(({ concerne: _ignored, ...q }) => q);
}

/** Only the yes/no questions a user answers (the identity ones come from the Accueil tab). */
export function questionsBinaires(): readonly QuestionPersonnalisation[] {
  return questionsPersonnalisation().filter((q) => q.type === 'binaire');
}

export interface LigneRepondere {
  readonly id: string;
  readonly pointsReferentiel: number;
  readonly pointsPersonnalises: number;
}

export interface EffetQuestion {
  readonly questionId: string;
  /** The answer (or, for an identity fact, whether the collectivité matches it); null if unknown. */
  readonly reponse: ReponseBinaire | null;
  /** Lines this answer makes non concerné (topmost only: a deactivated mesure hides its sous-mesures). */
  readonly nonConcernees: readonly string[];
  /** Lines whose weight this answer changes. */
  readonly reponderees: readonly LigneRepondere[];
  /** When there is no answer: what each answer would do. */
  readonly hypotheses: { readonly OUI: EffetHypothese; readonly NON: EffetHypothese } | null;
  /** French text for the "Effet" column. */
  readonly effet: string;
}

export interface EffetHypothese {
  readonly nonConcernees: readonly string[];
  readonly reponderees: readonly LigneRepondere[];
}

type Valeur3 = ReponseBinaire | null;

function reponseActuelle(q: QuestionInterne, ctx: PersonnalisationContext): Valeur3 {
  if (q.type === 'binaire') return ctx.reponses[q.id] ?? null;
  const target = parseExpression(q.id) as Extract<Expression, { kind: 'identite' }>;
  const known = target.champ.toLowerCase() === 'type' ? ctx.identite.type != null : ctx.identite.population != null;
  if (!known) return null;
  return environnement(ctx).identite(target.champ, target.valeur) ? 'OUI' : 'NON';
}

function envAvec(q: QuestionInterne, base: EnvironnementEvaluation, valeur: Valeur3): EnvironnementEvaluation {
  if (q.type === 'binaire') {
    return {
      reponse: (question, v) => (question === q.id ? valeur !== null && valeur === v.toUpperCase() : base.reponse(question, v)),
      identite: base.identite,
    };
  }
  return {
    reponse: base.reponse,
    identite: (champ, v) => (q.concerne({ kind: 'identite', champ, valeur: v }) ? valeur === 'OUI' : base.identite(champ, v)),
  };
}

function differ(a: Consequence, b: Consequence): boolean {
  return a.desactive !== b.desactive || Math.abs(a.facteur - b.facteur) > 1e-12;
}

/** Keeps the lines none of whose ancestors is also listed. */
function topmost(ids: readonly string[]): string[] {
  const set = new Set(ids);
  return ids.filter((id) => {
    for (let p = getNode(id).parentId; p !== null; p = getNode(p).parentId) if (set.has(p)) return false;
    return true;
  });
}

/**
 * Lines whose state under `sous` is active (non concerné, or reweighted) and differs from
 * their state under one of the `autres` answers: those are the lines this answer decides.
 */
function effetsDecisifs(
  q: QuestionInterne,
  sous: ReadonlyMap<string, Consequence>,
  autres: readonly ReadonlyMap<string, Consequence>[],
): EffetHypothese {
  const decisive = q.lignes.filter((id) => autres.some((other) => differ(sous.get(id)!, other.get(id)!)));
  const nonConcernees = topmost(decisive.filter((id) => sous.get(id)!.desactive));
  const reponderees = decisive
    .filter((id) => !sous.get(id)!.desactive && Math.abs(sous.get(id)!.facteur - 1) > 1e-12)
    .map((id) => {
      const points = getNode(id).points;
      return { id, pointsReferentiel: points, pointsPersonnalises: points * sous.get(id)!.facteur };
    });
  return { nonConcernees, reponderees };
}

function nommer(ids: readonly string[], sous: ReadonlyMap<string, Consequence>): LigneNommee[] {
  return ids.map((id) => {
    const node = getNode(id);
    // Points of a deactivated line only go to siblings that remain, with points of their own.
    const siblings = node.parentId === null ? [] : getNode(node.parentId).children.filter((c) => c !== id);
    const redistribue = siblings.some((c) => !sous.get(c)!.desactive && getNode(c).points > 0);
    return { identifiant: node.identifiant, level: node.level, points: node.points, redistribue };
  });
}

function texteEffet(effet: EffetHypothese, sous: ReadonlyMap<string, Consequence>): string | null {
  const parts: string[] = [];
  if (effet.nonConcernees.length) parts.push(msg.effetNonConcernees(nommer(effet.nonConcernees, sous)));
  if (effet.reponderees.length) {
    parts.push(
      msg.effetPonderation(
        effet.reponderees.map((r) => ({
          identifiant: getNode(r.id).identifiant,
          avant: r.pointsReferentiel,
          apres: r.pointsPersonnalises,
        })),
      ),
    );
  }
  return parts.length ? parts.join(' ') : null;
}

const ANOMALIES: Readonly<Record<string, () => string>> = {
  SPASER: msg.anomalieSpaser,
  'identite(type, syndicat)': msg.anomalie124,
};

function effetDe(q: QuestionInterne, ctx: PersonnalisationContext): EffetQuestion {
  const base = environnement(ctx);
  const reponse = reponseActuelle(q, ctx);
  const valeurs: readonly Valeur3[] = ['OUI', 'NON', null];
  const sous = new Map(valeurs.map((v) => [v, consequencesAvec(envAvec(q, base, v))]));
  // What answer v decides: the lines whose state under v differs from their state under another answer.
  const decide = (v: Valeur3) =>
    effetsDecisifs(
      q,
      sous.get(v)!,
      valeurs.filter((x) => x !== v).map((x) => sous.get(x)!),
    );
  const effet = decide(reponse);

  let hypotheses: EffetQuestion['hypotheses'] = null;
  const parts: string[] = [];
  const texteActuel = texteEffet(effet, sous.get(reponse)!);
  if (reponse === null) {
    hypotheses = { OUI: decide('OUI'), NON: decide('NON') };
    parts.push(
      msg.effetSansReponse(
        q.type === 'identite',
        texteActuel,
        texteEffet(hypotheses.OUI, sous.get('OUI')!),
        texteEffet(hypotheses.NON, sous.get('NON')!),
      ),
    );
  } else {
    parts.push(texteActuel ? msg.effetReponse(reponse, texteActuel) : msg.effetAucun(reponse));
  }
  const anomalie = ANOMALIES[q.id];
  if (anomalie) parts.push(anomalie());
  return {
    questionId: q.id,
    reponse,
    nonConcernees: effet.nonConcernees,
    reponderees: effet.reponderees,
    hypotheses,
    effet: parts.join(' '),
  };
}

/** One entry per question of eci.json, in its order, with the French "Effet" text. */
export function effetsPersonnalisation(ctx: PersonnalisationContext): readonly EffetQuestion[] {
  return questionsInternes().map((q) => effetDe(q, ctx));
}

export function effetQuestion(questionId: string, ctx: PersonnalisationContext): EffetQuestion {
  const q = questionsInternes().find((x) => x.id === questionId);
  if (!q) throw new Error(msg.questionInconnue(questionId));
  return effetDe(q, ctx);
}
