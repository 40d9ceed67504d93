/**
 * The personalisation expressions of the référentiel (`si … alors … sinon …`, `et`, `ou`,
 * `reponse(q, OUI)`, `identite(type, syndicat)`, `VRAI`, `FAUX`, numbers and fractions).
 *
 * Grammar (keywords and function names are case-insensitive, newlines are blanks):
 *
 *   expression  := 'si' disjonction 'alors' expression ('sinon' expression)? | disjonction
 *   disjonction := conjonction ('ou' conjonction)*
 *   conjonction := primaire ('et' primaire)*
 *   primaire    := 'VRAI' | 'FAUX' | nombre ('/' nombre)? | appel | '(' expression ')'
 *   appel       := ('reponse' | 'identite') '(' mot ',' mot ')'
 *
 * `sinon si …` needs no rule of its own: it is `sinon` followed by a conditional expression.
 * A conditional with a false condition and no `sinon` yields no value (null), which the
 * caller reads as "no effect".
 */
import { REFERENTIEL_MESSAGES as msg } from '../messages/referentiel';

export interface Position {
  readonly ligne: number;
  readonly colonne: number;
}

export class ErreurExpression extends Error {
  constructor(
    message: string,
    readonly nature: 'syntaxe' | 'evaluation',
    readonly position: Position | null,
  ) {
    super(message);
    this.name = 'ErreurExpression';
  }
}

export type Expression =
  | { readonly kind: 'booleen'; readonly value: boolean }
  | { readonly kind: 'nombre'; readonly value: number }
  | { readonly kind: 'reponse'; readonly question: string; readonly valeur: string }
  | { readonly kind: 'identite'; readonly champ: string; readonly valeur: string }
  | { readonly kind: 'et' | 'ou'; readonly gauche: Expression; readonly droite: Expression }
  | {
      readonly kind: 'si';
      readonly condition: Expression;
      readonly alors: Expression;
      readonly sinon: Expression | null;
    };

export type Atome = Extract<Expression, { kind: 'reponse' | 'identite' }>;

/** What an expression evaluates to; null means "no value" (the rule has no effect). */
export type Valeur = boolean | number | null;

/** The facts an expression may ask about. */
export interface EnvironnementEvaluation {
  reponse(question: string, valeur: string): boolean;
  identite(champ: string, valeur: string): boolean;
}

type TokenKind = 'mot' | 'nombre' | '(' | ')' | ',' | '/' | 'fin';

interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly position: Position;
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let ligne = 1;
  let debutLigne = 0;
  let i = 0;
  const here = (): Position => ({ ligne, colonne: i - debutLigne + 1 });
  while (i < source.length) {
    const c = source[i];
    if (c === '\n') {
      i++;
      ligne++;
      debutLigne = i;
    } else if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')' || c === ',' || c === '/') {
      tokens.push({ kind: c, text: c, position: here() });
      i++;
    } else {
      const rest = source.slice(i);
      const nombre = /^\d+(?:\.\d+)?/.exec(rest);
      const mot = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
      const match = nombre ?? mot;
      if (!match) {
        throw new ErreurExpression(msg.expressionCaractereInattendu(c, here()), 'syntaxe', here());
      }
      tokens.push({ kind: nombre ? 'nombre' : 'mot', text: match[0], position: here() });
      i += match[0].length;
    }
  }
  tokens.push({ kind: 'fin', text: '', position: here() });
  return tokens;
}

const MOTS_CLES = ['si', 'alors', 'sinon', 'et', 'ou', 'vrai', 'faux'] as const;
type MotCle = (typeof MOTS_CLES)[number];

class Parser {
  private index = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  parseAll(): Expression {
    const expr = this.expression();
    const token = this.peek();
    if (token.kind !== 'fin') throw this.unexpected(msg.expressionFinAttendue());
    return expr;
  }

  private peek(): Token {
    return this.tokens[this.index];
  }

  private next(): Token {
    const token = this.tokens[this.index];
    if (token.kind !== 'fin') this.index++;
    return token;
  }

  private isKeyword(token: Token, keyword: MotCle): boolean {
    return token.kind === 'mot' && token.text.toLowerCase() === keyword;
  }

  private acceptKeyword(keyword: MotCle): boolean {
    if (!this.isKeyword(this.peek(), keyword)) return false;
    this.index++;
    return true;
  }

  private expectKeyword(keyword: MotCle): void {
    if (!this.acceptKeyword(keyword)) throw this.unexpected(`« ${keyword} »`);
  }

  private expect(kind: TokenKind, label: string): Token {
    const token = this.peek();
    if (token.kind !== kind) throw this.unexpected(label);
    return this.next();
  }

