/**
 * Personal data that must not leave a territory in a shared file. The fiche
 * réseau never copies a column that holds a person (pilote, élu, responsable,
 * contact, e-mail); this removes what users type inside shared titles:
 * e-mail addresses and French phone numbers, each replaced by a neutral
 * mark so the sentence still reads.
 */

// An address as people type it (RFC 5322's full grammar is not needed to
// recognise one inside a title).
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// French numbers: 0X XX XX XX XX or +33 X XX XX XX XX, with spaces, dots or dashes.
const PHONE = /(?:\+33\s?|0)[1-9](?:[\s.-]?\d{2}){4}\b/g;

export const MARQUE_RETRAIT = '[retiré]';

export interface TexteNettoye {
  readonly texte: string;
  readonly retraits: ReadonlyArray<'adresse électronique' | 'numéro de téléphone'>;
}

export function retirerDonneesPersonnelles(text: string): TexteNettoye {
  const retraits: Array<'adresse électronique' | 'numéro de téléphone'> = [];
  let texte = text.replace(EMAIL, () => {
    retraits.push('adresse électronique');
    return MARQUE_RETRAIT;
  });
  texte = texte.replace(PHONE, () => {
    retraits.push('numéro de téléphone');
    return MARQUE_RETRAIT;
  });
  return { texte, retraits };
}

/** True when the text holds an e-mail address (used by tests and the rollup's own check). */
export function contientEmail(text: string): boolean {
  EMAIL.lastIndex = 0;
  const found = EMAIL.test(text);
  EMAIL.lastIndex = 0;
  return found;
}
