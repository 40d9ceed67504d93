/**
 * Messages of the offline command line, of the demo pipeline and of the sample
 * loader (French, shown to users). Other verbs keep their own texts beside
 * their use case; only the shared CLI vocabulary lives here.
 */

export const CLI_NAME = 'cap-circulaire';

export const CLI_MESSAGES = {
  title: 'Cap Circulaire : moteur hors ligne du classeur d’économie circulaire (référentiel ECi de l’ADEME).',
  globalUsage: `Utilisation : ${CLI_NAME} <commande> [options]`,
  commandsHeading: 'Commandes :',
  globalOptionsHeading: 'Options générales :',
  optionsHeading: 'Options :',
  helpOption: 'affiche cette aide',
  versionOption: 'affiche la version',
  moreHelp: `Aide d’une commande : ${CLI_NAME} <commande> --help`,
  exitCodes: 'Codes de sortie : 0 succès, 1 anomalies bloquantes ou échec, 2 erreur d’utilisation.',
  noCommand: `Aucune commande indiquée. ${CLI_NAME} --help liste les commandes.`,
  unknownCommand: (name: string, known: readonly string[]) =>
    `Commande inconnue : « ${name} ». Commandes disponibles : ${known.join(', ')}. Aide : ${CLI_NAME} --help`,
  unknownOption: (command: string, option: string) =>
    `Option inconnue pour « ${command} » : ${option}. Aide : ${CLI_NAME} ${command} --help`,
  missingOptionValue: (command: string, option: string) =>
    `L’option ${option} de « ${command} » attend une valeur. Aide : ${CLI_NAME} ${command} --help`,
  badOption: (command: string, detail: string) => `Options invalides pour « ${command} » : ${detail}. Aide : ${CLI_NAME} ${command} --help`,
  requiredOption: (command: string, option: string) =>
    `L’option ${option} est obligatoire pour « ${command} ». Aide : ${CLI_NAME} ${command} --help`,
  tooManyArguments: (command: string, extra: readonly string[]) =>
    `Argument(s) en trop pour « ${command} » : ${extra.join(' ')}. Aide : ${CLI_NAME} ${command} --help`,
  missingArgument: (command: string, what: string) =>
    `Il manque ${what} pour « ${command} ». Aide : ${CLI_NAME} ${command} --help`,
  fileNotFound: (path: string) => `Fichier introuvable : ${path}`,
  notAFile: (path: string) => `Ce chemin n’est pas un fichier : ${path}`,
  notXlsx: (path: string) => `Le fichier ${path} n’est pas un classeur .xlsx lisible (enregistrez-le au format Excel .xlsx).`,
  outputMustBeXlsx: (path: string) => `Le fichier de sortie doit avoir l’extension .xlsx : ${path}`,
  outputMustBeXlsm: (path: string) =>
    `Le classeur d’entrée contient des macros (.xlsm) : le fichier de sortie doit avoir l’extension .xlsm pour qu’Excel l’ouvre : ${path}`,
  outputIsInput: (path: string) =>
    `Le fichier de sortie est le fichier d’entrée (${path}) : le fichier d’entrée n’est jamais modifié, sauf avec --in-place.`,
  outAndInPlace: '--out et --in-place sont incompatibles : choisissez l’un ou l’autre.',
  outOrInPlace: 'Indiquez le fichier de sortie avec --out FICHIER (ou --in-place pour modifier le fichier d’entrée).',
  written: (path: string) => `Fichier écrit : ${path}`,
  unexpected: (detail: string) => `Erreur : ${detail}`,
  engineNotBuilt: 'Le moteur hors ligne n’est pas construit : lancez « npm run build:node » (ou « npm ci »).',
} as const;

export const TEMPLATE_MESSAGES = {
  summary: 'crée un classeur vide : tous les onglets, listes déroulantes et mises en forme',
  usage: [`${CLI_NAME} template --out modele.xlsx`],
  description:
    'Crée un classeur Cap Circulaire vierge au format .xlsx (Excel, LibreOffice) : le référentiel ECi, les preuves attendues et les indicateurs sont pré-remplis.',
  outOption: 'fichier .xlsx à créer',
  done: (path: string, tabs: number) => `Modèle créé : ${path} (${tabs} onglets).`,
} as const;

