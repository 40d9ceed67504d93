/**
 * The decisions expected from this committee, built from the data: late
 * items to arbitrate, fiches without financing or budget, what blocks the
 * next star (with the path: programmed sous-mesures, pilots, dates), fiches
 * « à discuter » or blocked, audit dates, preuves without owner, acteurs to
 * contact, and adopting the plan ONLY when no adoption is recorded.
 */
import { COPIL_MESSAGES } from '../../messages/copil';
import { REFERENTIEL_LINES } from '../../referentiel/catalogue';
import { formatDateFr, formatNumberFr } from '../../text/numbers';
import { cell, columnsOf, listSlides, TABLE } from '../deck-kit';
import type { Slide } from '../deck';
import { LAYOUT } from '../primitives';
import { libelleMesure, preuvesAProduire, type CopilContext } from './context';
import { section, type Section } from './section';
import { notesCopil, tableResumee } from './shared';

const M = COPIL_MESSAGES.decisions;
const K = COPIL_MESSAGES.chemin;
const C = LAYOUT.content;

export interface Decision {
  readonly id: string;
  /** What the committee is asked to decide. */
  readonly titre: string;
  /** The figure behind it. */
  readonly chiffre: string;
  /** What happens without a decision. */
  readonly consequence: string;
  /** Who carries it out, when the data says so. */
  readonly qui: string | null;
  /** By when, when the data says so. */
  readonly quand: string | null;
  /** Where it comes from (speaker notes). */
  readonly source: string;
}

export interface EtapeChemin {
  readonly id: string;
  readonly libelle: string;
  readonly pilote: string | null;
  readonly points: number;
  readonly echeance: Date | null;
}

/** Programmed sous-mesures, most points first, enough to close the gap to the next star (or all of them). */
export function cheminEtoile(ctx: CopilContext): { etapes: EtapeChemin[]; apport: number; manque: number } | null {
  const next = ctx.d.etoiles.prochaine;
  if (!next) return null;
  const scores = ctx.input.scores.scores;
  const rows = new Map(ctx.input.model.referentiel.map((r) => [r.identifiant, r]));
  const piloteDe = (id: string) => rows.get(id)?.pilote ?? ctx.input.model.referentiel.find((r) => r.identifiant.startsWith(`${id}.`) && r.pilote)?.pilote ?? null;
  const echeanceDe = (id: string): Date | null => {
    const mesure = id.split('.').slice(0, 2).join('.');
    const dates = ctx.input.model.planActions
      .filter((f) => f.mesures.some((m) => m === id || m === mesure || m.startsWith(`${id}.`)))
      .map((f) => f.fin)
      .filter((d): d is Date => d !== null)
      .sort((a, b) => a.getTime() - b.getTime());
    return dates[0] ?? null;
  };
  const candidates = REFERENTIEL_LINES.filter((l) => l.niveauLabel === 'Sous-mesure')
    .map((l) => ({ line: l, s: scores[l.id] }))
    .filter((x) => x.s && x.s.concerne && x.s.pointProgramme > 0.05)
    .sort((a, b) => b.s.pointProgramme - a.s.pointProgramme || a.line.id.localeCompare(b.line.id));
  const manque = next.pointsManquantsAvecMarge;
  const etapes: EtapeChemin[] = [];
  let apport = 0;
  for (const c of candidates) {
    if (manque > 0 && apport >= manque) break;
    etapes.push({ id: c.line.id, libelle: libelleMesure(c.line.id), pilote: piloteDe(c.line.id), points: c.s.pointProgramme, echeance: echeanceDe(c.line.id) });
    apport += c.s.pointProgramme;
    if (manque <= 0 && etapes.length >= 5) break;
  }
  return { etapes, apport, manque };
}

/** First dated audit meeting (or the candidature), for « before the audit ». */
function dateAudit(ctx: CopilContext): string | null {
  const cal = ctx.d.audit.calendrier;
  const first = cal.find((l) => l.id.startsWith('audit') && l.date) ?? cal.find((l) => l.date);
  return first?.dateLibelle ?? null;
}

