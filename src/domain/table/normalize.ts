/**
 * Comparison keys for headers and list values: users type `intitulé de
 * l’action`, `INTITULE DE L'ACTION ` or paste non-breaking spaces; all of them
 * must meet the canonical header.
 */
export function normalizeKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc\u00b4`]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u00a0\u202f\u2007\s]+/g, ' ')
    .replace(/[·⸱•]/g, '.')
    .trim()
    .toLowerCase();
}
