/**
 * Messages of *Consolider les services* and of `cap-circulaire consolidate`
 * (French, shown to users): Réf. attribution, the orphans area of `Actions`,
 * the Journal summary, refusals.
 */
import { formatNumberFr } from '../format';

const plural = (n: number, one: string, many: string = `${one}s`) => `${formatNumberFr(n)} ${n > 1 ? many : one}`;

/** Title row of the orphans area at the bottom of `Actions` (also read back: keep it stable). */
export const ORPHANS_TITLE = 'Annotations orphelines (action retirée de son onglet)';

export const CONSOLIDATION_MESSAGES = {
  command: 'Consolider les services',
  orphansExplanation:
    'Ces lignes gardent vos annotations d’actions qui ne sont plus dans leur onglet de service. Recopiez-les sur la bonne action si elle a été déplacée, puis supprimez la ligne. Elles restent ici tant que vous ne les supprimez pas.',
  origine: (tab: string, row: number) => `${tab}, ligne ${row}`,
  orphanRemoved: (ref: string, origine: string | null) =>
    `Action ${ref} retirée de son onglet${origine ? ` (elle venait de « ${origine} »)` : ''} : vos annotations sont gardées ici.`,
  orphanNoRef: (origine: string | null) =>
    `Action sans Réf.${origine ? ` (elle venait de « ${origine} »)` : ''} : vos annotations sont gardées ici.`,
  orphanManual:
    'Ligne saisie directement dans « Actions » : gardée ici pour ne rien perdre. Les actions se saisissent dans les onglets « Service – … », l’onglet « Actions » est reconstruit à chaque consolidation.',
  orphanDuplicate: (ref: string) =>
    `Deuxième ligne d’annotations pour la Réf. ${ref} dans « Actions » : les annotations de la première ligne sont reprises sur l’action, celles-ci sont gardées ici.`,

  refDuplicateAssigned: (ref: string, firstTab: string, firstRow: number, newRef: string) =>
    `La Réf. ${ref} figure déjà dans « ${firstTab} », ligne ${firstRow} (ligne copiée ?) : cette ligne reçoit la nouvelle Réf. ${newRef}. Une Réf. identifie une seule action.`,
  refDuplicateFuture: (ref: string, firstTab: string, firstRow: number) =>
    `La Réf. ${ref} figure déjà dans « ${firstTab} », ligne ${firstRow} (ligne copiée ?) : cette ligne recevra une nouvelle Réf. à la prochaine consolidation.`,
  refNonStandard: (ref: string) =>
    `La Réf. « ${ref} » n’a pas la forme attendue (code du service, tiret, numéro : DEC-014). Elle est gardée telle quelle ; effacez-la pour qu’une Réf. soit attribuée.`,
  refOnly: (ref: string) =>
    `Ligne vide à part sa Réf. ${ref} : elle n’est pas consolidée. Si l’action a été supprimée, effacez aussi la Réf. ; ses annotations éventuelles sont gardées en bas de « Actions ».`,
  refColumnAdded: (column: string) =>
    `La colonne « Réf. » manquait : elle a été ajoutée en colonne ${column} pour recevoir les identifiants des actions.`,
  refColumnMissing:
    'La colonne « Réf. » est absente : les actions recevront une Réf. à la consolidation, dans une colonne « Réf. » ajoutée à droite du tableau.',
  refColumnNoRoom:
    'La colonne « Réf. » est absente et aucune colonne libre n’a été trouvée pour l’ajouter : les Réf. de cet onglet ne sont pas enregistrées. Ajoutez une colonne « Réf. » (ou relancez « Installer ou mettre à jour le classeur »).',

  registryMissing:
    'Le registre des services de « Paramètres » est introuvable : les derniers numéros de Réf. ne peuvent pas y être gardés. Lancez « Installer ou mettre à jour le classeur ».',
  registryColumnMissing: (header: string) =>
    `La colonne « ${header} » du registre des services (« Paramètres ») est absente : lancez « Installer ou mettre à jour le classeur ».`,
  registryTabMissing: (service: string, tab: string) =>
    `Le service « ${service} » est inscrit avec l’onglet « ${tab} », qui n’existe pas (onglet renommé ou supprimé ?). Corrigez la colonne Onglet de « Paramètres ».`,
  registryAdded: (service: string, tab: string, code: string) =>
    `L’onglet « ${tab} » n’était pas inscrit dans « Paramètres » : le service « ${service} » y a été ajouté avec le code ${code}.`,
  registryCodeAdded: (service: string, code: string) => `Le service « ${service} » n’avait pas de code : le code ${code} lui a été donné.`,

  actionsUnreadable:
    'L’onglet « Actions » a un contenu mais sa ligne d’en-tête est introuvable : il n’a pas été reconstruit, pour ne perdre aucune de vos annotations. Rétablissez les en-têtes (au moins « Réf. » et « Intitulé de l’action ») ou renommez l’onglet, puis relancez.',
  lockBusy:
    'Une consolidation est déjà en cours dans ce classeur (lancée par vous ou par une autre personne). Attendez qu’elle se termine, puis relancez « Consolider les services ». Rien n’a été modifié.',
  failed: (detail: string) => `Échec de la consolidation, rien n’a été modifié dans « Actions » : ${detail}`,

  /** One line in Journal › Résultat, and the message shown at the end. */
  summary: (s: {
    readonly actions: number;
    readonly tabs: number;
    readonly newRefs: number;
    readonly blocking: number;
    readonly warnings: number;
    readonly orphans: number;
    readonly registered: number;
  }) =>
    [
      `${plural(s.actions, 'action')} consolidée${s.actions > 1 ? 's' : ''} depuis ${plural(s.tabs, 'onglet')} de service`,
      s.newRefs > 0 ? `${plural(s.newRefs, 'Réf. attribuée', 'Réf. attribuées')}` : null,
      s.registered > 0 ? `${plural(s.registered, 'service inscrit', 'services inscrits')} dans « Paramètres »` : null,
      s.blocking > 0 ? `${plural(s.blocking, 'anomalie bloquante', 'anomalies bloquantes')}` : null,
      s.warnings > 0 ? `${plural(s.warnings, 'avertissement')}` : null,
      s.orphans > 0 ? `${plural(s.orphans, 'ligne d’annotations orpheline', 'lignes d’annotations orphelines')} en bas de « Actions »` : null,
    ]
      .filter((x): x is string => x !== null)
      .join(' ; ') + '.',
  refused: (reason: string) => `Refusé : ${reason}`,
  /** Added in Google Sheets when the run found anomalies. */
  markedHint:
    'Les cellules en cause portent une note « Cap Circulaire : … », surlignée quand l’anomalie est bloquante ; la liste complète est dans le panneau latéral.',
} as const;

