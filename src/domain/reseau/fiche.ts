/**
 * The fiche réseau: the small summary a territory shares with its regional
 * network (Région, ADEME, a network such as CIRIDD). It carries what the
 * coordinator needs to compare territories — identity, scores per axe and
 * per mesure, stars, completeness, the plan's actions, funders, preuves
 * readiness, feuille de route progress, audit dates, the last COPIL — and
 * nothing personal: no person's name (pilote, élu, responsable), no e-mail,
 * no free-text comment. Titles are the territory's own words, so e-mail
 * addresses and phone numbers typed in them are removed and reported.
 */
import type { FicheAction, WorkbookModel } from '../model/types';
import type { ScoreResult } from '../referentiel/score';
import { findNode, nodesAtLevel, ROOT_ID } from '../referentiel/tree';
import { estPrete, preuvesAttendues } from '../preuves/readiness';
import { normalizeKey } from '../table/normalize';
import { retirerDonneesPersonnelles } from './personal-data';

/** Marker written in the file: what tells a fiche réseau from any other workbook. */
export const FICHE_RESEAU_FORMAT = 'Cap Circulaire – fiche réseau';
export const FICHE_RESEAU_VERSION = 1;

/**
 * Where a mesure stands, from its points: what the network compares. `fait`
 * means every point of its potentiel is done; `enPartie` some of them.
 */
export type StatutMesure = 'fait' | 'enPartie' | 'programme' | 'pasFait' | 'nonRenseigne' | 'nonConcerne';
export const STATUTS_MESURE: readonly StatutMesure[] = ['fait', 'enPartie', 'programme', 'pasFait', 'nonRenseigne', 'nonConcerne'];

export interface ScoreReseau {
  /** Référentiel id: `eci_2` (axe), `eci_2.1` (mesure). */
  readonly id: string;
  /** `2`, `2.1`. */
  readonly identifiant: string;
  readonly titre: string;
  readonly potentiel: number;
  readonly fait: number;
  readonly programme: number;
  /** % of the potentiel (0–100). */
  readonly pctFait: number;
  readonly pctProgramme: number;
  readonly concerne: boolean;
}

export interface MesureReseau extends ScoreReseau {
  readonly statut: StatutMesure;
}

export interface ActionReseau {
  readonly numero: string;
  readonly titre: string;
  /** Axe number (1–5) from the fiche's Axe, else from its first mesure. */
  readonly axe: number | null;
  readonly filieres: readonly string[];
  readonly piliers: readonly string[];
  readonly mesures: readonly string[];
  /** € HT. */
  readonly budget: number | null;
  readonly statut: string | null;
  /** The pilote's service, never the person. */
  readonly service: string | null;
  readonly debut: Date | null;
  readonly fin: Date | null;
}

export interface FinancementReseau {
  readonly fiche: string;
  readonly financeur: string;
  /** € HT; null when the fiche names the funder without an amount. */
  readonly montant: number | null;
}

export interface IdentiteReseau {
  readonly nom: string;
  readonly type: string | null;
  readonly population: number | null;
  readonly siren: string | null;
}

export interface FicheReseau {
  readonly identite: IdentiteReseau;
  /** When the fiche was made (the territory's clock). */
  readonly date: Date;
  readonly etoiles: {
    readonly actuelle: number;
    readonly potentielle: number;
    readonly scoreRealise: number;
    readonly scorePrevisionnel: number;
    /** Next star and the points réalisés it still needs; null at 5 stars. */
    readonly prochaine: number | null;
    readonly pointsManquants: number | null;
    /** Star criteria (of the next star and below) not met yet: points alone do not give a star. */
    readonly criteresManquants: number;
    /** Entry lines of the référentiel still without a status (a star needs none). */
    readonly lignesNonRenseignees: number;
  };
  /** 0–1. */
  readonly completude: number;
  readonly axes: readonly ScoreReseau[];
  readonly mesures: readonly MesureReseau[];
  readonly actions: readonly ActionReseau[];
  readonly financements: readonly FinancementReseau[];
  readonly preuves: { readonly pretes: number; readonly attendues: number };
  readonly feuilleDeRoute: { readonly faites: number; readonly total: number };
  readonly audit: ReadonlyArray<{ readonly etape: string; readonly date: Date | null }>;
  readonly dernierCopil: Date | null;
}

/** What was removed from shared text because it looked personal. */
export interface Retrait {
  /** Where: « Actions du plan, fiche 3, Titre ». */
  readonly ou: string;
  readonly nature: 'adresse électronique' | 'numéro de téléphone';
}

export interface FicheConstruite {
  readonly fiche: FicheReseau;
  readonly retraits: readonly Retrait[];
}

const round = (n: number, d = 3) => Math.round(n * 10 ** d) / 10 ** d;

function scoreOf(result: ScoreResult, id: string): ScoreReseau {
  const node = findNode(id)!;
  const s = result.scores[id];
  return {
    id,
    identifiant: node.identifiant,
    titre: node.title,
    potentiel: round(s?.pointPotentiel ?? 0),
    fait: round(s?.pointFait ?? 0),
    programme: round(s?.pointProgramme ?? 0),
    pctFait: round(s?.pourcentageFait ?? 0, 1),
    pctProgramme: round(s?.pourcentageProgramme ?? 0, 1),
    concerne: s?.concerne ?? true,
  };
}

