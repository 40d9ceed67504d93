/**
 * The guide's practices by step (guide-methodologique-drec.txt), the
 * feuille de route of `Accueil`.
 *
 * - Step titles are the guide's table of contents, word for word, in
 *   sentence case (the guide prints them in capitals; its stray space in
 *   « PLAN D' ACTIONS » is dropped), numbered as in the guide.
 * - Practice wordings are the guide's own sentences, shortened at a natural
 *   break when long (never rephrased).
 * - `id` is stable: never renumber; the `Accueil` row is matched back to its
 *   practice by its wording (the tab has no id column), so a wording change
 *   must keep the old one in `anciennesFormulations`.
 * - `detecteur` names a detector of `./detecteurs.ts` that can tick the
 *   practice from the workbook's data.
 */
export interface Etape {
  readonly numero: number;
  /** Title as in the guide's table of contents, in sentence case. */
  readonly titre: string;
  /** `1. Mise en place des personnes moteurs…`: the `Étape` cell. */
  readonly libelle: string;
  /** Short label for charts. */
  readonly court: string;
}

function etape(numero: number, titre: string, court: string): Etape {
  return { numero, titre, libelle: `${numero}. ${titre}`, court: `${numero}. ${court}` };
}

export const ETAPES: readonly Etape[] = [
  etape(1, 'Mise en place des personnes moteurs et des conditions favorables', 'Personnes moteurs'),
  etape(2, "Réalisation de l'état des lieux", 'État des lieux'),
  etape(3, 'Acculturation des parties prenantes', 'Acculturation'),
  etape(4, 'Mobilisation des parties prenantes', 'Mobilisation'),
  etape(5, "Conception d'un plan d'actions et d'une stratégie", "Plan d'actions"),
  etape(6, 'Mise en place des actions', 'Mise en œuvre'),
  etape(7, 'Dépôt de candidature au label', 'Candidature au label'),
];

export type DetecteurId =
  | 'eluReferent'
  | 'portageDechetsEco'
  | 'equipeProjet'
  | 'lettreMission'
  | 'chefDeProjet'
  | 'deliberation'
  | 'portageDirection'
  | 'reunionsEquipe'
  | 'plpdma'
  | 'plansRecenses'
  | 'consultations'
  | 'servicesRemplis'
  | 'actionsCategorisees'
  | 'acteursRepertories'
  | 'acteursClasses'
  | 'actionsCentralisees'
  | 'budgetsVisibles'
  | 'afomComplet'
  | 'diagnosticPartage'
  | 'atelierTransversal'
  | 'entretiensBilateraux'
  | 'engagementsSuivis'
  | 'elusPresents'
  | 'structuresRepresentatives'
  | 'tiersDeConfiance'
  | 'validationPolitique'
  | 'dizaineActionsPhares'
  | 'actionsRepondentAfom'
  | 'jalons'
  | 'rolesDefinis'
  | 'budgetsDefinis'
  | 'actionsMultiPlans'
  | 'indicateursSuivis'
  | 'preuvesSuivies'
  | 'calendrierAudit';

export interface Pratique {
  readonly id: string;
  /** `Étape` cell: `ETAPES[n-1].libelle`. */
  readonly etape: string;
  readonly pratique: string;
  readonly detecteur?: DetecteurId;
  /** Earlier wordings, to keep matching rows written by an older version. */
  readonly anciennesFormulations?: readonly string[];
}

function p(n: number, id: string, pratique: string, detecteur?: DetecteurId): Pratique {
  return detecteur ? { id, etape: ETAPES[n - 1].libelle, pratique, detecteur } : { id, etape: ETAPES[n - 1].libelle, pratique };
}

