/** Messages about the référentiel: expressions, personalisation, statuses file, score report (French, shown to users). */
import { formatNumberFr, formatPercentFr } from '../format';
import type { Level } from '../referentiel/tree';

export interface LigneNommee {
  readonly identifiant: string;
  readonly level: Level;
  readonly points: number;
  /** Whether sibling lines remain to receive its points. */
  readonly redistribue: boolean;
}

interface Pos {
  readonly ligne: number;
  readonly colonne: number;
}

const NIVEAUX: Readonly<Record<Level, readonly [string, string]>> = {
  referentiel: ['référentiel', 'référentiels'],
  axe: ['axe', 'axes'],
  mesure: ['mesure', 'mesures'],
  'sous-mesure': ['sous-mesure', 'sous-mesures'],
  tache: ['tâche', 'tâches'],
};

const niveau = (level: Level, n = 1) => NIVEAUX[level][n > 1 ? 1 : 0];
const unUne = (level: Level) => (level === 'axe' || level === 'referentiel' ? 'un' : 'une');
const ou = (pos: Pos) => `ligne ${pos.ligne}, colonne ${pos.colonne}`;
const pts = (n: number) => `${formatNumberFr(n, 1)} pts`;
/** Points still missing, rounded up so that the figure shown is always enough. */
const ptsPlafond = (n: number) => pts(Math.ceil(n * 10 - 1e-9) / 10);
/** `pct` in % (0–100). */
const pct = (n: number) => formatPercentFr(n / 100, 1);
const ouiNon = (r: 'OUI' | 'NON') => (r === 'OUI' ? '« Oui »' : '« Non »');
const liste = (items: readonly string[]) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
const etoiles = (n: number) => (n === 0 ? 'aucune' : n === 1 ? '1 étoile' : `${n} étoiles`);
const ordinal = (n: number) => (n === 1 ? '1re' : `${n}e`);

function groupe(lignes: readonly LigneNommee[], level: Level, suffixe: (total: number) => string): string | null {
  const du = lignes.filter((l) => l.level === level);
  if (!du.length) return null;
  const total = du.reduce((s, l) => s + l.points, 0);
  return `${du.length > 1 ? 'les' : 'la'} ${niveau(level, du.length)} ${liste(du.map((l) => l.identifiant))}${suffixe(total)}`;
}

