/**
 * Messages of the `.xlsx` layer (src/files/xlsx): what the reader could not
 * read as the user sees it, what the writer left alone (French, shown to
 * users by the command line and the web page).
 */

export const XLSX_READ_MESSAGES = {
  notAZip: 'Ce fichier n’est pas un classeur Excel (.xlsx) : son contenu n’est pas une archive Office Open XML.',
  notAWorkbook: 'Ce fichier est une archive Office, mais pas un classeur Excel (.xlsx) : aucun classeur n’y figure.',
  encrypted: 'Ce classeur est protégé par un mot de passe : ouvrez-le dans Excel ou LibreOffice, retirez le mot de passe (Fichier ▸ Informations ▸ Protéger le classeur), enregistrez-le, puis relancez la commande.',
  missingPart: (tab: string) => `L’onglet « ${tab} » est déclaré dans le classeur, mais son contenu manque : le fichier est endommagé. Ouvrez-le dans Excel ou LibreOffice et enregistrez-le de nouveau.`,
  formulaWithoutValue: (tab: string, cell: string) =>
    `« ${tab} », cellule ${cell} : la formule n’a pas de résultat enregistré dans le fichier (classeur écrit par un programme qui ne calcule pas, comme openpyxl). Ouvrez le classeur dans Excel ou LibreOffice et enregistrez-le pour que la valeur soit lue.`,
} as const;

export const XLSX_WRITE_MESSAGES = {
  mergedCellNotWritten: (tab: string, cell: string, master: string) =>
    `« ${tab} », cellule ${cell} : la cellule fait partie d’une plage fusionnée (${master}) ; rien n’y a été écrit pour ne pas remplacer la valeur de la plage. Défusionnez la plage, puis recommencez.`,
  formulaReplaced: (tab: string, cell: string, formula: string) =>
    `« ${tab} », cellule ${cell} : la formule =${formula} a été remplacée par sa valeur, la ligne ayant changé de place. Recopiez la formule si besoin.`,
  tabNameClash: (tab: string, existing: string) =>
    `Impossible d’ajouter l’onglet « ${tab} » : le classeur a déjà un onglet « ${existing} », et Excel ne distingue pas les majuscules dans les noms d’onglets. Renommez l’onglet « ${existing} », puis relancez la commande.`,
} as const;
