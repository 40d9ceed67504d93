/**
 * French number formats: kept here for existing imports; the one
 * implementation lives with the text layer (`text/numbers.ts`).
 */
export { formatDateFr, formatEuro, formatEuroHT, formatNumberFr, formatPercentFr } from './text/numbers';