export const DEMO_MESSAGES = {
  summary: 'construit le territoire exemple (Val de Loue) : classeur et documents',
  usage: [`${CLI_NAME} demo --out-dir out/`],
  description:
    'Construit le classeur du territoire exemple « Communauté d’agglomération du Val de Loue » à partir des données de sheets-templates/val-de-loue, puis enchaîne les traitements disponibles.',
  outDirOption: 'dossier où écrire les fichiers (créé au besoin ; par défaut out/)',
  sampleMissing: (dir: string) => `Données du territoire exemple introuvables : ${dir}`,
  start: (dir: string) => `Démonstration Cap Circulaire : fichiers écrits dans ${dir}`,
  step: (index: number, total: number, label: string, detail?: string) =>
    `[${index}/${total}] ${label}${detail ? ` : ${detail}` : ''}`,
  warning: (text: string) => `  attention : ${text}`,
  done: (count: number, dir: string) => `Démonstration terminée : ${count} fichier${count > 1 ? 's' : ''} dans ${dir}`,
  stepFailed: (label: string, detail: string) => `Échec de l’étape « ${label} » : ${detail}`,
  // Labels of the steps this module owns; other modules label theirs in their own catalogue.
  install: 'Installation du classeur',
  installed: (tabs: number) => `${tabs} onglets créés`,
  loadSample: 'Chargement du territoire exemple',
  loaded: (tabs: number, rows: number) => `${rows} lignes dans ${tabs} onglets`,
  formatServices: 'Mise en forme des onglets de service',
  formatted: (tabs: number) => `${tabs} onglet${tabs > 1 ? 's' : ''} de service`,
  writeWorkbook: 'Écriture du classeur',
} as const;

export const SAMPLE_MESSAGES = {
  badJson: (file: string, detail: string) => `Exemple « ${file} » : JSON illisible (${detail}).`,
  notAnObject: (file: string) => `Exemple « ${file} » : le contenu doit être un objet JSON avec un champ "tab".`,
  missingTab: (file: string) => `Exemple « ${file} » : le champ "tab" (nom de l’onglet) est absent.`,
  unknownTab: (file: string, tab: string) => `Exemple « ${file} » : l’onglet « ${tab} » n’existe pas dans le schéma du classeur.`,
  generatedTab: (file: string, tab: string) => `Exemple « ${file} » : l’onglet « ${tab} » est reconstruit par Cap Circulaire, il ne se remplit pas.`,
  tabNameTooLong: (file: string, tab: string, max: number) =>
    `Exemple « ${file} » : le nom d’onglet « ${tab} » dépasse ${max} caractères (limite d’Excel).`,
  unknownSection: (file: string, key: string, known: readonly string[]) =>
    `Exemple « ${file} » : la rubrique « ${key} » est inconnue. Rubriques possibles : ${known.join(', ')}.`,
  notRows: (file: string, key: string) => `Exemple « ${file} » : « ${key} » doit être une liste de lignes (objets en-tête → valeur).`,
  notFields: (file: string, key: string) => `Exemple « ${file} » : « ${key} » doit être un objet (libellé → valeur).`,
  unknownHeader: (file: string, where: string, header: string, known: readonly string[]) =>
    `Exemple « ${file} » : l’en-tête « ${header} » n’existe pas dans « ${where} ». En-têtes connus : ${known.join(', ')}. Les données d’exemple doivent suivre le schéma du classeur.`,
  headerNotInSheet: (file: string, where: string, header: string) =>
    `Exemple « ${file} » : la colonne « ${header} » est introuvable dans l’onglet « ${where} » du classeur.`,
  sectionNotInSheet: (file: string, where: string) => `Exemple « ${file} » : le tableau « ${where} » est introuvable dans le classeur.`,
  badValue: (file: string, header: string, detail: string) => `Exemple « ${file} » : valeur illisible pour « ${header} » (${detail}).`,
  missingKey: (file: string, where: string, header: string, row: number) =>
    `Exemple « ${file} » : la ligne ${row} de « ${where} » n’a pas de « ${header} », nécessaire pour trouver la ligne à compléter.`,
  noMatch: (file: string, where: string, header: string, value: string) =>
    `Exemple « ${file} » : aucune ligne de « ${where} » ne correspond à ${header} = « ${value} ».`,
  ambiguous: (file: string, where: string, header: string, value: string, count: number) =>
    `Exemple « ${file} » : ${count} lignes de « ${where} » correspondent à ${header} = « ${value} » ; précisez le texte.`,
  notPrefilled: (file: string, where: string, count: number) =>
    `« ${where} » n’est pas encore pré-rempli dans ce classeur : ${count} ligne${count > 1 ? 's' : ''} de « ${file} » ignorée${count > 1 ? 's' : ''}.`,
  leadNeedsRef: (file: string, row: number) => `Exemple « ${file} » : la ligne ${row} des annotations n’a pas de « Réf. ».`,
} as const;

