/** Labels of the `Audit` tab's checklist and calendar rows. */
export const CHECKLIST_CRITERES = [
  { id: 'completude', label: 'Référentiel renseigné à 100 %' },
  { id: 'eluReferent', label: 'Élu·e référent·e désigné·e (onglet Équipe)' },
  { id: 'referentTechnique', label: 'Référent·e technique (chef de projet) désigné·e (onglet Équipe)' },
  { id: 'acteEngagement', label: "Acte d'engagement signé (délibération dans Instances)" },
  { id: 'premiereEtoile', label: 'Critères de la première étoile remplis' },
  { id: 'scoreSeuil', label: 'Score réalisé au-dessus du seuil de l\'étoile visée, avec la marge de 3 points' },
  { id: 'preuves', label: 'Preuves prêtes / attendues' },
] as const;

export const CALENDRIER_ETAPES = [
  { id: 'candidature', label: 'Dépôt de candidature' },
  { id: 'audit1', label: "Réunion d'audit n° 1" },
  { id: 'audit2', label: "Réunion d'audit n° 2" },
  { id: 'commission', label: 'Commission nationale du label' },
] as const;
