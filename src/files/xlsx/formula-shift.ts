/**
 * Moves an A1 formula by some rows and columns, as Excel does when a cell is
 * copied: relative references move, `$`-anchored parts stay. Used to give a
 * follower of a shared formula its own formula when its master is
 * overwritten, and to move a user's formula with its row.
 *
 * Text in quotes, sheet names in quotes and structured references
 * (`Table1[Colonne]`) are left alone; a function name that looks like a
 * reference (`LOG10(`) is not one. A reference moved off the grid becomes
 * `#REF!`, as in Excel.
 */
import { colLetters } from './sheet-xml';

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** `formula` (without its leading `=`) moved by `dRow` rows and `dCol` columns. */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  let out = '';
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i];
    if (ch === '"') {
      const end = closing(formula, i, '"');
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    if (ch === "'") {
      const end = closing(formula, i, "'");
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    if (ch === '[') {
      let depth = 0;
      let j = i;
      for (; j < n; j++) {
        if (formula[j] === '[') depth++;
        else if (formula[j] === ']' && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const prev = i > 0 ? formula[i - 1] : '';
    if (/[A-Za-z0-9_.\\]/.test(prev) && !/[!:]/.test(prev)) {
      out += ch;
      i++;
      continue;
    }
    const rest = formula.slice(i);
    // Cell reference, or a column or row range (A:C, 3:5).
    const cell = /^(\$?)([A-Za-z]{1,3})(\$?)([0-9]+)(?![A-Za-z0-9_(.])/.exec(rest);
    if (cell && colIndex(cell[2]) <= MAX_COL) {
      const c = cell[1] ? colIndex(cell[2]) : colIndex(cell[2]) + dCol;
      const r = cell[3] ? Number(cell[4]) : Number(cell[4]) + dRow;
      out += c < 1 || c > MAX_COL || r < 1 || r > MAX_ROW ? '#REF!' : `${cell[1]}${colLetters(c - 1)}${cell[3]}${r}`;
      i += cell[0].length;
      continue;
    }
    const cols = /^(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![A-Za-z0-9_(.])/.exec(rest);
    if (cols) {
      const a = cols[1] ? colIndex(cols[2]) : colIndex(cols[2]) + dCol;
      const b = cols[3] ? colIndex(cols[4]) : colIndex(cols[4]) + dCol;
      out += a < 1 || b < 1 || a > MAX_COL || b > MAX_COL ? '#REF!' : `${cols[1]}${colLetters(a - 1)}:${cols[3]}${colLetters(b - 1)}`;
      i += cols[0].length;
      continue;
    }
    const rows = /^(\$?)([0-9]+):(\$?)([0-9]+)(?![A-Za-z0-9_(.])/.exec(rest);
    if (rows) {
      const a = rows[1] ? Number(rows[2]) : Number(rows[2]) + dRow;
      const b = rows[3] ? Number(rows[4]) : Number(rows[4]) + dRow;
      out += a < 1 || b < 1 || a > MAX_ROW || b > MAX_ROW ? '#REF!' : `${rows[1]}${a}:${rows[3]}${b}`;
      i += rows[0].length;
      continue;
    }
    // A name or a number: copied whole, so that its digits are not read as a row.
    const word = /^[A-Za-z0-9_.\\]+/.exec(rest);
    if (word) {
      out += word[0];
      i += word[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** Index just past the closing quote of a quoted run starting at `from` (doubled quotes escape). */
function closing(s: string, from: number, q: string): number {
  let i = from + 1;
  while (i < s.length) {
    if (s[i] === q) {
      if (s[i + 1] === q) i += 2;
      else return i + 1;
    } else i++;
  }
  return s.length;
}
