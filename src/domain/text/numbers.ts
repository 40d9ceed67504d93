/**
 * French number, amount and date formats for everything users read
 * (messages, documents, sidebar): `12 500`, `42,5 %`, `12 500 €`,
 * `12 500 € HT`, `03/04/2025`. Thousands are grouped with a narrow no-break
 * space (U+202F), as French typography does.
 */
export const NNBSP = '\u202f';
export const NBSP = '\u00a0';

export function formatNumberFr(n: number, decimals = 0): string {
  if (!Number.isFinite(n)) return '–';
  const fixed = Math.abs(n).toFixed(decimals);
  const [int, dec] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP);
  const trimmedDec = dec ? dec.replace(/0+$/, '') : '';
  const sign = n < 0 && Number(fixed) !== 0 ? '-' : '';
  return sign + grouped + (trimmedDec ? `,${trimmedDec}` : '');
}

/** `ratio` is a fraction (0.425 → `42,5 %`). */
export function formatPercentFr(ratio: number, decimals = 1): string {
  return `${formatNumberFr(ratio * 100, decimals)}${NNBSP}%`;
}

export function formatEuro(n: number): string {
  return `${formatNumberFr(Math.round(n), 0)}${NNBSP}€`;
}

/** An amount excluding VAT: `12 500 € HT` (the workbook's budgets are HT). */
export function formatEuroHT(n: number): string {
  return `${formatNumberFr(Math.round(n), 0)}${NBSP}€${NBSP}HT`;
}

/** Large amounts shortened for charts and tiles: `1,2 M€ HT`, `350 k€ HT`, `900 € HT`. */
export function formatEuroCourtHT(n: number): string {
  const a = Math.abs(n);
  if (a >= 1_000_000) return `${formatNumberFr(n / 1_000_000, 1)}${NBSP}M€${NBSP}HT`;
  if (a >= 10_000) return `${formatNumberFr(n / 1000, 0)}${NBSP}k€${NBSP}HT`;
  return formatEuroHT(n);
}

export function formatDateFr(d: Date): string {
  const dd = String(d.getUTCDate()).padStart(2, '0');
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${d.getUTCFullYear()}`;
}
