import { describe, expect, it } from 'vitest';
import {
  atomesDe,
  ErreurExpression,
  evaluerExpression,
  parseExpression,
  type EnvironnementEvaluation,
} from '../../../src/domain/referentiel/expression';
import { NODES } from '../../../src/domain/referentiel/tree';

const env = (reponses: Record<string, string> = {}, syndicat = false, petite = false): EnvironnementEvaluation => ({
  reponse: (q, v) => reponses[q] !== undefined && reponses[q] === v,
  identite: (champ, valeur) => (champ === 'type' && valeur === 'syndicat' ? syndicat : champ === 'population' && petite),
});

const evaluer = (source: string, e: EnvironnementEvaluation = env()) => evaluerExpression(parseExpression(source), e);

function erreur(source: string): ErreurExpression {
  try {
    parseExpression(source);
  } catch (e) {
    if (e instanceof ErreurExpression) return e;
    throw e;
  }
  throw new Error(`expected a syntax error for ${source}`);
}

describe('personalisation expressions', () => {
  it('parses every expression of eci.json', () => {
    const sources = NODES.flatMap((n) => [n.personnalisation?.desactivation, n.personnalisation?.reduction]).filter(
      (s): s is string => !!s,
    );
    expect(sources).toHaveLength(22);
    for (const source of sources) expect(() => parseExpression(source), source).not.toThrow();
  });

  it('evaluates VRAI, FAUX, numbers and fractions', () => {
    expect(evaluer('VRAI')).toBe(true);
    expect(evaluer('faux')).toBe(false);
    expect(evaluer('3')).toBe(3);
    expect(evaluer('1/3')).toBeCloseTo(1 / 3, 15);
    expect(evaluer('0.5')).toBe(0.5);
  });

  it('follows the truth tables of et and ou, with et binding tighter', () => {
    for (const a of [true, false]) {
      for (const b of [true, false]) {
        const A = a ? 'VRAI' : 'FAUX';
        const B = b ? 'VRAI' : 'FAUX';
        expect(evaluer(`${A} et ${B}`)).toBe(a && b);
        expect(evaluer(`${A} ou ${B}`)).toBe(a || b);
      }
    }
    expect(evaluer('VRAI ou VRAI et FAUX')).toBe(true);
    expect(evaluer('(VRAI ou VRAI) et FAUX')).toBe(false);
  });

  it('evaluates si … alors … sinon si … sinon, and yields nothing without a matching branch', () => {
    expect(evaluer('si VRAI alors 3')).toBe(3);
    expect(evaluer('si FAUX alors 3')).toBeNull();
    expect(evaluer('si FAUX alors 3 sinon 1/3')).toBeCloseTo(1 / 3, 15);
    const chain = 'si reponse(a, OUI) alors 1\nsinon si reponse(b, OUI) alors 2\nsinon 3';
    expect(evaluer(chain, env({ a: 'OUI' }))).toBe(1);
    expect(evaluer(chain, env({ a: 'NON', b: 'OUI' }))).toBe(2);
    expect(evaluer(chain, env({ a: 'NON', b: 'NON' }))).toBe(3);
    expect(evaluer('si FAUX alors VRAI\nsinon si FAUX alors VRAI')).toBeNull();
  });

  it('reads an unanswered question as neither OUI nor NON', () => {
    expect(evaluer('reponse(dechets_1, NON)')).toBe(false);
    expect(evaluer('reponse(dechets_1, OUI)')).toBe(false);
    expect(evaluer('reponse(dechets_1, NON)', env({ dechets_1: 'NON' }))).toBe(true);
    expect(evaluer('reponse(dechets_1, NON) et reponse(dechets_2, NON)', env({ dechets_1: 'NON' }))).toBe(false);
  });

  it('evaluates the platform rules on identity', () => {
    const regle124 = 'si identite(type, syndicat) alors FAUX sinon VRAI';
    expect(evaluer(regle124, env({}, true))).toBe(false);
    expect(evaluer(regle124, env({}, false))).toBe(true);
    const regle122 = 'si identite(type, syndicat) alors VRAI\nsinon si reponse(dev_eco_1, NON) alors VRAI';
    expect(evaluer(regle122, env({}, true))).toBe(true);
    expect(evaluer(regle122, env({ dev_eco_1: 'NON' }))).toBe(true);
    expect(evaluer(regle122, env({ dev_eco_1: 'OUI' }))).toBeNull();
    expect(evaluer('si identite(population, moins_de_100000) alors 1/3', env({}, false, true))).toBeCloseTo(1 / 3, 15);
  });

  it('is case-insensitive on keywords and function names', () => {
    expect(evaluer('SI Reponse(a, OUI) ALORS 2 SINON 1', env({ a: 'OUI' }))).toBe(2);
  });

  it('lists the atoms an expression asks about', () => {
    const atoms = atomesDe(parseExpression('si identite(type, syndicat) et reponse(dechets_2, OUI) alors FAUX sinon VRAI'));
    expect(atoms).toEqual([
      { kind: 'identite', champ: 'type', valeur: 'syndicat' },
      { kind: 'reponse', question: 'dechets_2', valeur: 'OUI' },
    ]);
  });

  it('reports syntax errors with their line and column', () => {
    const e = erreur('si reponse(a, OUI)\n  3');
    expect(e.nature).toBe('syntaxe');
    expect(e.position).toEqual({ ligne: 2, colonne: 3 });
    expect(e.message).toContain('« alors » attendu');
    expect(e.message).toContain('ligne 2, colonne 3');

    expect(erreur('reponse(a OUI)').message).toContain('« , » attendu, « OUI » trouvé');
    expect(erreur('VRAI FAUX').message).toContain("la fin de l'expression attendu");
    expect(erreur('').message).toContain("fin de l'expression trouvé");
    expect(erreur('1/0').message).toContain('division par zéro');
    expect(erreur('VRAI & FAUX').message).toContain('caractère « & » inattendu');
    expect(erreur('si VRAI alors').position).toEqual({ ligne: 1, colonne: 14 });
    expect(erreur('(VRAI').message).toContain('« ) » attendu');
  });

  it('reports a number used as a condition', () => {
    expect(() => evaluer('si 3 alors VRAI')).toThrow(ErreurExpression);
    expect(() => evaluer('1 et VRAI')).toThrow(/nombre est utilisé comme condition de « et »/);
  });
});
