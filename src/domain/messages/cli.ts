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
