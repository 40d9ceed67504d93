/**
 * Texts of the Google Sheets add-on (French, shown to users): the menu (its
 * labels are a contract, PRODUCT.md › The add-on menu), dialogs, summaries,
 * validation help and protection descriptions.
 */

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

export const gasMessages = {
  menuTitle: 'Cap Circulaire',
  /** Every item of PRODUCT.md's menu, so adding an item never means rewording one. */
  menu: {
    installer: 'Installer ou mettre à jour le classeur',
    ajouterService: 'Ajouter un service…',
    verifier: 'Vérifier les saisies',
    consolider: 'Consolider les services',
    calculerScores: 'Calculer les scores',
    generer: 'Générer',
    presentationCopil: 'Présentation COPIL',
    documentAfom: 'Document AFOM',
    dossierAudit: 'Dossier d’audit',
    bilanInstance: 'Bilan d’une instance',
    exportTet: 'Export Territoires en Transitions',
    ficheReseau: 'Fiche réseau',
    reseau: 'Réseau',
    reseauConsolider: 'Consolider les fiches d’un dossier',
    tableauDeBord: 'Tableau de bord',
    aide: 'Aide',
  },

  /** Command names as the Journal records them. */
  command: {
    installer: 'Installer ou mettre à jour le classeur',
    ajouterService: 'Ajouter un service',
  },

  busy: 'Une autre commande Cap Circulaire est en cours sur ce classeur. Réessayez dans une minute.',
  unexpectedError: (detail: string) =>
    `La commande s’est arrêtée sur une erreur inattendue : ${detail}\nAucune donnée saisie n’a été effacée. Si le problème persiste, transmettez ce message à votre chargé·e de mission.`,
  unknownUser: 'utilisateur non communiqué',

  install: {
    title: 'Installer ou mettre à jour le classeur',
    upToDate:
      'Le classeur est à jour : aucune donnée n’a été modifiée. Les listes déroulantes, formats et protections ont été réappliqués.',
    done: 'Le classeur a été mis à jour. Aucune donnée saisie n’a été modifiée ni effacée.',
    createdTabs: (tabs: readonly string[]) => `${plural(tabs.length, 'onglet créé', 'onglets créés')} : ${tabs.join(', ')}.`,
    addedColumns: (items: ReadonlyArray<{ tab: string; headers: readonly string[] }>) =>
      `Colonnes ajoutées : ${items.map((i) => `${i.tab} (${i.headers.join(', ')})`).join(' ; ')}.`,
    prefilled: (sections: readonly string[]) => `Sections pré-remplies : ${sections.join(', ')}.`,
    settings: (changes: readonly string[]) => `Réglages du classeur : ${changes.join(', ')}.`,
    locale: (locale: string) => `paramètres régionaux ${locale}`,
    timeZone: (tz: string) => `fuseau horaire ${tz}`,
    problemsHeading: 'À vérifier :',
    headerNotFound: (tab: string, section: string) =>
      `onglet « ${tab} » : les en-têtes de « ${section} » sont introuvables dans les 30 premières lignes ; rien n’y a été écrit. Rétablissez les en-têtes puis relancez l’installation.`,
    problem: (tab: string, detail: string) => `onglet « ${tab} » : ${detail}`,
    journal: (parts: readonly string[]) => parts.join(' '),
  },

  addService: {
    title: 'Ajouter un service',
    askName: 'Nom du service (par exemple : Déchets, Développement économique, Commande publique) :',
    askEditors:
      'Adresses email des personnes du service qui rempliront son onglet, séparées par des virgules ou des points-virgules (vous pourrez en ajouter plus tard) :',
    refused: (reason: string) => `Le service n’a pas été ajouté.\n\n${reason}`,
  },

  help: {
    title: 'Aide – Cap Circulaire',
    intro:
      'Cap Circulaire vous aide à construire et piloter la stratégie d’économie circulaire de votre collectivité selon le référentiel ECi de l’ADEME, et à préparer la candidature au label Territoire Engagé Transition Écologique – économie circulaire.',
    stepsHeading: 'La démarche, pas à pas',
    steps: [
      '<b>Installer ou mettre à jour le classeur</b> : crée les onglets, les listes déroulantes, les formats et les protections. Sans risque : la commande ne supprime ni n’écrase jamais vos saisies ; relancez-la après une mise à jour du module.',
      '<b>Accueil</b> et <b>Équipe</b> : renseignez l’identité de la collectivité, l’équipe projet et la gouvernance (élu référent, chef de projet, référents des services).',
      '<b>Ajouter un service…</b> : pour chaque service (déchets, développement économique, achats, aménagement…), indiquez son nom et les emails de ses référents. Un onglet « Service – … » est créé, que seuls ces référents (et vous) peuvent modifier. Partagez le classeur avec eux en modification.',
      'Chaque service inventorie dans son onglet les actions qu’il mène ou prévoit en lien avec l’économie circulaire.',
      '<b>Plans</b>, <b>Acteurs</b>, <b>AFOM</b> : recensez les plans et leur niveau d’économie circulaire, les parties prenantes et les atouts, faiblesses, opportunités et menaces du diagnostic.',
      '<b>Référentiel</b> : renseignez le statut de chaque mesure ; <b>Preuves</b> : suivez les documents attendus pour l’audit.',
      '<b>Plan d’actions</b>, <b>Jalons</b>, <b>Indicateurs</b>, <b>Instances</b>, <b>Engagements</b> : retenez une dizaine d’actions phares et suivez leur avancement.',
      '<b>Audit</b> : vérifiez que le dossier est prêt et préparez le calendrier de l’audit.',
    ],
    rulesHeading: 'Bon à savoir',
    rules: [
      'Les colonnes sont reconnues par leur en-tête, pas par leur position : vous pouvez les déplacer ou ajouter vos propres colonnes.',
      'Les en-têtes et les colonnes calculées sont protégés par un simple avertissement : ne les modifiez pas.',
      'Chaque commande est notée dans l’onglet <b>Journal</b> (qui, quand, quel résultat).',
      'Les commandes du menu apparaissent au fur et à mesure qu’elles sont disponibles.',
    ],
    close: 'Fermer',
  },

  /** Validation help shown when a cell is selected or refused. */
  validation: {
    list: 'Choisissez une valeur dans la liste.',
    listRange: (sheet: string) => `Choisissez une valeur de l’onglet « ${sheet} ».`,
    date: 'Saisissez une date au format JJ/MM/AAAA.',
    number: (min?: number, max?: number) =>
      min !== undefined && max !== undefined
        ? `Saisissez un nombre entre ${min} et ${max}.`
        : min !== undefined
          ? `Saisissez un nombre supérieur ou égal à ${min}.`
          : max !== undefined
            ? `Saisissez un nombre inférieur ou égal à ${max}.`
            : 'Saisissez un nombre.',
  },

  /**
   * Protection descriptions. They also identify the protections the add-on
   * owns (replaced at each install, the user's own left alone): never reword
   * without migrating the old text.
   */
  protection: {
    headers: 'Cap Circulaire – en-têtes',
    computed: 'Cap Circulaire – colonnes calculées',
    service: 'Cap Circulaire – onglet du service',
  },

  /** Who may run what (README › Qui peut lancer quoi). */
  access: {
    leadOnly: (command: string, tabs: readonly string[]) =>
      `« ${command} » est réservé à la cheffe ou au chef de projet : cette commande écrit dans des onglets que vous ne pouvez pas modifier (${listTabs(tabs)}).\n\nRien n’a été modifié. Demandez à la cheffe ou au chef de projet de la lancer, ou de vous donner accès à ces onglets.`,
    memberCheck: (tabs: readonly string[]) =>
      tabs.length > 0
        ? `Vérification de ${tabs.length > 1 ? 'vos onglets' : 'votre onglet'} : ${listTabs(tabs)}. Les autres onglets sont vérifiés par la cheffe ou le chef de projet.`
        : 'Vous ne pouvez modifier aucun onglet de service de ce classeur : rien à vérifier pour vous. Demandez à la cheffe ou au chef de projet de vous donner accès à l’onglet de votre service.',
    journalSkipped: 'L’onglet Journal est protégé : la génération n’y a pas été notée.',
    /** Hand-made range protections the person cannot edit, where the command writes (write-guard.ts). */
    rangeProtected: (command: string, ranges: ReadonlyArray<{ readonly tab: string; readonly a1: string; readonly description: string }>) => {
      const shown = ranges.slice(0, 5).map((r) => `– onglet « ${r.tab} », plage ${r.a1}${r.description ? ` (« ${r.description} »)` : ''}`);
      if (ranges.length > 5) shown.push(`– et ${ranges.length - 5} autre(s) plage(s)`);
      const one = ranges.length === 1;
      return (
        `« ${command} » doit écrire dans ${one ? 'une plage protégée' : 'des plages protégées'} que vous ne pouvez pas modifier :\n${shown.join('\n')}\n\n` +
        `Rien n’a été modifié. Demandez au propriétaire du classeur, ou à la personne qui a créé ${one ? 'cette protection' : 'ces protections'}, de vous autoriser à modifier ${one ? 'cette plage' : 'ces plages'} ou de supprimer ${one ? 'la protection' : 'les protections'} (Données ▸ Protéger les feuilles et les plages), puis relancez la commande.`
      );
    },
  },

  /** Progress toasts (bottom right of the sheet) during a run that lasts more than a few seconds. */
  progress: {
    started: (command: string) => `« ${command} » en cours… Le classeur reste utilisable ; un message s’affichera à la fin.`,
    formatting: (done: number, total: number) => `Mise en forme des onglets : ${done} sur ${total}.`,
    marking: (done: number) => `Annotation des cellules : ${done} onglets traités.`,
    finished: (command: string) => `« ${command} » terminé.`,
    stopped: (command: string) => `« ${command} » s’est arrêté : voir le message.`,
  },

  /** Marks on cells (Vérifier, Consolider). */
  marks: {
    capped: (tab: string, max: number) =>
      `Onglet « ${tab} » : plus de ${max} cellules bloquantes ; seules les ${max} premières sont colorées, toutes ont leur note.`,
    /** A tab left unmarked: a range protection made by hand keeps the person out of it (cell-marker.ts). */
    protectedTab: (tab: string, ranges: readonly string[]) =>
      `Onglet « ${tab} » : ses cellules n’ont pas été annotées, car ${ranges.length > 1 ? `les plages ${ranges.slice(0, 3).join(', ')}${ranges.length > 3 ? '…' : ''} sont protégées` : `la plage ${ranges[0]} est protégée`} et vous ne pouvez pas ${ranges.length > 1 ? 'les' : 'la'} modifier. Ses anomalies sont dans la barre latérale. Pour les voir sur les cellules, demandez au propriétaire du classeur, ou à la personne qui a créé la protection, de vous autoriser à modifier ${ranges.length > 1 ? 'ces plages' : 'cette plage'}.`,
    /** A workbook last checked by the previous version: the colours it had remembered were put back. */
    legacyRestored: (cells: number) =>
      `${plural(cells, 'cellule a retrouvé sa couleur', 'cellules ont retrouvé leur couleur')} d’origine, mémorisée par la version précédente du module.`,
  },
} as const;

function listTabs(tabs: readonly string[]): string {
  const shown = tabs.slice(0, 5).map((t) => `« ${t} »`);
  return tabs.length > 5 ? `${shown.join(', ')} et ${tabs.length - 5} autre(s)` : shown.join(', ');
}
