/** Messages about reading cells and tables (French, shown to users). */
import { formatNumberFr } from '../format';

export const PARSE_MESSAGES = {
  headerNotFound: (tab: string, first: string) =>
    `Ligne d'en-tête introuvable dans l'onglet « ${tab} » : la colonne « ${first} » et les autres en-têtes attendus n'apparaissent pas dans les 30 premières lignes. Lancez « Installer ou mettre à jour le classeur » ou rétablissez les en-têtes.`,
  missingRequiredColumn: (header: string) =>
    `Colonne obligatoire « ${header} » absente de l'onglet : ajoutez-la (ou relancez « Installer ou mettre à jour le classeur »). Les lignes sont lues quand même.`,
  duplicateColumn: (header: string) => `La colonne « ${header} » apparaît deux fois : seule la première est lue, la seconde est conservée telle quelle.`,
  required: (header: string) => `« ${header} » est obligatoire et la cellule est vide.`,
  formulaError: (code: string) => `La cellule contient une erreur de formule (${code}) : corrigez la formule ou saisissez la valeur.`,
  unreadable: (header: string, reason: string) => `${header} : ${reason}.`,
  notInteger: (header: string, n: number) => `${header} : ${formatNumberFr(n, 2)} n'est pas un nombre entier, arrondi à ${Math.round(n)}.`,
  outOfRange: (header: string, n: number, min?: number, max?: number) =>
    `${header} : ${formatNumberFr(n, 2)} est hors des bornes attendues${min !== undefined ? ` (minimum ${min}` : ' ('}${max !== undefined ? `${min !== undefined ? ', ' : ''}maximum ${max})` : ')'}.`,
  notInList: (header: string, value: string, allowed: readonly string[], suggestion: string | null = null) =>
    `${header} : « ${value} » ne fait pas partie de la liste.${suggestion ? ` Vouliez-vous dire « ${suggestion} » ?` : ''} ${allowed.length === 0 ? 'La liste de référence est vide.' : `Valeurs possibles : ${allowed.slice(0, 12).join(', ')}${allowed.length > 12 ? '…' : ''}.`}`,
  unknownInList: (header: string, value: string, suggestion: string | null = null) =>
    `${header} : « ${value} » est inconnu (absent de la liste de référence).${suggestion ? ` Vouliez-vous dire « ${suggestion} » ?` : ''}`,
  tooLong: (len: number, limit: number) => `Texte de ${len} caractères : Excel tronque au-delà de ${limit} caractères.`,
  controlCharacters: (header: string, codes: readonly string[]) =>
    `${header} : le texte contient ${codes.length > 1 ? 'des caractères de contrôle invisibles' : 'un caractère de contrôle invisible'} (${codes.join(', ')}), souvent venu d'un copier-coller. Il est gardé tel quel ; supprimez-le s'il n'a rien à faire là (Excel et Google Sheets peuvent l'afficher mal ou le refuser).`,
  repeatedHeader: (what: string, headers: string) =>
    `Ligne d'en-têtes répétée (${headers}) : elle n'est pas lue comme ${what}. Supprimez-la si elle ne sert pas.`,
  totalRow: (what: string, label: string, amount: string | null) =>
    `Ligne de total (« ${label} ») : elle n'est pas lue comme ${what}${amount === null ? '.' : `, et son montant (${amount}) n'est compté dans aucun budget (il le serait deux fois).`}`,
  sumRow: (what: string, amount: string) =>
    `Ligne sans libellé dont le montant (${amount}) est la somme des lignes au-dessus (une formule de total ?) : elle n'est pas lue comme ${what} ni comptée dans les budgets. Si c'est ${what}, complétez-la.`,
  zerosRow: (what: string) =>
    `Ligne sans contenu, seulement des zéros (des formules recopiées ?) : elle n'est pas lue comme ${what}.`,
} as const;
