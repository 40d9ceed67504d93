/**
 * Every tab of the workbook (PRODUCT.md › The workbook: tabs and columns).
 * Tab names, headers and list values are a contract with users' files.
 */
import type { ColumnSpec, ColumnType, ListSource, TabSpec, TableSectionSpec } from './types';
import { COLOURS, SCORE_BANDS, ETAT_PREUVE_COLOURS, FEUILLE_DE_ROUTE_COLOURS, NIVEAU_EC_COLOURS, PRIORITE_ACTEUR_COLOURS, STATUT_JALON_COLOURS, STATUT_REFERENTIEL_COLOURS } from './colours';
import * as L from './lists';

type ColOpts = Omit<ColumnSpec, 'key' | 'header' | 'type'>;
function col(key: string, header: string, type: ColumnType, opts: ColOpts = {}): ColumnSpec {
  return { key, header, type, role: 'input', ...opts };
}
function fixed(values: readonly string[]): ListSource {
  return { kind: 'fixed', values };
}
const computed = (key: string, header: string, type: ColumnType, opts: ColOpts = {}): ColumnSpec =>
  col(key, header, type, { role: 'computed', ...opts });

export const TAB = {
  accueil: 'Accueil',
  parametres: 'Paramètres',
  equipe: 'Équipe',
  plans: 'Plans',
  actions: 'Actions',
  acteurs: 'Acteurs',
  afom: 'AFOM',
  referentiel: 'Référentiel',
  personnalisation: 'Personnalisation',
  planActions: "Plan d'actions",
  jalons: 'Jalons',
  indicateurs: 'Indicateurs',
  preuves: 'Preuves',
  instances: 'Instances',
  engagements: 'Engagements',
  audit: 'Audit',
  historique: 'Historique',
  tableauDeBord: 'Tableau de bord',
  journal: 'Journal',
} as const;

/** Every tab whose name starts with this is a service tab (en dash, as PRODUCT.md writes it). */
export const SERVICE_TAB_PREFIX = 'Service – ';
/** Excel's limit on a sheet name. */
export const MAX_TAB_NAME_LENGTH = 31;

/** Columns of a service tab, in their default order. */
export const SERVICE_COLUMNS: readonly ColumnSpec[] = [
  col('ref', 'Réf.', 'text', { role: 'assigned', width: 80, help: 'Identifiant stable attribué par Cap Circulaire lors de la consolidation. Ne pas modifier.' }),
  col('intitule', "Intitulé de l'action", 'text', { required: true, width: 260, help: "Nom court de l'action (obligatoire)." }),
  col('description', 'Description', 'longtext', { width: 320 }),
  col('pilier', 'Pilier EC', 'list', { list: fixed(L.PILIERS), width: 190, help: "Un des 7 piliers de l'économie circulaire de l'ADEME." }),
  col('mesure', 'Mesure du référentiel', 'list', {
    list: { kind: 'column', tab: TAB.referentiel, section: 'referentiel', column: 'identifiant' },
    width: 130,
    help: 'Identifiant de la mesure ou sous-mesure du référentiel ECi, par exemple eci_2.1.1.',
  }),
  col('plans', 'Plans de rattachement', 'multilist', {
    list: { kind: 'column', tab: TAB.plans, section: 'plans', column: 'intitule' },
    width: 180,
    help: "Un ou plusieurs plans de l'onglet Plans (type ou intitulé), séparés par des virgules : PLPDMA, CODEC.",
  }),
  col('filiere', 'Filière', 'list', { list: { kind: 'column', tab: TAB.parametres, section: 'filieres', column: 'filiere' }, width: 160 }),
  col('temporalite', 'Temporalité', 'list', { list: fixed(L.TEMPORALITES), width: 110 }),
  col('debut', 'Date de début', 'date', { width: 100, help: 'Date au format JJ/MM/AAAA.' }),
  col('fin', 'Date de fin', 'date', { width: 100, help: 'Date au format JJ/MM/AAAA.' }),
  col('pilote', 'Pilote', 'text', { width: 150 }),
  col('partenaires', 'Partenaires', 'text', { width: 180 }),
  col('budget', 'Budget (€ HT)', 'money', { width: 110, min: 0, help: 'Montant en euros hors taxes, par exemple 12 500.' }),
  col('sourceBudget', 'Source du budget', 'text', { width: 150 }),
  col('indicateur', 'Indicateur de suivi', 'text', { width: 180 }),
  col('commentaire', 'Commentaire', 'longtext', { width: 220 }),
];