export function decisionsAttendues(ctx: CopilContext): Decision[] {
  const out: Decision[] = [];
  const d = ctx.d;
  const model = ctx.input.model;
  const prochain = model.instances
    .filter((i) => i.type === 'COPIL' && i.date && i.date.getTime() > ctx.seance.date.getTime())
    .sort((a, b) => a.date!.getTime() - b.date!.getTime())[0];
  const quandProchain = prochain?.date ? COPIL_MESSAGES.releve.quandProchain(formatDateFr(prochain.date)) : null;

  if (!ctx.planAdopte.adopte && model.planActions.length > 0) {
    out.push({ id: 'adopter', titre: M.adopter(model.planActions.length, ctx.budget.total), chiffre: M.adopterChiffre, consequence: M.adopterConsequence, qui: null, quand: null, source: 'Instances, Accueil (feuille de route)' });
  }
  if (ctx.enRetard.length) {
    const oldest = ctx.enRetard.reduce((a, b) => (b.jours > a.jours ? b : a));
    const quis = [...new Set(ctx.enRetard.map((i) => i.qui).filter((q): q is string => !!q))];
    out.push({
      id: 'retards',
      titre: M.retards(ctx.enRetard.length),
      chiffre: M.retardsChiffre(ctx.enRetard.length, oldest.jours, oldest.quoi, oldest.qui),
      consequence: M.retardsConsequence,
      qui: quis.length ? M.responsablesEcheances(quis.length) : null,
      quand: quandProchain,
      source: 'Jalons, Engagements',
    });
  }
  const aFinancer = ctx.fiches.filter((f) => f.budget > 0 && f.aTrouver > 0);
  if (aFinancer.length) {
    const montant = aFinancer.reduce((s, f) => s + f.aTrouver, 0);
    out.push({
      id: 'financer',
      titre: M.financer(montant, aFinancer.map((f) => f.fiche.numero)),
      chiffre: M.financerChiffre(montant, ctx.budget.total, aFinancer.length),
      consequence: M.financerConsequence,
      qui: [...new Set(aFinancer.map((f) => f.fiche.personnePilote).filter((q): q is string => !!q))].join(', ') || null,
      quand: quandProchain,
      source: "Plan d'actions (budget et financeurs)",
    });
  }
  const nonChiffrees = ctx.fiches.filter((f) => f.budget === 0 && f.fiche.statut !== 'Abandonné' && f.fiche.statut !== 'Réalisé');
  if (nonChiffrees.length) {
    out.push({ id: 'chiffrer', titre: M.chiffrer(nonChiffrees.map((f) => f.fiche.numero)), chiffre: M.chiffrerChiffre(nonChiffrees.length), consequence: M.chiffrerConsequence, qui: [...new Set(nonChiffrees.map((f) => f.fiche.personnePilote).filter((q): q is string => !!q))].join(', ') || null, quand: quandProchain, source: "Plan d'actions" });
  }
  const next = d.etoiles.prochaine;
  const chemin = cheminEtoile(ctx);
  if (next && next.ecartPourcentage > 0 && chemin) {
    const pilotes = [...new Set(chemin.etapes.map((e) => e.pilote).filter((q): q is string => !!q))];
    out.push({
      id: 'etoile',
      titre: M.etoile(next.etoile),
      chiffre: M.etoileChiffre(next.ecartPourcentage, chemin.etapes.length, chemin.apport),
      consequence: M.etoileConsequence(next.etoile, d.etoiles.actuelle),
      qui: pilotes.length ? M.pilotesSousMesures(pilotes.length) : null,
      quand: dateAudit(ctx) ? K.avantAudit(dateAudit(ctx)!) : null,
      source: 'Référentiel',
    });
  }
  if (next && next.criteresManquants.length) {
    out.push({ id: 'criteres', titre: M.criteres(next.criteresManquants.length, next.etoile), chiffre: M.criteresChiffre(next.criteresManquants), consequence: M.criteresConsequence(next.etoile), qui: null, quand: dateAudit(ctx) ? K.avantAudit(dateAudit(ctx)!) : null, source: 'Référentiel (critères des étoiles)' });
  }
  const discuter = model.planActions.filter((f) => f.statut === 'À discuter').map((f) => f.numero);
  if (discuter.length) out.push({ id: 'discuter', titre: M.discuter(discuter), chiffre: M.discuterChiffre(discuter.length), consequence: M.discuterConsequence, qui: null, quand: null, source: "Plan d'actions (statut)" });
  const bloquees = model.planActions.filter((f) => f.statut === 'Bloqué' || f.statut === 'En retard').map((f) => f.numero);
  if (bloquees.length) out.push({ id: 'debloquer', titre: M.debloquer(bloquees), chiffre: M.debloquerChiffre(bloquees.length), consequence: M.debloquerConsequence, qui: null, quand: quandProchain, source: "Plan d'actions (statut)" });
  const cal = d.audit.calendrier;
  const candidature = cal.find((l) => l.id === 'candidature');
  if (candidature && !candidature.date) out.push({ id: 'candidature', titre: M.candidature, chiffre: M.candidatureChiffre, consequence: M.candidatureConsequence, qui: null, quand: null, source: 'Audit (calendrier)' });
  if (cal.some((l) => l.id.startsWith('audit') && !l.date)) out.push({ id: 'audit', titre: M.audit, chiffre: M.auditChiffre, consequence: M.auditConsequence, qui: null, quand: null, source: 'Audit (calendrier)' });
  const sansResp = preuvesAProduire(ctx).filter((p) => !p.responsable?.trim());
  if (sansResp.length) {
    const services = [...new Set(sansResp.map((p) => p.service?.trim()).filter((x): x is string => !!x))].sort((a, b) => a.localeCompare(b, 'fr'));
    out.push({ id: 'preuves', titre: M.preuves(sansResp.length, services.length <= 4 ? services : []), chiffre: M.preuvesChiffre(sansResp.length, ctx.preuves.length), consequence: M.preuvesConsequence, qui: null, quand: quandProchain, source: 'Preuves' });
  }
  if (d.acteurs.aContacterDUrgence.length) {
    out.push({ id: 'acteurs', titre: M.acteurs(d.acteurs.aContacterDUrgence.length), chiffre: M.acteursChiffre(d.acteurs.aContacterDUrgence.length), consequence: M.acteursConsequence, qui: null, quand: quandProchain, source: 'Acteurs' });
  }
  if (!prochain) out.push({ id: 'prochainCopil', titre: M.prochainCopil, chiffre: M.prochainCopilChiffre, consequence: M.prochainCopilConsequence, qui: null, quand: null, source: 'Instances' });
  return out;
}