/** `cap-circulaire consolidate` texts. */
export const CONSOLIDATE_CLI_MESSAGES = {
  summary: 'reconstruit « Actions » à partir des onglets de service, dans un nouveau fichier',
  usage: ['cap-circulaire consolidate classeur.xlsx --out consolide.xlsx [--report rapport.json]'],
  description:
    'Lit les onglets « Service – … », attribue les Réf. manquantes, reconstruit « Actions » (en gardant vos annotations par Réf.), met à jour les colonnes calculées de « Plans » et « AFOM » et écrit le résultat dans --out. Le fichier d’entrée n’est jamais modifié (sauf avec --in-place). Code de sortie 1 s’il reste des anomalies bloquantes (le fichier est écrit quand même).',
  outOption: 'classeur consolidé à écrire (.xlsx)',
  reportOption: 'rapport JSON à écrire : services, nombre d’actions, anomalies',
  reportWritten: (path: string) => `Rapport écrit : ${path}`,
  anomaliesHeading: (blocking: number, warnings: number) =>
    `Anomalies : ${formatNumberFr(blocking)} bloquante${blocking > 1 ? 's' : ''}, ${formatNumberFr(warnings)} avertissement${warnings > 1 ? 's' : ''}.`,
} as const;

/** Demo steps of consolidation (progress lines) and the lead annotations they apply. */
export const LEAD_DEMO_MESSAGES = {
  consolidateLabel: 'Consolidation des services',
  annotationsLabel: 'Annotations de la cheffe de projet dans « Actions », puis nouvelle consolidation',
  annotated: (applied: number, orphans: number) =>
    `${formatNumberFr(applied)} action${applied > 1 ? 's' : ''} annotée${applied > 1 ? 's' : ''} ; annotations gardées par Réf. à la nouvelle consolidation${orphans > 0 ? ` (${formatNumberFr(orphans)} ligne${orphans > 1 ? 's' : ''} orpheline${orphans > 1 ? 's' : ''})` : ''}`,
  noActions: 'L’onglet « Actions » est absent ou sans en-tête : annotations non appliquées.',
  unknownRef: (ref: string) => `Annotation pour la Réf. ${ref} : aucune action ne porte cette Réf. dans « Actions ».`,
  unknownColumn: (ref: string, header: string) => `Annotation pour la Réf. ${ref} : « ${header} » n’est pas une colonne du chef de projet.`,
  anomaly: (onglet: string, ligne: number | null, message: string) => `${onglet}${ligne !== null ? `, ligne ${ligne}` : ''} : ${message}`,
} as const;