/** The project lead's columns in `Actions`, kept by Réf. across consolidations. */
export const LEAD_COLUMNS: readonly ColumnSpec[] = [
  col('actionPhare', 'Action phare', 'ouiNon', { role: 'lead', list: fixed(L.OUI_NON), width: 90 }),
  col('retenueAuPlan', 'Retenue au plan', 'ouiNon', { role: 'lead', list: fixed(L.OUI_NON), width: 90 }),
  col('repondA', 'Répond à', 'multilist', {
    role: 'lead',
    list: { kind: 'column', tab: TAB.afom, section: 'afom', column: 'id' },
    width: 110,
    help: "Identifiants AFOM auxquels l'action répond, séparés par des virgules : F1, O2.",
  }),
  col('priorite', 'Priorité', 'list', { role: 'lead', list: fixed(L.PRIORITES_ACTION), width: 90 }),
  col('note', 'Note', 'longtext', { role: 'lead', width: 220 }),
];

export const ACTIONS_COLUMNS: readonly ColumnSpec[] = [
  computed('service', 'Service', 'text', { width: 150 }),
  ...SERVICE_COLUMNS.map((c) => ({ ...c, role: 'computed' as const, required: false })),
  computed('origine', 'Origine', 'text', { width: 170, help: "Onglet et ligne d'origine de l'action." }),
  computed('anomalies', 'Anomalies', 'longtext', { width: 260 }),
  ...LEAD_COLUMNS,
];

function table(id: string, columns: readonly ColumnSpec[], extra: Partial<TableSectionSpec> = {}): TableSectionSpec {
  return { kind: 'table', id, columns, extent: 'toEnd', ...extra };
}

/** Statuses are entered on sous-mesures and tâches only. */
const STATUS_ROWS = { column: 'niveau', values: ['Sous-mesure', 'Tâche'] } as const;

const yearColumns: readonly ColumnSpec[] = L.INDICATOR_YEARS.map((y) =>
  col(`annee${y}`, String(y), 'number', { width: 70 }),
);

