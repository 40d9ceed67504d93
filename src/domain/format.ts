/**
 * French number formats for everything users read (messages, documents,
 * sidebar): `12 500`, `42,5 %`, `12 500 €`. Uses a narrow no-break space as
 * thousands separator, as French typography does.
 */
const NNBSP = '\u202f';

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

export function formatDateFr(d: Date): string {
  const dd = String(d.getUTCDate()).padStart(2, '0');
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${d.getUTCFullYear()}`;
}