/** Texts the .xlsx writer puts in validations (Excel limits: title 32, message 255 characters). */
export const XLSX_MESSAGES = {
  listErrorTitle: 'Valeur hors liste',
  listError: (header: string) => `« ${header} » : choisissez une valeur dans la liste déroulante.`,
  dateErrorTitle: 'Date attendue',
  dateError: (header: string) => `« ${header} » : saisissez une date au format JJ/MM/AAAA.`,
  numberErrorTitle: 'Nombre attendu',
  numberError: (header: string, integer: boolean, min?: number, max?: number) =>
    `« ${header} » : saisissez un nombre${integer ? ' entier' : ''}${min !== undefined && max !== undefined ? ` entre ${min} et ${max}` : min !== undefined ? ` supérieur ou égal à ${min}` : max !== undefined ? ` inférieur ou égal à ${max}` : ''}, sans unité.`,
} as const;

/** LibreOffice Calc's steps to save a copy as .xlsx (menu names of the French interface). */
const LIBREOFFICE_SAVE_AS_XLSX =
  'dans LibreOffice Calc, menu Fichier ▸ Enregistrer sous…, choisissez le type « Classeur Excel 2007-365 (.xlsx) », cliquez sur Enregistrer puis sur « Utiliser le format Excel 2007-365 ! »';
const EXCEL_SAVE_AS_XLSX = 'dans Excel, menu Fichier ▸ Enregistrer sous, choisissez le type « Classeur Excel (*.xlsx) »';
const THEN_RERUN = 'puis relancez la commande sur le fichier .xlsx obtenu.';

/**
 * What a file given as a workbook really is (src/files/detect.ts), and what
 * to do about it. Every message names the file and ends with the way out.
 */