export const TABS: readonly TabSpec[] = [
  {
    name: TAB.accueil,
    purpose: "Identité de la collectivité et feuille de route : les pratiques du guide par étape (ch. 1 à 7).",
    colour: COLOURS.brand,
    layout: 'stacked',
    intro: [
      'Cap Circulaire : la stratégie d’économie circulaire de la collectivité, selon le référentiel ECi de l’ADEME',
      '1. Renseignez l’identité ci-dessous, l’équipe projet (onglet Équipe) et les réponses de l’onglet Personnalisation.',
      '2. Ajoutez un onglet par service (menu Cap Circulaire › Ajouter un service…) : chaque service y inscrit ses actions.',
      '3. Menu Vérifier les saisies, puis Consolider les services : l’onglet Actions rassemble tout, sans rien perdre.',
      '4. Renseignez le statut de chaque ligne de l’onglet Référentiel, puis Calculer les scores.',
      '5. Tableau de bord et Générer › Présentation COPIL pour le comité de pilotage ; la feuille de route ci-dessous se coche au fil du projet.',
    ],
    sections: [
      {
        kind: 'keyValue',
        id: 'identite',
        title: 'Identité de la collectivité',
        fields: [
          col('nom', 'Nom de la collectivité', 'text', { required: true }),
          col('type', 'Type', 'list', { list: fixed(L.TYPES_COLLECTIVITE) }),
          col('population', 'Population', 'integer', { min: 0 }),
          col('competences', 'Compétences', 'multilist', { list: fixed(L.COMPETENCES) }),
          col('siren', 'SIREN', 'text', { help: 'Numéro SIREN de la collectivité (9 chiffres) : identifie le territoire dans les consolidations régionales.' }),
        ],
      },
      table('feuilleDeRoute', [
        computed('etape', 'Étape', 'text', { width: 220 }),
        computed('pratique', 'Pratique', 'longtext', { width: 420 }),
        col('statut', 'Statut', 'list', { list: fixed(L.STATUTS_FEUILLE_DE_ROUTE), width: 90, colours: FEUILLE_DE_ROUTE_COLOURS }),
        computed('detecte', 'Détecté automatiquement', 'longtext', { width: 300 }),
        col('date', 'Date', 'date', { width: 100 }),
        col('commentaire', 'Commentaire', 'longtext', { width: 240 }),
      ], { title: 'Feuille de route', extent: 'toBlank', prefill: 'feuilleDeRoute' }),
    ],
  },
  {
    name: TAB.parametres,
    purpose: 'Listes et registre des services.',
    colour: COLOURS.computedHeader,
    layout: 'sideBySide',
    sections: [
      table('services', [
        col('service', 'Service', 'text', { required: true, width: 200 }),
        col('onglet', 'Onglet', 'text', { width: 200 }),
        col('code', 'Code', 'text', { width: 60, help: 'Préfixe des Réf. des actions du service (3 à 4 lettres).' }),
        col('editeurs', 'Éditeurs (emails)', 'emails', { width: 240 }),
        col('referent', 'Référent', 'text', { width: 150 }),
        computed('dernierNumero', 'Dernier n° de Réf.', 'integer', { width: 90, help: 'Dernier numéro attribué : un numéro n\'est jamais réutilisé.' }),
      ]),
      table('filieres', [col('filiere', 'Filière', 'text', { width: 200 })], { prefill: 'filieres' }),
      table('categories', [col('categorie', "Catégorie d'acteurs", 'text', { width: 230 })], { prefill: 'categoriesActeurs' }),
      table('seuils', [
        col('parametre', 'Paramètre', 'text', { width: 300 }),
        col('valeur', 'Valeur', 'text', { width: 120 }),
        computed('explication', 'Explication', 'longtext', { width: 360 }),
      ], { prefill: 'seuils' }),
    ],
  },
  {
    name: TAB.equipe,
    purpose: 'Équipe projet et gouvernance (ch. 1).',
    colour: COLOURS.brand,
    layout: 'single',
    sections: [table('equipe', [
      col('nom', 'Nom', 'text', { required: true, width: 170 }),
      col('fonction', 'Fonction', 'text', { width: 200 }),
      col('type', 'Type', 'list', { list: fixed(L.TYPES_EQUIPE), width: 110 }),
      col('service', 'Service ou délégation', 'text', { width: 200 }),
      col('role', 'Rôle', 'list', { list: fixed(L.ROLES_EQUIPE), width: 170 }),
      col('lettreMission', 'EC dans la lettre de mission', 'ouiNon', { list: fixed(L.OUI_NON), width: 110 }),
      col('email', 'Email', 'email', { width: 220 }),
      col('depuis', 'Depuis', 'date', { width: 100 }),
    ])],
  },
  {
    name: TAB.plans,
    purpose: "Plans et programmes portant des actions d'économie circulaire, avec le code couleur de leur niveau EC (ch. 2).",
    colour: COLOURS.brand,
    layout: 'single',
    sections: [table('plans', [
      col('type', 'Type', 'list', { list: fixed(L.TYPES_PLAN), width: 130, required: true }),
      col('intitule', 'Intitulé', 'text', { width: 280, required: true }),
      col('statut', 'Statut', 'list', { list: fixed(L.STATUTS_PLAN), width: 120 }),
      col('debut', 'Début', 'date', { width: 100 }),
      col('fin', 'Fin', 'date', { width: 100 }),
      col('servicePorteur', 'Service porteur', 'text', { width: 180 }),
      col('eluReferent', 'Élu référent', 'text', { width: 170 }),
      col('niveauEc', 'Niveau EC', 'list', { list: fixed(L.NIVEAUX_EC), width: 110, colours: NIVEAU_EC_COLOURS, help: '0 Absent (gris), 1 Faible (rouge), 2 Partiel (orange), 3 Fort (vert).' }),
      computed('nbActions', "Nb d'actions EC", 'integer', { width: 100 }),
      computed('budgetEc', 'Budget EC (€)', 'money', { width: 120 }),
    ])],
  },
  {
    name: TAB.actions,
    purpose: 'Inventaire consolidé de tous les services, reconstruit par « Consolider les services » (ch. 2).',
    colour: COLOURS.accent,
    layout: 'single',
    sections: [table('actions', ACTIONS_COLUMNS)],
  },
  {
    name: TAB.acteurs,
    purpose: 'Parties prenantes, classées par impact, facilité de mobilisation et relation (ch. 2 et 4).',
    colour: COLOURS.brand,
    layout: 'single',
    sections: [table('acteurs', [
      col('nom', 'Nom', 'text', { required: true, width: 220 }),
      col('categorie', 'Catégorie', 'list', { list: { kind: 'column', tab: TAB.parametres, section: 'categories', column: 'categorie' }, width: 190 }),
      col('filiere', 'Filière', 'list', { list: { kind: 'column', tab: TAB.parametres, section: 'filieres', column: 'filiere' }, width: 160 }),
      col('localisation', 'Localisation', 'list', { list: fixed(L.LOCALISATIONS), width: 130 }),
      col('relation', 'Relation actuelle', 'list', { list: fixed(L.RELATIONS), width: 120 }),
      col('chaineValeur', 'Position dans la chaîne de valeur', 'list', { list: fixed(L.CHAINE_VALEUR), width: 200 }),
      col('impact', 'Impact sur le territoire', 'integer', { list: fixed(L.ECHELLE_1_4), min: 1, max: 4, width: 100, help: '1 (faible) à 4 (fort).' }),
      col('facilite', 'Facilité de mobilisation', 'integer', { list: fixed(L.ECHELLE_1_4), min: 1, max: 4, width: 100, help: '1 (difficile) à 4 (facile).' }),
      col('serviceReferent', 'Service référent', 'text', { width: 160 }),
      col('contact', 'Contact', 'text', { width: 200 }),
      computed('potentiel', 'Potentiel de mobilisation', 'integer', { width: 110, help: 'Impact × facilité (1 à 16).' }),
      computed('priorite', 'Priorité', 'text', { width: 160, colours: PRIORITE_ACTEUR_COLOURS }),
    ])],
  },
  {
    name: TAB.afom,
    purpose: 'Atouts, faiblesses, opportunités et menaces du diagnostic (ch. 2).',
    colour: COLOURS.brand,
    layout: 'single',
    sections: [table('afom', [
      col('id', 'Id', 'text', { required: true, width: 60, help: 'A1, F1, O1, M1…' }),
      col('type', 'Type', 'list', { list: fixed(L.TYPES_AFOM), required: true, width: 110 }),
      col('enonce', 'Énoncé', 'longtext', { required: true, width: 420 }),
      col('axe', 'Axe du référentiel', 'integer', { list: fixed(L.AXES), min: 1, max: 5, width: 90 }),
      col('source', 'Source', 'list', { list: fixed(L.SOURCES_AFOM), width: 110 }),
      col('importance', 'Importance', 'integer', { list: fixed(L.IMPORTANCES), min: 1, max: 3, width: 90 }),
      computed('actionsLiees', 'Actions liées', 'text', { width: 220 }),
    ])],
  },
  {
    name: TAB.referentiel,
    purpose: 'Le référentiel ECi, une ligne par axe, mesure, sous-mesure et tâche, avec les statuts et les scores (ch. 2, 6, 7).',
    colour: COLOURS.accent,
    layout: 'single',
    sections: [table('referentiel', [
      col('identifiant', 'Identifiant', 'text', { role: 'reference', width: 110 }),
      col('niveau', 'Niveau', 'text', { role: 'reference', width: 90 }),
      col('intitule', 'Intitulé', 'longtext', { role: 'reference', width: 420 }),
      col('phase', 'Phase', 'text', { role: 'reference', width: 110 }),
      col('pointsReferentiel', 'Points référentiel', 'number', { role: 'reference', width: 90 }),
      col('statut', 'Statut', 'list', { list: fixed(L.STATUTS_REFERENTIEL), validationWhen: STATUS_ROWS, width: 130, colours: STATUT_REFERENTIEL_COLOURS }),
      col('faitPct', 'Fait %', 'percent', { validationWhen: STATUS_ROWS, width: 70, min: 0, max: 1 }),
      col('programmePct', 'Programmé %', 'percent', { validationWhen: STATUS_ROWS, width: 80, min: 0, max: 1 }),
      col('pasFaitPct', 'Pas fait %', 'percent', { validationWhen: STATUS_ROWS, width: 70, min: 0, max: 1 }),
      col('pilote', 'Pilote', 'text', { width: 140 }),
      col('services', 'Services', 'text', { width: 160 }),
      col('explication', 'Explication', 'longtext', { width: 320 }),
      computed('potentiel', 'Potentiel', 'number', { width: 80 }),
      computed('pointsFaits', 'Points faits', 'number', { width: 80 }),
      computed('pointsProgrammes', 'Points programmés', 'number', { width: 90 }),
      computed('pctRealise', '% réalisé', 'percent', { width: 80, bands: SCORE_BANDS }),
      computed('pctProgramme', '% programmé', 'percent', { width: 90 }),
      computed('preuves', 'Preuves prêtes / attendues', 'text', { width: 110 }),
    ], { prefill: 'referentiel' })],
  },
  {
    name: TAB.personnalisation,
    purpose: 'Questions de personnalisation : elles rendent des lignes non concernées ou changent leur poids.',
    colour: COLOURS.accent,
    layout: 'single',
    sections: [table('personnalisation', [
      col('identifiant', 'Identifiant', 'text', { role: 'reference', width: 110 }),
      col('question', 'Question', 'longtext', { role: 'reference', width: 480 }),
      col('reponse', 'Réponse', 'list', { list: fixed(L.REPONSES_PERSONNALISATION), width: 80 }),
      computed('effet', 'Effet', 'longtext', { width: 480 }),
    ], { prefill: 'personnalisation' })],
  },
  {
    name: TAB.planActions,
    purpose: "Fiches actions retenues (une dizaine d'actions phares), au format d'import de Territoires en Transitions (ch. 5).",
    colour: COLOURS.brand,
    layout: 'single',
    sections: [table('planActions', [
      col('numero', 'N°', 'text', { required: true, width: 50 }),
      col('axe', 'Axe (x)', 'text', { width: 200, help: 'Axe du plan, numéroté : « 1. Prévenir et réemployer ».' }),
      col('sousAxe', 'Sous-axe (x.x)', 'text', { width: 200 }),
      col('titre', 'Titre de la fiche action', 'text', { required: true, width: 260 }),
      col('descriptif', 'Descriptif', 'longtext', { width: 300 }),
      col('objectifs', 'Objectifs', 'longtext', { width: 240 }),
      col('indicateurs', 'Indicateurs liés', 'text', { width: 180 }),
      col('structurePilote', 'Structure pilote', 'text', { width: 170 }),
      col('servicePilote', 'Direction ou service pilote', 'text', { width: 170 }),
      col('personnePilote', 'Personne pilote', 'text', { width: 150 }),
      col('eluReferent', 'Élu·e référent·e', 'text', { width: 150 }),
      col('partenaires', 'Partenaires', 'text', { width: 200 }),
      col('financeur1', 'Financeur 1', 'text', { width: 130 }),
      col('montant1', 'Montant financeur 1 (€ HT)', 'money', { width: 110, min: 0 }),
      col('financeur2', 'Financeur 2', 'text', { width: 130 }),
      col('montant2', 'Montant financeur 2 (€ HT)', 'money', { width: 110, min: 0 }),
      col('financeur3', 'Financeur 3', 'text', { width: 130 }),
      col('montant3', 'Montant financeur 3 (€ HT)', 'money', { width: 110, min: 0 }),
      col('budgetTotal', 'Budget prévisionnel total € HT', 'money', { width: 120, min: 0 }),
      col('statut', 'Statut', 'list', { list: fixed(L.STATUTS_FICHE), width: 100 }),
      col('priorite', 'Niveau de priorité', 'list', { list: fixed(L.PRIORITES_FICHE), width: 90 }),
      col('debut', 'Date de début', 'date', { width: 100 }),
      col('fin', 'Date de fin', 'date', { width: 100 }),
      col('ameliorationContinue', 'Action en amélioration continue', 'ouiNon', { list: fixed(L.OUI_NON), width: 100 }),
      col('mesures', 'Mesures liées', 'text', { width: 160, help: 'Identifiants du référentiel, séparés par des virgules : eci_2.1.1, eci_3.3.' }),
      col('actionsLiees', 'Actions liées', 'text', { width: 140, help: "Réf. des actions de l'onglet Actions, séparées par des virgules." }),
      col('afom', 'AFOM traités', 'text', { width: 110, help: 'Identifiants AFOM, séparés par des virgules : F2, A1.' }),
      col('piliers', 'Piliers EC', 'text', { width: 200 }),
      col('participation', 'Participation citoyenne', 'list', { list: fixed(L.PARTICIPATION_CITOYENNE), width: 170 }),
      col('notes', 'Notes', 'longtext', { width: 220 }),
    ])],
  },
  {
    name: TAB.jalons,
    purpose: 'Jalons et échéances de chaque fiche (ch. 6).',
    colour: COLOURS.brand,
    layout: 'single',
    sections: [table('jalons', [
      col('fiche', 'Fiche (N°)', 'text', { required: true, width: 80 }),
      col('jalon', 'Jalon', 'text', { required: true, width: 300 }),
      col('echeance', 'Échéance', 'date', { width: 100 }),
      col('responsable', 'Responsable', 'text', { width: 160 }),
      col('statut', 'Statut', 'list', { list: fixed(L.STATUTS_JALON), width: 90, colours: STATUT_JALON_COLOURS }),
      col('commentaire', 'Commentaire', 'longtext', { width: 240 }),
      computed('enRetard', 'En retard', 'text', { width: 90, colours: [{ equals: 'En retard', background: COLOURS.red, font: COLOURS.redText }] }),
    ])],
  },
  {
    name: TAB.indicateurs,
    purpose: "Indicateurs suivis chaque année (ch. 6), pré-remplis avec les 36 indicateurs ECi ; indicateurs propres bienvenus.",
    colour: COLOURS.brand,
    layout: 'single',
    sections: [table('indicateurs', [
      col('identifiant', 'Identifiant', 'text', { required: true, width: 110 }),
      col('intitule', 'Intitulé', 'longtext', { required: true, width: 360 }),
      col('unite', 'Unité', 'text', { width: 100 }),
      col('type', 'Type', 'list', { list: fixed(L.TYPES_INDICATEUR), width: 90 }),
      col('objectif', 'Objectif', 'number', { width: 90 }),
      col('sens', 'Sens', 'list', { list: fixed(L.SENS_INDICATEUR), width: 80, help: "Hausse ou Baisse : le sens dans lequel l'indicateur s'améliore (une dépense, des tonnes de déchets : Baisse). Sans sens, la présentation COPIL ne dit pas si l'objectif est atteint." }),
      col('anneeCible', 'Année cible', 'year', { width: 80, min: 2000, max: 2100 }),
      col('source', 'Source', 'text', { width: 160 }),
      col('service', 'Service', 'text', { width: 150 }),
      ...yearColumns,
      computed('progression', 'Progression vers l\'objectif', 'percent', { width: 110 }),
      computed('tendance', 'Tendance', 'text', { width: 90 }),
    ], { prefill: 'indicateurs' })],
  },
  {
    name: TAB.preuves,
    purpose: 'Suivi des preuves pour le label (ch. 7), pré-rempli avec les 176 preuves attendues par le référentiel.',
    colour: COLOURS.accent,
    layout: 'single',
    sections: [table('preuves', [
      col('identifiant', 'Identifiant', 'text', { role: 'reference', width: 110 }),
      col('mesure', 'Mesure', 'text', { required: true, width: 150 }),
      col('preuve', 'Preuve attendue', 'longtext', { required: true, width: 380 }),
      col('type', 'Type', 'list', { list: fixed(L.TYPES_PREUVE), width: 120 }),
      col('etat', 'État', 'list', { list: fixed(L.ETATS_PREUVE), width: 100, colours: ETAT_PREUVE_COLOURS }),
      col('responsable', 'Responsable', 'text', { width: 150 }),
      col('service', 'Service', 'text', { width: 150 }),
      col('echeance', 'Échéance', 'date', { width: 100 }),
      col('lien', 'Lien', 'url', { width: 200 }),
      col('page', 'Page ou référence', 'text', { width: 110 }),
      col('commentaire', 'Commentaire', 'longtext', { width: 220 }),
    ], { prefill: 'preuves' })],
  },
  {
    name: TAB.instances,
    purpose: 'Comités, ateliers, entretiens, webinaires : la vie du projet (ch. 1, 3, 4).',
    colour: COLOURS.brand,
    layout: 'single',
    sections: [table('instances', [
      col('numero', 'N°', 'integer', { required: true, width: 50, min: 1 }),
      col('date', 'Date', 'date', { required: true, width: 100 }),
      col('type', 'Type', 'list', { list: fixed(L.TYPES_INSTANCE), width: 170 }),
      col('intitule', 'Intitulé', 'text', { required: true, width: 260 }),
      col('public', 'Public', 'text', { width: 200 }),
      col('participants', 'Nb de participants', 'integer', { width: 90, min: 0 }),
      col('eluPresent', 'Élu·e présent·e', 'ouiNon', { list: fixed(L.OUI_NON), width: 90 }),
      col('listeParticipants', 'Participants', 'longtext', { width: 260, help: 'Qui était là : noms et fonctions, un par ligne ou séparés par des points-virgules (repris dans le bilan).' }),
      col('directionPresente', 'Direction présente', 'ouiNon', { list: fixed(L.OUI_NON), width: 90 }),
      col('pointsCles', 'Points clés', 'longtext', { width: 320 }),
      col('decisions', 'Décisions', 'longtext', { width: 320 }),
      col('lienCompteRendu', 'Lien du compte rendu', 'url', { width: 200 }),
    ])],
  },
  {
    name: TAB.engagements,
    purpose: 'Ce que chacun a promis lors d\'une instance, avec les échéances (ch. 4).',
    colour: COLOURS.brand,
    layout: 'single',
    sections: [table('engagements', [
      col('instance', 'Instance', 'integer', { required: true, width: 80, help: "N° de l'instance (onglet Instances)." }),
      col('qui', 'Qui', 'text', { required: true, width: 170 }),
      col('quoi', 'Quoi', 'longtext', { required: true, width: 360 }),
      col('echeance', 'Échéance', 'date', { width: 100 }),
      col('statut', 'Statut', 'list', { list: fixed(L.STATUTS_JALON), width: 90, colours: STATUT_JALON_COLOURS }),
      computed('enRetard', 'En retard', 'text', { width: 90, colours: [{ equals: 'En retard', background: COLOURS.red, font: COLOURS.redText }] }),
    ])],
  },
  {
    name: TAB.audit,
    purpose: "Préparation au label : liste de contrôle calculée et calendrier de l'audit (ch. 7).",
    colour: COLOURS.accent,
    layout: 'stacked',
    sections: [
      table('checklist', [
        computed('critere', 'Critère', 'longtext', { width: 380 }),
        computed('etat', 'État', 'text', { width: 110, colours: [
          { equals: 'Prêt', background: COLOURS.green, font: COLOURS.greenText },
          { equals: 'À faire', background: COLOURS.red, font: COLOURS.redText },
          { equals: 'À surveiller', background: COLOURS.orange, font: COLOURS.orangeText },
        ] }),
        computed('detail', 'Détail', 'longtext', { width: 420 }),
      ], { title: 'Liste de contrôle', extent: 'toBlank', prefill: 'auditChecklist' }),
      table('calendrier', [
        computed('etape', 'Étape du calendrier', 'text', { width: 260 }),
        col('date', 'Date prévue', 'date', { width: 110 }),
        col('eluPresent', 'Élu·e présent·e', 'ouiNon', { list: fixed(L.OUI_NON), width: 90 }),
        col('directionPresente', 'Direction présente', 'ouiNon', { list: fixed(L.OUI_NON), width: 90 }),
        col('commentaire', 'Commentaire', 'longtext', { width: 260 }),
        computed('alerte', 'Alerte', 'longtext', { width: 320 }),
      ], { title: "Calendrier de l'audit", extent: 'toBlank', prefill: 'auditCalendrier' }),
    ],
  },
  {
    name: TAB.historique,
    purpose: "Chiffres de chaque COPIL, enregistrés à la génération de la présentation (et saisis à la main pour les COPIL plus anciens) : la suivante montre la progression depuis le COPIL précédent et depuis le début.",
    colour: COLOURS.computedHeader,
    layout: 'single',
    sections: [table('historique', [
      col('seance', 'Date de la séance', 'date', { width: 110 }),
      col('instance', 'Instance', 'integer', { width: 70 }),
      col('enregistreLe', 'Enregistré le', 'date', { width: 110 }),
      col('scoreRealise', 'Score réalisé (%)', 'number', { width: 100 }),
      col('scorePrevisionnel', 'Score avec le programmé (%)', 'number', { width: 120 }),
      col('etoile', 'Étoile', 'integer', { width: 60 }),
      col('axe1', 'Axe 1 (%)', 'number', { width: 70 }),
      col('axe2', 'Axe 2 (%)', 'number', { width: 70 }),
      col('axe3', 'Axe 3 (%)', 'number', { width: 70 }),
      col('axe4', 'Axe 4 (%)', 'number', { width: 70 }),
      col('axe5', 'Axe 5 (%)', 'number', { width: 70 }),
      col('actions', 'Actions recensées', 'integer', { width: 90 }),
      col('phares', 'Actions phares', 'integer', { width: 90 }),
      col('fiches', 'Fiches actions', 'integer', { width: 90 }),
      col('fichesRealisees', 'Fiches réalisées', 'integer', { width: 90 }),
      col('preuvesPretes', 'Preuves prêtes', 'integer', { width: 90 }),
      col('preuvesAttendues', 'Preuves attendues', 'integer', { width: 90 }),
      col('enRetard', 'Échéances en retard', 'integer', { width: 100 }),
      col('budget', 'Budget du plan (€ HT)', 'number', { width: 120 }),
      col('finance', 'Financements acquis (€ HT)', 'number', { width: 130 }),
    ])],
  },
  {
    name: TAB.tableauDeBord,
    purpose: 'Tableau de bord, reconstruit à la demande.',
    colour: COLOURS.accent,
    layout: 'single',
    generated: true,
    sections: [],
  },
  {
    name: TAB.journal,
    purpose: "Ce que le module a fait : qui, quand, quelle commande, quel résultat, liens vers les fichiers produits.",
    colour: COLOURS.computedHeader,
    layout: 'single',
    sections: [table('journal', [
      computed('date', 'Date', 'date', { width: 140 }),
      computed('utilisateur', 'Utilisateur', 'text', { width: 200 }),
      computed('commande', 'Commande', 'text', { width: 200 }),
      computed('resultat', 'Résultat', 'longtext', { width: 420 }),
      computed('lien', 'Lien', 'url', { width: 300 }),
    ])],
  },
];