function cheminSlides(ctx: CopilContext): Slide[] {
  const next = ctx.d.etoiles.prochaine;
  const chemin = cheminEtoile(ctx);
  if (!next || !chemin || chemin.etapes.length === 0 || next.ecartPourcentage <= 0) return [];
  const audit = dateAudit(ctx);
  const columns = columnsOf(K.colonnes, [380, 150, 60, 82], C.w, { 2: 'right' });
  const rows = chemin.etapes.map((e) => [
    cell(e.libelle),
    cell(e.pilote ?? K.piloteAbsent, e.pilote ? {} : { colour: '#B3261E' }),
    cell(formatNumberFr(e.points, 1), { align: 'right' }),
    cell(e.echeance ? formatDateFr(e.echeance) : audit ? K.avantAuditCourt : K.sansDate),
  ]);
  const phrase = chemin.apport >= chemin.manque ? K.intro(next.ecartPourcentage, chemin.manque, next.marge) : K.introInsuffisant(chemin.manque, chemin.apport);
  const intro = audit && chemin.etapes.some((e) => !e.echeance) ? `${phrase} ${K.dateAudit(audit)}` : phrase;
  return tableResumee({
    title: K.titre(next.etoile, chemin.etapes.length),
    columns,
    rows,
    labels: chemin.etapes.map((e) => `${e.libelle} (${formatNumberFr(e.points, 1)} points${e.pilote ? `, ${e.pilote}` : ''})`),
    // The rows are the fewest that close the gap: two slides rather than a path cut short.
    max: 2,
    reste: K.reste,
    notes: (omis) => notesCopil('chemin', K.notes, { critere: K.critere, omis }),
    intro,
    size: TABLE,
  });
}

export function decisions(ctx: CopilContext, list: readonly Decision[]): Section {
  const sources = [...new Set(list.map((x) => x.source))].join(' ; ') || 'classeur';
  if (list.length === 0) {
    return section('decisions', COPIL_MESSAGES.sections.decisions, listSlides({ title: M.titre(0), items: [{ text: M.aucune }], notes: notesCopil('decisions', M.notes(sources)), bullet: false }));
  }
  const columns = columnsOf(M.colonnes, [250, 250, 172], C.w);
  const rows = list.map((x, i) => [cell(`${i + 1}. ${x.titre}`, { bold: true }), cell(x.chiffre), cell(x.consequence, { colour: '#5F6368' })]);
  // At most two slides of decisions, in the order of urgency; every one is also in the relevé.
  const table = tableResumee({
    title: M.titre(list.length),
    columns,
    rows,
    labels: list.map((x, i) => `${i + 1}. ${x.titre} (${x.chiffre})`),
    max: 2,
    reste: M.reste,
    notes: (omis) => notesCopil('decisions', M.notes(sources), { critere: M.critere, omis }),
    size: TABLE,
  });
  const slides = [...table, ...cheminSlides(ctx)];
  return section('decisions', COPIL_MESSAGES.sections.decisions, slides);
}
