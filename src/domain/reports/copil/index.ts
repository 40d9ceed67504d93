/**
 * The COPIL deck for one meeting: one small module per section, each
 * building its slides from the report input; text set in French typography,
 * measured with real font metrics, never cut. Long lists are summarised
 * rather than continued (`tableResumee`, `listeResumee` in shared.ts): the
 * most important items, by an order each section states in its notes, on one
 * slide (two at most), « Et N autres : où les trouver » for the rest, named
 * in the notes; so the deck stays about twenty slides whatever the
 * territory's size. Every slide's notes say what to say and what to decide.
 * `verifierDeck` (ready.ts) is the ready-to-project check.
 */
import { COPIL_MESSAGES } from '../../messages/copil';
import type { Deck } from '../deck';
import { typographie } from '../../text/typography';
import type { ReportInput } from '../input';
import { acteurs } from './acteurs';
import { afomMatrix } from './afom-matrix';
import { agenda } from './agenda';
import { budget } from './budget';
import { copilContext, type CopilContext } from './context';
import { cover } from './cover';
import { deadlines } from './deadlines';
import { decisions, decisionsAttendues } from './decisions';
import { flagship } from './flagship';
import { followup } from './followup';
import type { HistoriqueRow } from './historique';
import { indicators } from './indicators';
import { preuves } from './preuves';
import { verifierDeck, type ReadyReport } from './ready';
import { releve } from './releve';
import { scores } from './scores';
import type { Section } from './section';
import { since } from './since';
import { summary } from './summary';
import { instantDuJour, prochainCopil, type Seance } from './seance';
import { jourDe } from '../../plan-actions/jours';

export { AFOM_COLOURS, STATUT_FICHE_COLOURS, afomRepondus, afomSansReponse, byImportance, preuvesAttenduesDe, prochaineEtoile } from './shared';
export type { Seance } from './seance';
export type { ReadyReport } from './ready';
export { verifierDeck } from './ready';

export interface CopilDeck {
  readonly deck: Deck;
  readonly context: CopilContext;
  readonly sections: readonly Section[];
  /** The ready-to-project check of this deck. */
  readonly ready: ReadyReport;
}

/** The meeting of the input, or by default the next COPIL, or the day of generation. */
export function seanceParDefaut(input: ReportInput): Seance {
  if (input.seance) return input.seance;
  const next = prochainCopil(input.model, input.today);
  return next ? { date: next.date!, instance: next } : { date: jourDe(input.today), instance: null };
}

export function buildCopil(input: ReportInput, seance: Seance = seanceParDefaut(input), historique: readonly HistoriqueRow[] = input.historique ?? []): CopilDeck {
  const ctx = copilContext(input, seance, historique);
  const list = decisionsAttendues(ctx);
  const body: Section[] = [
    decisions(ctx, list),
    summary(ctx),
    since(ctx),
    followup(ctx),
    scores(ctx),
    budget(ctx),
    flagship(ctx),
    deadlines(ctx),
    indicators(ctx),
    preuves(ctx),
    acteurs(ctx),
    afomMatrix(ctx),
    releve(ctx, list),
  ];
  const head = cover(ctx);
  const sections = [head, agenda(body, head.slides.length + 1), ...body];
  const deck: Deck = {
    title: typographie(COPIL_MESSAGES.titre),
    collectivite: ctx.collectivite,
    date: ctx.dateLibelle,
    footer: typographie(COPIL_MESSAGES.footer(ctx.collectivite, ctx.dateLibelle)),
    slides: sections.flatMap((s) => s.slides),
  };
  return { deck, context: ctx, sections, ready: verifierDeck(deck, sections) };
}

export function copilDeck(input: ReportInput): Deck {
  return buildCopil(input).deck;
}

export { instantDuJour };
