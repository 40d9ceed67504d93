/**
 * The `Audit` tab computed from the workbook (guide ch. 7): the readiness
 * checklist (one row per `CHECKLIST_CRITERES` entry: État `Prêt` /
 * `À surveiller` / `À faire` and a French Détail) and the alerts of the audit
 * calendar.
 *
 * Rules of the checklist:
 * - completude: 100 % → Prêt; ≥ 80 % → À surveiller; else À faire;
 * - eluReferent / referentTechnique: a named member of `Équipe` with Rôle
 *   `Élu référent` / `Chef de projet` → Prêt, else À faire;
 * - acteEngagement: a `Conseil communautaire` in `Instances` whose intitulé or
 *   décisions mention a délibération or an engagement: dated today or before
 *   → Prêt; dated later → À surveiller; none → À faire;
 * - premiereEtoile: every criterion of the first star met → Prêt, else À faire;
 * - scoreSeuil: the star aimed at by the audit is the current one, or the
 *   second (the first audited star) below it. Score réalisé ≥ its threshold +
 *   margin (`Paramètres`, 3 points) → Prêt; ≥ threshold → À surveiller (the
 *   score may drop at the audit); below → À faire with the points missing;
 * - preuves: all expected preuves Prête or Déposée → Prêt; half or more →
 *   À surveiller; else À faire.
 *
 * Calendar alerts (per row, in `Alerte`): missing date; candidature after the
 * first audit meeting; meeting n° 2 before n° 1 or more than
 * `seuils.delaiAuditJours` after it; no meeting with both an élu and the
 * direction present; commission before (or on) the last meeting.
 */
import type { Instance, WorkbookModel } from '../model/types';
import type { ScoreResult } from '../referentiel/score';
import { SEUILS_ETOILES } from '../referentiel/score';
import { COLOURS } from '../schema/colours';
import { formatDateFr } from '../format';
import { normalizeKey } from '../table/normalize';
import { jourDe, joursEntre } from '../plan-actions/jours';
import { estPrete, preuvesAttendues } from '../preuves/readiness';
import { STEERING_MESSAGES as M } from '../messages/steering';
import { CALENDRIER_ETAPES, CHECKLIST_CRITERES } from './checklist';

export type EtatAudit = 'Prêt' | 'À surveiller' | 'À faire';
export type CritereId = (typeof CHECKLIST_CRITERES)[number]['id'];
export type EtapeCalendrierId = (typeof CALENDRIER_ETAPES)[number]['id'];

export const COULEUR_ETAT_AUDIT: Readonly<Record<EtatAudit, { fond: string; texte: string }>> = {
  Prêt: { fond: COLOURS.green, texte: COLOURS.greenText },
  'À surveiller': { fond: COLOURS.orange, texte: COLOURS.orangeText },
  'À faire': { fond: COLOURS.red, texte: COLOURS.redText },
};

export interface LigneChecklistCalculee {
  readonly id: CritereId;
  readonly libelle: string;
  readonly etat: EtatAudit;
  readonly detail: string;
}

const ACTE = /d[ée]lib[ée]r|engag/i;

/** The conseil communautaire carrying the commitment (latest one dated today or before, else the next one). */
export function acteEngagement(instances: readonly Instance[], today: Date): { instance: Instance; passe: boolean } | null {
  const jour = jourDe(today);
  const candidats = instances.filter((i) => i.type === 'Conseil communautaire' && (ACTE.test(i.intitule) || ACTE.test(i.decisions ?? '')));
  const passes = candidats.filter((i) => i.date === null || joursEntre(i.date, jour) >= 0);
  if (passes.length) {
    const last = passes.reduce((a, b) => ((b.date?.getTime() ?? 0) > (a.date?.getTime() ?? 0) ? b : a));
    return { instance: last, passe: true };
  }
  const futurs = candidats.filter((i) => i.date !== null).sort((a, b) => a.date!.getTime() - b.date!.getTime());
  return futurs.length ? { instance: futurs[0], passe: false } : null;
}

export function membresAvecRole(model: Pick<WorkbookModel, 'equipe'>, role: string): string[] {
  return model.equipe.filter((m) => m.role === role && m.nom.trim() !== '').map((m) => m.nom.trim());
}

function scoreSeuil(scores: ScoreResult, marge: number): { etat: EtatAudit; detail: string } {
  const e = scores.etoiles;
  const visee = Math.max(2, e.actuelle);
  const seuil = SEUILS_ETOILES.find((s) => s.etoile === visee)?.seuil ?? 0;
  const score = e.scoreRealise;
  if (score >= seuil + marge) {
    const next = SEUILS_ETOILES.find((s) => s.etoile === visee + 1);
    const suite = next ? M.audit.prochaine(next.etoile, Math.max(0, next.seuil + marge - score)) : '';
    return { etat: 'Prêt', detail: M.audit.scoreAvecMarge(score, visee, seuil, marge, suite) };
  }
  if (score >= seuil) return { etat: 'À surveiller', detail: M.audit.scoreSansMarge(score, visee, seuil, marge) };
  return { etat: 'À faire', detail: M.audit.scoreSousSeuil(score, visee, seuil, marge, seuil + marge - score) };
}

