/**
 * The editors of a service tab, typed as one line: `a@x.fr, b@x.fr; c@x.fr`.
 * Addresses copied from a mail client (`Nom <a@x.fr>`) are accepted too.
 */
import { servicesMessages as msg } from '../messages/services';
import { accept, refuse, type Verdict } from './result';

/** Deliberately simple: one `@`, a dotted domain, no blanks; Google checks the account itself. */
const EMAIL = /^[^\s@,;<>()"'[\]]+@[^\s@,;<>()"'[\]]+\.[^\s@,;<>()"'[\].]{2,}$/u;

export function isEmail(s: string): boolean {
  return EMAIL.test(s) && !s.includes('..');
}

/** Splits on commas, semicolons and line breaks; refuses the first invalid address by name. */
export function parseEditors(raw: string): Verdict<string[]> {
  const out: string[] = [];
  for (const part of raw.split(/[,;\n\r]+/)) {
    let entry = part.trim();
    if (entry === '') continue;
    const bracketed = /<([^<>]*)>\s*$/.exec(entry);
    if (bracketed) entry = bracketed[1].trim();
    if (entry.toLowerCase().startsWith('mailto:')) entry = entry.slice('mailto:'.length);
    if (!isEmail(entry)) return refuse(msg.emailInvalid(part.trim()));
    const email = entry.toLowerCase();
    if (!out.includes(email)) out.push(email);
  }
  return accept(out);
}
