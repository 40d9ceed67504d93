/**
 * Follow-up of the last COPIL's decisions: each decision (a line of its
 * Décisions) with the commitments made that day that match it by their
 * words, and their state at the meeting's date.
 */
import { COPIL_MESSAGES } from '../../messages/copil';
import type { Engagement } from '../../model/types';
import { COLOURS } from '../../schema/colours';
import { joursEntre } from '../../plan-actions/jours';
import { formatDateFr } from '../../text/numbers';
import type { DeckTableCell } from '../deck';
import { cell, columnsOf, listSlides } from '../deck-kit';
import { LAYOUT } from '../primitives';
import { proximite, type CopilContext } from './context';
import { section, type Section } from './section';
import { listeResumee, notesCopil, tableResumee } from './shared';

const M = COPIL_MESSAGES.suivi;

function etat(e: Engagement, seance: Date): DeckTableCell {
  if (e.statut === 'Fait') return cell(M.etats.fait, { fill: COLOURS.green, colour: COLOURS.greenText, bold: true });
  if (!e.echeance) return cell(M.etats.sansDate, { colour: COLOURS.greyText });
  const j = joursEntre(e.echeance, seance);
  if (j > 0) return cell(M.etats.retard(j), { fill: COLOURS.red, colour: COLOURS.redText, bold: true });
  return cell(M.etats.aFaire, { fill: COLOURS.blue, colour: COLOURS.blueText });
}

export function followup(ctx: CopilContext): Section {
  const label = COPIL_MESSAGES.sections.suivi;
  const p = ctx.precedent;
  if (!p) return section('suivi', label, listSlides({ title: M.aucunCopil, items: [{ text: M.aucunCopilTexte }], notes: notesCopil('suivi', M.notes), bullet: false }));
  const date = formatDateFr(p.date!);
  const decisions = (p.decisions ?? '').split(/\n+/).map((x) => x.trim()).filter(Boolean);
  const engagements = ctx.input.model.engagements.filter((e) => e.instance === p.numero);
  if (!decisions.length && !engagements.length) return section('suivi', label, listSlides({ title: M.sansDecision(date), items: [{ text: M.sansDecisionTexte }], notes: notesCopil('suivi', M.notes), bullet: false }));
  if (!engagements.length) {
    const items = decisions.map((text) => ({ text }));
    return section('suivi', label, listeResumee({ title: M.titreSansEngagement(decisions.length, date), intro: M.aucunEngagementIntro, items, max: 1, reste: M.reste, notes: (omis) => notesCopil('suivi', M.notes, { omis }) }));
  }
  // Each commitment goes to the decision whose words it shares most.
  const parDecision = new Map<number, Engagement[]>();
  const autres: Engagement[] = [];
  for (const e of engagements) {
    let best = -1;
    let score = 0.34;
    decisions.forEach((d, i) => {
      const s = proximite(d, e.quoi);
      if (s > score) {
        score = s;
        best = i;
      }
    });
    if (best >= 0) parDecision.set(best, [...(parDecision.get(best) ?? []), e]);
    else autres.push(e);
  }
  const rows: DeckTableCell[][] = [];
  const labels: string[] = [];
  const line = (decision: string, e: Engagement | null, first: boolean) =>
    e
      ? [cell(first ? decision : '', { bold: first }), cell(e.quoi), cell(e.qui), cell(e.echeance ? formatDateFr(e.echeance) : '—'), etat(e, ctx.seance.date)]
      : [cell(decision, { bold: true }), cell(M.aucunEngagement, { colour: COLOURS.greyText }), cell(''), cell(''), cell('')];
  // Decisions whose commitments are late come first (then to do, without commitment, done): what the committee must take up.
  const rang = (es: readonly Engagement[]) => {
    if (es.some((e) => e.statut !== 'Fait' && e.echeance && joursEntre(e.echeance, ctx.seance.date) > 0)) return 0;
    if (es.some((e) => e.statut !== 'Fait')) return 1;
    return es.length ? 3 : 2;
  };
  const groupes = [...decisions.map((d, i) => ({ d, es: parDecision.get(i) ?? [] })), ...(autres.length ? [{ d: M.autres, es: autres }] : [])]
    .map((g, i) => ({ ...g, i, rang: rang(g.es) }))
    .sort((a, b) => a.rang - b.rang || a.i - b.i);
  for (const { d, es } of groupes) {
    if (!es.length) {
      rows.push(line(d, null, true));
      labels.push(d);
    }
    es.forEach((e, k) => {
      rows.push(line(d, e, k === 0));
      labels.push(`${d} — ${e.quoi} (${e.qui}${e.echeance ? `, ${formatDateFr(e.echeance)}` : ''})`);
    });
  }
  const faits = engagements.filter((e) => e.statut === 'Fait').length;
  const title = engagements.length ? M.titre(faits, engagements.length, date) : M.titreSansEngagement(decisions.length, date);
  // Decisions without commitments leave the last three columns empty: a narrower table then.
  const columns = columnsOf(M.colonnes, [220, 220, 100, 70, 62], LAYOUT.content.w);
  return section('suivi', label, tableResumee({ title, columns, rows, labels, max: 1, reste: M.reste, notes: (omis) => notesCopil('suivi', M.notes, { critere: M.critere, omis }) }));
}
