/**
 * Messages of the generated documents (COPIL deck, AFOM document, dossier
 * d'audit, bilan d'une instance) and of their commands. French, read by élus,
 * directions and auditors: full sentences, French typography (narrow no-break
 * space before « % », « : » handled by the text itself).
 */
import { formatEuro, formatNumberFr, formatPercentFr } from '../format';
import type { ReportKind } from '../reports/input';

const s = (n: number, one: string, many: string) => (Math.abs(n) >= 2 ? many : one);
const pts = (n: number) => `${formatNumberFr(n, 1)}\u00a0pt${Math.abs(n) >= 2 ? 's' : ''}`;
/** `pct` in % (0–100). */
const pct = (n: number, d = 1) => formatPercentFr(n / 100, d);
const etoiles = (n: number) => (n === 0 ? 'aucune étoile' : `${n} étoile${n > 1 ? 's' : ''}`);
const liste = (xs: readonly string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} et ${xs[xs.length - 1]}`);

/** Short titles of the référentiel's axes, for charts (the full titles are in the notes). */
export const AXES_COURTS: Readonly<Record<string, string>> = {
  eci_1: '1. Stratégie et portage',
  eci_2: '2. Déchets : réduire, collecter, valoriser',
  eci_3: '3. Autres piliers de l’EC',
  eci_4: '4. Outils financiers',
  eci_5: '5. Coopération et engagement',
};

export const REPORT_MESSAGES = {
  collectiviteInconnue: 'Collectivité (nom à renseigner dans Accueil)',
  nomDocument: (kind: ReportKind, instance?: number): string =>
    ({
      copil: 'Présentation COPIL',
      afom: 'Document AFOM',
      audit: "Dossier d'audit",
      bilan: instance !== undefined ? `Bilan d'instance n° ${instance}` : "Bilan d'une instance",
    })[kind],
  autres: (n: number) => `+ ${n} ${s(n, 'autre', 'autres')}`,
  etAutres: (n: number) => `… et ${n} ${s(n, 'autre ligne', 'autres lignes')} dans le classeur.`,
  suite: (title: string) => `${title} (suite)`,
  nonRenseigne: 'Non renseigné',
  nonDate: 'Non daté',
  aucun: '–',
  oui: 'Oui',
  non: 'Non',
  euros: (n: number) => formatEuro(n),
  pourcentage: (n: number) => pct(n),
  points: (n: number) => pts(n),
  etoiles,

  /** What the next star still needs: points of score, criteria, or both. */
  prochaineEtoile: (etoile: number, ecart: number, criteres: number, libelle: string): string => {
    if (criteres === 0) return libelle;
    const c = `${criteres} ${s(criteres, 'critère', 'critères')} de l’étoile ${s(criteres, 'reste', 'restent')} à remplir`;
    return ecart > 0 ? `${libelle.replace(/\.$/, '')} ; ${c}.` : `Score suffisant pour ${etoiles(etoile)}, mais ${c}.`;
  },

  // ---- COPIL deck ----
  deck: {
    titre: 'Comité de pilotage',
    sousTitre: 'Stratégie économie circulaire – référentiel ECi (ADEME)',
    footer: (collectivite: string, date: string) => `${collectivite} · COPIL du ${date}`,
    couverture: {
      date: (date: string) => `Séance du ${date}`,
      chiffres: (score: number, etoile: number) => `Score réalisé : ${pct(score)} · ${etoiles(etoile)} à ce jour`,
      notes: (date: string) =>
        `Présentation générée par Cap Circulaire le ${date} à partir du classeur : les chiffres sont ceux du jour de génération. Chaque diapositive indique en note l'onglet d'où viennent ses données.`,
    },

    essentiel: {
      titre: "L'essentiel",
      score: 'Score réalisé',
      scoreDetail: (prev: number) => `${pct(prev)} avec le programmé`,
      etoile: 'Étoile actuelle',
      etoileValeur: (n: number) => `${n} / 5`,
      etoileDetail: (n: number) => (n === 0 ? 'Aucune à portée avec le programmé' : `${etoiles(n)} à portée avec le programmé`),
      actions: 'Actions recensées',
      actionsDetail: (phares: number, retenues: number) => `${phares} ${s(phares, 'phare', 'phares')}, ${retenues} ${s(retenues, 'retenue', 'retenues')} au plan`,
      preuves: 'Preuves prêtes',
      preuvesValeur: (pretes: number, attendues: number) => `${pretes} / ${attendues}`,
      preuvesDetail: (ratio: number) => `${formatPercentFr(ratio, 0)} des preuves attendues`,
      retards: 'Échéances en retard',
      retardsDetail: (aVenir: number, mois: number) => `${aVenir} à venir sous ${mois} mois`,
      attention: "Points d'attention",
      feuilleDeRoute: (fait: number, total: number) => `Feuille de route : ${fait} ${s(fait, 'pratique faite', 'pratiques faites')} sur ${total}.`,
      completude: (libelle: string) => `Référentiel renseigné : ${libelle} (le label exige 100\u00a0%).`,
      aContacter: (n: number) => `${n} ${s(n, 'acteur', 'acteurs')} à contacter d'urgence.`,
      retardsListe: (n: number) => `${n} ${s(n, 'échéance dépassée', 'échéances dépassées')} (jalons et engagements).`,
      afomSansAction: (n: number) => `${n} ${s(n, 'faiblesse ou menace', 'faiblesses ou menaces')} de l'AFOM sans action en réponse.`,
      rienASignaler: 'Aucun point d’attention : les échéances sont tenues et le référentiel est complet.',
      notes: "Synthèse des diapositives suivantes : scores et étoiles (onglet Référentiel), actions (onglet Actions), preuves (onglet Preuves), échéances (onglets Jalons et Engagements).",
    },

    feuilleDeRoute: {
      titre: 'Où en est la démarche : la feuille de route',
      fait: 'Fait',
      enCours: 'En cours',
      aFaire: 'À faire',
      total: (fait: number, total: number, ratio: number) => `${fait} / ${total} pratiques faites (${formatPercentFr(ratio, 0)})`,
      prochaines: 'Prochaines pratiques',
      toutFait: 'Toutes les pratiques du guide sont faites.',
      vide: "La feuille de route n'est pas encore renseignée : les pratiques du guide sont à cocher dans l'onglet Accueil.",
      notes: "Les 7 étapes du guide méthodologique (ADEME, Auvergne-Rhône-Alpes) et leurs pratiques, onglet Accueil ; certaines sont cochées automatiquement à partir du classeur. Les prochaines pratiques sont celles en cours, puis à faire, dans l'ordre du guide.",
    },

    scores: {
      titre: 'Scores par axe du référentiel ECi',
      realise: 'Réalisé',
      programme: 'Programmé',
      label: 'Label économie circulaire',
      etoileActuelle: (n: number) => `Étoile actuelle : ${etoiles(n)}`,
      etoileAtteignable: (n: number) => `À portée : ${etoiles(n)} si le programmé est réalisé`,
      scoreTotal: (realise: number, previsionnel: number) => `Score réalisé ${pct(realise)} · avec le programmé ${pct(previsionnel)}`,
      completude: (libelle: string) => `Référentiel renseigné : ${libelle}`,
      maximum: 'Cinq étoiles : le niveau maximal est atteint.',
      aucunPoint: "Aucun point réalisé ni programmé pour l'instant : renseignez le statut des sous-mesures et des tâches dans l'onglet Référentiel, puis « Calculer les scores ».",
      notes: (axes: readonly string[]) =>
        `Part des points du potentiel (après personnalisation) réalisée et programmée, par axe, onglet Référentiel. Axes : ${axes.join(' ; ')}. Les étoiles suivent les seuils et critères de la plateforme Territoires en Transitions.`,
    },

    inventaire: {
      titre: 'Inventaire des actions des services',
      parPilier: 'Par pilier de l’économie circulaire',
      parService: 'Par service',
      resume: (total: number, services: number, retenues: number, phares: number, budget: number) =>
        `${total} ${s(total, 'action recensée', 'actions recensées')} dans ${services} ${s(services, 'service', 'services')}, dont ${retenues} ${s(retenues, 'retenue', 'retenues')} au plan et ${phares} ${s(phares, 'phare', 'phares')} · budget total ${formatEuro(budget)}`,
      autres: 'Autres',
      pilierNonRenseigne: 'Pilier non renseigné',
      serviceNonRenseigne: 'Service non renseigné',
      vide: "Aucune action renseignée : l'inventaire est à lancer auprès des services (onglets « Service – … », puis « Consolider les services »).",
      notes: "Actions consolidées de l'onglet Actions (une ligne par action des onglets « Service – … »), comptées par pilier de l'ADEME et par service.",
    },

    plans: {
      titre: 'Plans et programmes : place de l’économie circulaire',
      colonnes: ['Type', 'Intitulé', 'Statut', 'Niveau EC', 'Actions EC', 'Budget EC'] as const,
      absent: (plan: string) => `${plan} (absent de l'onglet Plans)`,
      legende: 'Niveau EC : 0 Absent (gris) · 1 Faible (rouge) · 2 Partiel (orange) · 3 Fort (vert)',
      vide: "Aucun plan renseigné : recensez dans l'onglet Plans les plans et programmes de la collectivité (PLPDMA, PCAET, PAT…) et leur niveau d'économie circulaire.",
      notes: "Onglet Plans, avec le code couleur de leur niveau d'économie circulaire (pratique du Roannais) ; actions et budget EC comptés depuis les actions rattachées à chaque plan.",
    },

    afom: {
      titre: 'Diagnostic AFOM',
      quadrants: { Atout: 'Atouts', Faiblesse: 'Faiblesses', Opportunité: 'Opportunités', Menace: 'Menaces' } as const,
      vides: { Atout: 'Aucun atout renseigné', Faiblesse: 'Aucune faiblesse renseignée', Opportunité: 'Aucune opportunité renseignée', Menace: 'Aucune menace renseignée' } as const,
      vide: "L'AFOM n'est pas encore renseignée : atouts, faiblesses, opportunités et menaces du diagnostic sont à saisir dans l'onglet AFOM.",
      notes: "Onglet AFOM : les éléments les plus importants de chaque quadrant (importance 3 à 1), le détail et les actions qui y répondent sont dans le document AFOM.",
    },

    acteurs: {
      titre: 'Acteurs : impact et facilité de mobilisation',
      impact: 'Impact sur le territoire ↑',
      facilite: 'Facilité de mobilisation →',
      lignes: ['4 fort', '3', '2', '1 faible'] as const,
      colonnes: ['1 difficile', '2', '3', '4 facile'] as const,
      urgence: (n: number) => `À contacter d'urgence (${n})`,
      aucuneUrgence: "Aucun acteur à contacter d'urgence.",
      vide: "Aucun acteur évalué : renseignez dans l'onglet Acteurs l'impact sur le territoire et la facilité de mobilisation (1 à 4).",
      nonPlaces: (n: number) => `${n} ${s(n, 'acteur non placé', 'acteurs non placés')} (impact ou facilité manquant).`,
      legende: "En rouge gras : à contacter d'urgence (détail à la diapositive suivante).",
      notes: "Onglet Acteurs. En rouge : acteurs à contacter d'urgence (impact élevé, sans relation établie), seuils de l'onglet Paramètres. Chaque case liste les acteurs de même impact et même facilité.",
      urgenceTitre: "Acteurs à contacter d'urgence",
      urgenceColonnes: ['Acteur', 'Catégorie', 'Impact', 'Facilité', 'Relation', 'Service référent'] as const,
      urgenceResume: (n: number) => `${n} ${s(n, 'acteur à fort impact', 'acteurs à fort impact')} sans relation établie, du plus mobilisable au moins mobilisable : qui les contacte, et quand ?`,
      urgenceNotes: "Onglet Acteurs, priorité « À contacter d'urgence » : impact sur le territoire au moins égal au seuil de l'onglet Paramètres et aucune relation établie. Le service référent est proposé pour la prise de contact.",
    },

    fiches: {
      titre: 'Actions phares du plan d’actions',
      colonnes: ['N°', 'Fiche action', 'Pilote', 'Échéance', 'Statut', 'Budget'] as const,
      vide: "Aucune action renseignée dans le plan d'actions : les fiches actions phares sont à rédiger dans l'onglet Plan d'actions.",
      notes: "Onglet Plan d'actions : une dizaine d'actions phares, chacune répondant à une faiblesse ou consolidant un atout. Échéance = date de fin de la fiche.",
    },

    echeances: {
      titreRetard: 'Échéances dépassées',
      titreAVenir: (mois: number) => `Échéances des ${mois} prochains mois`,
      resumeRetard: (n: number) => `${n} ${s(n, 'jalon ou engagement non fait', 'jalons ou engagements non faits')} après ${s(n, 'son', 'leur')} échéance, du plus ancien au plus récent`,
      resumeAVenir: (n: number, mois: number) => `${n} ${s(n, 'jalon ou engagement arrive', 'jalons ou engagements arrivent')} à échéance dans les ${mois} prochains mois`,
      videRetard: 'Aucune échéance dépassée : jalons et engagements sont à jour (onglets Jalons et Engagements).',
      videAVenir: (mois: number) => `Aucun jalon ni engagement à échéance dans les ${mois} prochains mois (onglets Jalons et Engagements).`,
      titre: (mois: number) => `Échéances en retard et à ${mois} mois`,
      colonnes: ['Échéance', 'Quoi', 'Réf.', 'Qui', 'Situation'] as const,
      resume: (retard: number, aVenir: number, mois: number) =>
        `${retard} en retard · ${aVenir} dans les ${mois} prochains mois`,
      retard: (j: number) => `${j}\u00a0j de retard`,
      dans: (j: number) => (j === 0 ? "Aujourd'hui" : `Dans ${j}\u00a0j`),
      fiche: (ref: string) => `Fiche ${ref}`,
      instance: (ref: string) => `Instance ${ref}`,
      vide: (mois: number) => `Aucune échéance en retard ni dans les ${mois} prochains mois (onglets Jalons et Engagements).`,
      notes: "Jalons des fiches (onglet Jalons) et engagements pris en instance (onglet Engagements) non faits : d'abord les retards, puis ce qui arrive à échéance. L'horizon se règle dans l'onglet Paramètres.",
    },

    indicateurs: {
      titre: 'Indicateurs suivis et tendances',
      colonnes: ['Indicateur', 'Dernière valeur', 'Objectif', 'Tendance', 'Progrès'] as const,
      valeur: (v: string, annee: number | null) => (annee === null ? v : `${v} (${annee})`),
      objectif: (v: string, annee: number | null) => (annee === null ? v : `${v} en ${annee}`),
      tendances: { 'En hausse': '↑ En hausse', 'En baisse': '↓ En baisse', Stable: '→ Stable' } as const,
      vide: "Aucun indicateur ne porte encore de valeur : saisissez les valeurs annuelles dans l'onglet Indicateurs.",
      notes: "Onglet Indicateurs : dernière valeur saisie, objectif, tendance des dernières années et progrès : part du chemin parcourue depuis la première valeur vers l'objectif.",
    },

    preuves: {
      titre: 'Préparation du label : les preuves',
      parResponsable: 'À produire, par responsable',
      colonnesResponsables: ['Responsable', 'À produire', 'Dont à créer', 'Prochaine échéance'] as const,
      sansResponsable: 'Non désigné',
      etatNonRenseigne: 'État non renseigné',
      toutesPretes: 'Toutes les preuves attendues sont prêtes ou déposées.',
      autresResponsables: (n: number) => `… et ${n} ${s(n, 'autre responsable', 'autres responsables')} (onglet Preuves).`,
      pretes: (pretes: number, attendues: number, ratio: number) => `${pretes} / ${attendues} preuves prêtes (${formatPercentFr(ratio, 0)})`,
      parEtat: 'Preuves par état',
      checklist: 'Liste de contrôle',
      colonnes: ['Critère', 'État'] as const,
      aucunePreuve: "Aucune preuve attendue dans l'onglet Preuves : relancez « Installer ou mettre à jour le classeur ».",
      notes: "Onglet Preuves (pratique du Roannais : existantes, à créer, par qui) et liste de contrôle calculée de l'onglet Audit ; le détail par mesure est dans le dossier d'audit.",
    },

    checklist: {
      titre: 'Liste de contrôle du label',
      colonnes: ['Critère', 'État', 'Détail'] as const,
      resume: (prets: number, total: number) => `${prets} ${s(prets, 'critère prêt', 'critères prêts')} sur ${total}`,
      notes: "Liste de contrôle calculée (onglet Audit) : complétude du référentiel, gouvernance, acte d'engagement, critères des étoiles, marge de score et preuves.",
    },

    calendrier: {
      titre: "Calendrier de l'audit",
      rappels: 'Rappels',
      rappel1: "L'audit se déroule en deux réunions, sur environ deux mois.",
      rappel2: "Un élu et la direction des services présents à l'une des deux réunions au moins.",
      rappel3: "Preuves rassemblées au fil de l'eau puis versées dans le référentiel ; restitution de l'audit aux élus et à la DGS, avec l'ADEME régionale si possible.",
      colonnes: ['Étape', 'Date prévue', 'Points de vigilance'] as const,
      aucuneAlerte: '–',
      aFixer: 'À fixer',
      vide: "Le calendrier de l'audit n'est pas renseigné (onglet Audit).",
      notes: "Onglet Audit : dépôt de candidature, deux réunions d'audit à environ deux mois d'intervalle (un élu et la direction présents à l'une au moins), commission nationale du label.",
    },

    decisions: {
      titre: 'Décisions attendues du comité',
      prochains: 'Prochains rendez-vous',
      aucunRdv: 'Aucune instance ni étape du label programmée.',
      rdv: (date: string, libelle: string) => `${date} · ${libelle}`,
      validerPlan: (n: number, budget: number) =>
        `Valider le plan d'actions : ${n} ${s(n, 'fiche', 'fiches')}${budget > 0 ? `, budget prévisionnel ${formatEuro(budget)}` : ''}.`,
      discuter: (fiches: readonly string[]) => `Trancher ${fiches.length > 1 ? 'les fiches' : 'la fiche'} « à discuter » : n° ${liste(fiches)}.`,
      rediger: "Lancer la rédaction des fiches actions phares (une dizaine, sur au moins 3 axes).",
      arbitrerRetards: (n: number) => `Arbitrer les ${n} ${s(n, 'échéance', 'échéances')} en retard : nouvelle date ou abandon.`,
      arbitrerBloquees: (fiches: readonly string[]) => `Débloquer ${fiches.length > 1 ? 'les fiches bloquées ou en retard' : 'la fiche bloquée ou en retard'} : n° ${liste(fiches)}.`,
      dateCandidature: 'Fixer la date de dépôt de la candidature au label.',
      datesAudit: "Fixer les dates des deux réunions d'audit (un élu et la direction présents à l'une au moins).",
      viserEtoile: (etoile: number, ecart: number, marge: number, criteres: number) => {
        const score = ecart > 0 ? `encore ${formatNumberFr(ecart, 1)}\u00a0points de\u00a0% de score réalisé (marge de ${formatNumberFr(marge, 0)}\u00a0points comprise)` : 'le score suffit';
        const c = criteres > 0 ? `${ecart > 0 ? ' et' : ', reste'} ${criteres} ${s(criteres, 'critère', 'critères')} à remplir` : '';
        return `Confirmer l'objectif de ${etoiles(etoile)} : ${score}${c}.`;
      },
      completer: (libelle: string) => `Mobiliser les pilotes pour compléter le référentiel, renseigné à ${libelle}.`,
      preuves: (n: number) => `Désigner un responsable et une échéance pour les ${n} ${s(n, 'preuve', 'preuves')} à créer.`,
      acteurs: (n: number) => `Désigner qui contacte les ${n} ${s(n, 'acteur', 'acteurs')} à contacter d'urgence.`,
      plansFaibles: (plans: readonly string[]) => `Intégrer l'économie circulaire aux plans au niveau absent ou faible : ${liste(plans)}.`,
      afom: (n: number) => `Décider des réponses aux ${n} ${s(n, 'faiblesse ou menace', 'faiblesses ou menaces')} sans action.`,
      prochainCopil: (date: string) => `Confirmer la date du prochain COPIL : ${date}.`,
      fixerCopil: 'Fixer la date du prochain COPIL.',
      notes: "Décisions proposées à partir du classeur : plan d'actions à valider, retards à arbitrer, calendrier du label à fixer. À compléter par l'équipe projet avant la séance.",
    },
  },

  // ---- AFOM document ----
  // ---- Printed documents (cover, footer, table of contents) ----
  documents: {
    version: (date: string, heure: string) => `Version du ${date} à ${heure}, établie avec Cap Circulaire`,
    heure: (h: number, m: number) => `${h}\u00a0h\u00a0${String(m).padStart(2, '0')}`,
    pied: (document: string, collectivite: string) => `${document} · ${collectivite}`,
    sommaire: 'Sommaire',
    page: 'page',
    pageSur: 'sur',
  },

  afom: {
    titre: 'Analyse AFOM : atouts, faiblesses, opportunités, menaces',
    sousTitre: (collectivite: string, date: string) => `${collectivite} · document du ${date}`,
    couvertureDate: (date: string) => `Diagnostic arrêté au ${date}`,
    pied: 'Analyse AFOM',
    sourcesDocument: "Sources : le diagnostic AFOM du classeur de pilotage, les actions des services (ce à quoi chacune répond) et les fiches du plan d'actions (éléments AFOM traités).",
    intro: (total: number, a: number, f: number, o: number, m: number) =>
      `Le diagnostic compte ${total} ${s(total, 'élément', 'éléments')} : ${a} ${s(a, 'atout', 'atouts')}, ${f} ${s(f, 'faiblesse', 'faiblesses')}, ${o} ${s(o, 'opportunité', 'opportunités')} et ${m} ${s(m, 'menace', 'menaces')}.`,
    couverture: (avec: number, total: number) =>
      `${avec} ${s(avec, 'élément est traité', 'éléments sont traités')} par au moins une action ou une fiche du plan d'actions, ${total - avec} ${s(total - avec, "ne l'est", 'ne le sont')} pas encore.`,
    synthese: 'Synthèse par axe du référentiel',
    colonnesSynthese: ['Axe', 'Atouts', 'Faiblesses', 'Opportunités', 'Menaces', 'Sans action'] as const,
    axe: (numero: number | null, titre: string | null) => (numero === null ? 'Sans axe du référentiel' : `Axe ${numero} – ${titre ?? ''}`.trim()),
    axeCourt: (numero: number | null) => (numero === null ? 'Sans axe' : `Axe ${numero}`),
    quadrants: { Atout: 'Atouts', Faiblesse: 'Faiblesses', Opportunité: 'Opportunités', Menace: 'Menaces' } as const,
    sansType: 'Éléments sans type',
    element: (id: string, enonce: string) => `${id} – ${enonce}`,
    meta: (importance: number | null, source: string | null) =>
      [importance !== null ? `Importance ${importance} / 3` : 'Importance non renseignée', source ? `source : ${source}` : null].filter(Boolean).join(' · '),
    actionsQuiRepondent: 'Actions qui y répondent :',
    action: (ref: string, intitule: string, service: string | null, temporalite: string | null) =>
      `Action ${ref} – ${intitule}${[service, temporalite].filter(Boolean).length ? ` (${[service, temporalite].filter(Boolean).join(', ')})` : ''}`,
    fiche: (numero: string, titre: string, statut: string | null) => `Fiche ${numero} – ${titre}${statut ? ` (${statut})` : ''}`,
    aucuneReponse: 'Aucune action ne répond encore à cet élément.',
    sansReponse: 'Éléments auxquels aucune action ne répond encore',
    sansReponseIntro: "À examiner en priorité pour le plan d'actions : les faiblesses à corriger, les menaces à anticiper, les atouts et opportunités à valoriser.",
    toutCouvert: 'Chaque élément du diagnostic est traité par au moins une action.',
    vide: "Aucun élément AFOM renseigné : saisissez les atouts, faiblesses, opportunités et menaces du diagnostic dans l'onglet AFOM (Id, Type, Énoncé, Axe, Importance).",
    aucuneAction: "Aucune action renseignée : les actions des services (onglet Actions › Répond à) et les fiches du plan d'actions (AFOM traités) indiqueront ici à quels éléments elles répondent.",
    sources: "Sources : onglet AFOM ; réponses depuis l'onglet Actions (colonne « Répond à ») et l'onglet Plan d'actions (colonne « AFOM traités »).",
  },

  // ---- Dossier d'audit ----
  audit: {
    titre: "Dossier d'audit – label économie circulaire",
    sousTitre: (collectivite: string, date: string) => `${collectivite} · dossier arrêté au ${date}`,
    couvertureDate: (date: string) => `Dossier arrêté au ${date}`,
    pied: "Dossier d'audit",
    aFaire: "À faire avant l'audit",
    aFaireIntro: (manquantes: number, attendues: number, sansResponsable: number, liens: number) =>
      manquantes === 0 && sansResponsable === 0 && liens === 0
        ? `Les ${attendues} preuves attendues sont prêtes ou déposées, chacune a un responsable et ses liens s’ouvrent depuis l’extérieur.`
        : [
            manquantes > 0 ? `${manquantes} ${s(manquantes, 'preuve attendue n’est', 'preuves attendues ne sont')} ni prête${manquantes > 1 ? 's' : ''} ni déposée${manquantes > 1 ? 's' : ''} sur ${attendues}` : `Les ${attendues} preuves attendues sont prêtes ou déposées`,
            sansResponsable > 0 ? `${sansResponsable} ${s(sansResponsable, 'n’a', 'n’ont')} pas de responsable désigné` : null,
            liens > 0 ? `${liens} ${s(liens, 'lien ne s’ouvrira', 'liens ne s’ouvriront')} pas pour un auditeur extérieur à la collectivité` : null,
          ].filter(Boolean).join(' ; ') + '. Le tableau donne, par service, ce qui reste à faire ; le détail suit en fin de dossier.',
    colonnesAFaire: ['Service', 'Preuves à fournir', 'Sans responsable', 'Liens à rendre accessibles'] as const,
    sansService: 'Service non renseigné',
    manquantesParService: 'Preuves à fournir, par service',
    service: (nom: string, n: number) => `${nom} (${n} ${s(n, 'preuve', 'preuves')})`,
    colonnesAFaireDetail: ['Preuve attendue', 'Mesure', 'État', 'Responsable', 'Échéance'] as const,
    aDesigner: 'À désigner',
    liensInaccessibles: "Liens qu'un auditeur extérieur ne pourra pas ouvrir",
    liensInaccessiblesIntro:
      "Ces preuves pointent vers une adresse interne à la collectivité : l'auditeur et la commission du label, qui travaillent de l'extérieur, ne pourront pas les ouvrir. Déposez le document sur un espace partagé accessible de l'extérieur (ou joignez-le au dossier) et remplacez le lien.",
    colonnesLiens: ['Preuve attendue', 'Mesure', 'Lien', 'Pourquoi', 'Service'] as const,
    raisonLien: {
      intranet: 'Adresse de l’intranet',
      'private-ip': 'Adresse IP du réseau interne',
      'local-host': 'Adresse de cet ordinateur',
      file: 'Fichier sur un poste (file:)',
      'network-share': 'Dossier partagé du réseau interne',
      'local-path': 'Chemin sur un poste ou un serveur interne',
    } as const,
    lienInterne: 'Non accessible depuis l’extérieur',
    tousLiensAccessibles: "Tous les liens des preuves sont des adresses publiques : l'auditeur pourra les ouvrir (sous réserve des droits d'accès).",
    mesuresIntroAuditeur:
      "Pour chaque mesure : le statut et les points (réalisés / potentiel) de chaque sous-mesure et, quand elle est détaillée, de ses tâches, avec l'explication et le pilote, puis les preuves attendues, leur état, leur lien et la page où trouver l'élément.",
    sourcesAuditeur:
      'Sources : le classeur de pilotage de la collectivité (statuts, explications et pilotes du référentiel, personnalisation, preuves, calendrier de l’audit) ; scores calculés selon les règles de la plateforme Territoires en Transitions.',
    synthese: 'Synthèse',
    score: (fait: number, potentiel: number, pctFait: number) => `Score réalisé : ${pts(fait)} sur ${pts(potentiel)} (${pct(pctFait)}).`,
    programme: (programme: number, pctPrev: number) => `Points programmés : ${pts(programme)} ; score avec le programmé : ${pct(pctPrev)}.`,
    etoiles: (actuelle: number, atteignable: number) => `Étoile actuelle : ${etoiles(actuelle)} ; à portée si le programmé est réalisé : ${etoiles(atteignable)}.`,
    completude: (libelle: string) => `Référentiel renseigné : ${libelle}.`,
    preuves: (libelle: string) => `Preuves : ${libelle}.`,
    checklist: 'Liste de contrôle',
    colonnesChecklist: ['Critère', 'État', 'Détail'] as const,
    calendrier: "Calendrier de l'audit",
    colonnesCalendrier: ['Étape', 'Date prévue', 'Élu·e présent·e', 'Direction présente', 'Points de vigilance'] as const,
    mesures: 'Mesures du référentiel',
    mesuresIntro:
      "Pour chaque mesure : le statut et les points (réalisés / potentiel) de chaque sous-mesure et, quand elle est détaillée, de ses tâches, l'explication et le pilote saisis dans l'onglet Référentiel, puis les preuves attendues avec leur état, leur lien et la page où trouver l'élément.",
    axe: (identifiant: string, titre: string) => `Axe ${identifiant} – ${titre}`,
    mesure: (identifiant: string, titre: string) => `${identifiant} ${titre}`,
    resumeMesure: (fait: number, potentiel: number, pctFait: number, programme: number) =>
      `${pts(fait)} réalisés sur ${pts(potentiel)} (${pct(pctFait)})${programme > 0 ? `, ${pts(programme)} programmés` : ''}.`,
    nonConcernee: 'Mesure non concernée (personnalisation ou statut).',
    colonnesSousMesures: ['Sous-mesure (et tâches)', 'Statut', 'Points', 'Pilote', 'Explication'] as const,
    pointsSur: (fait: number, potentiel: number) => `${formatNumberFr(fait, 1)} / ${formatNumberFr(potentiel, 1)}`,
    colonnesPreuves: ['Preuve attendue', 'Sous-mesures', 'État', 'Lien', 'Page'] as const,
    aucunePreuveAttendue: "Aucune preuve attendue pour cette mesure dans l'onglet Preuves.",
    preuvesDeLaMesure: 'Preuves',
    ouvrir: 'Ouvrir',
    lienNonValide: (lien: string) => `${lien} (adresse non valide)`,
    statuts: {
      fait: 'Fait',
      programme: 'Programmé',
      pas_fait: 'Pas fait',
      detaille: 'Détaillé au %',
      non_concerne: 'Non concerné',
      non_renseigne: 'Non renseigné',
      non_renseignable: 'Selon la sous-mesure',
      detaille_a_la_tache: 'Détaillé à la tâche',
    } as const,
    detaille: (f: number, p: number, n: number) =>
      `Détaillé : ${formatPercentFr(f, 0)} fait, ${formatPercentFr(p, 0)} programmé, ${formatPercentFr(n, 0)} pas fait`,
    manquantes: 'Preuves manquantes par responsable',
    manquantesIntro: (n: number, total: number) =>
      n === 0
        ? `Les ${total} preuves attendues sont prêtes ou déposées.`
        : `${n} ${s(n, 'preuve attendue n’est', 'preuves attendues ne sont')} ni prête${n > 1 ? 's' : ''} ni déposée${n > 1 ? 's' : ''} sur ${total}.`,
    responsable: (nom: string, n: number) => `${nom} (${n} ${s(n, 'preuve', 'preuves')})`,
    sansResponsable: 'Responsable non désigné',
    colonnesManquantes: ['Preuve attendue', 'Mesure', 'État', 'Échéance'] as const,
    aucunePreuve: "Aucune preuve attendue dans l'onglet Preuves : relancez « Installer ou mettre à jour le classeur » pour les pré-remplir.",
    sources: "Sources : onglets Référentiel (statuts, explications, pilotes), Personnalisation, Preuves et Audit ; scores calculés selon les règles de la plateforme Territoires en Transitions.",
  },

  // ---- Bilan d'une instance ----
  bilan: {
    titre: (type: string | null, date: string) => `${type ?? 'Instance'} du ${date}`,
    sousTitre: (collectivite: string, date: string) => `${collectivite} · bilan établi le ${date}`,
    couvertureDate: (date: string) => `Réunion du ${date}`,
    pied: (titre: string) => `Bilan – ${titre}`,
    nombreParticipants: 'Nombre de participants',
    listeParticipants: 'Participants',
    aucunParticipant: 'Liste des participants non renseignée.',
    echeancesDepuis: (mois: number, date: string) => `Échéances des ${mois} mois suivant la réunion (à partir du ${date})`,
    aucuneEcheanceDepuis: (mois: number, date: string) => `Aucun jalon ni engagement à échéance dans les ${mois} mois suivant le ${date}.`,
    retardsAu: (date: string) => `Échéances dépassées au ${date}`,
    sourcesDocument: "Sources : le classeur de pilotage (instances, engagements, jalons et calendrier de l'audit) ; échéances comptées à partir de la date de la réunion.",
    informations: 'Informations',
    colonnesInfos: ['', ''] as const,
    numero: 'N°',
    intitule: 'Intitulé',
    date: 'Date',
    type: 'Type',
    public: 'Public',
    participants: 'Participants',
    elu: 'Élu·e présent·e',
    direction: 'Direction présente',
    compteRendu: 'Compte rendu',
    pointsCles: 'Points clés',
    aucunPoint: "Aucun point clé saisi pour cette instance (onglet Instances, colonne « Points clés »).",
    decisions: 'Décisions',
    aucuneDecision: "Aucune décision saisie pour cette instance (onglet Instances, colonne « Décisions »).",
    engagements: 'Engagements',
    colonnesEngagements: ['Qui', 'Quoi', 'Échéance', 'Statut'] as const,
    aucunEngagement: "Aucun engagement enregistré pour cette instance (onglet Engagements).",
    enRetard: 'En retard',
    aFaire: 'À faire',
    fait: 'Fait',
    prochainesDates: 'Prochaines dates',
    prochainesInstances: 'Prochaines instances',
    aucuneInstance: 'Aucune instance programmée après celle-ci.',
    instance: (date: string, type: string | null, intitule: string) => `${date} · ${type ? `${type} – ` : ''}${intitule}`,
    echeances: (mois: number) => `Échéances des ${mois} prochains mois`,
    aucuneEcheance: (mois: number) => `Aucun jalon ni engagement à échéance dans les ${mois} prochains mois.`,
    echeance: (date: string, libelle: string, qui: string | null) => `${date} · ${libelle}${qui ? ` (${qui})` : ''}`,
    retards: 'Échéances dépassées',
    calendrierAudit: "Calendrier de l'audit",
    etapeAudit: (date: string, etape: string) => `${date} · ${etape}`,
    introuvable: (n: number, disponibles: readonly number[]) =>
      `Instance n° ${n} introuvable dans l'onglet Instances.${disponibles.length ? ` Numéros disponibles : ${disponibles.join(', ')}.` : " L'onglet ne contient aucune instance."}`,
    sources: 'Sources : onglets Instances, Engagements, Jalons et Audit.',
  },

  // ---- Commands (menu and CLI) ----
  commande: {
    journal: (kind: ReportKind) => `Générer ▸ ${REPORT_COMMAND_LABELS[kind]}`,
    cree: (nom: string) => `Document créé : ${nom}`,
    ecrit: (chemin: string) => `Fichier écrit : ${chemin}`,
    pasDeCurseur: "Placez le curseur sur une ligne de l'onglet Instances (une instance avec son N°), puis relancez « Générer ▸ Bilan d'une instance ».",
    ligneVide: (ligne: number) => `La ligne ${ligne} de l'onglet Instances ne contient pas d'instance avec un N° : placez le curseur sur une instance.`,
    instanceManquante: "Indiquez l'instance avec --instance N (le N° de l'onglet Instances).",
    instanceInvalide: (v: string) => `--instance attend le N° d'une instance (nombre entier), pas « ${v} ».`,
    typeInconnu: (v: string) => `Document inconnu « ${v} » : copil, afom, audit ou bilan.`,
    usage: 'Usage : cap-circulaire generate (copil|afom|audit|bilan) classeur.xlsx --out FICHIER [--instance N]',
    extension: (attendue: string, out: string) => `Le fichier de sortie « ${out} » doit avoir l'extension ${attendue}.`,
    lienFichier: (url: string) => `Ouvrir le document : ${url}`,
    titreDialogue: (kind: ReportKind) => REPORT_COMMAND_LABELS[kind],
    dialogue: (nom: string) => `Le document « ${nom} » a été créé dans votre Google Drive. Son lien est aussi noté dans l’onglet Journal.`,
    ouvrir: 'Ouvrir le document',
    fermer: 'Fermer',
  },

  demo: {
    label: 'Documents : présentation COPIL, document AFOM, dossier d’audit, bilan d’une instance',
    ecrits: (n: number, instance: number | null) => `${n} fichiers${instance !== null ? ` (bilan de l’instance n° ${instance})` : ''}`,
    sansInstance: "Aucune instance datée dans l'onglet Instances : pas de bilan d'instance.",
  },

  cli: {
    summary: 'génère la présentation COPIL (.pptx), le document AFOM, le dossier d’audit ou le bilan d’une instance (.docx)',
    usage: [
      'cap-circulaire generate copil classeur.xlsx --out presentation-copil.pptx',
      'cap-circulaire generate (afom|audit) classeur.xlsx --out FICHIER.docx',
      'cap-circulaire generate bilan classeur.xlsx --instance N --out bilan.docx',
    ],
    description:
      'Construit le document à partir du classeur (scores, tableau de bord, AFOM, preuves, instances…) et l’écrit dans FICHIER. Le classeur n’est jamais modifié. copil : présentation du comité de pilotage ; afom : les quatre quadrants et les actions qui y répondent ; audit : le dossier pour l’auditeur (mesures, points, preuves, liste de contrôle, calendrier) ; bilan : le suivi d’une instance (points clés, décisions, engagements, prochaines dates).',
    outOption: 'fichier à écrire (.pptx pour copil, .docx sinon)',
    instanceOption: 'N° de l’instance (onglet Instances), pour bilan',
    ecrit: (kind: ReportKind, chemin: string) => `${REPORT_COMMAND_LABELS[kind]} écrit${kind === 'copil' ? 'e' : ''} : ${chemin}`,
    resume: (pages: number, unite: 'diapositives' | 'sections') => `${pages} ${unite}.`,
    anomalies: (n: number) =>
      `${n} ${s(n, 'anomalie bloquante', 'anomalies bloquantes')} dans le classeur : le document est écrit, mais vérifiez ces saisies (cap-circulaire validate).`,
    anomalie: (onglet: string, ligne: number | null, colonne: string | null, message: string) =>
      `  ${onglet}${ligne !== null ? `, ligne ${ligne}` : ''}${colonne ? `, ${colonne}` : ''} : ${message}`,
    etAutres: (n: number) => `  … et ${n} ${s(n, 'autre', 'autres')}.`,
  },
} as const;

export const REPORT_COMMAND_LABELS: Readonly<Record<ReportKind, string>> = {
  copil: 'Présentation COPIL',
  afom: 'Document AFOM',
  audit: "Dossier d'audit",
  bilan: "Bilan d'une instance",
};
