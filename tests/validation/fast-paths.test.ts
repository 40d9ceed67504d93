/**
 * The readers' quick paths (plain and French-spaced numbers, JJ/MM/AAAA,
 * single-valued cells) give what the general rules give. A space around the
 * text sends it through the general rules (which trim), so each quick read is
 * compared with the general read of the same text.
 */
import { describe, expect, it } from 'vitest';
import { readAmount, readDate, readNumber, splitMulti } from '../../src/domain/parse/values';

/** A deterministic pseudo-random generator (the same cases at every run). */
function generator(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

describe('quick paths agree with the general rules', () => {
  it('numbers and amounts', () => {
    const rnd = generator(42);
    const spaces = [' ', '\u00a0', '\u202f'];
    const texts: string[] = ['0', '-0', '007', '12,5', '0.75', '12,500', '12.500', '1 5000', '12 50', '500€', '500 €', '1 000 000 000 000 000 000', '9007199254740993'];
    for (let i = 0; i < 3000; i++) {
      const n = Math.floor(rnd() * 10 ** (1 + Math.floor(rnd() * 9)));
      const space = spaces[Math.floor(rnd() * spaces.length)];
      let t = rnd() < 0.5 ? String(n) : String(n).replace(/\B(?=(\d{3})+(?!\d))/g, space);
      if (rnd() < 0.5) t += (rnd() < 0.7 ? ',' : '.') + String(Math.floor(rnd() * 1000)).slice(0, 1 + Math.floor(rnd() * 3));
      if (rnd() < 0.4) t += rnd() < 0.5 ? ' €' : '€';
      if (rnd() < 0.2) t = `-${t}`;
      texts.push(t);
    }
    const disagree: string[] = [];
    for (const t of texts) {
      for (const read of [readAmount, readNumber]) {
        const quick = read(t);
        const general = read(` ${t} `);
        if (quick.ok !== general.ok || (quick.ok && general.ok && !Object.is(quick.value, general.value))) disagree.push(t);
      }
    }
    expect(disagree).toEqual([]);
  });

  it('dates typed JJ/MM/AAAA: every day from 1900 to 2200, and impossible ones', () => {
    const wrong: string[] = [];
    for (let t = Date.UTC(1900, 0, 1); t < Date.UTC(2201, 0, 1); t += 86_400_000) {
      const d = new Date(t);
      for (const text of [`${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`, `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`]) {
        const r = readDate(text);
        if (!r.ok || r.value.getTime() !== t) wrong.push(text);
      }
    }
    expect(wrong).toEqual([]);
    // Impossible dates: refused alike, for the same reason.
    for (const text of ['31/02/2024', '29/02/2023', '00/01/2025', '01/13/2025', '31/12/1899', '1/1/2201']) {
      const quick = readDate(text);
      const general = readDate(` ${text} `);
      expect(quick.ok || general.ok, text).toBe(false);
      if (!quick.ok && !general.ok) expect(quick.reason, text).toBe(general.reason);
    }
  });

  it('a date cell already at UTC midnight is read as is', () => {
    const d = new Date(Date.UTC(2025, 3, 3));
    const r = readDate(d);
    expect(r.ok && r.value.getTime()).toBe(d.getTime());
    const afternoon = readDate(new Date(Date.UTC(2025, 3, 3, 14, 30)));
    expect(afternoon.ok && afternoon.value.toISOString()).toBe('2025-04-04T00:00:00.000Z');
  });

  it('single-valued and multi-valued cells', () => {
    for (const text of ['PLPDMA', ' PLPDMA ', 'PLPDMA\u200b', 'PLPDMA, CODEC', 'a;;b', ' , ', '', 'x\ny\r\nz', 'Programme local, 2022-2027']) {
      const general = text.replace(/[\u200b]/g, '').split(/[,;\n\r]/).map((s) => s.trim()).filter((s) => s !== '');
      expect(splitMulti(text), JSON.stringify(text)).toEqual(general);
    }
    expect(splitMulti(null)).toEqual([]);
    expect(splitMulti(12)).toEqual(['12']);
  });
});