export const PRATIQUES: readonly Pratique[] = [
  // 1 — Créer une équipe projet, identifier le chargé de mission, garder le dynamisme, accompagner.
  p(1, 'p1-elu', "Mobiliser un élu (du service économique ou gestion des déchets) au démarrage", 'eluReferent'),
  p(1, 'p1-portage', 'Avoir un portage du service économique ET du service gestion des déchets', 'portageDechetsEco'),
  p(1, 'p1-equipe', 'Créer une équipe-projet transversale : 2 à 4 personnes (élus ou techniciens) représentant développement économique, déchets et transition écologique', 'equipeProjet'),
  p(1, 'p1-lettre', "Inscrire l'économie circulaire dans les objectifs annuels ou les lettres de missions des personnes", 'lettreMission'),
  p(1, 'p1-chef', 'Positionner le chargé de mission comme CHEF DE PROJET et valoriser le fonctionnement en MODE PROJET', 'chefDeProjet'),
  p(1, 'p1-deliberation', "Faire voter une délibération en conseil communautaire qui valide l'engagement vers une politique économie circulaire", 'deliberation'),
  p(1, 'p1-legitimer', "Légitimer le chargé de mission et l'équipe projet par une annonce faite par les DGA ou DGS"),
  p(1, 'p1-direction', 'Articuler portage politique et portage au niveau de la direction des services', 'portageDirection'),
  p(1, 'p1-communiquer', "Communiquer en interne régulièrement sur les avancées de la démarche sous diverses formes : formel et informel", 'reunionsEquipe'),
  p(1, 'p1-plpdma', 'Finaliser le Programme Local de Prévention des Déchets Ménagers et Assimilés (PLPDMA)', 'plpdma'),
  p(1, 'p1-echanger', "Echanger avec d'autres territoires engagés"),
  // 2 — Clarifier, réaliser, mutualiser, présenter et partager.
  p(2, 'p2-clarifier', "Clarifier ce qu'est un diagnostic économie circulaire, le niveau de précision attendue et le périmètre d'étude"),
  p(2, 'p2-plans', 'Partir des états des lieux ou bases de connaissances solides existants (PLPDMA, PCAET, PAT, Projet de territoire)', 'plansRecenses'),
  p(2, 'p2-modalites', "Diversifier les modalités de collectes de l'information : consultation, voire concertation, des parties prenantes internes et externes", 'consultations'),
  p(2, 'p2-services', "Mobiliser tous les services pour réaliser l'état des lieux", 'servicesRemplis'),
  p(2, 'p2-categories', "Répertorier les actions par catégorie : pilier de l'EC, plan et programme, filière, temporalité, axe du référentiel", 'actionsCategorisees'),
  p(2, 'p2-acteurs', 'Répertorier les acteurs du territoire par catégorie : statut, filière, sur le territoire ou en périphérie, déjà en lien avec l\'EPCI ou non', 'acteursRepertories'),
  p(2, 'p2-matrice', 'Classer les acteurs en fonction de leurs impacts sur le territoire et la facilité à les mobiliser pour identifier le potentiel de mobilisation', 'acteursClasses'),
  p(2, 'p2-centraliser', 'Formaliser un document centralisant les actions économie circulaire disséminées dans plusieurs programmes territoriaux', 'actionsCentralisees'),
  p(2, 'p2-budgets', 'Visualiser clairement les budgets éparpillés dans divers projets', 'budgetsVisibles'),
  p(2, 'p2-afom', "Traduire l'état des lieux en matrice atouts, faiblesses, opportunités, menaces (AFOM)", 'afomComplet'),
  p(2, 'p2-partage', "Organiser un atelier de partage du diagnostic en lien avec la stratégie ou le plan d'actions avec une approche transversale", 'diagnosticPartage'),
  // 3 — Inspirer, fédérer.
  p(3, 'p3-atelier', 'Prévoir un atelier transversal, avec diverses directions, avec un format ludique d\'appropriation', 'atelierTransversal'),
  p(3, 'p3-referentiel', 'Présenter le référentiel de manière synthétique'),
  p(3, 'p3-exemples', "Montrer des exemples de concrétisation de l'économie circulaire d'un point de vue technique sur le territoire ou ailleurs"),
  p(3, 'p3-espaces', "Identifier les bons espaces / temps en place pour intégrer le sujet économie circulaire"),
  // 4 — En interne, en externe, avec les collectivités infra.
  p(4, 'p4-bilateraux', 'Ne pas oublier les entretiens bilatéraux entre le chef de projet économie circulaire et les différents services', 'entretiensBilateraux'),
  p(4, 'p4-dynamique', "Ne pas laisser retomber la dynamique une fois l'atelier passé : bilan, prochaines échéances et engagements de chacun", 'engagementsSuivis'),
  p(4, 'p4-elus', "Inclure les élus dans les rencontres clefs (élu développement économique, DGS, président de l'agglomération) pour donner du poids", 'elusPresents'),
  p(4, 'p4-intelligence', "Utiliser des méthodes d'intelligence collective pour favoriser les échanges"),
  p(4, 'p4-representatives', "Impliquer des structures représentatives des entreprises et de l'économie circulaire", 'structuresRepresentatives'),
  p(4, 'p4-tiers', "S'appuyer sur des tiers de confiance : bureau d'étude, instances et réseaux CCI, Cluster, CJD…", 'tiersDeConfiance'),
  p(4, 'p4-infra-epci', "Organiser la désignation d'un référent économie circulaire par EPCI adhérent, pour les syndicats"),
  p(4, 'p4-infra-communes', "Organiser la désignation d'un référent économie circulaire pour les communes d'une certaine taille dans les agglomérations"),
  // 5 — Collectivités débutantes et matures.
  p(5, 'p5-validation', "Organiser des ateliers élus pour identifier avec eux des pistes d'actions puis mettre en œuvre une validation politique rapide par les instances adéquates (conseil communautaire)", 'validationPolitique'),
  p(5, 'p5-dizaine', "Prioriser les sujets en visant une dizaine d'actions phares touchant les différents axes du référentiel", 'dizaineActionsPhares'),
  p(5, 'p5-afom', "S'assurer que les actions répondent à des faiblesses de la collectivité pointées lors de l'état des lieux ou à des atouts qu'il faut consolider", 'actionsRepondentAfom'),
  p(5, 'p5-articulation', 'Viser une articulation avec les plans existants, en mettant l\'accent sur quelques actions manquantes et prioritaires'),
  // 6 — S'organiser, s'améliorer.
  p(6, 'p6-jalons', 'Avoir des plannings, des jalons et des échéances claires', 'jalons'),
  p(6, 'p6-roles', 'Définir les rôles de chacun : gestion en mode projet, chef de projet, partenaires', 'rolesDefinis'),
  p(6, 'p6-budgets', 'Définir les budgets', 'budgetsDefinis'),
  p(6, 'p6-outil', 'Trouver un outil de pilotage qui fait le lien entre toutes les actions des différents plans : une action peut appartenir à plusieurs plans', 'actionsMultiPlans'),
  p(6, 'p6-indicateurs', "Définir et suivre annuellement ses indicateurs de résultats et d'impacts", 'indicateursSuivis'),
  p(6, 'p6-amelioration', "Miser sur l'amélioration continue"),
  // 7 — S'organiser.
  p(7, 'p7-services', 'Déposer avec plusieurs services et des élus motivés'),
  p(7, 'p7-preuves', 'Faire attention à la gestion des preuves : les stocker au fur et à mesure', 'preuvesSuivies'),
  p(7, 'p7-temps', 'Estimer le temps de travail'),
  p(7, 'p7-calendrier', "Anticiper le calendrier d'audit : présence nécessaire d'un élu et de la direction des services au moins à 1 des 2 réunions d'audit", 'calendrierAudit'),
  p(7, 'p7-guide', 'Consulter le guide du candidat - Bien connaître le processus de candidature'),
];
