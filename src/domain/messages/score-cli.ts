/** Messages of `cap-circulaire score` (French). */
export const SCORE_CLI_MESSAGES = {
  summary: 'calcule les scores du référentiel ECi, l’étoile actuelle et l’étoile à portée',
  usage: ['cap-circulaire score classeur.xlsx [--json]', 'cap-circulaire score --statuts statuts.csv [--json]'],
  description:
    'Lit les statuts de l’onglet Référentiel (et la personnalisation) d’un classeur, ou un fichier CSV d’en-tête id,statut,fait,programme,pas_fait, et calcule les points comme Territoires en Transitions. Le classeur n’est pas modifié.',
  statutsOption: 'fichier CSV des statuts (id,statut,fait,programme,pas_fait)',
  oneSource: 'Indiquez soit un classeur .xlsx, soit --statuts statuts.csv, mais pas les deux.',
  noSource: 'Indiquez un classeur .xlsx ou --statuts statuts.csv.',
  csvNotFound: (path: string) => `Fichier CSV introuvable : ${path}`,
  csvErrorsHeading: (file: string, n: number) => `${file} : ${n} erreur(s), aucun score calculé.`,
  csvError: (_line: number, message: string) => `  ${message}`,
  anomaliesHeading: (n: number) => `${n} anomalie(s) dans la saisie du référentiel :`,
  anomaly: (tab: string, row: number | null, col: string | null, message: string, blocking: boolean) =>
    `  ${blocking ? 'BLOQUANT' : 'attention'} – ${tab}${row ? `, ligne ${row}` : ''}${col ? `, colonne « ${col} »` : ''} : ${message}`,
} as const;

/** Reading the statuses CSV: encodings and files that are not text. */
export const SCORE_CSV_FILE_MESSAGES = {
  csvNotText: (path: string, what: string) =>
    what
      ? `--statuts attend un fichier CSV (texte) : ${what}`
      : `Le fichier ${path} est un classeur, pas un CSV : pour calculer les scores d’un classeur, indiquez-le sans --statuts (cap-circulaire score ${path}).`,
  csvWindows1252: (path: string) =>
    `Remarque : ${path} n’est pas en UTF-8 ; il a été lu comme un CSV Windows (Windows-1252, « CSV (séparateur : point-virgule) » d’Excel). Vérifiez les accents des libellés ; pour l’éviter, enregistrez-le au format « CSV UTF-8 ».`,
} as const;
