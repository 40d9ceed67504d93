/**
 * Texts of the maintainers' Google commands (French, read by whoever runs
 * them): `npm run deploy:google` (the template spreadsheet and its copy link)
 * and `npm run e2e:google` (the live end-to-end check).
 */

const ENV_OAUTH = ['GOOGLE_CLIENT_ID', 'GOOGLE_CLIENT_SECRET', 'GOOGLE_REFRESH_TOKEN'] as const;

/** What a maintainer must set, in the order the README gives it. */
const HOW_TO_CREDENTIALS = [
  'Deux façons de fournir les identifiants Google :',
  `  1. un client OAuth (type « Application de bureau ») et un jeton d’actualisation : variables ${ENV_OAUTH.join(', ')} ;`,
  '     (ou GOOGLE_APPLICATION_CREDENTIALS vers un fichier JSON de type « authorized_user », celui qu’écrit « gcloud auth application-default login ») ;',
  '  2. un compte de service : GOOGLE_APPLICATION_CREDENTIALS vers sa clé JSON, et GOOGLE_IMPERSONATE_USER, l’adresse de l’utilisateur Google Workspace au nom duquel il agit (délégation au niveau du domaine) : l’API Apps Script refuse les comptes de service agissant en leur nom propre.',
  'Dans le projet Google Cloud : activer les API Google Drive, Google Sheets et Apps Script ; pour le compte Google : activer l’API Apps Script sur https://script.google.com/home/usersettings.',
  'Le détail est dans le README, paragraphe « Pour les mainteneurs ».',
].join('\n');

