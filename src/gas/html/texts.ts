/** French texts of the sidebar's client side (what the lead reads in the 300 px panel). */
import { formatNumberFr } from '../../domain/format';

const n = (x: number) => formatNumberFr(x, 0);
/** French plural: 0 and 1 take the singular. */
const pl = (x: number, un: string, plusieurs: string) => `${n(x)} ${Math.abs(x) >= 2 ? plusieurs : un}`;

export const T = {
  chargement: 'Chargement des données du classeur…',
  charge: (date: string) => `Données du classeur calculées le ${date}.`,
  erreurChargement: (detail: string) => `Impossible de lire le classeur : ${detail}`,
  horsSheets: 'Cette page s’affiche dans la barre latérale de Google Sheets (menu Cap Circulaire ▸ Tableau de bord).',
  tableauIndisponible: (detail: string) => `Le tableau de bord n’a pas pu être calculé : ${detail}`,

  etoilesSur: (x: number, max: number) => `${pl(x, 'étoile', 'étoiles')} sur ${max}`,
  etoileActuelle: 'Niveau atteint',
  etoileAtteignable: 'À portée',
  siProgrammeRealise: 'si les actions programmées sont réalisées',
  totalBarreNom: 'Score du référentiel',
  totalTitre: (potentiel: string) => `Référentiel entier (potentiel de ${potentiel} points)`,
  scoreRealise: (p: string) => `Score réalisé : ${p}`,
  scorePrevisionnel: (p: string) => `Réalisé + programmé : ${p}`,
  etoileMaximale: 'Cinq étoiles : le niveau maximal du label est atteint.',
  criteresManquants: (x: number) => `Critères du label non remplis (${n(x)})`,

  axeBarreNom: (numero: string) => `Score de l’axe ${numero}`,
  barreTexte: (realise: string, programme: string, potentiel: string) => `réalisé ${realise}, programmé ${programme}, sur un potentiel de ${potentiel} points`,
  realise: (p: string) => `Réalisé ${p}`,
  programme: (p: string) => `programmé ${p}`,
  pointsSur: (fait: string, potentiel: string) => `${fait} points faits sur ${potentiel}`,
  nonConcerne: 'Non concerné (potentiel nul après personnalisation)',

  completude: 'Référentiel renseigné',
  preuves: 'Preuves prêtes',
  feuilleDeRoute: 'Feuille de route',
  feuilleDeRouteTexte: (fait: number, total: number, p: string) => `${n(fait)} ${fait >= 2 ? 'pratiques faites' : 'pratique faite'} sur ${n(total)} (${p})`,

  enRetard: (x: number) => `En retard (${n(x)})`,
  aVenir: (x: number, mois: number) => `À venir dans les ${pl(mois, 'mois', 'mois')} (${n(x)})`,
  aucunRetard: 'Aucun jalon ni engagement en retard.',
  rienAVenir: (mois: number) => `Aucune échéance dans les ${pl(mois, 'mois', 'mois')} à venir.`,
  echeance: (date: string) => `Échéance ${date}`,
  joursDeRetard: (j: number) => `${pl(j, 'jour', 'jours')} de retard`,
  joursRestants: (j: number) => (j === 0 ? 'aujourd’hui' : `dans ${pl(j, 'jour', 'jours')}`),
  reference: (source: 'jalon' | 'engagement', ref: string) => (source === 'jalon' ? `Fiche ${ref}` : `Instance ${ref}`),
  voirLigne: (onglet: string, ligne: number) => ` (aller à la ligne ${n(ligne)} de l’onglet « ${onglet} »)`,
  etAutres: (x: number) => `… et ${pl(x, 'autre', 'autres')} dans le classeur.`,

  raccourciAnomalies: (total: number, bloquantes: number) => `Anomalies : ${n(total)}${bloquantes ? `, dont ${pl(bloquantes, 'bloquante', 'bloquantes')}` : ''}`,
  raccourciRetard: (x: number) => `En retard : ${n(x)}`,

  aucuneVerification: 'Aucune vérification enregistrée : lancez « Vérifier les saisies » depuis le menu Cap Circulaire.',
  verifieLe: (date: string, commande: string) => `Dernière vérification le ${date} (${commande}).`,
  commande: { verifier: 'Vérifier les saisies', consolider: 'Consolider les services' } as Readonly<Record<string, string>>,
  aucuneAnomalie: 'Aucune anomalie : les saisies sont conformes.',
  resume: (total: number, bloquantes: number) => `${pl(total, 'anomalie', 'anomalies')}, dont ${pl(bloquantes, 'bloquante', 'bloquantes')}.`,
  groupe: (total: number, bloquantes: number) => `${pl(total, 'anomalie', 'anomalies')}${bloquantes ? `, ${pl(bloquantes, 'bloquante', 'bloquantes')}` : ''}`,
  bloquante: 'Bloquante',
  avertissement: 'À vérifier',
  cellule: (a1: string) => `Cellule ${a1}`,
  ligne: (ligne: number) => `Ligne ${n(ligne)}`,
  onglet: 'Onglet entier',
  allerA: ' – sélectionner dans le classeur',

  selection: (message: string) => message,
  selectionEnCours: 'Sélection de la cellule…',
  erreurSelection: (detail: string) => `La cellule n’a pas pu être sélectionnée : ${detail}`,
} as const;