/** A mesure's standing from its points (see StatutMesure). */
export function statutMesure(s: Pick<ScoreReseau, 'potentiel' | 'fait' | 'programme' | 'concerne'> & { pasFait: number }): StatutMesure {
  if (!s.concerne || s.potentiel <= 0) return 'nonConcerne';
  const eps = 1e-6;
  if (s.fait >= s.potentiel - eps) return 'fait';
  if (s.fait > eps) return 'enPartie';
  if (s.programme > eps) return 'programme';
  if (s.pasFait > eps) return 'pasFait';
  return 'nonRenseigne';
}

/** Axe number of a fiche: « 2. Offre des acteurs » → 2; else the first mesure's axe. */
export function axeDeFiche(f: Pick<FicheAction, 'axe' | 'mesures'>): number | null {
  const m = /^\s*(?:axe\s*)?([1-5])\b/i.exec(f.axe ?? '');
  if (m) return Number(m[1]);
  for (const id of f.mesures) {
    const a = /^eci_([1-5])/.exec(id);
    if (a) return Number(a[1]);
  }
  return null;
}

function uniques(xs: Iterable<string | null | undefined>): string[] {
  const seen = new Map<string, string>();
  for (const x of xs) {
    const t = x?.trim();
    if (t && !seen.has(normalizeKey(t))) seen.set(normalizeKey(t), t);
  }
  return [...seen.values()];
}

/**
 * Builds the fiche of a workbook already read and scored. `date` is the
 * territory's "now": it dates the fiche and picks the last COPIL held.
 */
export function construireFicheReseau(model: WorkbookModel, scores: ScoreResult, date: Date): FicheConstruite {
  const retraits: Retrait[] = [];
  const propre = (text: string, ou: string): string => {
    const r = retirerDonneesPersonnelles(text);
    for (const nature of r.retraits) retraits.push({ ou, nature });
    return r.texte;
  };

  const e = scores.etoiles;
  const axes = nodesAtLevel('axe').map((n) => scoreOf(scores, n.id));
  const mesures = nodesAtLevel('mesure').map((n) => {
    const s = scoreOf(scores, n.id);
    return { ...s, statut: statutMesure({ ...s, pasFait: scores.scores[n.id]?.pointPasFait ?? 0 }) };
  });

  const actionsByRef = new Map(model.actions.filter((a) => a.ref).map((a) => [normalizeKey(a.ref!), a]));
  const actions: ActionReseau[] = [];
  const financements: FinancementReseau[] = [];
  for (const f of model.planActions) {
    const ou = (champ: string) => `Actions du plan, fiche ${f.numero}, ${champ}`;
    const liees = f.actionsLiees.map((r) => actionsByRef.get(normalizeKey(r))).filter((a) => a !== undefined);
    const financeurs = f.financeurs.filter((x) => x.nom.trim() !== '');
    const somme = financeurs.reduce((t, x) => t + (x.montant ?? 0), 0);
    actions.push({
      numero: f.numero,
      titre: propre(f.titre, ou('Titre')),
      axe: axeDeFiche(f),
      filieres: uniques(liees.map((a) => a.filiere)),
      piliers: uniques([...f.piliers, ...liees.map((a) => a.pilier)]),
      mesures: uniques(f.mesures),
      budget: f.budgetTotal ?? (somme > 0 ? somme : null),
      statut: f.statut,
      service: f.servicePilote ? propre(f.servicePilote, ou('Service pilote')) : null,
      debut: f.debut,
      fin: f.fin,
    });
    for (const x of financeurs) financements.push({ fiche: f.numero, financeur: propre(x.nom, ou('Financeur')), montant: x.montant });
  }

  const concerne = (id: string) => scores.scores[id]?.concerne ?? true;
  const attendues = preuvesAttendues(model.preuves, concerne);
  const copils = model.instances
    .filter((i) => i.type === 'COPIL' && i.date && i.date.getTime() <= date.getTime())
    .map((i) => i.date!.getTime());

  return {
    retraits,
    fiche: {
      identite: {
        nom: model.identite.nom ?? '',
        type: model.identite.type,
        population: model.identite.population,
        siren: model.identite.siren,
      },
      date,
      etoiles: {
        actuelle: e.actuelle,
        potentielle: e.potentielle,
        scoreRealise: round(e.scoreRealise, 1),
        scorePrevisionnel: round(e.scorePrevisionnel, 1),
        prochaine: e.prochaine?.etoile ?? null,
        pointsManquants: e.prochaine ? round(e.prochaine.pointsManquants, 1) : null,
        criteresManquants: e.prochaine?.criteresManquants.length ?? 0,
        lignesNonRenseignees: e.prochaine?.lignesNonRenseignees ?? scores.completudeDetail.lignesTotal - scores.completudeDetail.lignesRenseignees,
      },
      completude: round(scores.completude, 3),
      axes,
      mesures,
      actions,
      financements,
      preuves: { pretes: attendues.filter(estPrete).length, attendues: attendues.length },
      feuilleDeRoute: { faites: model.feuilleDeRoute.filter((p) => p.statut === 'Fait').length, total: model.feuilleDeRoute.length },
      audit: model.calendrierAudit.map((c) => ({ etape: c.etape, date: c.date })),
      dernierCopil: copils.length ? new Date(Math.max(...copils)) : null,
    },
  };
}

/** The root's id, for callers that want the overall line of a ScoreResult. */
export const RACINE = ROOT_ID;
