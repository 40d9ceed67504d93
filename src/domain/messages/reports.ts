/**
 * Messages of the generated documents (COPIL deck, AFOM document, dossier
 * d'audit, bilan d'une instance) and of their commands. French, read by élus,
 * directions and auditors: full sentences, French typography (narrow no-break
 * space before « % », « : » handled by the text itself).
 */
import { formatEuro, formatNumberFr, formatPercentFr } from '../format';
import type { ReportKind } from '../reports/kind';

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

  // ---- COPIL deck: its words are in messages/copil.ts; the audit file shares this one ----
  deck: {
    calendrier: { aFixer: 'À fixer' },
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
  },

  // ---- Dossier d'audit ----
  audit: {
    titre: "Dossier d'audit – label économie circulaire",
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
    manquantesIntro: (n: number, total: number) =>
      n === 0
        ? `Les ${total} preuves attendues sont prêtes ou déposées.`
        : `${n} ${s(n, 'preuve attendue n’est', 'preuves attendues ne sont')} ni prête${n > 1 ? 's' : ''} ni déposée${n > 1 ? 's' : ''} sur ${total}.`,
    aucunePreuve: "Aucune preuve attendue dans l'onglet Preuves : relancez « Installer ou mettre à jour le classeur » pour les pré-remplir.",
  },

  // ---- Bilan d'une instance ----
  bilan: {
    titre: (type: string | null, date: string) => `${type ?? 'Instance'} du ${date}`,
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
    numero: 'N°',
    intitule: 'Intitulé',
    date: 'Date',
    type: 'Type',
    public: 'Public',
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
    echeance: (date: string, libelle: string, qui: string | null) => `${date} · ${libelle}${qui ? ` (${qui})` : ''}`,
    calendrierAudit: "Calendrier de l'audit",
    etapeAudit: (date: string, etape: string) => `${date} · ${etape}`,
    introuvable: (n: number, disponibles: readonly number[]) =>
      `Instance n° ${n} introuvable dans l'onglet Instances.${disponibles.length ? ` Numéros disponibles : ${disponibles.join(', ')}.` : " L'onglet ne contient aucune instance."}`,
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
    usage: 'Usage : cap-circulaire generate (copil|afom|audit|bilan) classeur.xlsx --out FICHIER [--instance N] [--date JJ/MM/AAAA] [--in-place]',
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
      'cap-circulaire generate copil classeur.xlsx --out presentation-copil.pptx [--instance N | --date JJ/MM/AAAA] [--in-place]',
      'cap-circulaire generate (afom|audit) classeur.xlsx --out FICHIER.docx',
      'cap-circulaire generate bilan classeur.xlsx --instance N --out bilan.docx',
    ],
    description:
      'Construit le document à partir du classeur (scores, tableau de bord, AFOM, preuves, instances…) et l’écrit dans FICHIER. Le classeur n’est jamais modifié. copil : présentation du comité de pilotage ; afom : les quatre quadrants et les actions qui y répondent ; audit : le dossier pour l’auditeur (mesures, points, preuves, liste de contrôle, calendrier) ; bilan : le suivi d’une instance (points clés, décisions, engagements, prochaines dates).',
    outOption: 'fichier à écrire (.pptx pour copil, .docx sinon)',
    instanceOption: 'N° de l’instance (onglet Instances) : la réunion du bilan, ou le COPIL de la présentation (par défaut le prochain)',
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
