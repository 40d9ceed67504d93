/**
 * Thresholds the lead can tune in `Paramètres` › Paramètre / Valeur. Read back
 * by name; a missing or unreadable value falls back to the default with an
 * anomaly, never silently.
 */
export interface SeuilSpec {
  readonly key: SeuilKey;
  readonly parametre: string;
  readonly valeur: string | number;
  readonly explication: string;
}

export type SeuilKey = 'impactEleve' | 'relationsEtablies' | 'horizonMois' | 'margePoints' | 'delaiAuditJours';

export const SEUILS_PAR_DEFAUT: readonly SeuilSpec[] = [
  {
    key: 'impactEleve',
    parametre: 'Impact élevé à partir de (1 à 4)',
    valeur: 3,
    explication: "Un acteur dont l'impact sur le territoire atteint ce niveau est prioritaire : à contacter d'urgence sans relation établie, lien à entretenir sinon.",
  },
  {
    key: 'relationsEtablies',
    parametre: 'Relations considérées comme établies',
    valeur: 'Régulière, Partenaire',
    explication: 'Relations actuelles qui comptent comme un lien existant (les autres : aucune relation ou relation ponctuelle).',
  },
  {
    key: 'horizonMois',
    parametre: 'Horizon des échéances à venir (mois)',
    valeur: 3,
    explication: 'Jalons et engagements signalés comme « à venir » dans le tableau de bord et la présentation COPIL.',
  },
  {
    key: 'margePoints',
    parametre: 'Marge au-dessus du seuil de la prochaine étoile (points de %)',
    valeur: 3,
    explication: "La plateforme recommande une marge minimale de 3 % au-dessus du seuil visé, car la note peut baisser à l'audit.",
  },
  {
    key: 'delaiAuditJours',
    parametre: "Écart maximal entre les deux réunions d'audit (jours)",
    valeur: 60,
    explication: "Les deux réunions d'audit se tiennent à environ deux mois d'intervalle au plus.",
  },
];
