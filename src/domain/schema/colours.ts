/** The workbook's palette: one place, so the sheet, the deck and the sidebar agree. */
export const COLOURS = {
  brand: '#1F5C4A',
  brandLight: '#DCEBE4',
  accent: '#E0A526',
  headerText: '#FFFFFF',
  computedHeader: '#5B6B73',
  computedFill: '#F1F3F4',
  leadHeader: '#7A4E9C',
  leadFill: '#F3ECF8',
  grey: '#D9D9D9',
  greyText: '#5F6368',
  red: '#F4C7C3',
  redText: '#A50E0E',
  orange: '#FCE8B2',
  orangeText: '#8A4B00',
  green: '#B7E1CD',
  greenText: '#0B5D1E',
  blue: '#C9DAF8',
  blueText: '#1A3D7C',
  white: '#FFFFFF',
} as const;

/** Plans' Niveau EC: 0 grey, 1 red, 2 orange, 3 green. */
export const NIVEAU_EC_COLOURS = [
  { equals: '0 – Absent', background: COLOURS.grey, font: COLOURS.greyText },
  { equals: '1 – Faible', background: COLOURS.red, font: COLOURS.redText },
  { equals: '2 – Partiel', background: COLOURS.orange, font: COLOURS.orangeText },
  { equals: '3 – Fort', background: COLOURS.green, font: COLOURS.greenText },
] as const;

export const STATUT_REFERENTIEL_COLOURS = [
  { equals: 'Fait', background: COLOURS.green, font: COLOURS.greenText },
  { equals: 'Programmé', background: COLOURS.blue, font: COLOURS.blueText },
  { equals: 'Pas fait', background: COLOURS.red, font: COLOURS.redText },
  { equals: 'Détaillé au %', background: COLOURS.orange, font: COLOURS.orangeText },
  { equals: 'Non concerné', background: COLOURS.grey, font: COLOURS.greyText },
] as const;

export const PRIORITE_ACTEUR_COLOURS = [
  { equals: 'À contacter d\'urgence', background: COLOURS.red, font: COLOURS.redText },
  { equals: 'Lien à entretenir', background: COLOURS.orange, font: COLOURS.orangeText },
  { equals: 'Rester en veille', background: COLOURS.grey, font: COLOURS.greyText },
] as const;

export const ETAT_PREUVE_COLOURS = [
  { equals: 'Prête', background: COLOURS.green, font: COLOURS.greenText },
  { equals: 'Déposée', background: COLOURS.green, font: COLOURS.greenText },
  { equals: 'En cours', background: COLOURS.orange, font: COLOURS.orangeText },
  { equals: 'À créer', background: COLOURS.red, font: COLOURS.redText },
  { equals: 'Existante', background: COLOURS.blue, font: COLOURS.blueText },
] as const;

export const STATUT_JALON_COLOURS = [
  { equals: 'Fait', background: COLOURS.green, font: COLOURS.greenText },
  { equals: 'En retard', background: COLOURS.red, font: COLOURS.redText },
] as const;

export const FEUILLE_DE_ROUTE_COLOURS = [
  { equals: 'Fait', background: COLOURS.green, font: COLOURS.greenText },
  { equals: 'En cours', background: COLOURS.orange, font: COLOURS.orangeText },
  { equals: 'À faire', background: COLOURS.white, font: COLOURS.greyText },
] as const;

/** Bands of the share réalisé (0–1): red under 35 %, orange to 65 %, green above. */
export const SCORE_BANDS = [
  { atLeast: 0, below: 0.35, background: COLOURS.red, font: COLOURS.redText },
  { atLeast: 0.35, below: 0.65, background: COLOURS.orange, font: COLOURS.orangeText },
  { atLeast: 0.65, background: COLOURS.green, font: COLOURS.greenText },
] as const;

/** Score colour bands (share réalisé of the potential), shared by tab, deck and sidebar. */
export function scoreColour(ratio: number): { background: string; font: string } {
  if (ratio >= 0.65) return { background: COLOURS.green, font: COLOURS.greenText };
  if (ratio >= 0.35) return { background: COLOURS.orange, font: COLOURS.orangeText };
  return { background: COLOURS.red, font: COLOURS.redText };
}
