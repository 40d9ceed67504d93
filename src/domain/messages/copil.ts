/**
 * Words of the COPIL deck, for élus: full sentences, every count saying what
 * it counts, no tab names on the slides (they go to the speaker notes, with
 * what to say). The typography routine is applied by the deck kit.
 */
import { formatEuroHT, formatNumberFr, formatPercentFr } from '../text/numbers';
import { pluriel as s } from '../text/typography';

const pct = (n: number, d = 1) => formatPercentFr(n / 100, d);
const nb = (n: number) => formatNumberFr(n);
const eur = (n: number) => formatEuroHT(n);
const etoiles = (n: number) => (n === 0 ? 'aucune étoile' : `${n} étoile${n > 1 ? 's' : ''}`);
const ordinal = (n: number) => (n === 1 ? '1re' : `${n}e`);
const liste = (xs: readonly string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} et ${xs[xs.length - 1]}`);
const signe = (n: number, d = 1) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${formatNumberFr(Math.abs(n), d)}`;
/** `+2,1 points de %`, `−0,8 point de %`. */
const ecartPts = (n: number) => `${signe(n)} ${Math.abs(n) >= 2 ? 'points' : 'point'} de %`;

export const COPIL_MESSAGES = {
  seance: {
    introuvable: (n: number, copils: readonly string[]) =>
      `Instance n° ${n} introuvable dans l'onglet Instances.${copils.length ? ` COPIL enregistrés : ${copils.join(', ')}.` : ''}`,
    sansDate: (n: number) => `L'instance n° ${n} n'a pas de date dans l'onglet Instances : datez-la, ou indiquez la date de la séance.`,
    aucunCopil: (copils: readonly string[]) =>
      `Aucun COPIL à venir dans l'onglet Instances : indiquez la séance (--instance N, ou --date JJ/MM/AAAA).${copils.length ? ` COPIL déjà tenus : ${copils.join(', ')}.` : ''}`,
    dateInvalide: (v: string) => `--date attend une date AAAA-MM-JJ ou JJ/MM/AAAA, pas « ${v} ».`,
  },

  titre: 'Comité de pilotage',
  sousTitre: 'Stratégie économie circulaire – référentiel ECi de l’ADEME',
  footer: (collectivite: string, date: string) => `${collectivite} · COPIL du ${date}`,
  suite: (title: string) => `${title} (suite)`,

  couverture: {
    seance: (date: string) => `Séance du ${date}`,
    intitule: (intitule: string) => intitule,
    notes: (date: string, genere: string, instance: number | null) =>
      `Présentation préparée pour la séance du ${date}${instance !== null ? ` (instance n° ${instance} de l'onglet Instances)` : ''}, générée le ${genere} à partir du classeur Cap Circulaire. Retards, échéances à venir et « depuis le dernier COPIL » sont calculés à la date de la séance. Chaque diapositive indique en note d'où viennent ses chiffres.`,
  },

  sections: {
    ordre: 'Ordre du jour',
    decisions: 'Décisions attendues',
    essentiel: 'L’essentiel',
    depuis: 'Depuis le dernier COPIL',
    suivi: 'Suivi des décisions du dernier COPIL',
    scores: 'Scores et étoiles',
    budget: 'Budget et financements',
    phares: 'Actions phares',
    echeances: 'Retards et échéances',
    indicateurs: 'Indicateurs',
    preuves: 'Preuves et préparation de l’audit',
    acteurs: 'Acteurs à mobiliser',
    afom: 'Diagnostic AFOM',
    releve: 'Relevé de décisions',
  },

  ordre: {
    titre: (n: number) => `Ordre du jour : ${n} points, décisions d’abord`,
    ligne: (label: string, page: number) => `${label} — diapositive ${page}`,
    notes: "Ordre du jour de la séance : les décisions attendues viennent juste après, le relevé de décisions clôt la présentation. Les numéros sont ceux des diapositives.",
  },

  decisions: {
    titre: (n: number) => (n === 0 ? 'Aucune décision à prendre : le plan se déroule comme prévu' : `${n} ${s(n, 'décision attendue', 'décisions attendues')} de ce comité`),
    colonnes: ['Décision proposée', 'Le chiffre', 'Sans décision'] as const,
    retards: (n: number) => `Arbitrer ${s(n, "l'échéance dépassée", `les ${nb(n)} échéances dépassées`)} : nouvelle date ou abandon`,
    retardsChiffre: (n: number, jours: number, quoi: string, qui: string | null) =>
      `${nb(n)} ${s(n, 'échéance dépassée', 'échéances dépassées')} ; la plus ancienne a ${nb(jours)} jours de retard (${quoi}${qui ? `, ${qui}` : ''})`,
    retardsConsequence: 'Les mêmes retards reviendront au prochain COPIL et fragiliseront le dossier d’audit.',
    financer: (montant: number, fiches: readonly string[]) => `Trouver ${eur(montant)} pour ${fiches.length > 1 ? `les fiches ${liste(fiches)}` : `la fiche ${fiches[0]}`}`,
    financerChiffre: (aTrouver: number, total: number, n: number) => `${eur(aTrouver)} sans financeur sur ${eur(total)} de budget du plan, sur ${nb(n)} ${s(n, 'fiche', 'fiches')}`,
    financerConsequence: 'Ces fiches ne peuvent pas être engagées ; leurs jalons glisseront.',
    chiffrer: (fiches: readonly string[]) => `Faire chiffrer ${fiches.length > 1 ? `les fiches ${liste(fiches)}` : `la fiche ${fiches[0]}`}`,
    chiffrerChiffre: (n: number) => `${nb(n)} ${s(n, 'fiche sans budget prévisionnel', 'fiches sans budget prévisionnel')}`,
    chiffrerConsequence: 'Le budget du plan est sous-estimé et ne peut pas être voté.',
    etoile: (etoile: number) => `Engager les sous-mesures programmées qui ouvrent la ${ordinal(etoile)} étoile`,
    etoileChiffre: (ecart: number, n: number, points: number) =>
      ecart > 0 ? `Il manque ${formatNumberFr(ecart, 1)} points de % de score réalisé ; ${nb(n)} ${s(n, 'sous-mesure programmée apporte', 'sous-mesures programmées apportent')} ${formatNumberFr(points, 1)} points` : 'Le score suffit ; des critères de l’étoile restent à remplir',
    etoileConsequence: (etoile: number, actuelle: number) => `L’audit ne pourra viser que ${etoiles(actuelle)}, pas ${etoiles(etoile)}.`,
    criteres: (n: number, etoile: number) => `Remplir ${s(n, 'le critère manquant', `les ${nb(n)} critères manquants`)} de la ${ordinal(etoile)} étoile`,
    criteresChiffre: (criteres: readonly string[]) => criteres.join(' ; '),
    criteresConsequence: (etoile: number) => `Sans ces critères, la ${ordinal(etoile)} étoile n’est pas attribuée, quel que soit le score.`,
    discuter: (fiches: readonly string[]) => `Trancher ${fiches.length > 1 ? `les fiches ${liste(fiches)}, « à discuter »` : `la fiche ${fiches[0]}, « à discuter »`}`,
    discuterChiffre: (n: number) => `${nb(n)} ${s(n, 'fiche en attente', 'fiches en attente')} d’un choix du comité`,
    discuterConsequence: 'Ces fiches restent sans pilote engagé ni calendrier.',
    debloquer: (fiches: readonly string[]) => `Débloquer ${fiches.length > 1 ? `les fiches ${liste(fiches)}` : `la fiche ${fiches[0]}`}`,
    debloquerChiffre: (n: number) => `${nb(n)} ${s(n, 'fiche bloquée ou en retard', 'fiches bloquées ou en retard')}`,
    debloquerConsequence: 'Leurs jalons et leur budget sont gelés.',
    adopter: (n: number, budget: number) => `Adopter le plan d’actions : ${nb(n)} ${s(n, 'fiche', 'fiches')}, ${eur(budget)}`,
    adopterChiffre: 'Aucune délibération d’adoption de la stratégie n’est enregistrée',
    adopterConsequence: 'Le label exige une stratégie adoptée par l’assemblée délibérante.',
    candidature: 'Fixer la date de dépôt de la candidature au label',
    candidatureChiffre: 'Date de candidature non fixée',
    candidatureConsequence: 'Le calendrier de l’audit ne peut pas être construit.',
    audit: 'Fixer les dates des deux réunions d’audit',
    auditChiffre: 'Réunions d’audit non datées',
    auditConsequence: 'Un élu et la direction doivent pouvoir réserver l’une des deux réunions.',
    preuves: (n: number, services: readonly string[]) => `Désigner un responsable pour ${s(n, 'la preuve', `les ${nb(n)} preuves`)} qui n’en ont pas${services.length ? ` (${liste(services)})` : ''}`,
    preuvesChiffre: (n: number, total: number) => `${nb(n)} ${s(n, 'preuve attendue', 'preuves attendues')} sur ${nb(total)} sans responsable`,
    preuvesConsequence: 'Ces preuves ne seront pas prêtes pour l’audit.',
    acteurs: (n: number) => `Désigner qui contacte ${s(n, "l'acteur", `les ${nb(n)} acteurs`)} à fort impact sans relation établie`,
    acteursChiffre: (n: number) => `${nb(n)} ${s(n, 'acteur à fort impact', 'acteurs à fort impact')} sans relation établie (liste dans la partie Acteurs)`,
    responsablesEcheances: (n: number) => `Les ${nb(n)} responsables des échéances`,
    pilotesSousMesures: (n: number) => (n === 1 ? 'Le pilote de la sous-mesure' : `Les ${nb(n)} pilotes des sous-mesures`),
    acteursConsequence: 'Les partenaires clés restent hors de la démarche.',
    critere: 'par urgence (échéances dépassées, financement, étoile suivante, fiches à trancher ou bloquées, audit, preuves, acteurs, prochain comité)',
    reste: { singulier: 'décision', pluriel: 'décisions', ou: 'toutes dans le projet de relevé, en fin de présentation' },
    prochainCopil: 'Fixer la date du prochain COPIL',
    prochainCopilChiffre: 'Aucun COPIL programmé après celui-ci',
    prochainCopilConsequence: 'Le suivi de ces décisions n’a pas de rendez-vous.',
    aucune: "Aucun retard, aucune fiche sans financement, rien ne bloque l'étoile suivante : le comité prend acte de l'avancement.",
    notes: (sources: string) =>
      `Décisions construites à partir du classeur, chacune avec son chiffre et ce qui se passe si rien n'est décidé. Sources : ${sources}.`,
  },

  chemin: {
    titre: (etoile: number, n: number) => `Le chemin vers la ${ordinal(etoile)} étoile : ${nb(n)} ${s(n, 'sous-mesure programmée', 'sous-mesures programmées')} à réaliser`,
    intro: (ecart: number, points: number, marge: number) =>
      `Il manque ${formatNumberFr(points, 1)} points (${formatNumberFr(ecart, 1)} points de % de score, marge de ${nb(marge)} points comprise) : réaliser ces sous-mesures avant l’audit suffit.`,
    introInsuffisant: (points: number, apport: number) =>
      `Il manque ${formatNumberFr(points, 1)} points ; les sous-mesures programmées n’en apportent que ${formatNumberFr(apport, 1)} : il faut en programmer d’autres.`,
    colonnes: ['Sous-mesure', 'Pilote', 'Points', 'Échéance'] as const,
    piloteAbsent: 'Pilote à désigner',
    avantAudit: (date: string) => `Avant l’audit (${date})`,
    /** In the table, where the intro gives the audit's date. */
    avantAuditCourt: 'Avant l’audit',
    dateAudit: (date: string) => `Sans fiche datée, l’échéance est l’audit, prévu le ${date}.`,
    sansDate: 'À dater',
    criteres: (n: number) => `${nb(n)} ${s(n, 'critère', 'critères')} de l’étoile à remplir aussi :`,
    critere: 'les sous-mesures qui apportent le plus de points d’abord',
    reste: { singulier: 'sous-mesure programmée', pluriel: 'sous-mesures programmées', ou: 'liste complète dans le classeur' },
    notes: "Sous-mesures au statut « programmé » de l'onglet Référentiel, par points apportés ; pilote de l'onglet Référentiel ; échéance : date de fin de la fiche du plan d'actions qui porte la mesure, sinon la date de l'audit.",
  },

  essentiel: {
    titre: (score: number, etoile: number) => `Score réalisé ${pct(score)} : ${etoiles(etoile)} aujourd’hui`,
    score: (score: number, prev: number) => `Le référentiel est réalisé à ${pct(score)} de son potentiel ; ${pct(prev)} avec ce qui est programmé.`,
    progression: (delta: number, date: string) => `Depuis le COPIL du ${date} : ${ecartPts(delta)}.`,
    progressionDebut: (delta: number, date: string) => `Depuis le premier relevé (${date}) : ${ecartPts(delta)}.`,
    etoile: (actuelle: number, atteignable: number) =>
      atteignable > actuelle ? `${etoiles(actuelle)} à ce jour ; ${etoiles(atteignable)} à portée si le programmé est réalisé.` : `${etoiles(actuelle)} à ce jour ; le programmé ne suffit pas pour l’étoile suivante.`,
    prochaine: (etoile: number, ecart: number, criteres: number, n: number) =>
      `Pour la ${ordinal(etoile)} étoile : ${ecart > 0 ? `${formatNumberFr(ecart, 1)} points de % de score` : 'le score suffit'}${criteres > 0 ? `, ${nb(criteres)} ${s(criteres, 'critère', 'critères')} à remplir` : ''}${n > 0 ? ` ; ${nb(n)} ${s(n, 'sous-mesure programmée', 'sous-mesures programmées')} y ${s(n, 'mène', 'mènent')}` : ''}.`,
    maximum: 'Cinq étoiles : le niveau maximal est atteint.',
    budget: (total: number, finance: number, aTrouver: number, fiches: number) =>
      `Budget du plan : ${eur(total)} sur ${nb(fiches)} ${s(fiches, 'fiche', 'fiches')}, dont ${eur(finance)} avec un financeur et ${eur(aTrouver)} à trouver.`,
    budgetVide: 'Aucune fiche du plan d’actions n’est encore chiffrée.',
    retards: (retard: number, aVenir: number, mois: number) =>
      `${nb(retard)} ${s(retard, 'échéance dépassée', 'échéances dépassées')} et ${nb(aVenir)} à venir dans les ${nb(mois)} prochains mois (jalons et engagements, chacun compté une fois).`,
    preuves: (pretes: number, attendues: number, sans: number) =>
      `${nb(pretes)} ${s(pretes, 'preuve prête', 'preuves prêtes')} sur ${nb(attendues)} attendues pour l’audit ; ${nb(sans)} sans responsable.`,
    phares: (n: number, total: number) => `${nb(n)} ${s(n, 'action phare', 'actions phares')} parmi les ${nb(total)} actions recensées dans les services.`,
    leads: { score: 'Score', etoile: 'Étoile', prochaine: 'Étoile suivante', budget: 'Budget', retards: 'Échéances', preuves: 'Audit', phares: 'Actions' },
    notes: "Une phrase par sujet ; le détail suit. Score et étoiles : onglet Référentiel (règles de Territoires en Transitions) ; progression : onglet Historique ; budget : fiches de l'onglet Plan d'actions (montants HT) ; échéances : onglets Jalons et Engagements à la date de la séance ; preuves : onglet Preuves.",
  },

  depuis: {
    titre: (n: number, date: string | null) => {
      const combien = n === 0 ? 'aucune avancée datée' : `${nb(n)} ${s(n, 'avancée', 'avancées')}`;
      return date ? `Depuis le COPIL du ${date} : ${combien}` : `Depuis le début de la démarche : ${combien}`;
    },
    jalon: (quoi: string, fiche: string | null, date: string) => `Jalon tenu le ${date} : ${quoi}${fiche ? ` (${fiche})` : ''}`,
    engagement: (quoi: string, qui: string, date: string) => `Engagement tenu (échéance du ${date}) : ${quoi} — ${qui}`,
    ficheDemarree: (n: string, titre: string, date: string) => `Fiche ${n} démarrée le ${date} : ${titre}`,
    ficheRealisee: (n: string, titre: string) => `Fiche ${n} réalisée : ${titre}`,
    preuve: (n: number) => `${nb(n)} ${s(n, 'preuve arrivée à échéance est prête', 'preuves arrivées à échéance sont prêtes')}`,
    instance: (type: string, date: string, intitule: string) => `${type} du ${date} : ${intitule}`,
    score: (avant: number, apres: number, date: string) => `Score réalisé : ${pct(avant)} au COPIL du ${date}, ${pct(apres)} aujourd’hui (${ecartPts(apres - avant)})`,
    rien: (date: string | null) =>
      date ? `Aucun jalon, engagement ou fiche daté entre le COPIL du ${date} et cette séance.` : 'Aucun jalon, engagement ou fiche daté avant cette séance.',
    intro: (fenetre: string) => `Ce qui a été fait ${fenetre}, d’après les dates saisies :`,
    critere: 'le score et les preuves d’abord, puis les avancées les plus récentes',
    reste: { singulier: 'avancée', pluriel: 'avancées', ou: 'liste complète dans le classeur' },
    fenetre: (debut: string, fin: string) => `entre le ${debut} et le ${fin}`,
    notes: "Faits datés entre le COPIL précédent et cette séance : jalons (onglet Jalons) et engagements (onglet Engagements) au statut Fait dont l'échéance tombe dans la période, fiches (onglet Plan d'actions) démarrées ou réalisées, preuves prêtes, instances tenues, score enregistré au COPIL précédent (onglet Historique).",
  },

  suivi: {
    titre: (faits: number, total: number, date: string) => `Décisions du COPIL du ${date} : ${nb(faits)} ${s(faits, 'engagement tenu', 'engagements tenus')} sur ${nb(total)}`,
    titreSansEngagement: (n: number, date: string) => `Décisions du COPIL du ${date} : ${nb(n)} ${s(n, 'décision', 'décisions')}, aucun engagement enregistré`,
    colonnes: ['Décision', 'Engagement', 'Qui', 'Échéance', 'État'] as const,
    autres: 'Autres engagements pris ce jour-là',
    aucunEngagement: 'Pas d’engagement rattaché',
    aucunEngagementIntro: 'Décisions prises, sans engagement nominatif enregistré : le comité dit où elles en sont.',
    etats: { fait: 'Fait', retard: (j: number) => `En retard de ${nb(j)} j`, aFaire: 'À faire', sansDate: 'Non daté' },
    critere: 'les décisions dont un engagement est en retard d’abord, puis celles qui restent à faire, celles sans engagement et celles tenues ; dans l’ordre du relevé à rang égal',
    reste: { singulier: 'ligne de suivi', pluriel: 'lignes de suivi (décisions ou engagements)', ou: 'liste complète dans le classeur' },
    aucunCopil: 'Premier COPIL : pas de décision antérieure à suivre',
    aucunCopilTexte: "C'est le premier COPIL enregistré : le suivi des décisions commencera à la prochaine séance, à partir du relevé de décisions de celle-ci.",
    sansDecision: (date: string) => `Le COPIL du ${date} n’a pas de décision enregistrée`,
    sansDecisionTexte: "Aucune décision ni engagement n'est enregistré pour la séance précédente : reportez le relevé de décisions pour pouvoir en suivre l'exécution.",
    notes: "Décisions du COPIL précédent (onglet Instances, colonne Décisions, une par ligne) et engagements pris ce jour-là (onglet Engagements, même N° d'instance), rapprochés par leurs mots ; état à la date de la séance.",
  },

  scores: {
    titre: (etoile: number, atteignable: number) =>
      atteignable > etoile ? `Scores par axe : ${etoile === 0 ? 'aucune étoile acquise' : `${etoiles(etoile)} ${etoile > 1 ? 'acquises' : 'acquise'}`}, ${etoiles(atteignable)} à portée avec le programmé` : `Scores par axe : ${etoiles(etoile)} ${etoile > 1 ? 'acquises' : etoile === 1 ? 'acquise' : ''}`.trim(),
    realise: 'Réalisé',
    programme: 'Programmé',
    label: 'Label économie circulaire',
    etoileActuelle: (n: number) => `Étoile actuelle : ${etoiles(n)}`,
    etoileAtteignable: (n: number) => `À portée : ${etoiles(n)} si le programmé est réalisé`,
    scoreTotal: (r: number, p: number) => `Score réalisé ${pct(r)}, avec le programmé ${pct(p)}`,
    completude: (libelle: string) => `Référentiel renseigné : ${libelle} (le label exige 100 %)`,
    progressionTitre: (delta: number | null, date: string | null) =>
      delta === null || date === null ? 'Progression du score réalisé, COPIL après COPIL' : `Progression du score réalisé : ${ecartPts(delta)} depuis le COPIL du ${date}`,
    premierReleve: "Premier relevé : la progression s'affichera à partir du prochain COPIL, les chiffres de celui-ci étant enregistrés.",
    seance: (date: string) => date,
    aucunPoint: "Aucun point réalisé ni programmé : le statut des sous-mesures du référentiel reste à renseigner avec les pilotes.",
    notes: (axes: readonly string[]) =>
      `Part des points du potentiel réalisée et programmée, par axe (onglet Référentiel, règles de Territoires en Transitions). Axes : ${axes.join(' ; ')}. La progression vient de l'onglet Historique, enregistré à chaque COPIL.`,
  },

  budget: {
    titre: (total: number, aTrouver: number) => (aTrouver > 0 ? `Budget du plan : ${eur(total)}, dont ${eur(aTrouver)} encore à financer` : `Budget du plan : ${eur(total)}, entièrement financé`),
    colonnes: ['Fiche', 'Budget', 'Financé', 'À trouver'] as const,
    total: 'Total du plan',
    financeurs: 'Par financeur',
    colonnesFinanceurs: ['Financeur', 'Montant', 'Fiches'] as const,
    parAnnee: 'Budget par année (réparti sur la durée des fiches)',
    nonDate: (montant: number) => `${eur(montant)} sur des fiches sans dates`,
    financeurAbsent: 'Aucun financeur',
    critere: 'les fiches qui ont le plus à trouver d’abord, puis les plus gros budgets ; les autres sont additionnées sur une ligne, le total est celui de toutes les fiches',
    reste: { singulier: 'fiche', pluriel: 'fiches', ou: 'détail dans le classeur' },
    critereFinanceurs: 'les financeurs qui apportent le plus d’abord ; les autres sont additionnés sur une ligne',
    resteFinanceurs: { singulier: 'financeur', pluriel: 'financeurs', ou: 'détail dans le classeur' },
    finance: 'Financé',
    aTrouver: 'À trouver',
    vide: "Aucune fiche du plan d'actions n'a de budget prévisionnel : le budget du plan ne peut pas encore être présenté.",
    titreVide: 'Budget du plan : aucune fiche chiffrée',
    notes: "Un seul total : la somme des budgets prévisionnels HT des fiches (onglet Plan d'actions, colonne « Budget prévisionnel total € HT »). Financé : montants des financeurs 1 à 3 de chaque fiche ; à trouver : le reste. Par année : budget de chaque fiche réparti sur ses dates de début et de fin.",
  },

  phares: {
    titre: (n: number, total: number) => `${nb(n)} ${s(n, 'action phare', 'actions phares')} parmi les ${nb(total)} actions des services`,
    colonnes: ['Action phare', 'Service', 'Pilote', 'Échéance', 'Budget'] as const,
    mesure: (libelle: string) => `Référentiel : ${libelle}`,
    sansEcheance: 'Non datée',
    critere: 'les échéances à venir d’abord, les plus proches en tête, puis les échéances passées, les plus récentes en tête, les actions non datées en dernier',
    reste: { singulier: 'action phare', pluriel: 'actions phares', ou: 'liste complète dans le classeur' },
    sansBudget: 'Non chiffré',
    vide: "Aucune action n'est encore désignée comme action phare : le comité peut les choisir parmi les actions recensées.",
    titreVide: 'Actions phares : à désigner',
    notes: "Actions des services marquées « Action phare » par la cheffe de projet (onglet Actions) ; budget HT saisi par le service, échéance : date de fin. Ces budgets d'actions ne s'ajoutent pas au budget du plan (celui des fiches).",
  },

  echeances: {
    titreRetard: (n: number) => (n === 0 ? 'Aucun retard à la date de la séance' : `${nb(n)} ${s(n, 'échéance dépassée', 'échéances dépassées')} à la date de la séance`),
    titreAVenir: (n: number, mois: number) => (n === 0 ? `Aucune échéance dans les ${nb(mois)} mois qui suivent la séance` : `${nb(n)} ${s(n, 'échéance', 'échéances')} dans les ${nb(mois)} prochains mois`),
    colonnes: ['Échéance', 'Quoi', 'Qui', 'Pour', 'Situation'] as const,
    retard: (j: number) => `${nb(j)} j de retard`,
    critereRetard: 'les plus gros retards d’abord',
    critereAVenir: 'les échéances les plus proches d’abord',
    resteRetard: { singulier: 'échéance dépassée', pluriel: 'échéances dépassées', ou: 'liste complète dans le classeur' },
    resteAVenir: { singulier: 'échéance à venir', pluriel: 'échéances à venir', ou: 'liste complète dans le classeur' },
    dans: (j: number) => (j === 0 ? 'Le jour de la séance' : `Dans ${nb(j)} j`),
    quiAbsent: 'À désigner',
    videRetard: 'Tous les jalons et engagements datés avant la séance sont faits.',
    videAVenir: (mois: number) => `Aucun jalon ni engagement à échéance dans les ${nb(mois)} mois qui suivent la séance.`,
    intro: (n: number) => `Chaque échéance est comptée une fois : un engagement pris en instance pour un jalon n’est pas un deuxième retard (${nb(n)} ${s(n, 'doublon écarté', 'doublons écartés')}).`,
    notes: "Jalons des fiches (onglet Jalons) et engagements pris en instance (onglet Engagements) non faits, à la date de la séance ; un engagement de même échéance et même responsable (ou de même objet) qu'un jalon est compté une seule fois.",
  },

  indicateurs: {
    titre: (atteints: number, progres: number, total: number) =>
      `Indicateurs : ${atteints === 0 ? 'aucun objectif atteint' : `${nb(atteints)} ${s(atteints, 'objectif atteint', 'objectifs atteints')}`}, ${nb(progres)} en progrès, sur ${nb(total)} suivis`,
    colonnes: ['Indicateur', 'Dernière valeur', 'Objectif', 'Sens', 'Statut'] as const,
    valeur: (v: string, annee: number | null) => (annee === null ? v : `${v} (${annee})`),
    objectif: (v: string, annee: number | null) => (annee === null ? v : `${v} en ${annee}`),
    sens: { Hausse: '↑ à augmenter', Baisse: '↓ à réduire' } as const,
    sensAbsent: 'Sens à préciser',
    statuts: {
      atteint: 'Objectif atteint',
      progres: 'En progrès',
      recul: 'S’éloigne de l’objectif',
      stable: 'Stable',
      sansSens: 'Non évalué (sens à préciser)',
      sansObjectif: 'Sans objectif',
      uneValeur: 'Une seule valeur',
    },
    tendance: (t: string) => t,
    critere: 'ceux qui s’éloignent de leur objectif d’abord, puis ceux dont le sens est à préciser, ceux sans évolution, ceux en progrès, et les objectifs atteints en dernier',
    reste: { singulier: 'indicateur suivi', pluriel: 'indicateurs suivis', ou: 'liste complète dans le classeur' },
    vide: "Aucun indicateur ne porte encore de valeur : les valeurs annuelles sont à collecter auprès des services.",
    titreVide: 'Indicateurs : aucune valeur saisie',
    notes: "Onglet Indicateurs : dernière valeur, objectif et son année, et le sens dans lequel l'indicateur s'améliore (colonne Sens, jamais deviné). Statut : atteint si la dernière valeur a passé l'objectif dans ce sens ; en progrès ou s'éloigne selon l'évolution depuis l'année précédente. Sans sens saisi, l'indicateur n'est pas évalué.",
  },

  preuves: {
    titre: (pretes: number, attendues: number, sans: number) => `Audit : ${nb(pretes)} ${s(pretes, 'preuve prête', 'preuves prêtes')} sur ${nb(attendues)}, ${nb(sans)} sans responsable`,
    colonnes: ['Service', 'Attendues', 'Prêtes', 'À produire', 'Sans responsable'] as const,
    sansService: 'Service non précisé',
    total: 'Total',
    intro: (ratio: number) => `${formatPercentFr(ratio, 0)} des preuves attendues sont prêtes ou déposées ; par service :`,
    checklistTitre: (prets: number, total: number) => `Liste de contrôle du label : ${nb(prets)} ${s(prets, 'critère prêt', 'critères prêts')} sur ${nb(total)}`,
    checklistColonnes: ['Critère', 'État', 'Détail'] as const,
    aucunePreuve: "Aucune preuve attendue n'est recensée : la liste des preuves du référentiel est à installer dans le classeur.",
    titreVide: 'Preuves de l’audit : liste à installer',
    notes: "Onglet Preuves : preuves attendues des mesures concernées, leur état (prête ou déposée) et leur responsable, regroupées par service.",
    critere: 'les services qui ont le plus de preuves sans responsable d’abord ; les autres sont additionnés sur une ligne',
    reste: { singulier: 'service', pluriel: 'services', ou: 'détail par preuve dans le dossier d’audit' },
    checklistReste: { singulier: 'critère', pluriel: 'critères', ou: 'voir le dossier d’audit' },
    checklistCritere: 'les critères à faire d’abord, dans l’ordre de la liste de contrôle',
    checklistNotes: "Liste de contrôle calculée (onglet Audit) : complétude du référentiel, gouvernance, acte d'engagement, critères des étoiles, marge de score et preuves.",
  },

  acteurs: {
    titre: (n: number) => (n === 0 ? 'Acteurs : aucun contact urgent' : `Acteurs : ${nb(n)} à contacter d’urgence`),
    impact: 'Impact sur le territoire ↑',
    facilite: 'Facilité de mobilisation →',
    lignes: ['4 fort', '3', '2', '1 faible'] as const,
    colonnes: ['1 difficile', '2', '3', '4 facile'] as const,
    legende: 'Légende : en rouge gras, à contacter d’urgence (fort impact, pas de relation établie) ; fond vert : impact fort et facile à mobiliser ; fond orangé : impact fort, difficile à mobiliser.',
    /** What a cell too full for even one name says, longest first (the first that fits is used); the names are in the notes. */
    renvois: (n: number, urgents: number) => [
      `${nb(n)} acteurs${urgents ? `, dont ${nb(urgents)} ${s(urgents, 'urgent', 'urgents')}` : ''}`,
      `${nb(n)} acteurs${urgents ? `, ${nb(urgents)} ${s(urgents, 'urgent', 'urgents')}` : ''}`,
      `${nb(n)} acteurs`,
    ],
    /** The last line of a cell that shows some of its names. */
    autresCase: (n: number, urgents: number) => `et ${nb(n)} ${s(n, 'autre', 'autres')}${urgents ? `, dont ${nb(urgents)} ${s(urgents, 'urgent', 'urgents')}` : ''}`,
    /** The 2 × 2 reading of the 1-to-4 scores: strong impact from the threshold of Paramètres, easy from 3. */
    lignesQuadrants: (seuil: number) => [`Fort (${nb(seuil)} à 4)`, seuil > 1 ? `Faible (1 à ${nb(seuil - 1)})` : 'Faible'],
    colonnesQuadrants: ['Difficile (1 à 2)', 'Facile (3 à 4)'] as const,
    legendeQuadrants: 'En rouge gras : à contacter d’urgence (fort impact, aucune relation établie). Fond vert : fort impact, facile à mobiliser ; fond orangé : fort impact, difficile à mobiliser. Chaque acteur est noté de 1 à 4 ; ses notes sont dans le classeur.',
    quadrantVide: 'Aucun acteur',
    critereQuadrant: 'dans chaque quadrant, les acteurs à contacter d’urgence d’abord, puis les plus fort impact et les plus faciles à mobiliser, puis par ordre alphabétique ; un quadrant trop plein montre les premiers et compte les autres',
    nonAffichesQuadrant: (quadrant: string, noms: readonly string[]) => `${quadrant} : ${noms.join(', ')}`,
    quadrant: (impact: string, facilite: string) => `impact ${impact.toLowerCase()}, ${facilite.toLowerCase()} à mobiliser`,
    critereCase: 'dans chaque case, les acteurs à contacter d’urgence d’abord, puis par ordre alphabétique ; une case trop pleine montre les premiers et compte les autres',
    nonAffichesCase: (impact: number, facilite: number, noms: readonly string[]) => `case impact ${impact}, facilité ${facilite} : ${noms.join(', ')}`,
    critereUrgence: 'les plus fort impact d’abord, puis les plus faciles à mobiliser',
    resteUrgence: { singulier: 'acteur à contacter d’urgence', pluriel: 'acteurs à contacter d’urgence', ou: 'liste complète dans le classeur' },
    nonPlaces: (n: number) => `${nb(n)} ${s(n, 'acteur non placé', 'acteurs non placés')} faute d’impact ou de facilité évalué.`,
    vide: "Aucun acteur n'est évalué (impact et facilité de mobilisation) : la cartographie des acteurs reste à faire.",
    titreVide: 'Acteurs : cartographie à faire',
    urgenceTitre: (n: number) => `Les ${nb(n)} ${s(n, 'acteur', 'acteurs')} à contacter d’urgence, et qui s’en charge`,
    urgenceColonnes: ['Acteur', 'Catégorie', 'Impact', 'Facilité', 'Service référent'] as const,
    cellule: (impact: number, facilite: number) => `Impact ${impact}, facilité ${facilite}`,
    listeTitre: 'Les acteurs des cases de la matrice, par impact puis facilité',
    listeColonnes: ['Case (impact, facilité)', 'Acteurs'] as const,
    referentAbsent: 'À désigner',
    notes: "Onglet Acteurs : impact sur le territoire et facilité de mobilisation notés de 1 à 4 ; fort impact à partir du seuil de l'onglet Paramètres, facile à partir de 3. À contacter d'urgence : impact au moins égal au seuil de l'onglet Paramètres et aucune relation établie.",
  },

  afom: {
    titre: (f: number, m: number, sans: number) =>
      `Diagnostic AFOM : ${nb(f)} ${s(f, 'faiblesse', 'faiblesses')}, ${nb(m)} ${s(m, 'menace', 'menaces')}, ${sans === 0 ? 'chacune avec une action en réponse' : `dont ${nb(sans)} sans action en réponse`}`,
    quadrants: { Atout: 'Atouts', Faiblesse: 'Faiblesses', Opportunité: 'Opportunités', Menace: 'Menaces' } as const,
    vides: { Atout: 'Aucun atout relevé', Faiblesse: 'Aucune faiblesse relevée', Opportunité: 'Aucune opportunité relevée', Menace: 'Aucune menace relevée' } as const,
    suiteQuadrant: 'suite',
    /** The last line of a quadrant that does not show all its items. */
    autresQuadrant: (n: number) => `et ${nb(n)} ${s(n, 'autre', 'autres')} : voir le document AFOM`,
    critere: 'dans chaque quadrant, par importance (3 d’abord), les faiblesses et menaces sans action en réponse d’abord à importance égale ; une seule diapositive, une deuxième seulement si des éléments d’importance 3 ne tiennent pas sur la première',
    sansReponse: ' (sans action)',
    vide: "Le diagnostic AFOM n'est pas encore établi : atouts, faiblesses, opportunités et menaces sont à partager avec les services.",
    titreVide: 'Diagnostic AFOM : à établir',
    notes: "Onglet AFOM, par importance (3 à 1). « Sans action » : aucune action des services (colonne Répond à) ni fiche (AFOM traités) n'y répond. Le détail est dans le document AFOM.",
  },

  releve: {
    titre: (date: string) => `Projet de relevé de décisions du ${date}`,
    colonnes: ['Décision du comité', 'Qui', 'Pour quand'] as const,
    quiDefaut: 'Cheffe ou chef de projet',
    quandProchain: (date: string) => `COPIL du ${date}`,
    quandDefaut: 'Prochain COPIL',
    rien: "Le comité prend acte de l'avancement ; aucune décision n'est requise.",
    notes: (date: string, instance: number | null) =>
      `Projet à compléter en séance : chaque ligne adoptée est à reporter dans l'onglet Instances (colonne Décisions${instance !== null ? ` de l'instance n° ${instance}` : ` d'une ligne COPIL datée du ${date}`}), et chaque engagement dans l'onglet Engagements : le bilan de la séance et le prochain COPIL en feront le suivi.`,
  },

  /** Summarising long lists: the most important items on the slide, the rest counted and located. */
  resume: {
    reste: (n: number, singulier: string, pluriel: string, ou: string) => `Et ${nb(n)} ${s(n, `autre ${singulier}`, `autres ${pluriel}`)} : ${ou}.`,
    ou: {
      classeur: 'liste complète dans le classeur',
      releve: 'toutes dans le projet de relevé, en fin de présentation',
      afom: 'voir le document AFOM',
      audit: 'voir le dossier d’audit',
    },
    /** The items a slide leaves out, by name; past `max`, counted (the notes stay readable on a tablet). */
    nonAffiches: (n: number, items: readonly string[], max = 30) =>
      `Non affichés sur la diapositive (${nb(n)}) : ${items.slice(0, max).join(' ; ')}${items.length > max ? ` ; et ${nb(items.length - max)} autres, dans le classeur` : ''}.`,
    choix: (critere: string) => `Ordre et choix des lignes : ${critere}.`,
    /** The row that sums what a table leaves out (« 3 autres services »). */
    groupe: (n: number, singulier: string, pluriel: string) => (n === 1 ? `1 autre ${singulier}` : `${nb(n)} autres ${pluriel}`),
  },

  /** Speaker notes of every slide: what to say, what to decide, then where the figures come from. */
  notes: {
    dire: (texte: string) => `À dire : ${texte}`,
    decider: (texte: string) => `À décider : ${texte}`,
    information: 'À décider : rien sur cette diapositive, elle est donnée pour information.',
    sources: (texte: string) => `D'où viennent les chiffres : ${texte}`,
    diapositives: {
      couverture: "ouvrir la séance, rappeler l'objet du comité (piloter la stratégie économie circulaire et préparer le label) et annoncer que les décisions viennent en premier.",
      ordre: "annoncer le déroulé : les décisions d'abord, le détail ensuite, le projet de relevé de décisions pour conclure.",
      decisions: "« Nous vous proposons de trancher ces points aujourd'hui ; le relevé en fin de séance les reprend. » Pour chaque décision, lire le chiffre, puis ce qui se passe si rien n'est décidé.",
      chemin: "« Voici ce qui, réalisé avant l'audit, donne l'étoile suivante. » Demander à chaque pilote de confirmer sa date.",
      essentiel: 'donner les chiffres clés, une phrase chacun ; le détail suit dans les diapositives suivantes.',
      depuis: 'saluer ce qui a été fait depuis le dernier comité, en citant les services et les partenaires qui l’ont porté.',
      suivi: 'reprendre une à une les décisions du dernier comité : ce qui est tenu, ce qui est en retard et pourquoi.',
      scores: 'situer le territoire axe par axe : ce qui est acquis (réalisé) et ce qui le sera si le programmé est réalisé.',
      progression: "montrer l'évolution du score réalisé d'un comité à l'autre.",
      budget: 'présenter le budget du plan (un seul total, hors taxes) et ce qui reste à financer, fiche par fiche.',
      financeurs: 'présenter qui finance quoi et comment le budget se répartit dans le temps.',
      phares: 'présenter les actions phares qui rendent la démarche visible : leur pilote, leur échéance, leur budget.',
      retard: 'pour chaque échéance dépassée, demander au responsable une nouvelle date, ou proposer l’abandon.',
      aVenir: 'rappeler les échéances des prochains mois et vérifier que chaque responsable est prêt.',
      indicateurs: "commenter d'abord les indicateurs qui s'éloignent de leur objectif, puis ceux qui progressent.",
      preuves: "montrer où en est le dossier d'audit, service par service.",
      checklist: 'passer en revue les critères du label encore à remplir.',
      acteurs: 'présenter la carte des acteurs : qui compte le plus pour le territoire, et qui est facile à mobiliser.',
      urgence: "pour chaque acteur à contacter d'urgence, obtenir un nom : qui s'en charge, et pour quand ?",
      afom: 'rappeler le diagnostic partagé ; les faiblesses et menaces sans action en réponse appellent une décision.',
      releve: 'relire le projet de relevé ligne par ligne et le compléter en séance (qui, pour quand).',
    },
    decisions: {
      decisions: 'chaque décision proposée : adoptée, refusée ou reportée, avec qui la porte et pour quand.',
      chemin: 'engager les sous-mesures programmées avant l’audit, et désigner un pilote là où il manque.',
      suivi: 'une nouvelle échéance pour chaque engagement en retard.',
      budget: 'comment financer ce qui reste à trouver, et qui le cherche.',
      retard: 'une nouvelle date, ou l’abandon, pour chaque échéance dépassée.',
      indicateurs: 'le sens des indicateurs qui n’en ont pas, et les mesures à prendre pour ceux qui s’éloignent de leur objectif.',
      preuves: 'un responsable pour chaque preuve qui n’en a pas.',
      checklist: 'qui remplit chaque critère encore à faire, et pour quand.',
      urgence: "qui contacte chaque acteur à contacter d'urgence.",
      afom: 'une action en réponse à chaque faiblesse ou menace qui n’en a pas.',
      releve: 'adopter le relevé de décisions de la séance.',
    },
  },

  cli: {
    dateOption: 'date de la séance du COPIL (JJ/MM/AAAA), quand elle n’est pas dans l’onglet Instances ; sinon --instance N, ou le prochain COPIL par défaut',
    inPlaceOption: 'copil : enregistre les chiffres de la séance dans l’onglet Historique (et une ligne dans Journal) du classeur lui-même',
    copilSeulement: '--date et --in-place ne s’emploient qu’avec copil.',
    aucunCopilAVenir: "Aucun COPIL à venir dans l'onglet Instances : la présentation est datée d'aujourd'hui. Pour une autre séance : --instance N ou --date JJ/MM/AAAA.",
    historiqueEnregistre: (chemin: string) => `Chiffres de la séance enregistrés dans l’onglet Historique de ${chemin}.`,
    historiqueNonEnregistre: 'Les chiffres de la séance ne sont pas enregistrés dans l’onglet Historique (le classeur n’est pas modifié) : ajoutez --in-place pour que le prochain COPIL montre la progression.',
    pasDHistorique: "Le classeur n'a pas d'onglet Historique : ouvrez-le avec « cap-circulaire template » ou « Installer ou mettre à jour le classeur » pour l'ajouter ; la présentation est écrite.",
  },

  gas: {
    titre: 'Présentation COPIL',
    copil: (n: number, date: string, intitule: string) => `n° ${n} – ${date} – ${intitule}`,
    question: (copils: readonly string[], next: string | null) =>
      `${copils.length ? `COPIL de l'onglet Instances :\n${copils.join('\n')}\n\n` : "Aucun COPIL dans l'onglet Instances.\n\n"}${next ? `Laissez vide pour préparer le prochain (${next}), ou tapez` : 'Tapez'} le N° d'une instance, ou la date de la séance (JJ/MM/AAAA).`,
    aucunProchain: "Aucun COPIL à venir dans l'onglet Instances : indiquez le N° d'une instance ou la date de la séance (JJ/MM/AAAA).",
    reponseInvalide: (v: string) => `« ${v} » n'est ni un N° d'instance ni une date JJ/MM/AAAA.`,
  },

  check: {
    deborde: (page: number, texte: string) => `diapositive ${page} : le texte « ${texte} » dépasse de son cadre`,
    tronque: (page: number, texte: string) => `diapositive ${page} : texte coupé « ${texte} »`,
    vide: (page: number, titre: string) => `diapositive ${page} « ${titre} » : aucun contenu`,
    substitut: (page: number, texte: string) => `diapositive ${page} : texte provisoire « ${texte} »`,
    police: (page: number, taille: number) => `diapositive ${page} : police de ${taille} pt, trop petite`,
    horsPage: (page: number) => `diapositive ${page} : un élément sort de la page`,
    chiffre: (libelle: string, valeur: string, page: number) => `diapositive ${page} : ${libelle} attendu à « ${valeur} », absent ou différent`,
    section: (label: string) => `section « ${label} » absente`,
    notes: (page: number) => `diapositive ${page} : notes de l’orateur sans « À dire » ni « À décider »`,
    omis: (page: number, n: number) => `diapositive ${page} : ${nb(n)} ${s(n, 'élément omis', 'éléments omis')} sans que la diapositive le dise`,
    ok: (n: number) => `Présentation prête à projeter : ${nb(n)} diapositives vérifiées (aucun texte coupé ni débordant, aucune section vide, chiffres concordants, notes de l’orateur sur chacune, tout élément omis compté).`,
    ko: (n: number) => `Présentation à revoir avant projection : ${nb(n)} ${s(n, 'problème', 'problèmes')}`,
  },
} as const;