export const FILE_FORMAT_MESSAGES = {
  ods: (path: string) =>
    `Le fichier ${path} est un classeur OpenDocument (.ods, LibreOffice Calc), pas un classeur Excel .xlsx. Pour l’utiliser : ${LIBREOFFICE_SAVE_AS_XLSX}, ${THEN_RERUN}`,
  odt: (path: string) =>
    `Le fichier ${path} est un document texte OpenDocument (LibreOffice Writer), pas un classeur. Indiquez le classeur Cap Circulaire (.xlsx).`,
  odp: (path: string) =>
    `Le fichier ${path} est une présentation OpenDocument (LibreOffice Impress), pas un classeur. Indiquez le classeur Cap Circulaire (.xlsx).`,
  odf: (path: string) => `Le fichier ${path} est un document OpenDocument qui n’est pas un classeur. Indiquez le classeur Cap Circulaire (.xlsx).`,
  docx: (path: string) =>
    `Le fichier ${path} est un document Word (.docx) dont le nom a été changé, pas un classeur. Indiquez le classeur Cap Circulaire (.xlsx).`,
  pptx: (path: string) =>
    `Le fichier ${path} est une présentation PowerPoint (.pptx) dont le nom a été changé, pas un classeur. Indiquez le classeur Cap Circulaire (.xlsx).`,
  encrypted: (path: string) =>
    `Le classeur ${path} est protégé par un mot de passe (chiffré) : Cap Circulaire ne peut pas le lire. Retirez le mot de passe sur une copie, ` +
    'dans Excel : Fichier ▸ Informations ▸ Protéger le classeur ▸ Chiffrer avec mot de passe, effacez le mot de passe, OK, puis enregistrez ; ' +
    'dans LibreOffice Calc : ouvrez-le avec son mot de passe, Fichier ▸ Enregistrer sous…, décochez « Enregistrer avec mot de passe », type « Classeur Excel 2007-365 (.xlsx) », puis enregistrez. ' +
    'Relancez ensuite la commande sur ce fichier.',
  xls: (path: string) =>
    `Le fichier ${path} est un classeur Excel 97-2003 (.xls), un format que Cap Circulaire ne lit pas. Enregistrez-en une copie au format .xlsx : ${EXCEL_SAVE_AS_XLSX}, ou ${LIBREOFFICE_SAVE_AS_XLSX} ; ${THEN_RERUN}`,
  xlsb: (path: string) =>
    `Le fichier ${path} est un classeur Excel binaire (.xlsb), un format que Cap Circulaire ne lit pas. Enregistrez-en une copie au format .xlsx : ${EXCEL_SAVE_AS_XLSX}, ou ${LIBREOFFICE_SAVE_AS_XLSX} ; ${THEN_RERUN}`,
  doc: (path: string) => `Le fichier ${path} est un document Word 97-2003 (.doc), pas un classeur. Indiquez le classeur Cap Circulaire (.xlsx).`,
  ppt: (path: string) => `Le fichier ${path} est une présentation PowerPoint 97-2003 (.ppt), pas un classeur. Indiquez le classeur Cap Circulaire (.xlsx).`,
  cfb: (path: string) => `Le fichier ${path} est un fichier Microsoft Office qui n’est pas un classeur .xlsx. Indiquez le classeur Cap Circulaire (.xlsx).`,
  zip: (path: string) => `Le fichier ${path} est une archive zip, pas un classeur .xlsx. Indiquez le classeur Cap Circulaire (.xlsx).`,
  damagedZip: (path: string) =>
    `Le fichier ${path} est incomplet ou endommagé (copie interrompue, pièce jointe mal téléchargée…) : il ne peut pas être lu. Reprenez une copie complète du classeur, ou ouvrez-le dans Excel ou LibreOffice, qui proposent parfois de le réparer, et enregistrez-le de nouveau au format .xlsx.`,
  empty: (path: string) => `Le fichier ${path} est vide (0 octet) : ce n’est pas un classeur. Indiquez le classeur Cap Circulaire (.xlsx).`,
  pdf: (path: string) => `Le fichier ${path} est un PDF, pas un classeur. Indiquez le classeur Cap Circulaire (.xlsx).`,
  html: (path: string) =>
    `Le fichier ${path} est une page web (HTML), comme en produisent certains exports « Excel », pas un classeur .xlsx. Ouvrez-le dans Excel ou LibreOffice puis enregistrez-le au format .xlsx : ${LIBREOFFICE_SAVE_AS_XLSX}, ${THEN_RERUN}`,
  text: (path: string) =>
    `Le fichier ${path} est un fichier texte (CSV ?), pas un classeur .xlsx. Ouvrez-le dans Excel ou LibreOffice puis enregistrez-le au format .xlsx : ${LIBREOFFICE_SAVE_AS_XLSX}, ${THEN_RERUN}`,
  unknown: (path: string) =>
    `Le fichier ${path} n’est pas un classeur .xlsx (format non reconnu). Indiquez le classeur Cap Circulaire (.xlsx), enregistré depuis Excel, LibreOffice ou Google Sheets (Fichier ▸ Télécharger ▸ Microsoft Excel).`,
  unreadable: (path: string) =>
    `Le classeur ${path} n’a pas pu être lu : il est sans doute endommagé. Ouvrez-le dans Excel ou LibreOffice et enregistrez-le de nouveau au format .xlsx, puis relancez la commande (--debug donne le détail technique).`,
} as const;

