/**
 * Messages of the network view: the fiche réseau a territory shares, the
 * regional rollup, the network's deck, the peer slide. French, shown to
 * chargé·es de mission and regional coordinators.
 */
import { formatDateFr, formatNumberFr } from '../format';

const s = (n: number, one: string, many: string) => (n > 1 ? many : one);
const nb = (n: number) => formatNumberFr(n, 0);

export const RESEAU_MESSAGES = {
  fichier: {
    intro: (nom: string) => `Fiche réseau de ${nom || 'la collectivité'} : ce que le territoire partage avec son réseau régional (Cap Circulaire).`,
    garantie:
      'Aucune donnée personnelle : ni nom de personne, ni adresse électronique, ni commentaire libre. Scores, statuts par mesure, actions du plan (avec le service pilote), financeurs et dates.',
  },
  lecture: {
    pasUneFiche: 'ce classeur n’est ni une fiche réseau Cap Circulaire ni un classeur Cap Circulaire complet (ni onglet « Fiche réseau », ni onglets « Accueil » et « Référentiel »)',
    versionInconnue: (v: string) => `fiche réseau d’une version inconnue (« ${v} ») : mettez Cap Circulaire à jour`,
    sansNom: 'la fiche réseau n’indique pas le nom de la collectivité',
    sansDate: 'la fiche réseau n’est pas datée (« Date de la fiche »)',
    ongletManquant: (onglet: string) => `l’onglet « ${onglet} » manque ou n’a pas ses en-têtes`,
    ligneScoreIgnoree: (id: string) => `ligne « ${id} » de l’onglet Scores ignorée : ni un axe ni une mesure du référentiel`,
    illisible: (detail: string) => `fichier illisible (${detail})`,
    /** A workbook whose reading stopped on an unexpected error of the engine (its detail is technical, in English). */
    classeurIllisible: (detail: string) =>
      `classeur Cap Circulaire que le moteur n’a pas pu lire jusqu’au bout : ouvrez-le et lancez « Vérifier » (ou cap-circulaire validate) pour voir ce qui bloque, ou envoyez-le à l’équipe Cap Circulaire (détail technique : ${detail})`,
    pasUnClasseur: 'pas un classeur .xlsx',
    tropVolumineux: 'fichier trop volumineux pour être lu (mémoire épuisée) : vérifiez qu’il s’agit bien d’une fiche réseau ou d’un classeur Cap Circulaire',
    formatNonLu: (kind: string) =>
      kind === 'ods'
        ? 'classeur OpenDocument (.ods) : enregistrez-le au format Excel (.xlsx) dans LibreOffice (Fichier ▸ Enregistrer sous ▸ Classeur Excel 2007-365)'
        : kind === 'encrypted'
          ? 'classeur protégé par un mot de passe : retirez le mot de passe avant de l’envoyer'
          : 'pas un classeur .xlsx',
    sansNomClasseur: 'le classeur n’indique pas le nom de la collectivité (onglet Accueil)',
  },
  export: {
    summary: 'écrit la fiche réseau à partager avec le réseau régional (sans donnée personnelle)',
    usage: ['cap-circulaire export-reseau classeur.xlsx --out fiche-reseau.xlsx'],
    description:
      'Résume le classeur pour le réseau régional : identité, scores par axe et par mesure, statuts, étoiles, complétude, actions du plan (service pilote, jamais une personne), financeurs, preuves, feuille de route, audit, dernier COPIL. La commande affiche ce qui est partagé ; le classeur n’est jamais modifié.',
    ecrit: (chemin: string) => `Fiche réseau écrite : ${chemin}`,
    contenu: (f: { nom: string; axes: number; mesures: number; actions: number; financements: number }) =>
      `Ce qui est partagé : ${f.nom}, ${f.axes} axes et ${f.mesures} mesures (scores et statuts), ${f.actions} ${s(f.actions, 'fiche', 'fiches')} du plan, ${f.financements} ${s(f.financements, 'financement', 'financements')}, preuves, feuille de route, dates d’audit et du dernier COPIL.`,
    jamais: 'Jamais partagé : noms de personnes (pilotes, élus, responsables, contacts), adresses électroniques, commentaires, notes.',
    retrait: (ou: string, nature: string) => `${ou} : ${nature} retiré(e) du texte partagé.`,
    sansNom: 'Le classeur n’indique pas le nom de la collectivité (onglet Accueil, « Nom de la collectivité ») : le réseau ne pourrait pas reconnaître la fiche. Renseignez-le puis relancez.',
  },
  web: {
    titre: 'Réseau régional',
    aide: 'Pour partager vos résultats avec le réseau régional : la fiche réseau résume le classeur ouvert, sans aucune donnée personnelle.',
    fiche: 'Fiche réseau',
    consoliderTitre: 'Coordination du réseau',
    consoliderAide: 'Pour la coordination : choisissez toutes les fiches réseau (ou classeurs complets) reçues des territoires ; la page écrit le classeur régional et la présentation de la réunion du réseau.',
    consolider: 'Consolider des fiches réseau',
    progression: (i: number, n: number, fichier: string) => `Lecture de ${fichier} (${i} sur ${n})`,
    fichierFiche: (nom: string, date: string) => `Fiche réseau – ${nom} – ${date}`,
    fichierRegional: (date: string) => `Réseau – classeur régional – ${date}`,
    fichierDeck: (date: string) => `Réseau – présentation – ${date}`,
  },
  gas: {
    commande: 'Fiche réseau',
    nomFichier: (nom: string, date: string) => `Fiche réseau – ${nom} – ${date}`,
    alerte: (url: string, contenu: string, jamais: string, retraits: readonly string[]) =>
      [`La fiche réseau est créée dans un nouveau classeur Google Sheets : ${url}`, '', contenu, jamais, ...(retraits.length ? ['', ...retraits] : []), '', 'Relisez-la, puis partagez son lien (ou téléchargez-la au format .xlsx) avec la coordination du réseau.'].join('\n'),
  },
  google: {
    commande: 'Consolider les fiches d’un dossier',
    menu: 'Réseau',
    menuConsolider: 'Consolider les fiches d’un dossier',
    pickerTitre: 'Choisissez les fiches réseau des territoires (sélection multiple : Maj ou Ctrl)',
    pickerOuverture: 'Ouverture du sélecteur de fichiers Google Drive…',
    pickerLecture: 'Lecture de {n} fichiers et consolidation en cours : cette fenêtre se fermera toute seule.',
    pickerNonConfigure: (cle: string, app: string) =>
      `Le sélecteur de fichiers Google Drive n’est pas encore configuré pour ce classeur. La personne qui a déployé Cap Circulaire doit renseigner, dans les propriétés du script (Extensions ▸ Apps Script ▸ Paramètres du projet), la clé d’API Google Cloud (${cle}) et le numéro du projet Google Cloud (${app}). En attendant, la consolidation se fait hors ligne : « cap-circulaire reseau DOSSIER » ou la page web.`,
    tropDeFichiers: (n: number, max: number) =>
      `${n} fichiers choisis : une consolidation dans Google Sheets en lit au plus ${max} (limite de 6 minutes par exécution). Consolidez en plusieurs fois, ou hors ligne (« cap-circulaire reseau » ou la page web), sans limite.`,
    progression: (i: number, n: number) => `Lecture des fiches : ${i} sur ${n}`,
    illisible: (detail: string) => `fichier illisible par Google Sheets (${detail}) : s’il s’agit d’un fichier .xlsx, ouvrez-le avec Google Sheets puis Fichier ▸ Enregistrer au format Google Sheets, et choisissez cette copie`,
    nomDeck: (date: string) => `Réseau – présentation – ${date}`,
  },
  rollup: {
    summary: 'consolide les fiches réseau et classeurs d’un dossier : classeur régional et présentation',
    usage: ['cap-circulaire reseau DOSSIER --out reseau.xlsx [--deck reseau.pptx]'],
    description:
      'Lit chaque fiche réseau et chaque classeur Cap Circulaire complet du dossier (un territoire peut envoyer l’un ou l’autre) et écrit le classeur régional : une ligne par territoire, une ligne par mesure avec la répartition des statuts et les territoires qui l’ont faite, les actions de tous les plans, les fichiers écartés et les doublons. Avec --deck, la présentation de la réunion du réseau. Aucun fichier du dossier n’est modifié.',
    deckOption: 'présentation de la réunion du réseau (.pptx)',
    deckExtension: (f: string) => `La présentation du réseau doit être un fichier .pptx : ${f}`,
    dossierIntrouvable: (d: string) => `Dossier introuvable : ${d}`,
    pasUnDossier: (d: string) => `« ${d} » n’est pas un dossier : indiquez le dossier qui contient les fiches réseau.`,
    progression: (i: number, n: number, fichier: string) => `[${i}/${n}] ${fichier}`,
    lus: (territoires: number, fichiers: number, ecartes: number) =>
      `${territoires} ${s(territoires, 'territoire', 'territoires')} ${s(territoires, 'consolidé', 'consolidés')} depuis ${fichiers} ${s(fichiers, 'fichier', 'fichiers')} ; ${ecartes} ${s(ecartes, 'fichier écarté', 'fichiers écartés')}.`,
    ecarte: (fichier: string, raison: string) => `Écarté : ${fichier} — ${raison}.`,
    doublon: (nom: string, fichiers: readonly string[], par: string) => `Doublon : « ${nom} » (${par}) dans ${fichiers.join(', ')} : chaque fichier garde sa ligne, à vérifier.`,
    aucun: 'Aucune fiche réseau ni aucun classeur Cap Circulaire lisible dans ce dossier.',
    ecrit: (chemin: string) => `Classeur régional écrit : ${chemin}`,
    deckEcrit: (chemin: string) => `Présentation du réseau écrite : ${chemin}`,
    parNom: 'même nom',
    parSiren: 'même SIREN',
  },
  onglets: {
    territoires: 'Territoires',
    mesures: 'Mesures',
    actions: 'Actions des plans',
    ecartes: 'Fichiers écartés',
    doublons: 'Doublons',
  },
  colonnes: {
    fichier: 'Fichier',
    source: 'Source',
    sourceFiche: 'Fiche réseau',
    sourceClasseur: 'Classeur complet',
    raison: 'Raison',
    territoire: 'Territoire',
    territoires: 'Territoires',
    motif: 'Motif',
  },
  tranches: {
    moins10k: 'moins de 10 000 hab.',
    de10a50k: '10 000 à 50 000 hab.',
    de50a100k: '50 000 à 100 000 hab.',
    plus100k: 'plus de 100 000 hab.',
    inconnue: 'population non renseignée',
  },
  deck: {
    titre: 'Réseau économie circulaire',
    sousTitre: (n: number) => `${n} ${s(n, 'territoire', 'territoires')} engagés dans le référentiel économie circulaire`,
    pied: 'Réseau régional · économie circulaire',
    couvertureNotes: 'Présentation générée depuis les fiches réseau des territoires (classeur régional Cap Circulaire). Chaque chiffre vient de ce que les territoires ont choisi de partager.',
    axesTitre: (n: number) => `Où en est le réseau : score réalisé par axe, ${n} ${s(n, 'territoire', 'territoires')}`,
    axesNotes: 'Médiane, premier et troisième quartiles du pourcentage réalisé de chaque axe, sur les territoires consolidés (onglet Territoires du classeur régional).',
    proches: (n: number) =>
      n === 0 ? 'Aucun territoire n’est à moins de 10 points de l’étoile suivante' : `${n} ${s(n, 'territoire est', 'territoires sont')} à moins de 10 points de l’étoile suivante, référentiel complet`,
    aucunProche: 'Aucun territoire n’a à la fois un référentiel entièrement renseigné et moins de 10 points réalisés à gagner pour l’étoile suivante.',
    prochesNotes: 'Territoires dont toutes les lignes du référentiel sont renseignées et à qui il manque au plus 10 points réalisés pour l’étoile suivante (sans la marge recommandée de 3 points), avec les critères d’étoile encore à remplir : les points seuls ne donnent pas l’étoile. Source : fiches réseau (onglet Territoires du classeur régional).',
    mesuresAvancees: 'Les mesures les plus avancées du réseau',
    mesuresEnRetrait: 'Les mesures les moins avancées : où s’entraider',
    mesuresNotes: 'Part des territoires concernés qui ont fait la mesure (entièrement ou en partie). Les territoires qui l’ont faite sont listés dans l’onglet Mesures du classeur régional.',
    filieres: 'Les filières les plus travaillées dans les plans d’actions',
    filieresNotes: 'Nombre de territoires dont au moins une fiche du plan d’actions touche la filière (par les actions qui lui sont liées).',
    typologie: 'Les territoires par type et par taille',
    typologieNotes: 'Répartition des territoires consolidés par type de collectivité et par tranche de population.',
    aucuneDonnee: 'Aucune donnée dans les fiches consolidées.',
    colMesure: 'Mesure',
    colFaite: 'Faite par',
    colTerritoire: 'Territoire',
    colEtoile: 'Étoile',
    colManque: 'Points manquants',
    colCriteres: 'Critères à remplir',
    colLignes: 'Lignes à renseigner',
    colFiliere: 'Filière',
    colTerritoires: 'Territoires',
    colType: 'Type',
    colTranche: 'Taille',
    colNombre: 'Territoires',
    mediane: 'Médiane',
    q1: '1er quartile',
    q3: '3e quartile',
    pctTerritoires: (n: number, total: number) => `${nb(n)} sur ${nb(total)}`,
    etoileVers: (a: number, b: number) => `${a} → ${b}`,
  },
  pairs: {
    titre: (nom: string) => `${nom} parmi les territoires du réseau`,
    titreSans: 'Le territoire parmi ceux du réseau',
    sousTitre: (n: number, typ: number, groupe: string) =>
      `Score réalisé par axe face au réseau (${n} ${s(n, 'territoire', 'territoires')}) et aux ${typ} ${s(typ, 'territoire', 'territoires')} ${groupe}`,
    groupe: (type: string | null, tranche: string) => `${type ? `de type ${type}` : 'de même type'}, ${tranche}`,
    colAxe: 'Axe',
    colNous: 'Nous',
    colMediane: 'Médiane réseau',
    colQuartiles: 'Quartiles réseau',
    colPairs: 'Médiane pairs',
    enAvance: 'Mesures où des territoires comparables sont en avance',
    aucuneAvance: 'Aucune mesure où les territoires comparables sont nettement en avance.',
    faitePar: (titre: string, noms: readonly string[]) => `${titre} : ${noms.join(', ')}`,
    autres: (n: number) => `${n} ${n > 1 ? 'autres' : 'autre'} (classeur régional, onglet « Mesures faites »)`,
    notes: (date: string) =>
      `À dire : situer le territoire parmi des territoires comparables, axe par axe, et citer les mesures où d'autres sont en avance (des partenaires possibles).\nÀ décider : rien sur cette diapositive, elle est donnée pour information.\nD'où viennent les chiffres : comparaison avec le classeur régional du ${date} : médiane et quartiles du % réalisé par axe, sur tous les territoires et sur ceux de même type et de même tranche de population. Seuls des agrégats et ce que les territoires ont choisi de partager (fiches réseau) apparaissent.`,
    reseauIllisible: (chemin: string, raison: string) => `Classeur régional « ${chemin} » illisible : ${raison}.`,
    reseauCopilSeulement: 'L’option --reseau ne s’applique qu’à la présentation COPIL (generate copil).',
    reseauOption: 'classeur régional (écrit par « reseau ») : ajoute la diapositive de comparaison avec les pairs',
  },
  date: (d: Date) => formatDateFr(d),
} as const;