export const DEPLOY_MESSAGES = {
  envOauth: ENV_OAUTH,
  howToCredentials: HOW_TO_CREDENTIALS,
  unexpected: (detail: string) => `Erreur inattendue : ${detail}. Relancez avec --debug pour le détail technique.`,

  credentials: {
    none: `Aucun identifiant Google n’est défini : ni ${ENV_OAUTH.join(', ')}, ni GOOGLE_APPLICATION_CREDENTIALS.\n\n${HOW_TO_CREDENTIALS}`,
    partialOauth: (missing: readonly string[]) =>
      `Identifiants OAuth incomplets : ${missing.length > 1 ? 'il manque les variables' : 'il manque la variable'} ${missing.join(', ')}.`,
    keyFileMissing: (path: string) => `GOOGLE_APPLICATION_CREDENTIALS désigne un fichier introuvable : ${path}`,
    keyFileUnreadable: (path: string) =>
      `Le fichier désigné par GOOGLE_APPLICATION_CREDENTIALS n’est pas un fichier JSON d’identifiants Google lisible : ${path}`,
    keyFileType: (path: string, type: string) =>
      `Le fichier ${path} est de type « ${type} » : seuls les types « service_account » (clé de compte de service) et « authorized_user » (client OAuth et jeton d’actualisation) sont acceptés.`,
    keyFileFields: (path: string, fields: readonly string[]) => `Le fichier ${path} est incomplet : il manque ${fields.join(', ')}.`,
    serviceAccountAlone: (email: string) =>
      `Le compte de service ${email} ne peut pas agir en son nom propre : l’API Apps Script ne fonctionne pas avec les comptes de service. Indiquez dans GOOGLE_IMPERSONATE_USER l’adresse d’un utilisateur de votre domaine Google Workspace au nom duquel il agira (délégation au niveau du domaine, à autoriser par l’administrateur pour les portées listées dans le README), ou utilisez un client OAuth.`,
    badImpersonation: (value: string) => `GOOGLE_IMPERSONATE_USER doit être une adresse électronique : « ${value} ».`,
    invalid: (problems: readonly string[]) => `Identifiants Google inutilisables :\n- ${problems.join('\n- ')}\n\n${HOW_TO_CREDENTIALS}`,
  },

  build: {
    missing: (dir: string, files: readonly string[]) =>
      `Le module Apps Script n’est pas construit : ${files.join(', ')} ${files.length > 1 ? 'manquent' : 'manque'} dans ${dir}. Lancez « npm run build ».`,
    noManifest: (dir: string) => `Le manifeste appsscript.json manque dans ${dir}. Lancez « npm run build ».`,
  },

  state: {
    unreadable: (path: string) =>
      `Le fichier ${path} (identifiants du modèle déjà déployé) est illisible. Corrigez-le, ou supprimez-le pour créer un nouveau modèle (l’ancien lien de copie restera celui de l’ancien modèle).`,
    templateGone: (path: string, id: string) =>
      `Le modèle ${id} enregistré dans ${path} est introuvable ou dans la corbeille. Restaurez-le depuis la corbeille de Google Drive, ou supprimez ${path} pour en créer un nouveau (le lien de copie changera : mettez à jour le README et vos communications).`,
  },

  api: {
    forbidden: (what: string, detail: string) =>
      `Google refuse l’opération « ${what} » (403) : ${detail}\nVérifiez que les API Google Drive, Google Sheets et Apps Script sont activées dans le projet Google Cloud du client OAuth, que le compte a accès au fichier, et que les identifiants couvrent les portées listées dans le README.`,
    appsScriptApiDisabled: (what: string) =>
      `Google refuse l’opération « ${what} » : l’API Apps Script n’est pas activée pour ce compte Google. Activez-la sur https://script.google.com/home/usersettings (« API Google Apps Script » sur « Activé »), attendez quelques minutes, puis relancez.`,
    notFound: (what: string) =>
      `Google ne trouve pas la ressource demandée par l’opération « ${what} » (404) : le fichier a peut-être été supprimé, ou ces identifiants n’y ont pas accès.`,
    unauthorized: (what: string) =>
      `Google refuse les identifiants lors de l’opération « ${what} » (401) : le jeton d’actualisation est peut-être expiré ou révoqué. Générez-en un nouveau (voir le README, « Pour les mainteneurs »).`,
    tokenRefused: (detail: string) =>
      `Google refuse les identifiants : ${detail}. Le jeton d’actualisation est peut-être expiré ou révoqué, ou le client OAuth supprimé. Générez-en un nouveau (voir le README, « Pour les mainteneurs »).`,
    rateLimited: (what: string, attempts: number) =>
      `Google limite le nombre de requêtes (429) : l’opération « ${what} » a encore été refusée après ${attempts} tentatives espacées. Attendez une minute puis relancez : le déploiement reprend là où il s’est arrêté.`,
    serverError: (what: string, status: number, attempts: number) =>
      `Les serveurs de Google ont répondu par une erreur ${status} à l’opération « ${what} »${attempts > 1 ? ` (${attempts} tentatives)` : ''}. Relancez dans quelques minutes : le déploiement reprend là où il s’est arrêté.`,
    badRequest: (what: string, detail: string) => `Google refuse la requête « ${what} » (400) : ${detail}`,
    other: (what: string, status: number | string, detail: string) => `L’opération « ${what} » a échoué (${status}) : ${detail}`,
    network: (what: string, detail: string) =>
      `Impossible de joindre les serveurs de Google pendant l’opération « ${what} » : ${detail}. Vérifiez la connexion à Internet, puis relancez.`,
    retrying: (what: string, status: number, seconds: number, attempt: number, max: number) =>
      `Google a répondu ${status} à « ${what} » : nouvelle tentative dans ${seconds} s (${attempt}/${max}).`,
  },

  /** Names of the operations, as the messages above quote them. */
  op: {
    createSpreadsheet: 'création du classeur modèle',
    readTemplate: 'lecture du classeur modèle',
    readValues: 'lecture des onglets du modèle',
    install: 'installation du classeur (onglets, listes, formats)',
    createScript: 'création du script lié au classeur',
    pushScript: 'envoi du module Apps Script',
    listPermissions: 'lecture du partage du modèle',
    share: 'partage du modèle en lecture à toute personne disposant du lien',
    checkFile: 'vérification du modèle dans Google Drive',
    createVersion: 'création d’une version du script',
    deployment: 'déploiement du script en exécutable d’API',
    run: (fn: string) => `exécution de ${fn}`,
    writeCells: 'saisie de cellules',
    readBack: 'relecture des résultats',
    resetSheets: 'remise à zéro du classeur d’essai',
  },

  deploy: {
    title: 'Déploiement du modèle Cap Circulaire dans Google Sheets',
    templateTitle: (version: string) => `Cap Circulaire – modèle (v${version})`,
    creating: 'Création du classeur modèle…',
    updating: (id: string) => `Mise à jour du classeur modèle ${id}…`,
    installed: (created: number, requests: number) =>
      `Classeur installé : ${created} onglet(s) créé(s), ${requests} modification(s) envoyée(s) à Google Sheets.`,
    scriptCreated: (id: string) => `Script lié créé : ${id}`,
    pushed: (files: readonly string[]) => `Module envoyé : ${files.join(', ')}.`,
    shared: 'Partagé en lecture à toute personne disposant du lien.',
    alreadyShared: 'Déjà partagé en lecture à toute personne disposant du lien.',
    done: (link: string) =>
      `Lien à transmettre aux chargé·es de mission (il crée leur propre copie, avec le menu Cap Circulaire) :\n${link}`,
    editLink: (url: string) => `Le modèle lui-même (pour les mainteneurs) : ${url}`,
    usage: 'Utilisation : npm run deploy:google  (crée le modèle, ou le met à jour s’il existe déjà)',
  },

  e2e: {
    title: 'Essai de bout en bout dans Google (e2e:google)',
    skipped: `Essai de bout en bout dans Google ignoré : aucun identifiant Google n’est défini (c’est normal pour « npm test » et l’intégration continue, qui restent hors ligne).\nPour le lancer : définissez les identifiants, puis « npm run e2e:google ».\n\n${HOW_TO_CREDENTIALS}`,
    needsOauth:
      'L’essai de bout en bout exécute le script par l’API Apps Script (scripts.run), qui exige un client OAuth du même projet Google Cloud que le script ; un compte de service, même avec délégation, n’est pas accepté par Google pour cet usage. Utilisez GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET et GOOGLE_REFRESH_TOKEN.',
    creatingBench: 'Création du classeur d’essai et de son script…',
    bench: (url: string) => `Classeur d’essai : ${url}`,
    needsGcpProject: (scriptUrl: string) =>
      `Le script du classeur d’essai doit être rattaché au projet Google Cloud de votre client OAuth (opération manuelle, une seule fois) : ouvrez ${scriptUrl}, Paramètres du projet ▸ Projet Google Cloud ▸ Modifier le projet, saisissez le numéro du projet, puis relancez « npm run e2e:google ».`,
    callerProjectMismatch:
      'Google refuse l’exécution (403) : le script et le client OAuth ne sont pas dans le même projet Google Cloud. Rattachez le script au projet du client OAuth (Paramètres du projet ▸ Projet Google Cloud), puis relancez.',
    step: (n: number, total: number, label: string) => `[${n}/${total}] ${label}`,
    ok: (detail: string) => `  ✔ ${detail}`,
    failed: (detail: string) => `  ✘ ${detail}`,
    scriptError: (fn: string, detail: string) => `le script s’est arrêté dans ${fn} : ${detail}`,
    summaryOk: (steps: number) => `Essai réussi : ${steps} étapes vérifiées dans Google.`,
    summaryFailed: (failed: number, steps: number) => `Essai en échec : ${failed} étape(s) sur ${steps} n’ont pas donné le résultat attendu.`,
    steps: {
      reset: 'Remise à zéro du classeur d’essai et envoi du module',
      install: 'Installer ou mettre à jour le classeur',
      addServices: 'Ajouter deux services',
      fill: 'Saisie dans les onglets de service',
      validate: 'Vérifier les saisies',
      consolidate: 'Consolider les services',
      scores: 'Calculer les scores',
      exportEmpty: 'Export Territoires en Transitions, plan d’actions vide',
      fillPlan: 'Saisie du plan d’actions',
      exportFull: 'Export Territoires en Transitions, plan d’actions rempli',
      copil: 'Présentation COPIL',
      afom: 'Document AFOM',
      audit: 'Dossier d’audit',
      bilan: 'Bilan d’une instance',
    },
    expectTabs: (missing: readonly string[]) => `onglets absents après l’installation : ${missing.join(', ')}`,
    tabsOk: (n: number) => `${n} onglets présents`,
    serviceTabs: (tabs: readonly string[]) => `onglets de service : ${tabs.join(', ')}`,
    missingServiceTab: (tab: string) => `onglet « ${tab} » absent`,
    filled: (rows: number) => `${rows} actions saisies`,
    alert: (text: string) => `message affiché : « ${text} »`,
    noAlert: 'aucun message affiché à l’utilisateur',
    actions: (n: number, expected: number) => `« Actions » compte ${n} action(s) consolidée(s), ${expected} attendue(s)`,
    journalLink: (label: string, url: string) => `${label} : ${url}`,
    noJournalLink: (command: string) => `aucun lien noté dans « Journal » pour « ${command} »`,
    fileFound: (name: string, mime: string) => `fichier « ${name} » (${mime}) présent dans Google Drive`,
    exportRows: (sheets: readonly string[]) => `classeur exporté : ${sheets.join(', ')}`,
    unexpected: (detail: string) => `erreur inattendue : ${detail}`,
  },
} as const;
