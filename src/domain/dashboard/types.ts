/**
 * `DashboardData`: the one plain-JSON object behind the `Tableau de bord` tab,
 * the sidebar and the COPIL deck, built by `buildDashboard(model, scores, today)`
 * (`./build.ts`).
 *
 * Contract for consumers:
 * - plain JSON (it crosses `google.script.run`): no Date, no Map, no undefined,
 *   no NaN. Dates are ISO strings `YYYY-MM-DD` (calendar days) with a French
 *   label beside them (`…Libelle`, `15/03/2025`); the computation time is a
 *   full ISO timestamp.
 * - numbers are numbers: points rounded to 0.1, percentages in % (0–100, one
 *   decimal), ratios in 0–1 (3 decimals), euros rounded to the euro.
 * - every list carries its French label (`libelle`) ready to show.
 * - anomalies are NOT here (the sidebar gets them from *Vérifier*).
 */

/** Score colour band (share réalisé of the potentiel): < 35 % rouge, < 65 % orange, else vert. */
export type BandeScore = 'rouge' | 'orange' | 'vert';

export interface Couleur {
  /** Background, `#RRGGBB`. */
  readonly fond: string;
  /** Text colour on that background, `#RRGGBB`. */
  readonly texte: string;
}

export interface CouleurBande extends Couleur {
  readonly bande: BandeScore;
}

export interface ScoreAxe {
  /** `eci_1` … `eci_5`, or `eci` for the total. */
  readonly id: string;
  /** `1` … `5` (empty for the total). */
  readonly numero: string;
  readonly titre: string;
  /** Points (potentiel after personalisation), rounded to 0.1. */
  readonly potentiel: number;
  readonly fait: number;
  readonly programme: number;
  /** % réalisé of the potentiel (0–100). */
  readonly pourcentageRealise: number;
  /** % programmé of the potentiel (0–100). */
  readonly pourcentageProgramme: number;
  readonly couleur: CouleurBande;
}

export interface CritereEtoileData {
  readonly etoile: number;
  /** Mesure or sous-mesure id (`eci_1.1`). */
  readonly mesure: string;
  readonly formulation: string;
  readonly atteint: boolean;
}

export interface ProchaineEtoileData {
  readonly etoile: number;
  /** Threshold of score réalisé, in %. */
  readonly seuil: number;
  /** Margin the lead aims at above it (Paramètres, 3 points by default). */
  readonly marge: number;
  readonly seuilAvecMarge: number;
  /** Points réalisés still missing to reach the threshold (0 when reached). */
  readonly pointsManquants: number;
  readonly pointsManquantsAvecMarge: number;
  /** seuilAvecMarge − score réalisé, in points of % (0 when reached). */
  readonly ecartPourcentage: number;
  /** Criteria of this star (and lower ones) not met, as sentences. */
  readonly criteresManquants: readonly string[];
  /** French sentence: « Il manque 3,2 points de % (marge de 3 points comprise) pour viser 2 étoiles. » */
  readonly libelle: string;
}

export interface EtoilesData {
  /** 0 when even the first star is not reached. */
  readonly actuelle: number;
  /** Star within reach if every programmed action is done. */
  readonly atteignable: number;
  /** `1 étoile`, `Aucune étoile`… */
  readonly libelleActuelle: string;
  readonly libelleAtteignable: string;
  /** Score réalisé of the référentiel, in %. */
  readonly scoreRealise: number;
  /** Réalisé + programmé, in %. */
  readonly scorePrevisionnel: number;
  /** null at 5 stars. */
  readonly prochaine: ProchaineEtoileData | null;
  readonly criteresPremiereEtoile: readonly CritereEtoileData[];
}

export interface CompletudeData {
  /** 0–1 (the label requires 1). */
  readonly ratio: number;
  readonly lignesRenseignees: number;
  readonly lignesTotal: number;
  /** `87,5 % (140 / 160 lignes)` */
  readonly libelle: string;
}

/** One bar of a breakdown. */
export interface Compte {
  /** Stable key (the list value, or `(non renseigné)`). */
  readonly cle: string;
  readonly libelle: string;
  readonly nombre: number;
  /** Euros (0 when irrelevant or unknown). */
  readonly budget: number;
  /** Colour of the value when the list has one (priority, état…), else null. */
  readonly couleur: Couleur | null;
}

export interface ActionsData {
  /** Rows of `Actions`. */
  readonly total: number;
  readonly retenues: number;
  readonly phares: number;
  readonly budgetTotal: number;
  readonly parPilier: readonly Compte[];
  readonly parService: readonly Compte[];
  readonly parTemporalite: readonly Compte[];
}

export interface BudgetPlan {
  readonly plan: string;
  readonly type: string | null;
  readonly statut: string | null;
  /** 0–3, null when not filled. */
  readonly niveauEc: number | null;
  /** `2 – Partiel`, or `Non renseigné`. */
  readonly niveauEcLibelle: string;
  readonly couleur: Couleur;
  readonly nbActions: number;
  readonly budget: number;
  /** A plan cited by actions but absent from `Plans`. */
  readonly absentDePlans: boolean;
}

export interface BudgetsData {
  readonly parPlan: readonly BudgetPlan[];
  /** Plan d'actions: prévisionnel by year (spread over début–fin, see plan-actions/budgets.ts). */
  readonly parAnnee: ReadonlyArray<{ readonly annee: number; readonly budget: number }>;
  /** Budget of fiches without dates (not in parAnnee). */
  readonly budgetNonDate: number;
  readonly parFinanceur: ReadonlyArray<{ readonly financeur: string; readonly montant: number }>;
  /** Sum of the fiches' Budget prévisionnel total. */
  readonly totalPlanActions: number;
}

