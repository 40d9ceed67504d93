/** Fixed lists of allowed values, in their canonical written form. */
import eci from '../referentiel/data/eci.json';

export const PILIERS: readonly string[] = eci.piliers;

export const TYPES_COLLECTIVITE = ['EPCI', 'Syndicat', 'Commune', 'Autre'] as const;
export const OUI_NON = ['Oui', 'Non'] as const;

export const COMPETENCES = [
  'Collecte des déchets',
  'Traitement des déchets',
  'Développement économique',
  'Aménagement et urbanisme',
  'Commande publique',
  'Eau et assainissement',
  'Agriculture et alimentation',
  'Tourisme',
] as const;

export const TYPES_EQUIPE = ['Élu·e', 'Technicien·ne'] as const;
export const ROLES_EQUIPE = [
  'Chef de projet',
  'Élu référent',
  'Membre équipe projet',
  'Référent service',
  'Direction',
] as const;

export const TYPES_PLAN = [
  'PLPDMA', 'PCAET', 'PAT', 'CODEC', 'TZDZG', 'TEPOS', 'CRTE',
  'Projet de territoire', 'Plan de mandat', 'SPASER', 'PLUi/SCoT', 'Autre',
] as const;
export const STATUTS_PLAN = ['En vigueur', 'En élaboration', 'En révision', 'En stand-by', 'Échu'] as const;
/** Circular-economy level of a plan (the Roannais colour code). */
export const NIVEAUX_EC = ['0 – Absent', '1 – Faible', '2 – Partiel', '3 – Fort'] as const;

export const TEMPORALITES = ['Réalisée', 'En cours', 'Programmée', 'Envisagée'] as const;

export const CATEGORIES_ACTEURS = [
  'Entreprise',
  'Association',
  'Chambre consulaire',
  'Fédération / cluster / club',
  'Commune / EPCI',
  'Institution',
  'Tiers de confiance / bureau d\'études',
  'Établissement public',
  'Citoyens / collectif',
] as const;

export const FILIERES = [
  'BTP',
  'Alimentation et biodéchets',
  'Textile',
  'Plastiques',
  'Bois et ameublement',
  'Équipements électriques et électroniques',
  'Papier-carton',
  'Métaux',
  'Verre',
  'Déchets verts',
  'Réemploi et réparation',
  'Industrie',
  'Agriculture',
  'Tourisme',
  'Numérique',
  'Multi-filières',
  'Autre',
] as const;

export const LOCALISATIONS = ['Sur le territoire', 'En périphérie', 'Hors territoire'] as const;
export const RELATIONS = ['Aucune', 'Ponctuelle', 'Régulière', 'Partenaire'] as const;
export const CHAINE_VALEUR = [
  'Extraction / production de matières',
  'Conception / production',
  'Distribution',
  'Consommation / usage',
  'Réemploi / réparation',
  'Collecte / tri',
  'Recyclage / valorisation',
  'Accompagnement / financement',
] as const;
export const ECHELLE_1_4 = ['1', '2', '3', '4'] as const;
export const PRIORITES_ACTEUR = ['À contacter d\'urgence', 'Lien à entretenir', 'Rester en veille'] as const;

export const TYPES_AFOM = ['Atout', 'Faiblesse', 'Opportunité', 'Menace'] as const;
export const AXES = ['1', '2', '3', '4', '5'] as const;
export const SOURCES_AFOM = ['Entretien', 'Diagnostic', 'Atelier', 'Étude'] as const;
export const IMPORTANCES = ['1', '2', '3'] as const;

/** Statuses as typed in the `Référentiel` tab (labels of eci.json `statuses`). */
export const STATUTS_REFERENTIEL = [
  'Non renseigné', 'Fait', 'Programmé', 'Pas fait', 'Détaillé au %', 'Non concerné',
] as const;
export const NIVEAUX_REFERENTIEL = ['Axe', 'Mesure', 'Sous-mesure', 'Tâche'] as const;

export const REPONSES_PERSONNALISATION = ['Oui', 'Non'] as const;

/** Lists of TeT's import template (`modele-import-pa.xlsx` › Listes déroulantes). */
export const STATUTS_FICHE = [
  'À venir', 'En cours', 'Réalisé', 'En pause', 'Abandonné', 'Bloqué', 'En retard', 'À discuter',
] as const;
export const PRIORITES_FICHE = ['Élevé', 'Moyen', 'Bas'] as const;
export const PARTICIPATION_CITOYENNE = [
  'Pas de participation citoyenne', 'Information', 'Consultation', 'Concertation', 'Co-construction',
] as const;

export const STATUTS_JALON = ['À faire', 'Fait'] as const;
export const STATUTS_FEUILLE_DE_ROUTE = ['À faire', 'En cours', 'Fait'] as const;

export const TYPES_INDICATEUR = ['Moyens', 'Résultat', 'Impact'] as const;
/** Direction in which an indicator improves (Indicateurs › Sens): asked, never guessed from the values. */
export const SENS_INDICATEUR = ['Hausse', 'Baisse'] as const;

export const TYPES_PREUVE = ['Réglementaire', 'Complémentaire', 'Labellisation', 'Rapport'] as const;
export const ETATS_PREUVE = ['Existante', 'À créer', 'En cours', 'Prête', 'Déposée'] as const;

export const TYPES_INSTANCE = [
  'COPIL', 'COTECH', 'Atelier', 'Réunion d\'équipe projet', 'Entretien bilatéral',
  'Webinaire', 'Conseil communautaire', 'Réunion d\'audit',
] as const;

export const PRIORITES_ACTION = ['Haute', 'Moyenne', 'Basse'] as const;

/** First and last year columns of `Indicateurs`. */
export const INDICATOR_FIRST_YEAR = 2019;
export const INDICATOR_LAST_YEAR = 2030;
export const INDICATOR_YEARS: readonly number[] = Array.from(
  { length: INDICATOR_LAST_YEAR - INDICATOR_FIRST_YEAR + 1 },
  (_, i) => INDICATOR_FIRST_YEAR + i,
);
