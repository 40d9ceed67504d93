/**
 * Order statistics for comparing territories: median and quartiles with
 * linear interpolation between closest ranks (the method of Excel's
 * QUARTILE.INC and LibreOffice's QUARTILE), so a coordinator who checks a
 * figure with her spreadsheet finds the same value.
 */
export function quantile(values: readonly number[], q: number): number | null {
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const pos = (xs.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo);
}

export interface Quartiles {
  readonly q1: number;
  readonly mediane: number;
  readonly q3: number;
  readonly n: number;
}

export function quartiles(values: readonly number[]): Quartiles | null {
  const xs = values.filter((v) => Number.isFinite(v));
  if (xs.length === 0) return null;
  return { q1: quantile(xs, 0.25)!, mediane: quantile(xs, 0.5)!, q3: quantile(xs, 0.75)!, n: xs.length };
}

export type Tranche = 'moins10k' | 'de10a50k' | 'de50a100k' | 'plus100k' | 'inconnue';
export const TRANCHES: readonly Tranche[] = ['moins10k', 'de10a50k', 'de50a100k', 'plus100k', 'inconnue'];

/** Population bands: the sizes French networks compare (communes, small, medium, large EPCI). */
export function trancheDe(population: number | null): Tranche {
  if (population === null || !Number.isFinite(population) || population <= 0) return 'inconnue';
  if (population < 10_000) return 'moins10k';
  if (population < 50_000) return 'de10a50k';
  if (population < 100_000) return 'de50a100k';
  return 'plus100k';
}
