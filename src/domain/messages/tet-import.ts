/**
 * Messages of the import of a Territoires en Transitions plan into `Plan
 * d'actions` (domain/tet/import*.ts, app/import-tet.ts, `cap-circulaire
 * import-tet`), French, shown to users; and the labels of the lines the
 * import writes into the workbook (Notes, Descriptif, Jalons).
 */
import { formatEuro, formatNumberFr } from '../format';

const n = (count: number, one: string, many = `${one}s`) => `${formatNumberFr(count)} ${count > 1 ? many : one}`;

/** Text written into the workbook by the import (kept stable: a second import compares with it). */
export const TET_IMPORT_TEXTES = {
  /** Heading of the sous-actions without dates appended to Descriptif. */
  sousActions: 'Sous-actions (Territoires en Transitions) :',
  sousAction: (titre: string, statut: string | null) => `- ${titre}${statut ? ` (${statut})` : ''}`,
  /** Jalons › Commentaire of a sous-action turned into a jalon. */
  commentaireSousAction: (statut: string | null) => `Sous-action importée de Territoires en Transitions${statut ? `, statut « ${statut} »` : ''}.`,
  /** Notes lines for what `Plan d'actions` has no column for. */
  noteComplement: (libelle: string, texte: string) => `${libelle} : ${texte}`,
  noteCalendrier: 'Calendrier',
  noteAutresFinanceurs: 'Autres financeurs',
  financeur: (nom: string, montant: number | null) => (montant === null ? nom : `${nom} (${formatEuro(montant)})`),
} as const;