  private unexpected(attendu: string): ErreurExpression {
    const token = this.peek();
    const trouve = token.kind === 'fin' ? null : token.text;
    return new ErreurExpression(msg.expressionAttendu(attendu, trouve, token.position), 'syntaxe', token.position);
  }

  private expression(): Expression {
    if (this.acceptKeyword('si')) {
      const condition = this.disjonction();
      this.expectKeyword('alors');
      const alors = this.expression();
      const sinon = this.acceptKeyword('sinon') ? this.expression() : null;
      return { kind: 'si', condition, alors, sinon };
    }
    return this.disjonction();
  }

  private disjonction(): Expression {
    let gauche = this.conjonction();
    while (this.acceptKeyword('ou')) gauche = { kind: 'ou', gauche, droite: this.conjonction() };
    return gauche;
  }

  private conjonction(): Expression {
    let gauche = this.primaire();
    while (this.acceptKeyword('et')) gauche = { kind: 'et', gauche, droite: this.primaire() };
    return gauche;
  }

  private primaire(): Expression {
    const token = this.peek();
    if (token.kind === 'nombre') {
      this.next();
      const numerateur = Number(token.text);
      if (this.peek().kind !== '/') return { kind: 'nombre', value: numerateur };
      this.next();
      const denominateur = this.expect('nombre', msg.expressionUnNombre());
      const value = Number(denominateur.text);
      if (value === 0) {
        throw new ErreurExpression(msg.expressionDivisionParZero(denominateur.position), 'syntaxe', denominateur.position);
      }
      return { kind: 'nombre', value: numerateur / value };
    }
    if (token.kind === '(') {
      this.next();
      const inner = this.expression();
      this.expect(')', '« ) »');
      return inner;
    }
    if (token.kind === 'mot') {
      const word = token.text.toLowerCase();
      if (word === 'vrai' || word === 'faux') {
        this.next();
        return { kind: 'booleen', value: word === 'vrai' };
      }
      if (word === 'reponse' || word === 'identite') {
        this.next();
        this.expect('(', '« ( »');
        const premier = this.argument();
        this.expect(',', '« , »');
        const second = this.argument();
        this.expect(')', '« ) »');
        return word === 'reponse'
          ? { kind: 'reponse', question: premier, valeur: second }
          : { kind: 'identite', champ: premier, valeur: second };
      }
    }
    throw this.unexpected(msg.expressionUneValeur());
  }

  private argument(): string {
    const token = this.peek();
    if (token.kind === 'mot' || token.kind === 'nombre') return this.next().text;
    throw this.unexpected(msg.expressionUnIdentifiant());
  }
}

/** Parses an expression; throws an ErreurExpression (nature 'syntaxe') with line and column. */
export function parseExpression(source: string): Expression {
  return new Parser(tokenize(source)).parseAll();
}

function asCondition(value: Valeur, operateur: string): boolean {
  if (typeof value === 'number') throw new ErreurExpression(msg.expressionNombreCommeCondition(operateur), 'evaluation', null);
  return value === true;
}

export function evaluerExpression(expr: Expression, env: EnvironnementEvaluation): Valeur {
  switch (expr.kind) {
    case 'booleen':
    case 'nombre':
      return expr.value;
    case 'reponse':
      return env.reponse(expr.question, expr.valeur);
    case 'identite':
      return env.identite(expr.champ, expr.valeur);
    case 'et':
      return asCondition(evaluerExpression(expr.gauche, env), 'et') && asCondition(evaluerExpression(expr.droite, env), 'et');
    case 'ou':
      return asCondition(evaluerExpression(expr.gauche, env), 'ou') || asCondition(evaluerExpression(expr.droite, env), 'ou');
    case 'si':
      if (asCondition(evaluerExpression(expr.condition, env), 'si')) return evaluerExpression(expr.alors, env);
      return expr.sinon ? evaluerExpression(expr.sinon, env) : null;
  }
}

/** Every `reponse(…)` and `identite(…)` the expression asks about, in reading order. */
export function atomesDe(expr: Expression): readonly Atome[] {
  switch (expr.kind) {
    case 'booleen':
    case 'nombre':
      return [];
    case 'reponse':
    case 'identite':
      return [expr];
    case 'et':
    case 'ou':
      return [...atomesDe(expr.gauche), ...atomesDe(expr.droite)];
    case 'si':
      return [...atomesDe(expr.condition), ...atomesDe(expr.alors), ...(expr.sinon ? atomesDe(expr.sinon) : [])];
  }
}