/** Paths, outputs, the lock and the change check of --in-place: exit 2, always with the way out. */
export const PATH_MESSAGES = {
  outputIsFolder: (path: string) => `La sortie ${path} est un dossier : indiquez un nom de fichier (par exemple ${path.replace(/[\\/]+$/, '')}/resultat.xlsx).`,
  parentIsFile: (path: string, parent: string) => `Impossible d’écrire ${path} : ${parent} est un fichier, pas un dossier.`,
  cannotCreateFolder: (folder: string, why: string) => `Impossible de créer le dossier ${folder} (${why}) : créez-le vous-même ou choisissez un autre emplacement.`,
  folderNotWritable: (folder: string) =>
    `Le dossier ${folder} n’est pas accessible en écriture : choisissez un autre emplacement pour la sortie, ou demandez les droits d’écriture sur ce dossier.`,
  fileNotWritable: (path: string) =>
    `Le fichier ${path} est protégé en écriture (lecture seule) : choisissez un autre nom de sortie, ou retirez la lecture seule (propriétés du fichier).`,
  alreadyExists: (path: string) =>
    `Le fichier ${path} existe déjà : il n’est pas remplacé. Choisissez un autre nom, ou ajoutez --force pour le remplacer.`,
  outputIsInput: (option: string, path: string) =>
    `${option} ${path} désigne le fichier d’entrée : le fichier d’entrée n’est jamais remplacé par une sortie. Choisissez un autre nom de fichier.`,
  outDirIsFile: (path: string) => `--out-dir ${path} est un fichier, pas un dossier : indiquez un dossier (il est créé au besoin).`,
  reportIsOutput: (path: string) => `--report ${path} désigne le même fichier que --out : choisissez deux noms différents.`,
  lockBusy: (path: string, holder: string) =>
    `Le classeur ${path} est en cours de modification par une autre commande Cap Circulaire (${holder}) : rien n’a été fait. Attendez qu’elle se termine, puis relancez.`,
  lockHolder: (command: string, user: string, host: string, pid: number, since: string) =>
    `${command ? `« ${command} », ` : ''}utilisateur ${user || 'inconnu'}, poste ${host || 'inconnu'}, processus ${pid}, depuis ${since}`,
  lockHolderUnknown: (since: string) => `verrou posé ${since}`,
  staleRecovered: (path: string) => `Un verrou abandonné par une commande interrompue a été levé sur ${path}.`,
  changedMeanwhile: (path: string) =>
    `Le classeur ${path} a été modifié par quelqu’un d’autre pendant la commande (enregistré depuis Excel ou LibreOffice ?) : rien n’a été écrit, pour ne pas effacer ses modifications. Fermez-le ailleurs, puis relancez la commande.`,
  fs: {
    ENOENT: (path: string) => `Fichier ou dossier introuvable : ${path}`,
    EACCES: (path: string) => `Accès refusé : ${path} (droits insuffisants). Choisissez un autre emplacement ou demandez les droits d’accès.`,
    EPERM: (path: string) => `Opération refusée par le système : ${path} (fichier en lecture seule ou ouvert par un autre programme ?).`,
    EISDIR: (path: string) => `${path} est un dossier, pas un fichier.`,
    ENOTDIR: (path: string) => `Un élément du chemin ${path} est un fichier, pas un dossier.`,
    ENOSPC: (path: string) => `Plus de place sur le disque pour écrire ${path} : libérez de l’espace puis relancez.`,
    EROFS: (path: string) => `Le disque de ${path} est en lecture seule : choisissez un autre emplacement.`,
    EBUSY: (path: string) => `${path} est occupé (ouvert dans un autre programme ?) : fermez-le puis relancez.`,
    ENAMETOOLONG: (path: string) => `Nom de fichier trop long : ${path}`,
    EMFILE: (path: string) => `Trop de fichiers ouverts en même temps (${path}) : relancez la commande.`,
    other: (path: string) => `Erreur d’accès au fichier ${path} (--debug donne le détail technique).`,
  },
} as const;

/** The safety net of the command line: nothing raw reaches the terminal. */
export const CRASH_MESSAGES = {
  unexpected: (command: string) =>
    `Erreur interne inattendue${command ? ` pendant « ${command} »` : ''} : la commande s’est arrêtée sans modifier vos fichiers d’entrée. Relancez-la avec --debug pour le détail technique, et signalez-la.`,
  debugOption: 'affiche le détail technique des erreurs (pile d’appels) et les avertissements des bibliothèques',
  libraryNote: (text: string) => `[debug] ${text}`,
  optionTakesNoValue: (command: string, option: string) =>
    `L’option ${option} de « ${command} » ne prend pas de valeur (écrivez ${option.replace(/=.*$/, '')} seul). Aide : ${CLI_NAME} ${command} --help`,
  interrupted: 'Commande interrompue : aucun fichier n’a été remplacé à moitié ; le fichier temporaire et le verrou éventuels ont été retirés.',
} as const;
