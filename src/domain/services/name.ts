/**
 * The service's name: what the lead types in *Ajouter un service…*. It becomes
 * part of a tab name, so it must survive Excel's rules (the offline engine
 * writes .xlsx copies): no `[ ] * ? / \ :`.
 */
import { servicesMessages as msg } from '../messages/services';
import { normalizeKey } from '../table/normalize';
import { accept, refuse, type Verdict } from './result';

/** Characters Excel forbids in a sheet name. */
export const FORBIDDEN_TAB_CHARACTERS: readonly string[] = ['[', ']', '*', '?', '/', '\\', ':'];

/** The full name lives in the registry; beyond this it is a paste accident, not a name. */
export const MAX_SERVICE_NAME_LENGTH = 100;

/** Trims, joins lines and collapses blanks (a name pasted from a document often carries them). */
export function cleanServiceName(raw: string): string {
  return raw.normalize('NFC').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

export function validateServiceName(raw: string): Verdict<string> {
  const name = cleanServiceName(raw);
  if (name === '') return refuse(msg.nameEmpty);
  const found = FORBIDDEN_TAB_CHARACTERS.filter((c) => name.includes(c));
  if (found.length > 0) return refuse(msg.nameForbiddenChars(found));
  if (name.length > MAX_SERVICE_NAME_LENGTH) return refuse(msg.nameTooLong(MAX_SERVICE_NAME_LENGTH, name.length));
  if (!/\p{L}/u.test(name)) return refuse(msg.nameNoLetter);
  return accept(name);
}

/** Two names for the same service: « Déchets », « dechets », « DÉCHETS ». */
export function sameServiceName(a: string, b: string): boolean {
  return normalizeKey(a) === normalizeKey(b);
}
