/**
 * The guide's practices by step (guide-methodologique-drec.txt), the
 * feuille de route of `Accueil`. Filled in by the steering module.
 */
export interface Pratique {
  readonly id: string;
  readonly etape: string;
  readonly pratique: string;
}

export const PRATIQUES: readonly Pratique[] = [];
