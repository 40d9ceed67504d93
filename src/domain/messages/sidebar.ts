/** Texts of the sidebar's server side (French, shown to users): its title, cell selection, errors. */
import { formatNumberFr } from '../format';

export const SIDEBAR_MESSAGES = {
  /** Title of the sidebar (shown above the 300 px panel). */
  titre: 'Cap Circulaire – Tableau de bord',
  celluleSelectionnee: (onglet: string, a1: string) => `Cellule ${a1} sélectionnée dans l’onglet « ${onglet} ».`,
  plageSelectionnee: (onglet: string, a1: string) => `Plage ${a1} sélectionnée dans l’onglet « ${onglet} ».`,
  ligneSelectionnee: (onglet: string, ligne: number) => `Ligne ${formatNumberFr(ligne)} sélectionnée dans l’onglet « ${onglet} ».`,
  ongletAffiche: (onglet: string) => `Onglet « ${onglet} » affiché.`,
  ongletIntrouvable: (onglet: string) =>
    `L’onglet « ${onglet} » n’existe plus dans le classeur (renommé ou supprimé ?). Relancez « Vérifier les saisies » pour mettre la liste à jour.`,
  referenceInvalide: (a1: string) => `« ${a1} » n’est pas une référence de cellule valide (attendu par exemple : B12).`,
  tableauIndisponible: (detail: string) => `${detail.trim().replace(/([^.!?])$/, '$1.')} Si des onglets manquent, lancez « Installer ou mettre à jour le classeur ».`,
} as const;