export interface PointActeur {
  readonly nom: string;
  readonly ligne: number;
  readonly impact: number;
  readonly facilite: number;
  /** impact × facilité (1–16). */
  readonly potentiel: number;
  readonly priorite: string;
  readonly categorie: string | null;
  readonly relation: string | null;
}

export interface ActeursData {
  readonly total: number;
  readonly parPriorite: readonly Compte[];
  /** Acteurs with both impact and facilité, for the impact × facilité matrix. */
  readonly matrice: readonly PointActeur[];
  /** Names of the acteurs `À contacter d'urgence`, highest potentiel first. */
  readonly aContacterDUrgence: readonly string[];
}

export interface PreuvesData {
  /** Rows of `Preuves` (attendues). */
  readonly attendues: number;
  /** État Prête or Déposée. */
  readonly pretes: number;
  /** pretes / attendues, 0–1 (0 when nothing expected). */
  readonly ratio: number;
  readonly libelle: string;
  readonly parEtat: readonly Compte[];
}

export interface Echeance {
  readonly source: 'jalon' | 'engagement';
  /** Tab and 1-based row, for a link to the cell. */
  readonly onglet: string;
  readonly ligne: number;
  /** What is due (jalon or quoi). */
  readonly libelle: string;
  /** Fiche N° (jalons) or instance N° (engagements) as text, or null. */
  readonly reference: string | null;
  /** Responsable / Qui. */
  readonly qui: string | null;
  /** `YYYY-MM-DD`. */
  readonly echeance: string;
  /** `15/03/2025`. */
  readonly echeanceLibelle: string;
  /** Days late (> 0) for overdue items, days left (≥ 0) for upcoming ones. */
  readonly jours: number;
}

export interface EcheancesData {
  readonly enRetard: readonly Echeance[];
  readonly aVenir: readonly Echeance[];
  /** Horizon of « à venir », in months (Paramètres). */
  readonly horizonMois: number;
}

export interface EtapeFeuilleDeRoute {
  /** Step title as in the guide (`1 Mise en place des personnes moteurs…`). */
  readonly etape: string;
  readonly total: number;
  readonly fait: number;
  readonly enCours: number;
  readonly aFaire: number;
  /** fait / total, 0–1. */
  readonly ratio: number;
}

export interface FeuilleDeRouteData {
  readonly parEtape: readonly EtapeFeuilleDeRoute[];
  readonly total: number;
  readonly fait: number;
  readonly ratio: number;
}

export type EtatAudit = 'Prêt' | 'À surveiller' | 'À faire';

export interface LigneChecklist {
  readonly id: string;
  readonly libelle: string;
  readonly etat: EtatAudit;
  readonly detail: string;
  readonly couleur: Couleur;
}

export interface LigneCalendrier {
  readonly id: string;
  readonly libelle: string;
  /** `YYYY-MM-DD` or null. */
  readonly date: string | null;
  readonly dateLibelle: string;
  readonly alertes: readonly string[];
}

export interface AuditData {
  readonly checklist: readonly LigneChecklist[];
  readonly calendrier: readonly LigneCalendrier[];
  /** Number of checklist lines `Prêt`. */
  readonly prets: number;
}

export interface FichePhare {
  readonly numero: string;
  readonly titre: string;
  readonly axe: string | null;
  readonly pilote: string | null;
  readonly statut: string | null;
  /** Date de fin `YYYY-MM-DD` or null, with its label. */
  readonly echeance: string | null;
  readonly echeanceLibelle: string;
  readonly budget: number;
  readonly ligne: number;
}

export interface IndicateurSuivi {
  readonly identifiant: string;
  readonly intitule: string;
  readonly unite: string | null;
  readonly ligne: number;
  readonly derniereAnnee: number | null;
  readonly derniereValeur: number | null;
  readonly objectif: number | null;
  /** 0–1 progress from the first value towards the objective, null when not computable. */
  readonly progression: number | null;
  /** `En hausse` / `En baisse` / `Stable`, null with fewer than 2 values. */
  readonly tendance: 'En hausse' | 'En baisse' | 'Stable' | null;
}

export interface DashboardData {
  /** Bumped on breaking changes of this shape. */
  readonly version: 1;
  readonly collectivite: {
    readonly nom: string;
    readonly type: string | null;
    readonly population: number | null;
  };
  /** Full ISO timestamp of the computation. */
  readonly calculeLe: string;
  /** `15/03/2025`. */
  readonly calculeLeLibelle: string;
  readonly scores: {
    readonly axes: readonly ScoreAxe[];
    readonly total: ScoreAxe;
  };
  readonly etoiles: EtoilesData;
  readonly completude: CompletudeData;
  readonly actions: ActionsData;
  readonly budgets: BudgetsData;
  readonly acteurs: ActeursData;
  readonly preuves: PreuvesData;
  readonly echeances: EcheancesData;
  readonly feuilleDeRoute: FeuilleDeRouteData;
  readonly audit: AuditData;
  /** The fiches of `Plan d'actions` (flagship ones), in N° order. */
  readonly fiches: readonly FichePhare[];
  /** Indicators with at least one value. */
  readonly indicateurs: readonly IndicateurSuivi[];
}
