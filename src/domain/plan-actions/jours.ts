/**
 * Calendar days for steering computations. Dates read from the workbook are
 * UTC midnights (`parse/values.ts`); the injected clock `today` is an instant,
 * taken as the calendar day it is in the engine's time zone (the script's
 * time zone in Apps Script, the machine's offline).
 */
const DAY = 86_400_000;

/** The calendar day of an instant, as UTC midnight (comparable with workbook dates). */
export function jourDe(instant: Date): Date {
  return new Date(Date.UTC(instant.getFullYear(), instant.getMonth(), instant.getDate()));
}

/** Whole days from `a` to `b` (both calendar days as UTC midnights). */
export function joursEntre(a: Date, b: Date): number {
  return Math.round((b.getTime() - a.getTime()) / DAY);
}

/** `YYYY-MM-DD` of a calendar day. */
export function isoJour(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Adds whole months to a calendar day (clamped to the month's last day). */
export function ajouterMois(d: Date, mois: number): Date {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + mois;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), last)));
}
