/**
 * Messages of *Ajouter un service…* (French, shown to users): refusals of the
 * name and emails, duplicates, and the confirmation. Shared by the Apps Script
 * add-on and any offline caller of the same use case.
 */

/** Characters Excel (and so an .xlsx copy of the workbook) refuses in a tab name. */
const FORBIDDEN_SHOWN = '[ ] * ? / \\ :';

const list = (items: readonly string[]) => items.map((i) => `« ${i} »`).join(', ');

export const servicesMessages = {
  nameEmpty: 'Le nom du service est vide : saisissez par exemple « Déchets » ou « Développement économique ».',
  nameForbiddenChars: (found: readonly string[]) =>
    `Le nom du service ne peut pas contenir les caractères ${FORBIDDEN_SHOWN} (refusés dans un nom d’onglet) : ${list(found)} trouvé${found.length > 1 ? 's' : ''}.`,
  nameTooLong: (max: number, length: number) =>
    `Le nom du service est trop long (${length} caractères, ${max} au plus).`,
  nameNoLetter: 'Le nom du service doit contenir au moins une lettre.',
  emailInvalid: (email: string) =>
    `L’adresse « ${email} » n’est pas une adresse email valide. Séparez les adresses par des virgules ou des points-virgules, par exemple : prenom.nom@collectivite.fr; autre.personne@collectivite.fr.`,
  duplicateName: (existing: string, tab: string) =>
    `Le service « ${existing} » existe déjà${tab ? ` (onglet « ${tab} »)` : ''} : aucun onglet n’a été créé.`,
  duplicateTab: (tab: string, owner: string | null) =>
    owner
      ? `L’onglet « ${tab} » est déjà celui du service « ${owner} » : choisissez un autre nom.`
      : `Un onglet « ${tab} » existe déjà dans le classeur : choisissez un autre nom ou renommez cet onglet.`,
  notInstalled:
    'Le registre des services de l’onglet « Paramètres » est introuvable : lancez d’abord « Installer ou mettre à jour le classeur ».',
  added: (service: string, tab: string, code: string) =>
    `Le service « ${service} » a été ajouté : onglet « ${tab} », code ${code}.`,
  truncated: (tab: string) =>
    `Le nom étant long, l’onglet s’appelle « ${tab} » (31 caractères au plus) ; le nom complet est gardé dans « Paramètres ».`,
  editorsRestricted: (editors: readonly string[]) =>
    `Seuls ${editors.join(', ')} et vous-même (ainsi que le propriétaire du classeur) peuvent modifier cet onglet. Pensez à leur partager le classeur en modification.`,
  noEditors:
    'Aucun éditeur indiqué : seuls vous-même et le propriétaire du classeur peuvent modifier cet onglet. Ajoutez des éditeurs dans « Paramètres » puis dans la protection de l’onglet.',
  protectionFailed: (tab: string, detail: string) =>
    `L’onglet « ${tab} » a été créé et inscrit dans « Paramètres », mais sa protection a échoué (${detail}). Protégez-le à la main (Données › Protéger les feuilles et les plages).`,
} as const;