export function checklistAudit(model: WorkbookModel, scores: ScoreResult, today: Date): LigneChecklistCalculee[] {
  const out: LigneChecklistCalculee[] = [];
  const add = (id: CritereId, etat: EtatAudit, detail: string) =>
    out.push({ id, libelle: CHECKLIST_CRITERES.find((c) => c.id === id)!.label, etat, detail });

  const c = scores.completude;
  const cd = scores.completudeDetail;
  add('completude', c >= 1 ? 'Prêt' : c >= 0.8 ? 'À surveiller' : 'À faire', M.audit.completude(c, cd.lignesRenseignees, cd.lignesTotal));

  const elus = membresAvecRole(model, 'Élu référent');
  add('eluReferent', elus.length ? 'Prêt' : 'À faire', M.audit.eluReferent(elus));
  const chefs = membresAvecRole(model, 'Chef de projet');
  add('referentTechnique', chefs.length ? 'Prêt' : 'À faire', M.audit.referentTechnique(chefs));

  const acte = acteEngagement(model.instances, today);
  if (!acte) add('acteEngagement', 'À faire', M.audit.acteAbsent);
  else {
    const date = acte.instance.date ? formatDateFr(acte.instance.date) : '';
    add('acteEngagement', acte.passe ? 'Prêt' : 'À surveiller', acte.passe ? M.audit.acteFait(acte.instance.intitule, date) : M.audit.actePrevu(acte.instance.intitule, date));
  }

  const criteres = scores.etoiles.criteresPremiereEtoile.filter((x) => x.applicable);
  const manquants = criteres.filter((x) => !x.atteint);
  add('premiereEtoile', manquants.length ? 'À faire' : 'Prêt', manquants.length ? M.audit.criteresManquants(manquants.map((x) => x.formulation)) : M.audit.criteresOk(criteres.length));

  const s = scoreSeuil(scores, model.seuils.margePoints);
  add('scoreSeuil', s.etat, s.detail);

  const attendues = preuvesAttendues(model.preuves, (id) => scores.scores[id]?.concerne !== false);
  const pretes = attendues.filter(estPrete).length;
  const ratio = attendues.length ? pretes / attendues.length : 0;
  const aCreerSansResp = attendues.filter((p) => p.etat === 'À créer' && !p.responsable).length;
  add('preuves', attendues.length && ratio >= 1 ? 'Prêt' : ratio >= 0.5 ? 'À surveiller' : 'À faire', M.audit.preuves(pretes, attendues.length, aCreerSansResp));
  return out;
}

export interface AlertesCalendrier {
  /** Alerts by calendar step id (empty arrays when fine). */
  readonly parEtape: Readonly<Record<EtapeCalendrierId, readonly string[]>>;
  /** 1-based row of each step in `Audit`, when found. */
  readonly lignes: Readonly<Partial<Record<EtapeCalendrierId, number>>>;
  readonly dates: Readonly<Partial<Record<EtapeCalendrierId, Date | null>>>;
}

export function alertesCalendrier(model: Pick<WorkbookModel, 'calendrierAudit' | 'seuils'>): AlertesCalendrier {
  const rows = new Map<EtapeCalendrierId, WorkbookModel['calendrierAudit'][number]>();
  for (const e of CALENDRIER_ETAPES) {
    const r = model.calendrierAudit.find((x) => normalizeKey(x.etape) === normalizeKey(e.label));
    if (r) rows.set(e.id, r);
  }
  const alerts: Record<EtapeCalendrierId, string[]> = { candidature: [], audit1: [], audit2: [], commission: [] };
  const d = (id: EtapeCalendrierId) => rows.get(id)?.date ?? null;
  for (const e of CALENDRIER_ETAPES) if (!d(e.id)) alerts[e.id].push(M.calendrier.dateManquante);

  const cand = d('candidature');
  const a1 = d('audit1');
  const a2 = d('audit2');
  const com = d('commission');
  const premiere = [a1, a2].filter((x): x is Date => !!x).sort((x, y) => x.getTime() - y.getTime())[0];
  if (cand && premiere && cand.getTime() > premiere.getTime()) {
    alerts.candidature.push(M.calendrier.candidatureApres(formatDateFr(premiere)));
    for (const id of ['audit1', 'audit2'] as const) {
      const x = d(id);
      if (x && x.getTime() < cand.getTime()) alerts[id].push(M.calendrier.reunionAvantCandidature(formatDateFr(cand)));
    }
  }
  if (a1 && a2) {
    const ecart = joursEntre(a1, a2);
    if (ecart < 0) alerts.audit2.push(M.calendrier.reunionsInversees);
    else if (ecart > model.seuils.delaiAuditJours) alerts.audit2.push(M.calendrier.ecartTropLong(ecart, model.seuils.delaiAuditJours));
  }
  const both = (['audit1', 'audit2'] as const).some((id) => rows.get(id)?.eluPresent === true && rows.get(id)?.directionPresente === true);
  if (!both) for (const id of ['audit1', 'audit2'] as const) alerts[id].push(M.calendrier.presence);
  const derniere = [a1, a2].filter((x): x is Date => !!x).sort((x, y) => y.getTime() - x.getTime())[0];
  if (com && derniere && com.getTime() <= derniere.getTime()) alerts.commission.push(M.calendrier.commissionAvant(formatDateFr(derniere)));

  const lignes: Partial<Record<EtapeCalendrierId, number>> = {};
  const dates: Partial<Record<EtapeCalendrierId, Date | null>> = {};
  for (const [id, r] of rows) {
    lignes[id] = r.rowNumber;
    dates[id] = r.date;
  }
  return { parEtape: alerts, lignes, dates };
}
