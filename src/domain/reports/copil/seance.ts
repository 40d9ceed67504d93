/**
 * The meeting a COPIL deck is prepared for: a COPIL of `Instances` (the next
 * one by default), or a date given by the user when none is recorded.
 * Everything « late », « coming » and « since » is computed from its date.
 */
import type { Instance, WorkbookModel } from '../../model/types';
import { jourDe } from '../../plan-actions/jours';
import { formatDateFr } from '../../text/numbers';
import { COPIL_MESSAGES as M } from '../../messages/copil';

export interface Seance {
  /** Calendar day of the meeting (UTC midnight, like workbook dates). */
  readonly date: Date;
  /** The COPIL row of Instances, when the meeting is recorded there. */
  readonly instance: Instance | null;
}

/** The COPILs of Instances that have a date, oldest first. */
export function copilsEnregistres(model: Pick<WorkbookModel, 'instances'>): Instance[] {
  return model.instances.filter((i) => i.type === 'COPIL' && i.date !== null && i.numero > 0).sort((a, b) => a.date!.getTime() - b.date!.getTime() || a.numero - b.numero);
}

/** The next COPIL on or after `today` (the default meeting), or null. */
export function prochainCopil(model: Pick<WorkbookModel, 'instances'>, today: Date): Instance | null {
  const jour = jourDe(today).getTime();
  return copilsEnregistres(model).find((i) => i.date!.getTime() >= jour) ?? null;
}

export type SeanceChoice = { readonly instance?: number; readonly date?: Date };

/**
 * The meeting from the user's choice: `instance` (a N° of Instances, which
 * must be dated), or `date` (then the COPIL recorded that day, if any), or
 * by default the next COPIL, else the last one recorded. Returns a French
 * message when it cannot choose.
 */
export function resoudreSeance(model: Pick<WorkbookModel, 'instances'>, today: Date, choice: SeanceChoice): Seance | string {
  if (choice.instance !== undefined) {
    const inst = model.instances.find((i) => i.numero === choice.instance);
    if (!inst) return M.seance.introuvable(choice.instance, copilsEnregistres(model).map((i) => `${i.numero} (${formatDateFr(i.date!)})`));
    if (!inst.date) return M.seance.sansDate(inst.numero);
    return { date: inst.date, instance: inst };
  }
  if (choice.date) {
    const jour = Date.UTC(choice.date.getUTCFullYear(), choice.date.getUTCMonth(), choice.date.getUTCDate());
    const inst = copilsEnregistres(model).find((i) => i.date!.getTime() === jour) ?? null;
    return { date: new Date(jour), instance: inst };
  }
  // PRODUCT.md › The command line: the next COPIL, else the last one recorded.
  const next = prochainCopil(model, today);
  if (next) return { date: next.date!, instance: next };
  const tenus = copilsEnregistres(model);
  if (tenus.length) return { date: tenus[tenus.length - 1].date!, instance: tenus[tenus.length - 1] };
  // No COPIL recorded and none asked: the deck is dated today, and the faces say how to choose (--date, the dialog).
  return { date: jourDe(today), instance: null };
}

/** The last COPIL held before the meeting (not the meeting itself). */
export function copilPrecedent(model: Pick<WorkbookModel, 'instances'>, seance: Seance): Instance | null {
  const before = copilsEnregistres(model).filter((i) => i.date!.getTime() < seance.date.getTime() && i.numero !== seance.instance?.numero);
  return before.length ? before[before.length - 1] : null;
}

/** An instant inside the meeting's day in the engine's time zone (what `today` parameters expect). */
export function instantDuJour(d: Date): Date {
  return new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 12);
}
