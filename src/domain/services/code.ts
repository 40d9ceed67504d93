/**
 * A service's code: 3 or 4 uppercase letters, the prefix of its actions' Réf.
 * (DEC-001). Derived from the name so the lead recognises it (Déchets → DEC,
 * Direction des finances → FIN), unique in the registry.
 */

/** Words that say nothing about which service it is. */
const STOP_WORDS = new Set([
  'A', 'AU', 'AUX', 'D', 'DE', 'DES', 'DU', 'EN', 'ET', 'L', 'LA', 'LE', 'LES', 'POUR', 'SUR', 'PAR',
  'SERVICE', 'SERVICES', 'DIRECTION', 'POLE', 'MISSION', 'CELLULE',
]);

function letters(word: string): string {
  return word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase().replace(/[^A-Z]/g, '');
}

function words(name: string): string[] {
  const all = name.split(/[\s\-–—'’_/.,;&+()]+/u).map(letters).filter((w) => w !== '');
  const significant = all.filter((w) => !STOP_WORDS.has(w));
  return significant.length > 0 ? significant : all;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Candidates, most recognisable first; the last loop guarantees an answer. */
function* candidates(name: string): Generator<string> {
  const ws = words(name);
  let joined = ws.join('');
  if (joined.length === 0) joined = 'SRV';
  while (joined.length < 3) joined += 'X';
  yield joined.slice(0, 3);
  if (ws.length >= 3) yield ws.slice(0, 4).map((w) => w[0]).join('');
  if (ws.length >= 2) {
    const [a, b] = ws;
    if (b.length >= 2) yield a[0] + b.slice(0, 2);
    if (a.length >= 2) yield a.slice(0, 2) + b[0];
    yield (a.slice(0, 3) + b[0]).slice(0, 4);
  }
  if (joined.length >= 4) yield joined.slice(0, 4);
  for (const c of joined.slice(3)) yield joined.slice(0, 3) + c;
  for (const c of joined.slice(2)) yield joined.slice(0, 2) + c;
  for (const c of ALPHABET) yield joined.slice(0, 3) + c;
  for (const b of ALPHABET) for (const c of ALPHABET) yield joined.slice(0, 2) + b + c;
  for (const a of ALPHABET) for (const b of ALPHABET) for (const c of ALPHABET) yield joined[0] + a + b + c;
}

/** A code not in `taken` (compared in upper case). */
export function serviceCode(name: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((t) => t.trim().toUpperCase()));
  for (const c of candidates(name)) {
    if (c.length >= 3 && c.length <= 4 && !used.has(c)) return c;
  }
  // 26^3 four-letter codes per first letter: the registry would need that many services.
  throw new Error('No service code left');
}
