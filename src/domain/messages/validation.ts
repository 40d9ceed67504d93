/**
 * Messages of *Vérifier les saisies* and of `cap-circulaire validate`
 * (French, shown to users): what is wrong and what is expected.
 */
import { formatEuro, formatNumberFr } from '../format';

const list = (items: readonly string[]) => items.map((i) => `« ${i} »`).join(', ');

/** Prefix of the notes the add-on puts on cells (users' own notes never start with it). */
export const NOTE_PREFIX = 'Cap Circulaire : ';

export const VALIDATION_MESSAGES = {
  command: 'Vérifier les saisies',
  emptyServiceTab: (tab: string) =>
    `L’onglet « ${tab} » est vide : aucune action n’y est lue. Relancez « Installer ou mettre à jour le classeur » pour y remettre les en-têtes, ou supprimez l’onglet s’il ne sert plus.`,
  hyphenServiceTab: (tab: string, expected: string) =>
    `L’onglet « ${tab} » est lu comme un onglet de service, mais son nom devrait commencer par « Service – » (avec un tiret demi-cadratin) : renommez-le « ${expected} ».`,
  ignoredTab: (tab: string) =>
    `L’onglet « ${tab} » ressemble à un onglet de service mais n’est pas lu : seul un onglet dont le nom commence par « Service – » l’est. Renommez-le si ses actions doivent être consolidées.`,
  missingColumns: (headers: readonly string[]) =>
    `${headers.length > 1 ? 'Colonnes absentes' : 'Colonne absente'} de l’onglet : ${list(headers)}. Les lignes sont lues sans ${headers.length > 1 ? 'elles' : 'elle'} ; relancez « Installer ou mettre à jour le classeur » pour les ajouter.`,
  unknownColumns: (headers: readonly string[]) =>
    `${headers.length > 1 ? 'Colonnes non reconnues' : 'Colonne non reconnue'} : ${list(headers)}. ${headers.length > 1 ? 'Elles restent' : 'Elle reste'} dans l’onglet mais ${headers.length > 1 ? 'ne sont pas reprises' : 'n’est pas reprise'} dans « Actions » (vérifiez l’orthographe de l’en-tête si c’est une colonne du modèle).`,
  unnamedColumn: (column: string) => `colonne ${column} sans en-tête`,
  duplicateTitle: (title: string, firstRow: number) =>
    `L’intitulé « ${title} » figure déjà ligne ${firstRow} de cet onglet : s’il s’agit de la même action, supprimez l’une des deux lignes ; sinon, précisez l’intitulé.`,
  endBeforeStart: (fin: string, debut: string) =>
    `La date de fin (${fin}) est antérieure à la date de début (${debut}) : vérifiez les deux dates (jour/mois/année).`,
  negativeBudget: (header: string, amount: number) =>
    `${header} : ${formatEuro(amount)} est négatif. Un budget est un montant positif ou nul (une recette se note dans Commentaire).`,
  unknownMesure: (header: string, value: string) =>
    `${header} : « ${value} » n’est pas un identifiant du référentiel ECi. Attendu l’identifiant d’un axe, d’une mesure ou d’une sous-mesure, par exemple eci_2.1 ou eci_2.1.1 (voir l’onglet « Référentiel »).`,
  unknownFiliere: (header: string, value: string, suggestion: string | null) =>
    `${header} : « ${value} » n’est pas dans la liste des filières de « Paramètres ».${suggestion ? ` Vouliez-vous dire « ${suggestion} » ?` : ''} Choisissez une filière de la liste, ou ajoutez-la dans « Paramètres ».`,
  unknownPlan: (header: string, value: string, suggestion: string | null) =>
    `${header} : « ${value} » ne correspond à aucun plan de l’onglet « Plans » (ni type, ni intitulé).${suggestion ? ` Vouliez-vous dire « ${suggestion} » ?` : ''} Ajoutez le plan dans « Plans » ou corrigez le nom.`,
  ambiguousPlan: (header: string, value: string, count: number, chosen: string) =>
    `${header} : « ${value} » désigne ${formatNumberFr(count)} plans de « Plans » ; l’action est rattachée au premier (« ${chosen} »). Écrivez l’intitulé du plan pour lever l’ambiguïté.`,
  cellNote: (messages: readonly string[]) => messages.join('\n'),
  summary: (blocking: number, warnings: number, tabs: number) =>
    blocking + warnings === 0
      ? 'Aucune anomalie : toutes les saisies sont lisibles.'
      : `${formatNumberFr(blocking)} anomalie${blocking > 1 ? 's' : ''} bloquante${blocking > 1 ? 's' : ''} et ${formatNumberFr(warnings)} avertissement${warnings > 1 ? 's' : ''} dans ${formatNumberFr(tabs)} onglet${tabs > 1 ? 's' : ''}.${blocking > 0 ? ' Les cellules bloquantes sont surlignées ; le détail est dans le panneau latéral.' : ''}`,
  truncated: (kept: number, total: number) =>
    `Liste tronquée : ${formatNumberFr(kept)} anomalies gardées sur ${formatNumberFr(total)} (les bloquantes d’abord). Corrigez les premières puis relancez la vérification.`,
} as const;

/** `cap-circulaire validate` texts. */
export const VALIDATE_CLI_MESSAGES = {
  summary: 'vérifie les saisies d’un classeur : onglet, ligne, colonne et message de chaque anomalie',
  usage: ['cap-circulaire validate classeur.xlsx [--json]'],
  description:
    'Lit tous les onglets (services et autres) et liste les anomalies : ce qui ne va pas et ce qui est attendu. Bloquantes : intitulé manquant, date impossible, erreur de formule, montant illisible. Code de sortie 1 s’il y a des anomalies bloquantes. Le fichier n’est pas modifié.',
  jsonOption: 'résultat en JSON sur la sortie standard',
  done: (blocking: number, warnings: number, tabs: number) =>
    blocking + warnings === 0
      ? 'Aucune anomalie : toutes les saisies sont lisibles.'
      : `${formatNumberFr(blocking)} anomalie${blocking > 1 ? 's' : ''} bloquante${blocking > 1 ? 's' : ''} et ${formatNumberFr(warnings)} avertissement${warnings > 1 ? 's' : ''} dans ${formatNumberFr(tabs)} onglet${tabs > 1 ? 's' : ''}.`,
  tabHeading: (tab: string, count: number) => `Onglet « ${tab} » (${formatNumberFr(count)}) :`,
  line: (where: string, message: string, blocking: boolean) => `  ${blocking ? '[bloquante]' : '[avertissement]'} ${where} : ${message}`,
  where: (cellule: string | null, ligne: number | null, colonne: string | null) =>
    [cellule ? `cellule ${cellule}` : ligne !== null ? `ligne ${ligne}` : 'onglet', colonne ? `colonne « ${colonne} »` : null].filter(Boolean).join(', '),
} as const;
