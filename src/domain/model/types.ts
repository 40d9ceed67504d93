/**
 * The workbook read into typed records: what steering computations, scores
 * and documents work from. Every record keeps its 1-based `rowNumber` so a
 * finding can point at the row.
 */
import type * as L from '../schema/lists';
import type { Anomaly } from '../anomaly';
import type { ParsedTable } from '../parse/rows';
import type { Seuils } from '../parametres/read-seuils';

type Of<T extends readonly string[]> = T[number];

export interface Identite {
  readonly nom: string | null;
  readonly type: Of<typeof L.TYPES_COLLECTIVITE> | null;
  readonly population: number | null;
  readonly competences: readonly string[];
  /** 9 digits, spaces removed; null when absent. */
  readonly siren: string | null;
}

export interface PratiqueRow {
  readonly rowNumber: number;
  readonly etape: string;
  readonly pratique: string;
  readonly statut: Of<typeof L.STATUTS_FEUILLE_DE_ROUTE> | null;
  readonly detecte: string | null;
  readonly date: Date | null;
  readonly commentaire: string | null;
}

export interface ServiceEntry {
  readonly rowNumber: number;
  readonly service: string;
  readonly onglet: string | null;
  readonly code: string | null;
  readonly editeurs: readonly string[];
  readonly referent: string | null;
  readonly dernierNumero: number | null;
}

export interface MembreEquipe {
  readonly rowNumber: number;
  readonly nom: string;
  readonly fonction: string | null;
  readonly type: Of<typeof L.TYPES_EQUIPE> | null;
  readonly service: string | null;
  readonly role: Of<typeof L.ROLES_EQUIPE> | null;
  readonly lettreMission: boolean | null;
  readonly email: string | null;
  readonly depuis: Date | null;
}

/** Niveau EC as its number: 0 Absent (grey) … 3 Fort (green). */
export type NiveauEc = 0 | 1 | 2 | 3;

export interface Plan {
  readonly rowNumber: number;
  readonly type: Of<typeof L.TYPES_PLAN> | null;
  readonly intitule: string;
  readonly statut: Of<typeof L.STATUTS_PLAN> | null;
  readonly debut: Date | null;
  readonly fin: Date | null;
  readonly servicePorteur: string | null;
  readonly eluReferent: string | null;
  readonly niveauEc: NiveauEc | null;
}

/** One row of the consolidated `Actions` tab. */
export interface ActionRow {
  readonly rowNumber: number;
  readonly service: string | null;
  readonly ref: string | null;
  readonly intitule: string;
  readonly description: string | null;
  readonly pilier: string | null;
  readonly mesure: string | null;
  readonly plans: readonly string[];
  readonly filiere: string | null;
  readonly temporalite: Of<typeof L.TEMPORALITES> | null;
  readonly debut: Date | null;
  readonly fin: Date | null;
  readonly pilote: string | null;
  readonly partenaires: string | null;
  readonly budget: number | null;
  readonly sourceBudget: string | null;
  readonly indicateur: string | null;
  readonly commentaire: string | null;
  readonly origine: string | null;
  readonly anomalies: string | null;
  readonly actionPhare: boolean;
  readonly retenueAuPlan: boolean;
  readonly repondA: readonly string[];
  readonly priorite: Of<typeof L.PRIORITES_ACTION> | null;
  readonly note: string | null;
}

export interface Acteur {
  readonly rowNumber: number;
  readonly nom: string;
  readonly categorie: string | null;
  readonly filiere: string | null;
  readonly localisation: Of<typeof L.LOCALISATIONS> | null;
  readonly relation: Of<typeof L.RELATIONS> | null;
  readonly chaineValeur: string | null;
  readonly impact: number | null;
  readonly facilite: number | null;
  readonly serviceReferent: string | null;
  readonly contact: string | null;
}

export type TypeAfom = Of<typeof L.TYPES_AFOM>;

export interface AfomItem {
  readonly rowNumber: number;
  readonly id: string;
  readonly type: TypeAfom | null;
  readonly enonce: string;
  readonly axe: number | null;
  readonly source: string | null;
  readonly importance: number | null;
}

export interface ReferentielRow {
  readonly rowNumber: number;
  readonly identifiant: string;
  readonly statut: Of<typeof L.STATUTS_REFERENTIEL> | null;
  readonly faitPct: number | null;
  readonly programmePct: number | null;
  readonly pasFaitPct: number | null;
  readonly pilote: string | null;
  readonly services: string | null;
  readonly explication: string | null;
}

export interface ReponsePersonnalisation {
  readonly rowNumber: number;
  readonly identifiant: string;
  readonly reponse: boolean | null;
}