export const REFERENTIEL_MESSAGES = {
  // Personalisation expressions (errors in the référentiel data or in a hand-written rule)
  expressionCaractereInattendu: (c: string, pos: Pos) => `Expression illisible (${ou(pos)}) : caractère « ${c} » inattendu.`,
  expressionAttendu: (attendu: string, trouve: string | null, pos: Pos) =>
    `Expression illisible (${ou(pos)}) : ${attendu} attendu, ${trouve === null ? "fin de l'expression" : `« ${trouve} »`} trouvé.`,
  expressionFinAttendue: () => "la fin de l'expression",
  expressionUnNombre: () => 'un nombre',
  expressionUneValeur: () => 'une valeur (VRAI, FAUX, un nombre, reponse(…), identite(…), si … alors …)',
  expressionUnIdentifiant: () => 'un identifiant',
  expressionDivisionParZero: (pos: Pos) => `Expression illisible (${ou(pos)}) : division par zéro.`,
  expressionNombreCommeCondition: (operateur: string) =>
    `Expression incohérente : un nombre est utilisé comme condition de « ${operateur} ».`,
  expressionChampIdentiteInconnu: (champ: string) =>
    `Expression incohérente : champ d'identité « ${champ} » inconnu (attendus : type, population).`,
  expressionValeurIdentiteInconnue: (champ: string, valeur: string) =>
    `Expression incohérente : valeur « ${valeur} » inconnue pour identite(${champ}, …).`,
  expressionResultatInattendu: (id: string, regle: 'desactivation' | 'reduction') =>
    regle === 'desactivation'
      ? `Règle de désactivation de ${id} : le résultat devrait être VRAI ou FAUX, pas un nombre.`
      : `Règle de réduction de ${id} : le résultat devrait être un nombre, pas VRAI ou FAUX.`,

  // "Effet" column of the Personnalisation tab
  effetNonConcernees: (lignes: readonly LigneNommee[]) => {
    const parts = [
      groupe(lignes, 'axe', (t) => ` (${pts(t)} retirés du potentiel du référentiel)`),
      groupe(lignes, 'mesure', (t) => ` (${pts(t)} retirés du potentiel de l'axe et du référentiel)`),
      groupe(
        lignes.filter((l) => l.points > 0 && l.redistribue),
        'sous-mesure',
        (t) => ` (${pts(t)} répartis à parts égales entre les autres sous-mesures de leur mesure)`,
      ),
      groupe(
        lignes.filter((l) => l.points > 0 && !l.redistribue),
        'sous-mesure',
        (t) => ` (leur mesure n'a plus de sous-mesure concernée : ${pts(t)} retirés du potentiel de l'axe et du référentiel)`,
      ),
      groupe(
        lignes.filter((l) => l.points === 0),
        'sous-mesure',
        () => ' (réglementaire, sans point ; son critère de 1re étoile ne s’applique plus)',
      ),
      groupe(lignes, 'tache', (t) => ` (${pts(t)} répartis entre les autres tâches de leur sous-mesure)`),
    ].filter((p): p is string => p !== null);
    return `Non concernées : ${parts.join(' ; ')}.`;
  },
  effetPonderation: (lignes: readonly { identifiant: string; avant: number; apres: number }[]) =>
    `Pondération modifiée : ${liste(lignes.map((l) => `${l.identifiant} passe de ${pts(l.avant)} à ${pts(l.apres)}`))} (le total de la mesure ne change pas).`,
  effetReponse: (reponse: 'OUI' | 'NON', texte: string) => `${ouiNon(reponse)} : ${texte}`,
  effetAucun: (reponse: 'OUI' | 'NON') => `${ouiNon(reponse)} : aucun effet sur le référentiel.`,
  effetSansReponse: (identite: boolean, actuel: string | null, siOui: string | null, siNon: string | null) => {
    const debut = identite
      ? "Information inconnue : renseignez le type et la population de la collectivité dans l'onglet Accueil."
      : 'Sans réponse : la question ne compte ni pour « Oui » ni pour « Non ».';
    const maintenant = actuel ? ` En l'état : ${actuel}` : '';
    return `${debut}${maintenant} Si « Oui » : ${siOui ?? 'aucun effet.'} Si « Non » : ${siNon ?? 'aucun effet.'}`;
  },
  anomalieSpaser: () =>
    'Attention : la règle de la plateforme est reproduite telle quelle, alors qu’elle semble inversée : c’est la réponse « Oui » (collectivité soumise au SPASER) qui rend la sous-mesure 3.2.0 non concernée, et son critère de 1re étoile ne s’applique alors plus.',
  anomalie124: () =>
    'Attention : la règle de la plateforme est reproduite telle quelle : la sous-mesure 1.2.4 est non concernée pour toute collectivité qui n’est pas un syndicat, alors que son texte dit que ce sont les syndicats qui ne sont pas concernés.',
  questionInconnue: (id: string) => `Question de personnalisation inconnue : ${id}.`,

  // Statuses given to the score engine
  statutIdInconnu: (id: string) => `Statut donné pour « ${id} », qui n'est pas une ligne du référentiel ECi.`,
  statutNiveauInterdit: (id: string, level: Level) =>
    `Statut donné pour ${id}, qui est ${unUne(level)} ${niveau(level)} : les statuts se saisissent sur les sous-mesures et les tâches ; les autres lignes en sont la somme.`,

  // Statuses file (score --statuts)
  csvVide: () => 'Ligne 1 : fichier vide. En-tête attendu : id,statut,fait,programme,pas_fait.',
  csvGuillemetNonFerme: (ligne: number) => `Ligne ${ligne} : un guillemet ouvert n'est jamais refermé.`,
  csvColonneInconnue: (ligne: number, nom: string) =>
    `Ligne ${ligne} : colonne « ${nom} » inconnue. En-tête attendu : id,statut,fait,programme,pas_fait.`,
  csvColonneEnDouble: (ligne: number, nom: string) => `Ligne ${ligne} : la colonne « ${nom} » apparaît deux fois.`,
  csvColonneManquante: (ligne: number, nom: string) =>
    `Ligne ${ligne} : colonne « ${nom} » absente de l'en-tête. En-tête attendu : id,statut,fait,programme,pas_fait.`,
  csvColonnesFractionsIncompletes: (ligne: number) =>
    `Ligne ${ligne} : les colonnes fait, programme et pas_fait vont ensemble ; il en manque.`,
  csvTropDeChamps: (ligne: number, n: number, attendu: number, virgule: boolean) =>
    `Ligne ${ligne} : ${n} champs pour ${attendu} colonnes.${virgule ? ' Une fraction écrite avec une virgule (0,5) doit être entre guillemets, ou utilisez le point-virgule comme séparateur.' : ''}`,
  csvIdManquant: (ligne: number) => `Ligne ${ligne} : identifiant manquant.`,
  csvIdInconnu: (ligne: number, id: string) =>
    `Ligne ${ligne} : « ${id} » n'est pas un identifiant du référentiel ECi (exemples : eci_1.1.1, eci_1.1.1.1).`,
  csvNiveauInterdit: (ligne: number, id: string, level: Level) =>
    `Ligne ${ligne} : ${id} est ${unUne(level)} ${niveau(level)} ; un statut se saisit sur une sous-mesure ou une tâche.`,
  csvIdEnDouble: (ligne: number, id: string, premiere: number) =>
    `Ligne ${ligne} : ${id} a déjà un statut ligne ${premiere}.`,
  csvStatutManquant: (ligne: number, id: string) => `Ligne ${ligne} : statut manquant pour ${id}.`,
  csvStatutInconnu: (ligne: number, valeur: string) =>
    `Ligne ${ligne} : statut « ${valeur} » inconnu. Statuts possibles : fait, programme, pas_fait, detaille, non_concerne, non_renseigne.`,
  csvFractionsInterdites: (ligne: number, statut: string) =>
    `Ligne ${ligne} : fractions données pour le statut « ${statut} » ; elles ne valent que pour « detaille ».`,
  csvFractionsSansColonnes: (ligne: number) =>
    `Ligne ${ligne} : statut « detaille » mais l'en-tête n'a pas les colonnes fait, programme et pas_fait.`,
  csvFractionsManquantes: (ligne: number) =>
    `Ligne ${ligne} : statut « detaille » : les trois fractions fait, programme et pas_fait sont requises.`,
  csvFractionIllisible: (ligne: number, colonne: string, valeur: string) =>
    `Ligne ${ligne} : ${colonne} « ${valeur} » n'est pas un nombre (exemples : 0,5 ou 0.5 ou 50 %).`,
  csvFractionsHorsBornes: (ligne: number) => `Ligne ${ligne} : chaque fraction doit être comprise entre 0 et 1.`,
  csvFractionsSomme: (ligne: number, somme: number) =>
    `Ligne ${ligne} : les fractions fait + programme + pas_fait font ${formatNumberFr(somme, 6)} au lieu de 1.`,

  // Text summary of `score`
  rapportTitre: () => 'Scores du référentiel Économie circulaire',
  rapportAxe: (identifiant: string, titre: string, fait: number, potentiel: number, pctFait: number, programme: number, pctProgramme: number) =>
    `Axe ${identifiant} – ${titre}\n  réalisé ${pts(fait)} sur ${pts(potentiel)} (${pct(pctFait)}) · programmé ${pts(programme)} (${pct(pctProgramme)})`,
  rapportAxeNonConcerne: (identifiant: string, titre: string) => `Axe ${identifiant} – ${titre}\n  non concerné`,
  rapportTotal: (fait: number, potentiel: number, pctFait: number, programme: number, pctProgramme: number, potentielReferentiel: number) =>
    `Total : réalisé ${pts(fait)} sur ${pts(potentiel)} (${pct(pctFait)}) · programmé ${pts(programme)} (${pct(pctProgramme)}) · prévisionnel ${pct(pctFait + pctProgramme)}` +
    (Math.abs(potentiel - potentielReferentiel) > 0.0005
      ? `\n  (potentiel ramené de ${pts(potentielReferentiel)} à ${pts(potentiel)} par les lignes non concernées)`
      : ''),
  rapportCompletude: (ratio: number, lignes: number, total: number, sousMesures: number, totalSousMesures: number) =>
    `Complétude : ${formatPercentFr(Math.floor(ratio * 1000) / 1000, 1)} (${lignes} tâches renseignées sur ${total}, sous-mesures sans tâche comprises ; ${sousMesures} sous-mesures complètes sur ${totalSousMesures})`,
  rapportEtoileActuelle: (n: number) => `Étoile actuelle : ${etoiles(n)}`,
  rapportEtoilePotentielle: (n: number) => `Étoile à portée si tout le programmé est réalisé : ${etoiles(n)}`,
  rapportEtoileMaximale: () => 'La 5e étoile, la plus haute, est atteinte.',
  rapportProchaine: (etoile: number, seuil: number, manquants: number, seuilMarge: number, manquantsMarge: number) =>
    etoile === 1
      ? 'Pour la 1re étoile : aucun seuil de score, mais un référentiel renseigné à 100 % et les critères ci-dessous.'
      : manquants <= 0
        ? `Pour la ${ordinal(etoile)} étoile (${pct(seuil)} de score réalisé) : seuil atteint` +
          (manquantsMarge > 0
            ? ` ; ${ptsPlafond(manquantsMarge)} de plus donneraient la marge recommandée (${pct(seuilMarge)}).`
            : ', marge recommandée comprise.')
        : `Pour la ${ordinal(etoile)} étoile (${pct(seuil)} de score réalisé) : il manque ${ptsPlafond(manquants)} réalisés, ${ptsPlafond(manquantsMarge)} avec la marge recommandée de 3 points (${pct(seuilMarge)}), car la note peut baisser à l'audit.`,
  rapportCriteresManquants: () => '  Critères non remplis :',
  rapportCritere: (
    identifiant: string,
    formulation: string,
    realise: number,
    realiseEtProgramme: number,
    minRealise: number | null,
    minProgramme: number | null,
    concerne: boolean,
  ) => {
    const requis = [
      minRealise !== null ? `${pct(minRealise)} réalisé` : null,
      minProgramme !== null ? `${pct(minProgramme)} réalisé + programmé` : null,
    ]
      .filter((r): r is string => r !== null)
      .join(' ou ');
    const etat = concerne
      ? `${pct(realise)} réalisé, ${pct(realiseEtProgramme)} avec le programmé`
      : 'déclarée non concernée, ce que la plateforme compte comme non rempli (passez par la personnalisation si la collectivité n’a pas la compétence)';
    return `  - ${identifiant} ${formulation} : ${etat} ; requis : ${requis}`;
  },
  rapportLignesNonRenseignees: (n: number) =>
    `  Encore ${n} ${n > 1 ? 'tâches' : 'tâche'} sans statut : la demande de label exige un référentiel renseigné à 100 %.`,
} as const;