/** The template of a `Service – <Nom>` tab. */
export const SERVICE_TAB: TabSpec = {
  name: SERVICE_TAB_PREFIX,
  purpose: "Inventaire des actions du service liées à l'économie circulaire (ch. 2, « mobiliser tous les services »).",
  colour: '#2E7D9A',
  layout: 'single',
  sections: [table('service', SERVICE_COLUMNS)],
};

export function tabSpec(name: string): TabSpec {
  if (isServiceTabName(name)) return SERVICE_TAB;
  const spec = TABS.find((t) => t.name === name);
  if (!spec) throw new Error(`Unknown tab: ${name}`);
  return spec;
}

export function isServiceTabName(name: string): boolean {
  return name.startsWith(SERVICE_TAB_PREFIX);
}

export function tableSection(tab: string, sectionId: string): TableSectionSpec {
  const section = tabSpec(tab).sections.find((s) => s.id === sectionId);
  if (!section || section.kind !== 'table') throw new Error(`Unknown table section ${tab} › ${sectionId}`);
  return section;
}

export function column(tab: string, sectionId: string, key: string): ColumnSpec {
  const c = tableSection(tab, sectionId).columns.find((x) => x.key === key);
  if (!c) throw new Error(`Unknown column ${tab} › ${sectionId} › ${key}`);
  return c;
}