export const TET_IMPORT_MESSAGES = {
  // Reading TeT's file
  feuilleIntrouvable: (feuilles: readonly string[]) =>
    `Aucune feuille de ce fichier n'est un plan d'actions de Territoires en Transitions (${feuilles.length ? `feuilles lues : ${feuilles.map((f) => `« ${f} »`).join(', ')}` : 'classeur vide'}). ` +
    "Formats acceptés : l'export d'un plan par TeT (feuille « Plan d'action », intitulés en ligne 2 dont « Axe (x) » et « Titre de la fiche action », fiches à partir de la ligne 3) " +
    "ou le fichier d'import de TeT (intitulés en ligne 2 de « Axe (x) » à « Date de fin », dont « Titre de l'action », fiches à partir de la ligne 4).",
  modelePublie: (feuille: string) =>
    `La feuille « ${feuille} » suit le modèle publié par TeT (« Titre de la fiche action » et « Titre de la sous-action », consignes en ligne 4, exemple en ligne 5) : ` +
    "ce n'est ni un export de plan ni un fichier accepté par l'import de TeT. Reprenez les intitulés de « import-plan-accepte.xlsx » (« Titre de l'action » en D2) ou importez l'export de la plateforme.",
  montantsTtc: (feuille: string) =>
    `Les montants de la feuille « ${feuille} » sont en € TTC (export de TeT) : ils sont repris tels quels dans les colonnes en € HT de « Plan d'actions », vérifiez-les.`,
  ligneSansTitre: "Ligne sans titre d'action : elle n'est pas importée.",
  sousActionSansParent: (titre: string) => `Sous-action « ${titre} » sans titre d'action parente : elle n'est pas importée.`,
  ficheEnDouble: (titre: string, premiere: number) =>
    `Fiche « ${titre} » déjà présente ligne ${premiere} du fichier : les deux lignes sont réunies (la première valeur lue l'emporte).`,
  valeurIllisible: (raison: string) => `${raison} : valeur non importée.`,
  dateAmericaine: (texte: string, date: string) => `« ${texte} » lu au format mois/jour/année de TeT : ${date}.`,
  mesureInconnue: (id: string) => `« ${id} » n'est pas une mesure du référentiel ECi : reprise telle quelle, à vérifier.`,
  mesureIllisible: (texte: string) => `« ${texte} » n'est pas une mesure du référentiel ECi (attendu par exemple « eci 2.1 - <titre> » ou « eci_2.1 ») : non importée.`,
  mesureAutreReferentiel: (texte: string) => `« ${texte} » relève d'un autre référentiel que l'économie circulaire : non importée.`,
  financeursEnTrop: (titre: string, restants: string) =>
    `Fiche « ${titre} » : plus de trois financeurs ; ${restants} sont reportés dans Notes (« Plan d'actions » n'a que Financeur 1 à 3).`,

  // Merging into the workbook
  planIntrouvable:
    "L'onglet « Plan d'actions » est absent du classeur ou sa ligne d'en-tête est introuvable (« N° », « Titre de la fiche action ») : rien n'a été importé. Lancez « Installer ou mettre à jour le classeur », puis relancez.",
  colonneAbsente: (onglet: string, colonne: string) =>
    `La colonne « ${colonne} » est absente de « ${onglet} » : ses valeurs ne sont pas importées.`,
  jalonsIntrouvables: (nombre: number) =>
    `L'onglet « Jalons » est absent ou sans en-têtes : ${n(nombre, 'jalon')} de TeT (sous-actions datées, calendrier) ${nombre > 1 ? 'ne sont' : "n'est"} pas importé${nombre > 1 ? 's' : ''}.`,
  jalonsSansNumero: (titre: string, nombre: number) =>
    `La fiche « ${titre} » n'a pas de N° : ${n(nombre, 'jalon')} de TeT ne peu${nombre > 1 ? 'vent' : 't'} pas lui être rattaché${nombre > 1 ? 's' : ''} ; donnez-lui un N° et relancez l'import.`,
  journalCommande: 'Importer un plan depuis Territoires en Transitions',
  resume: (r: { creees: number; completees: number; conflits: number; jalons: number }) =>
    `Import Territoires en Transitions : ${n(r.creees, 'fiche créée', 'fiches créées')}, ${n(r.completees, 'fiche complétée', 'fiches complétées')}, ` +
    `${n(r.conflits, 'conflit')}${r.jalons ? `, ${n(r.jalons, 'jalon ajouté ou complété', 'jalons ajoutés ou complétés')}` : ''}.`,
  rienAImporter: "Le fichier ne contient aucune fiche : rien n'a été importé.",

  // Command line
  cliSummary: "importe dans « Plan d'actions » un plan exporté de Territoires en Transitions",
  cliUsage: ['cap-circulaire import-tet export_plan_action.xlsx classeur.xlsx --out classeur-complete.xlsx', 'cap-circulaire import-tet export_plan_action.xlsx classeur.xlsx --in-place'],
  cliDescription:
    "Lit un plan d'actions de Territoires en Transitions (export de la plateforme, ou fichier au format de son import) et le reporte dans l'onglet « Plan d'actions » : " +
    "une fiche déjà présente (même titre, sans tenir compte des majuscules ni des accents) n'est complétée que dans ses cellules vides, une valeur différente de la vôtre est conservée et signalée ; " +
    "les autres fiches sont ajoutées avec le N° suivant ; les sous-actions datées et le calendrier deviennent des jalons. Le fichier TeT n'est jamais modifié, le classeur seulement avec --in-place.",
  outOption: 'classeur complété à écrire (le classeur d’entrée n’est pas modifié)',
  sortieEstTet: (chemin: string) => `Le fichier de sortie est le fichier de Territoires en Transitions (${chemin}) : il n’est jamais modifié.`,
  lu: (feuille: string, format: 'import' | 'export', fiches: number) =>
    `Feuille « ${feuille} » (${format === 'export' ? 'export de plan de TeT' : "format d'import de TeT"}) : ${n(fiches, 'fiche')} lue${fiches > 1 ? 's' : ''}.`,
  titreCreees: 'Fiches créées :',
  titreCompletees: 'Fiches complétées (cellules vides seulement) :',
  titreConflits: 'Conflits (votre valeur est conservée) :',
  titreRemarques: 'Remarques :',
  ligneFiche: (numero: string, titre: string, ligne: number, colonnes?: readonly string[]) =>
    `  N° ${numero} « ${titre} » (ligne ${ligne})${colonnes && colonnes.length ? ` : ${colonnes.join(', ')}` : ''}`,
  ligneConflit: (onglet: string, ligne: number, colonne: string, classeur: string, tet: string) =>
    `  « ${onglet} », ligne ${ligne}, colonne « ${colonne} » : classeur « ${classeur} », TeT « ${tet} »`,
  ligneRemarque: (onglet: string, ligne: number | null, colonne: string | null, message: string) =>
    `  « ${onglet} »${ligne !== null ? `, ligne ${ligne}` : ''}${colonne ? `, colonne « ${colonne} »` : ''} : ${message}`,
} as const;