export interface FicheAction {
  readonly rowNumber: number;
  readonly numero: string;
  readonly axe: string | null;
  readonly sousAxe: string | null;
  readonly titre: string;
  readonly descriptif: string | null;
  readonly objectifs: string | null;
  readonly indicateurs: string | null;
  readonly structurePilote: string | null;
  readonly servicePilote: string | null;
  readonly personnePilote: string | null;
  readonly eluReferent: string | null;
  readonly partenaires: string | null;
  readonly financeurs: ReadonlyArray<{ readonly nom: string; readonly montant: number | null }>;
  readonly budgetTotal: number | null;
  readonly statut: Of<typeof L.STATUTS_FICHE> | null;
  readonly priorite: Of<typeof L.PRIORITES_FICHE> | null;
  readonly debut: Date | null;
  readonly fin: Date | null;
  readonly ameliorationContinue: boolean | null;
  readonly mesures: readonly string[];
  readonly actionsLiees: readonly string[];
  readonly afom: readonly string[];
  readonly piliers: readonly string[];
  readonly participation: string | null;
  readonly notes: string | null;
}

export interface Jalon {
  readonly rowNumber: number;
  readonly fiche: string;
  readonly jalon: string;
  readonly echeance: Date | null;
  readonly responsable: string | null;
  readonly statut: Of<typeof L.STATUTS_JALON> | null;
  readonly commentaire: string | null;
}

export interface Indicateur {
  readonly rowNumber: number;
  readonly identifiant: string;
  readonly intitule: string;
  readonly unite: string | null;
  readonly type: Of<typeof L.TYPES_INDICATEUR> | null;
  readonly objectif: number | null;
  /** Direction of improvement (column Sens), null when not filled: never guessed. Optional for records built by hand. */
  readonly sens?: Of<typeof L.SENS_INDICATEUR> | null;
  readonly anneeCible: number | null;
  readonly source: string | null;
  readonly service: string | null;
  /** Values by year, only years with a value. */
  readonly valeurs: ReadonlyArray<{ readonly annee: number; readonly valeur: number }>;
}

export interface Preuve {
  readonly rowNumber: number;
  readonly identifiant: string | null;
  readonly mesures: readonly string[];
  readonly preuve: string;
  readonly type: Of<typeof L.TYPES_PREUVE> | null;
  readonly etat: Of<typeof L.ETATS_PREUVE> | null;
  readonly responsable: string | null;
  readonly service: string | null;
  readonly echeance: Date | null;
  readonly lien: string | null;
  readonly page: string | null;
  readonly commentaire: string | null;
}

export interface Instance {
  readonly rowNumber: number;
  readonly numero: number;
  readonly date: Date | null;
  readonly type: Of<typeof L.TYPES_INSTANCE> | null;
  readonly intitule: string;
  readonly public: string | null;
  readonly participants: number | null;
  readonly eluPresent: boolean | null;
  /** Who attended (column Participants): names and roles, one per line or `;`-separated. Optional so that instances built by hand (tests, older callers) stay valid. */
  readonly listeParticipants?: string | null;
  readonly directionPresente: boolean | null;
  readonly pointsCles: string | null;
  readonly decisions: string | null;
  readonly lienCompteRendu: string | null;
}

export interface Engagement {
  readonly rowNumber: number;
  readonly instance: number | null;
  readonly qui: string;
  readonly quoi: string;
  readonly echeance: Date | null;
  readonly statut: Of<typeof L.STATUTS_JALON> | null;
}

export interface EtapeCalendrier {
  readonly rowNumber: number;
  readonly etape: string;
  readonly date: Date | null;
  readonly eluPresent: boolean | null;
  readonly directionPresente: boolean | null;
  readonly commentaire: string | null;
}

export interface WorkbookModel {
  readonly identite: Identite;
  readonly feuilleDeRoute: readonly PratiqueRow[];
  readonly services: readonly ServiceEntry[];
  readonly filieres: readonly string[];
  readonly categoriesActeurs: readonly string[];
  readonly seuils: Seuils;
  readonly equipe: readonly MembreEquipe[];
  readonly plans: readonly Plan[];
  readonly actions: readonly ActionRow[];
  readonly acteurs: readonly Acteur[];
  readonly afom: readonly AfomItem[];
  readonly referentiel: readonly ReferentielRow[];
  readonly personnalisation: readonly ReponsePersonnalisation[];
  readonly planActions: readonly FicheAction[];
  readonly jalons: readonly Jalon[];
  readonly indicateurs: readonly Indicateur[];
  readonly preuves: readonly Preuve[];
  readonly instances: readonly Instance[];
  readonly engagements: readonly Engagement[];
  readonly calendrierAudit: readonly EtapeCalendrier[];
  /** Names of the `Service – …` tabs, in workbook order. */
  readonly serviceTabs: readonly string[];
}

export interface ModelRead {
  readonly model: WorkbookModel;
  /** Anomalies found while reading (by tab); consolidation adds its own. */
  readonly anomalies: readonly Anomaly[];
  /** The parsed tables, for features that need raw cells (consolidation keeps everything typed). */
  readonly tables: ReadonlyMap<string, ParsedTable>;
}
