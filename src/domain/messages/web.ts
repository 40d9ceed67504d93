/**
 * Texts of the web page (src/web), French, shown to users. The names of the
 * file input and of the buttons are a contract (like the CLI's verbs): tests
 * and users' habits rely on them.
 */
import { formatNumberFr, formatPercentFr } from '../format';
import type { ReportKind } from '../reports/kind';

const s = (n: number, one: string, many: string) => (Math.abs(n) >= 2 ? many : one);
const nb = (n: number, one: string, many: string) => `${formatNumberFr(n)}\u00a0${s(n, one, many)}`;

export const WEB_MESSAGES = {
  titrePage: 'Cap Circulaire – piloter sa stratégie d’économie circulaire',
  titre: 'Cap Circulaire',
  sousTitre: 'Piloter la stratégie d’économie circulaire d’une collectivité avec le référentiel ECi de l’ADEME',
  /** The one sentence that says nothing leaves the computer. */
  confidentialite: 'Vos fichiers ne quittent pas votre ordinateur : tout est calculé dans ce navigateur, rien n’est envoyé sur Internet.',
  allerAuContenu: 'Aller au contenu',

  /** Contract: accessible names of the controls, exactly as in PRODUCT.md (straight apostrophes included). */
  controles: {
    ouvrir: 'Ouvrir un classeur',
    verifier: 'Vérifier',
    consolider: 'Consolider',
    scores: 'Calculer les scores',
    copil: 'Présentation COPIL',
    afom: 'Document AFOM',
    audit: "Dossier d'audit",
    bilan: "Bilan d'une instance",
    exportTet: 'Export Territoires en Transitions',
    modele: 'Modèle vierge',
  },

  ouvrir: {
    titre: '1. Ouvrir le classeur',
    aide: 'Le classeur Cap Circulaire de la collectivité, au format Excel (.xlsx), tel qu’Excel, LibreOffice ou Google Sheets l’enregistrent.',
    deposer: 'ou déposez le fichier ici',
    modeleAide: 'Pas encore de classeur\u00a0? Téléchargez le modèle vierge, faites remplir un onglet « Service – … » par chaque service, puis ouvrez-le ici.',
    lecture: (fichier: string) => `Lecture de « ${fichier} »…`,
    ouvert: (fichier: string, verification: string) => `« ${fichier} » ouvert. ${verification}`,
    ods:
      'Ce fichier est au format OpenDocument (.ods), que Cap Circulaire ne lit pas encore. Dans LibreOffice Calc, choisissez Fichier ▸ Enregistrer sous…, type de fichier « Classeur Excel 2007-365 (.xlsx) », cliquez sur « Utiliser le format Excel 2007-365\u00a0! », puis ouvrez ici le fichier .xlsx obtenu.',
    pasXlsx: (fichier: string) =>
      `« ${fichier} » n’est pas un classeur .xlsx lisible. Ouvrez-le dans Excel ou LibreOffice et enregistrez-le au format Excel (.xlsx), puis ouvrez-le à nouveau ici.`,
    xls: (fichier: string) =>
      `« ${fichier} » est dans un ancien format Excel (.xls) ou au format binaire (.xlsb), que Cap Circulaire ne lit pas. Ouvrez-le dans Excel (Fichier ▸ Enregistrer sous, type « Classeur Excel (*.xlsx) ») ou dans LibreOffice Calc (type « Classeur Excel 2007-365 (.xlsx) »), puis ouvrez ici le fichier .xlsx obtenu.`,
    chiffre: (fichier: string) =>
      `« ${fichier} » est protégé par un mot de passe : Cap Circulaire ne peut pas le lire. Dans Excel : Fichier ▸ Informations ▸ Protéger le classeur ▸ Chiffrer avec mot de passe, effacez le mot de passe et enregistrez une copie ; puis ouvrez ici cette copie.`,
    endommage: (fichier: string) =>
      `« ${fichier} » est incomplet ou endommagé (copie interrompue, pièce jointe mal téléchargée…). Reprenez une copie complète du classeur, ou ouvrez-le dans Excel ou LibreOffice et enregistrez-le de nouveau au format .xlsx.`,
    plusieurs: 'Déposez un seul classeur à la fois.',
  },

  classeur: {
    titre: 'Le classeur',
    fichier: 'Fichier',
    collectivite: 'Collectivité',
    services: 'Services',
    aucunService: 'Aucun onglet « Service – … » dans ce classeur : ajoutez un onglet par service (voir le modèle vierge).',
    colonneService: 'Onglet du service',
    colonneActions: 'Actions',
    legendeServices: (n: number, actions: number) => `${nb(n, 'service', 'services')}, ${nb(actions, 'action', 'actions')} en tout`,
    consolide: 'Classeur consolidé dans cette page : les documents sont générés à partir des actions consolidées.',
  },

  travailler: {
    titre: '2. Travailler sur le classeur',
    verifierAide: 'Liste les anomalies de saisie, onglet par onglet.',
    consoliderAide: 'Reconstruit l’onglet « Actions » à partir des onglets de service et télécharge le classeur consolidé (le fichier ouvert n’est pas modifié).',
    scoresAide: 'Score du référentiel par axe, étoile obtenue et étoile à portée.',
    generer: 'Générer un document',
    genererAide: 'Chaque document est téléchargé, nommé avec la collectivité et la date.',
    instanceCopil: 'Instance du COPIL',
    instanceCopilDefaut: 'Prochain COPIL (ou le dernier)',
    instanceBilan: 'Instance du bilan',
    aucuneInstance: 'Aucune instance dans l’onglet « Instances »',
    instance: (numero: number, type: string | null, date: string | null, intitule: string) =>
      [`N°\u00a0${numero}`, type, date, intitule].filter((x) => x && String(x).trim()).join(' – '),
    modeleTitre: 'Commencer sans classeur',
  },

  progression: {
    lecture: 'Lecture du classeur',
    verification: 'Vérification des saisies',
    consolidation: 'Consolidation des services',
    ecriture: 'Écriture du classeur',
    scores: 'Calcul des scores',
    document: (nom: string) => `Génération : ${nom}`,
    exportTet: 'Export Territoires en Transitions',
    modele: 'Construction du modèle vierge',
    etape: (label: string, i: number, n: number) => `${label} (étape ${i} sur ${n})…`,
    enCours: 'Calcul en cours…',
    termine: 'Terminé.',
  },

  anomalies: {
    titre: 'Anomalies',
    aucune: 'Aucune anomalie : le classeur est prêt.',
    resume: (bloquantes: number, avertissements: number) =>
      `${nb(bloquantes, 'anomalie bloquante', 'anomalies bloquantes')}, ${nb(avertissements, 'avertissement', 'avertissements')}.`,
    filtreOnglet: 'Onglet',
    tousOnglets: 'Tous les onglets',
    filtreGravite: 'Gravité',
    toutes: 'Toutes',
    bloquantes: 'Bloquantes',
    avertissements: 'Avertissements',
    filtreTexte: 'Rechercher dans les messages',
    colonnes: { onglet: 'Onglet', ligne: 'Ligne', colonne: 'Colonne', message: 'Message', bloquante: 'Bloquante' },
    oui: 'Oui',
    non: 'Non',
    trierPar: (colonne: string) => `Trier par ${colonne.toLowerCase()}`,
    affichees: (shown: number, total: number) =>
      shown === total ? `${nb(total, 'anomalie affichée', 'anomalies affichées')}.` : `${formatNumberFr(shown)} anomalies affichées sur ${formatNumberFr(total)}.`,
    plus: (n: number) => `Afficher ${formatNumberFr(n)} de plus`,
    legende: 'Anomalies du classeur : onglet, ligne, colonne, message et gravité',
  },

  /**
   * Cells the .xlsx layer could not read, or write as asked (each line is the
   * layer's own message, src/domain/messages/xlsx.ts, as the command line prints it).
   */
  cellules: {
    nonLues: 'Cellules non lues',
    nonEcrites: 'Cellules non écrites',
    aideNonLues:
      'Ces cellules du classeur ouvert n’ont pas pu être lues telles que vous les voyez dans Excel : la vérification, la consolidation et les documents les lisent comme vides. Chaque ligne dit pourquoi et que faire.',
    aideNonEcrites:
      'Dans le classeur consolidé téléchargé, ces cellules n’ont pas été écrites comme la consolidation le demandait (laissées telles quelles, ou leur formule remplacée par sa valeur). Chaque ligne dit pourquoi et que faire.',
    resume: (cellules: number, onglets: number) => `${nb(cellules, 'cellule', 'cellules')} dans ${nb(onglets, 'onglet', 'onglets')}.`,
    colonnes: { onglet: 'Onglet', cellule: 'Cellule', message: 'Ce qui s’est passé' },
    legendeNonLues: 'Cellules non lues : onglet, cellule et explication',
    legendeNonEcrites: 'Cellules non écrites : onglet, cellule et explication',
    /** Added to the status line, so that a screen reader hears it with the result. */
    annonceNonLues: (n: number) => `${nb(n, 'cellule n’a pas pu être lue', 'cellules n’ont pas pu être lues')} : voir « Cellules non lues ».`,
    annonceNonEcrites: (n: number) => `${nb(n, 'cellule n’a pas été écrite comme prévu', 'cellules n’ont pas été écrites comme prévu')} : voir « Cellules non écrites ».`,
    plus: (n: number) => `Afficher ${formatNumberFr(n)} de plus`,
  },

  scores: {
    titre: 'Scores du référentiel',
    axe: 'Axe',
    potentiel: 'Points potentiels',
    fait: 'Points réalisés',
    programme: 'Points programmés',
    realise: 'Réalisé',
    prevu: 'Programmé',
    total: 'Total',
    legende: 'Score par axe du référentiel économie circulaire',
    etoileActuelle: 'Étoile actuelle',
    etoileAPortee: 'Étoile à portée (si le programmé est réalisé)',
    scoreRealise: (pct: number) => `Score réalisé : ${formatPercentFr(pct / 100)}`,
    scorePrevisionnel: (pct: number) => `Réalisé et programmé : ${formatPercentFr(pct / 100)}`,
    etoilesSur: (n: number) => `${n}\u00a0${s(n, 'étoile', 'étoiles')} sur 5`,
    completude: (libelle: string) => `Référentiel renseigné : ${libelle}`,
    graphique: 'Barre : réalisé, puis programmé',
    calcules: (actuelle: number, atteignable: number, scoreRealise: number) =>
      `Scores calculés : score réalisé ${formatPercentFr(scoreRealise / 100)}, ${actuelle}\u00a0${s(actuelle, 'étoile', 'étoiles')}, ${atteignable} à portée.`,
  },

  telechargements: {
    titre: 'Fichiers produits',
    aide: 'Les fichiers sont enregistrés dans le dossier de téléchargement du navigateur ; chaque lien permet de les télécharger à nouveau.',
    lien: (nom: string, taille: number) => `${nom} (${formatNumberFr(Math.max(1, Math.round(taille / 1024)))}\u00a0Ko)`,
  },

  resultats: {
    consolide: (message: string) => message,
    rapport: 'Rapport de consolidation (JSON)',
    document: (nom: string) => `Document généré : ${nom}.`,
    anomaliesDocument: (n: number) => `${nb(n, 'anomalie bloquante', 'anomalies bloquantes')} dans le classeur : le document est produit, mais vérifiez les saisies.`,
    modele: (onglets: number) => `Modèle vierge téléchargé : ${nb(onglets, 'onglet', 'onglets')}.`,
    exportTet: (message: string) => message,
  },

  /** Names of the downloaded files (collectivité and date); `/` is not allowed in a file name. */
  fichiers: {
    consolide: (collectivite: string, date: string) => `Classeur consolidé – ${collectivite} – ${date}`,
    rapport: (collectivite: string, date: string) => `Rapport de consolidation – ${collectivite} – ${date}`,
    scores: (collectivite: string, date: string) => `Scores – ${collectivite} – ${date}`,
    exportTet: (collectivite: string, date: string) => `Export Territoires en Transitions – ${collectivite} – ${date}`,
    modele: (date: string) => `Modèle Cap Circulaire – ${date}`,
  },

  erreurs: {
    aucunClasseur: 'Ouvrez d’abord un classeur (bouton « Ouvrir un classeur »).',
    choisirInstance: 'Choisissez l’instance du bilan dans la liste.',
    occupe: 'Un calcul est déjà en cours : attendez qu’il se termine.',
    inattendue: (detail: string) => `Erreur inattendue : ${detail}. Le classeur ouvert n’a pas été modifié ; rechargez la page et réessayez.`,
    memoire: 'Le navigateur manque de mémoire pour ce classeur. Fermez d’autres onglets et réessayez.',
    worker: 'Le moteur de calcul n’a pas pu démarrer dans ce navigateur. Utilisez une version récente de Firefox, Chrome, Edge ou Safari.',
  },

  piedDePage: 'Cap Circulaire – moteur libre (licence MIT). Le même moteur sert le module Google Sheets et la commande cap-circulaire.',
  documents: (kind: ReportKind) => ({ copil: 'présentation COPIL', afom: 'document AFOM', audit: 'dossier d’audit', bilan: 'bilan d’une instance' })[kind],
} as const;
