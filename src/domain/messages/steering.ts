/**
 * Messages of the steering features (acteurs, plans, plan d'actions, jalons,
 * indicateurs, preuves, audit, feuille de route, tableau de bord, export TeT).
 * French, shown to users: what is wrong, where, what is expected.
 */
import { formatEuro, formatNumberFr, formatPercentFr } from '../format';

const pts = (n: number) => `${formatNumberFr(n, 1)} point${Math.abs(n) >= 2 ? 's' : ''}`;
const pct = (n: number) => `${formatNumberFr(n, 1)}\u202f%`;
const s = (n: number, one: string, many: string) => (n > 1 ? many : one);
const liste = (xs: readonly string[], max = 6) => (xs.length > max ? `${xs.slice(0, max).join(', ')}…` : xs.join(', '));

export const STEERING_MESSAGES = {
  // Acteurs
  acteurSansImpact: (nom: string) => `L'acteur « ${nom} » n'a pas d'impact sur le territoire (1 à 4) : sa priorité ne peut pas être calculée.`,

  // Plan d'actions
  fichesNombre: (n: number) =>
    n < 8
      ? `Le plan d'actions compte ${n} fiche${n > 1 ? 's' : ''} : le guide conseille de viser une dizaine d'actions phares (8 à 12).`
      : `Le plan d'actions compte ${n} fiches : le guide conseille de se limiter à une dizaine d'actions phares à fort impact (8 à 12).`,
  fichesAxes: (axes: readonly string[]) =>
    axes.length === 0
      ? "Aucune fiche n'indique son axe : les actions phares doivent toucher les différents axes du référentiel (au moins 3)."
      : `Les fiches ne couvrent que ${axes.length} axe${axes.length > 1 ? 's' : ''} du référentiel (${axes.join(', ')}) : visez au moins 3 axes différents.`,
  ficheSansAfom: (numero: string, titre: string) =>
    `La fiche ${numero} « ${titre} » ne répond à aucune faiblesse ni aucun atout de l'AFOM : indiquez les identifiants (F…, A…) dans « AFOM traités ».`,
  ficheAfomInconnu: (numero: string, id: string) => `La fiche ${numero} cite l'élément AFOM « ${id} », absent de l'onglet AFOM.`,
  fichesCreees: (creees: number, completees: number) =>
    `${creees} fiche${creees > 1 ? 's' : ''} créée${creees > 1 ? 's' : ''}, ${completees} complétée${completees > 1 ? 's' : ''} depuis les actions retenues au plan.`,
  actionRetenueSansRef: (ligne: number, intitule: string) =>
    `L'action « ${intitule} » (ligne ${ligne} d'Actions) est retenue au plan mais n'a pas de Réf. : lancez « Consolider les services » pour lui en attribuer une.`,
  noteFicheCreee: (ref: string, service: string | null) =>
    `Fiche créée depuis l'action ${ref}${service ? ` (${service})` : ''}.`,
  enRetard: 'En retard',
  nonDate: 'Non daté',
  nonVentile: 'Non ventilé entre financeurs',

  // Indicateurs
  indicateurPourcentHorsBornes: (id: string, annee: number, v: number) =>
    `Indicateur ${id}, année ${annee} : ${formatNumberFr(v, 2)} pour un indicateur en % (attendu entre 0 et 100). Vérifiez l'unité.`,
  indicateurFacteur100: (id: string, annee: number, v: number, ref: number) =>
    `Indicateur ${id}, année ${annee} : ${formatNumberFr(v, 2)} est environ ${formatNumberFr(Math.round(Math.max(v / ref, ref / v)), 0)} fois ${v > ref ? 'plus grand' : 'plus petit'} que les autres valeurs (${formatNumberFr(ref, 2)}) : une valeur saisie dans une autre unité (kg / t, % / fraction) ?`,
  anneeHorsPlage: (entete: string, premiere: number, derniere: number) =>
    `La colonne « ${entete} » est hors de la période suivie (${premiere} à ${derniere}) : ses valeurs ne sont pas prises en compte. Reportez-les dans une année de la période ou supprimez la colonne.`,
  tendance: { hausse: 'En hausse', baisse: 'En baisse', stable: 'Stable' } as const,

  // Preuves
  sansResponsable: 'Sans responsable',
  preuvesLibelle: (pretes: number, attendues: number) =>
    attendues === 0 ? 'Aucune preuve attendue' : `${pretes} / ${attendues} prêtes (${formatPercentFr(pretes / attendues, 0)})`,

  // Audit › checklist
  audit: {
    completude: (ratio: number, renseignees: number, total: number) =>
      ratio >= 1
        ? `Référentiel entièrement renseigné (${renseignees} / ${total} lignes).`
        : `${renseignees} / ${total} lignes renseignées (${formatPercentFr(ratio)}) : il reste ${total - renseignees} ligne${total - renseignees > 1 ? 's' : ''} à renseigner ; le label exige 100 %.`,
    eluReferent: (noms: readonly string[]) =>
      noms.length ? `Élu·e référent·e : ${noms.join(', ')}.` : "Aucun·e élu·e référent·e dans l'onglet Équipe (Rôle « Élu référent »).",
    referentTechnique: (noms: readonly string[]) =>
      noms.length ? `Chef·fe de projet : ${noms.join(', ')}.` : "Aucun·e chef·fe de projet dans l'onglet Équipe (Rôle « Chef de projet »).",
    acteFait: (intitule: string, date: string) => `« ${intitule} » (conseil communautaire du ${date}).`,
    actePrevu: (intitule: string, date: string) => `« ${intitule} » est prévu le ${date} : à confirmer une fois la délibération votée.`,
    acteAbsent:
      "Aucune délibération d'engagement : ajoutez dans Instances le conseil communautaire (Type « Conseil communautaire ») dont l'intitulé ou les décisions mentionnent la délibération.",
    criteresOk: (n: number) => `Les ${n} critère${n > 1 ? 's' : ''} de la première étoile sont remplis.`,
    criteresManquants: (formulations: readonly string[]) => `Critère${formulations.length > 1 ? 's' : ''} non rempli${formulations.length > 1 ? 's' : ''} : ${liste(formulations, 4)}.`,
    criteresInconnus: 'Calculez les scores (menu « Calculer les scores ») pour vérifier les critères de la première étoile.',
    scoreAvecMarge: (score: number, etoile: number, seuil: number, marge: number, suite: string) =>
      `Score réalisé ${pct(score)} : ${etoile} étoile${etoile > 1 ? 's' : ''} (seuil ${pct(seuil)}) avec au moins ${pts(marge)} de marge.${suite}`,
    scoreSansMarge: (score: number, etoile: number, seuil: number, marge: number) =>
      `Score réalisé ${pct(score)} : ${etoile} étoile${etoile > 1 ? 's' : ''} (seuil ${pct(seuil)}) mais moins de ${pts(marge)} de marge ; la note peut baisser à l'audit.`,
    scoreSousSeuil: (score: number, etoile: number, seuil: number, marge: number, manque: number) =>
      `Score réalisé ${pct(score)} : il manque ${pts(manque)} de % pour viser ${etoile} étoile${etoile > 1 ? 's' : ''} (seuil ${pct(seuil)}, marge de ${pts(marge)} comprise : ${pct(seuil + marge)}).`,
    prochaine: (etoile: number, manque: number) => ` Prochaine étoile (${etoile}) : encore ${pts(manque)} de %, marge comprise.`,
    preuves: (pretes: number, attendues: number, aCreerSansResponsable: number) =>
      `${pretes} / ${attendues} preuves prêtes ou déposées` +
      (aCreerSansResponsable > 0 ? ` ; ${aCreerSansResponsable} preuve${aCreerSansResponsable > 1 ? 's' : ''} à créer sans responsable.` : '.'),
  },

  // Audit › calendrier
  calendrier: {
    dateManquante: 'Date à renseigner.',
    candidatureApres: (date: string) => `Le dépôt de candidature doit précéder la première réunion d'audit (${date}).`,
    reunionAvantCandidature: (date: string) => `Cette réunion est avant le dépôt de candidature (${date}).`,
    reunionsInversees: "La réunion n° 2 est datée avant la réunion n° 1.",
    ecartTropLong: (jours: number, max: number) => `${jours} jours entre les deux réunions d'audit : elles se tiennent à ${max} jours d'intervalle au plus.`,
    presence:
      "Un·e élu·e et la direction des services doivent être présents ensemble à une des deux réunions d'audit au moins (colonnes Élu·e présent·e et Direction présente).",
    commissionAvant: (date: string) => `La commission nationale doit suivre les réunions d'audit (dernière réunion le ${date}).`,
  },

  // Feuille de route (Détecté automatiquement)
  detect: {
    eluReferent: (noms: readonly string[]) => (noms.length ? `Élu·e référent·e : ${noms.join(', ')} (Équipe).` : "Pas d'élu·e référent·e dans Équipe."),
    portage: (dechets: boolean, eco: boolean) =>
      dechets && eco
        ? 'Équipe : déchets et développement économique représentés.'
        : `Équipe : ${!dechets && !eco ? 'ni les déchets ni le développement économique ne sont représentés' : !dechets ? 'les déchets ne sont pas représentés' : "le développement économique n'est pas représenté"}.`,
    equipe: (n: number, services: number) => `Équipe projet : ${n} personne${n > 1 ? 's' : ''}, ${services} service${services > 1 ? 's' : ''} ou délégation${services > 1 ? 's' : ''} (attendu : 2 à 4 personnes de plusieurs services).`,
    lettreMission: (avec: number, total: number) => `EC dans la lettre de mission : ${avec} / ${total} membre${total > 1 ? 's' : ''} de l'équipe.`,
    chefDeProjet: (noms: readonly string[]) => (noms.length ? `Chef·fe de projet : ${noms.join(', ')}.` : 'Pas de chef·fe de projet dans Équipe.'),
    deliberation: (intitule: string | null, date: string | null) => (intitule ? `Délibération : « ${intitule} »${date ? ` (${date})` : ''}.` : 'Pas de délibération dans Instances.'),
    direction: (elu: boolean, direction: boolean) =>
      elu && direction ? 'Élu·e référent·e et direction dans Équipe.' : `Manque dans Équipe : ${[!elu ? 'élu·e référent·e' : '', !direction ? 'direction (Rôle « Direction »)' : ''].filter(Boolean).join(' et ')}.`,
    reunions: (n: number) => `${n} réunion${n > 1 ? 's' : ''} d'équipe projet ou COTECH dans Instances (attendu : 3 au moins).`,
    plpdma: (statut: string | null) => (statut ? `PLPDMA : ${statut}.` : 'Pas de PLPDMA dans Plans.'),
    plans: (n: number, coloriés: number) => `${n} plan${n > 1 ? 's' : ''} dans Plans, ${coloriés} avec leur niveau EC.`,
    consultations: (n: number, types: readonly string[]) =>
      `${n} entretien${n > 1 ? 's' : ''}, atelier${n > 1 ? 's' : ''} ou webinaire${n > 1 ? 's' : ''} dans Instances${types.length ? ` (${types.join(', ')})` : ''} ; attendu : deux modalités différentes au moins.`,
    services: (remplis: number, total: number, vides: readonly string[]) =>
      total === 0 ? 'Aucun onglet de service.' : `${remplis} / ${total} onglets de service remplis${vides.length ? ` (vides : ${liste(vides, 4)})` : ''}.`,
    categories: (ok: number, total: number) => `${ok} / ${total} actions avec pilier, temporalité et plan ou mesure.`,
    acteurs: (ok: number, total: number) => `${ok} / ${total} acteurs avec catégorie, localisation et relation.`,
    acteursClasses: (ok: number, total: number) => `${ok} / ${total} acteurs avec impact et facilité de mobilisation.`,
    centralisees: (n: number, services: number) => `${n} action${n > 1 ? 's' : ''} consolidée${n > 1 ? 's' : ''} dans Actions (${services} service${services > 1 ? 's' : ''}).`,
    budgets: (n: number, total: number, montant: number) => `${n} / ${total} actions avec un budget (${formatEuro(montant)}).`,
    afom: (manquants: readonly string[], n: number) => (manquants.length ? `AFOM incomplète : pas de ${manquants.join(', ')}.` : `AFOM : ${n} éléments, les quatre quadrants renseignés.`),
    diagnosticPartage: (intitule: string | null, date: string | null) =>
      intitule ? `Diagnostic partagé : « ${intitule} »${date ? ` (${date})` : ''}.` : "Aucune instance passée dont l'intitulé, les points clés ou les décisions parlent du diagnostic.",
    atelier: (intitule: string | null) => (intitule ? `Atelier : « ${intitule} ».` : "Pas d'atelier dans Instances."),
    bilateraux: (n: number) => `${n} entretien${n > 1 ? 's' : ''} bilatéra${n > 1 ? 'ux' : 'l'} dans Instances.`,
    engagements: (avec: number, total: number) => `${avec} / ${total} ateliers et comités passés suivis d'engagements datés.`,
    elus: (avec: number, total: number) => `Élu·e présent·e à ${avec} / ${total} COPIL et ateliers passés.`,
    representatives: (noms: readonly string[]) => (noms.length ? `Structures représentatives : ${liste(noms, 4)}.` : 'Aucun acteur « Chambre consulaire » ou « Fédération / cluster / club ».'),
    tiers: (noms: readonly string[]) => (noms.length ? `Tiers de confiance : ${liste(noms, 4)}.` : 'Aucun acteur « Tiers de confiance / bureau d\'études ».'),
    validation: (intitule: string | null, date: string | null) =>
      intitule ? `Validation : « ${intitule} »${date ? ` (${date})` : ''}.` : "Aucun conseil communautaire ni COPIL passé dont les décisions valident le plan d'actions ou la stratégie.",
    dizaine: (n: number, axes: number) => `${n} fiche${n > 1 ? 's' : ''} sur ${axes} axe${axes > 1 ? 's' : ''} (attendu : 8 à 12 fiches, 3 axes au moins).`,
    repondentAfom: (ok: number, total: number) => `${ok} / ${total} fiches répondent à une faiblesse ou un atout de l'AFOM.`,
    jalons: (ok: number, total: number) => `${ok} / ${total} fiches avec au moins un jalon daté.`,
    roles: (ok: number, total: number) => `${ok} / ${total} fiches avec une personne ou un service pilote.`,
    budgetsFiches: (ok: number, total: number) => `${ok} / ${total} fiches avec un budget prévisionnel.`,
    multiPlans: (n: number, multi: number) => `${n} actions rattachées à un plan, dont ${multi} à plusieurs.`,
    indicateurs: (n: number, annee: number) => `${n} indicateur${n > 1 ? 's' : ''} avec une valeur ${annee - 1} ou ${annee}.`,
    preuves: (suivies: number, total: number) => `${suivies} / ${total} preuves avec un état, et un responsable pour celles qui ne sont pas prêtes.`,
    calendrier: (alertes: number) => (alertes === 0 ? "Calendrier d'audit daté, sans alerte." : `Calendrier d'audit : ${alertes} alerte${alertes > 1 ? 's' : ''} (onglet Audit).`),
    aucuneFiche: "Aucune fiche dans Plan d'actions.",
  },

  // Tableau de bord
  dashboard: {
    titre: (nom: string) => `Tableau de bord — ${nom}`,
    calcule: (date: string) => `Calculé le ${date}. Ne pas modifier : cet onglet est reconstruit par le menu Cap Circulaire ▸ Tableau de bord.`,
    etoiles: (n: number) => (n === 0 ? 'Aucune étoile' : `${n} étoile${n > 1 ? 's' : ''}`),
    prochaine: (etoile: number, ecart: number, marge: number) =>
      ecart <= 0
        ? `Seuil de la ${etoile === 1 ? 'première étoile' : `${etoile}e étoile`} atteint, marge de ${pts(marge)} comprise.`
        : `Il manque ${pts(ecart)} de % (marge de ${pts(marge)} comprise) pour viser ${etoile} étoile${etoile > 1 ? 's' : ''}.`,
    completude: (ratio: number, renseignees: number, total: number) => `${formatPercentFr(ratio)} (${renseignees} / ${total} lignes)`,
    nonRenseigne: '(non renseigné)',
    sections: {
      scores: 'Scores par axe',
      etoiles: 'Étoiles et complétude',
      actions: 'Actions recensées',
      budgets: 'Budgets par plan',
      acteurs: 'Acteurs par priorité',
      preuves: 'Preuves par état',
      echeances: 'Jalons et engagements',
      feuille: 'Feuille de route',
      audit: 'Préparation de l\'audit',
      fiches: "Plan d'actions",
      indicateurs: 'Indicateurs',
    },
    enRetard: 'En retard',
    aVenir: (mois: number) => `À venir (${mois} mois)`,
    aucun: 'Aucun',
  },

  // Export TeT
  tet: {
    exportFait: (fiches: number, lignes: number) => `Export Territoires en Transitions : ${fiches} fiche${fiches > 1 ? 's' : ''}, ${lignes} lignes du référentiel.`,
    aucuneFiche: "Le plan d'actions est vide : l'export ne contient que les en-têtes.",
    statutInconnu: (numero: string, statut: string) => `Fiche ${numero} : statut « ${statut} » inconnu de Territoires en Transitions, laissé vide.`,
    importFait: (creees: number, ignorees: number) => `Import Territoires en Transitions : ${creees} fiche${creees > 1 ? 's' : ''} ajoutée${creees > 1 ? 's' : ''}, ${ignorees} déjà présente${ignorees > 1 ? 's' : ''}.`,
    cliSummary: 'exporte le plan d’actions et le référentiel pour Territoires en Transitions',
    cliUsage: ['cap-circulaire export-tet classeur.xlsx --out plan-tet.xlsx'],
    cliDescription:
      "Écrit un fichier .xlsx : la première feuille reprend le plan d'actions au format du fichier d'import de Territoires en Transitions (ligne 2 : les 28 intitulés attendus, fiches à partir de la ligne 4), la seconde le référentiel au format de l'export ECi de la plateforme. Le classeur d'entrée n'est pas modifié.",
    cliAnomalie: (onglet: string, ligne: number | null, message: string) => `${onglet}${ligne ? `, ligne ${ligne}` : ''} : ${message}`,
    cliFait: (message: string, chemin: string) => `${message} Fichier écrit : ${chemin}`,
    importFeuilleIntrouvable: "Aucune feuille de ce fichier n'a « Axe (x) » en A2 : ce n'est pas un export de plan d'actions de Territoires en Transitions.",
  },

  // Use case
  steer: {
    journal: (parts: readonly string[]) => parts.join(' ; ') + '.',
    resume: (etoiles: string, score: number, enRetard: number, cochees: number, prets: number, criteres: number, remarques: number) =>
      [
        `${etoiles}, score réalisé ${formatNumberFr(score, 1)} %`,
        `${enRetard} jalon${enRetard > 1 ? 's' : ''} ou engagement${enRetard > 1 ? 's' : ''} en retard`,
        `${cochees} pratique${cochees > 1 ? 's' : ''} cochée${cochees > 1 ? 's' : ''} automatiquement`,
        `${prets} / ${criteres} critères d'audit prêts`,
        `${remarques} remarque${remarques > 1 ? 's' : ''}`,
      ].join(' ; ') + '.',
    resumeTableau: (etoiles: string, score: number, fait: number, total: number) =>
      `${etoiles}, score réalisé ${formatNumberFr(score, 1)} % ; feuille de route ${fait} / ${total}.`,
    demoFiches: "Fiches du plan d'actions depuis les actions retenues",
    demoPilotage: 'Pilotage : acteurs, jalons, indicateurs, feuille de route, audit, tableau de bord',
    demoExport: 'Export Territoires en Transitions',
    anomalie: (onglet: string, ligne: number | null, message: string) => `${onglet}${ligne ? `, ligne ${ligne}` : ''} : ${message}`,
    nomFichierExport: (collectivite: string | null, date: string) => `Export Territoires en Transitions – ${collectivite || 'Collectivité'} – ${date}`,
    exportAlerte: (message: string, url: string, remarques: readonly string[]) =>
      `${message}\n\n${url}${remarques.length ? `\n\n${remarques.map((r) => `• ${r}`).join('\n')}` : ''}\n\nPour l'importer dans Territoires en Transitions : Fichier ▸ Télécharger ▸ Microsoft Excel (.xlsx).`,
    commande: 'Actualiser le pilotage',
    commandeDashboard: 'Tableau de bord',
    commandeFiches: 'Créer les fiches du plan d\'actions',
    commandeExport: 'Export Territoires en Transitions',
  },
  pluriel: s,
};
