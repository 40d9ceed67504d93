/**
 * The ONE French typography routine, applied to every string that leaves the
 * report engine (deck, Word documents, Google Slides and Docs):
 *
 * - narrow no-break space (U+202F) before `;` `!` `?` and inside « »;
 * - no-break space (U+00A0) before `:`, `%` and `€` (and between `€` and `HT`);
 * - thousands written with ordinary spaces (`12 500`) grouped with U+202F;
 * - typographic apostrophe (`l'action` → `l’action`);
 * - accented capitals at the start of words (`Economie` → `Économie`);
 * - three dots become an ellipsis character.
 *
 * Addresses (http…, www., file:, e-mails, paths, file names) are left untouched,
 * and so is a `:` inside a time or a ratio (`10:30`, `eci_1:2`). The routine
 * is idempotent: applying it twice changes nothing.
 */
import { NBSP, NNBSP } from './numbers';

/**
 * Tokens kept verbatim: links, e-mail addresses, local and network paths
 * (Windows; POSIX ones starting with `/`, `./`, `../` or `~/`, or a folder
 * ending with `/`), and file names (with their folders) of a known
 * extension — a user copies them back into a command or looks for them on
 * disk, so `l'exemple.xlsx` must stay as typed.
 */
const PROTECTED =
  /((?:https?|ftp|file|mailto):\S+|\bwww\.\S+|[\w.+-]+@[\w-]+\.[\w.-]+|\b[A-Za-z]:\\\S*|\\\\\S+|(?<![\w€%])(?:\.{1,2}|~)?\/[^\s«»"()]*|[^\s«»"()]+\/(?=\s|$)|[^\s«»"()]+\.(?:xlsx|xlsm|xls|xlsb|ods|odt|odp|csv|pptx|docx|doc|json|pdf|txt|html?|zip|lock|tmp)\b)/u;

/** Capitalised words that French spells with É (the unaccented capital is a typing shortcut). */
const E_ACCENT = /\bE(?=(?:conomi|tat\b|tats\b|tape|ch[eé]ance|lu\b|lus\b|lue\b|lues\b|lu·e|valuation|tude|nergi|quipe|ducation|cole|missions?\b|v[eé]nement|tablissement|cologi|laboration|changes?\b|quipement|dition|lectri|toile|tablir|laborer|valuer|crire|crit|cart|mettre|largi)\p{Ll}*)/gu;

/** Spaces that may sit before punctuation or between digit groups. */
const ANY_SPACE = '[ \\u00a0\\u202f\\u2009]';

function plainSegment(s: string): string {
  let t = s;
  t = t.replace(/\.\.\./g, '…');
  // Apostrophes between letters (and after a letter before a vowel-initial word such as « l'»).
  t = t.replace(/(\p{L})'(?=\p{L})/gu, '$1’');
  // Guillemets: one narrow no-break space inside.
  t = t.replace(new RegExp(`«${ANY_SPACE}*`, 'g'), `«${NNBSP}`);
  t = t.replace(new RegExp(`${ANY_SPACE}*»`, 'g'), `${NNBSP}»`);
  // Colon: a no-break space before, when followed by a space or the end (not in 10:30).
  t = t.replace(new RegExp(`(\\S)${ANY_SPACE}*:(?=$|\\s)`, 'gu'), (_m, before: string) => `${before}${NBSP}:`);
  // ; ! ? : a narrow no-break space before, when the sign ends a clause (not inside a token such as « ?? » or a URL).
  t = t.replace(new RegExp(`(\\S)${ANY_SPACE}*([;!?]+)(?=$|[\\s»)\\]"’.,…])`, 'gu'), (_m, before: string, sign: string) =>
    before === NNBSP ? `${NNBSP}${sign}` : `${before}${NNBSP}${sign}`,
  );
  // Percent and euro after a figure: a no-break space before; `€ HT` kept together.
  t = t.replace(new RegExp(`(\\d)${ANY_SPACE}?(%|€|k€|M€)`, 'g'), `$1${NBSP}$2`);
  t = t.replace(/[ \u202f\u2009]+(%|€)/g, `${NBSP}$1`);
  t = t.replace(/€[ \u202f]?HT\b/g, `€${NBSP}HT`);
  // Thousands grouped with ordinary or no-break spaces become narrow no-break spaces.
  t = t.replace(/(?<![\d,.])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d])/g, (m) => m.replace(/[ \u00a0]/g, NNBSP));
  // Accented capitals.
  t = t.replace(E_ACCENT, 'É');
  return t;
}

/** French typography of one string (see the module comment). */
export function typographie(text: string): string {
  if (!text) return text;
  // Protected tokens become private-use placeholders, so the rules still see a non-space before « ! ».
  const kept: string[] = [];
  let t = text.replace(new RegExp(PROTECTED.source, 'gu'), (m) => `\ue000${kept.push(m) - 1}\ue001`);
  // Rules feed each other (« a:! »): apply until nothing changes (two passes at most in practice).
  for (let i = 0; i < 4; i++) {
    const next = plainSegment(t);
    if (next === t) break;
    t = next;
  }
  return t.replace(/\ue000(\d+)\ue001/g, (_m, k: string) => kept[Number(k)]);
}

/** Grammatical number: `1 fiche`, `2 fiches` (0 and 1 are singular in French). */
export function pluriel(n: number, un: string, plusieurs: string): string {
  return Math.abs(n) >= 2 ? plusieurs : un;
}
