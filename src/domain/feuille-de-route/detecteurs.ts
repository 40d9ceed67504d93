/**
 * Detectors of the feuille de route: each one looks at the workbook and says
 * whether a practice of the guide is in place, with the evidence in French
 * (shown in `Accueil` › `Détecté automatiquement`). Pure; time through `today`.
 */
import type { Instance, WorkbookModel } from '../model/types';
import { formatDateFr } from '../format';
import { jourDe, joursEntre } from '../plan-actions/jours';
import { acteEngagement, alertesCalendrier, membresAvecRole } from '../audit/preparation';
import { axeDeFiche, afomFaiblesseOuAtout } from '../plan-actions/fiches';
import { estPrete } from '../preuves/readiness';
import { normalizeKey } from '../table/normalize';
import { TYPES_AFOM } from '../schema/lists';
import { STEERING_MESSAGES } from '../messages/steering';
import type { DetecteurId } from './pratiques';

const D = STEERING_MESSAGES.detect;

export interface Detection {
  readonly fait: boolean;
  /** French evidence (what was found, or what is missing). */
  readonly preuve: string;
}

export interface DetectionContext {
  readonly model: WorkbookModel;
  readonly today: Date;
  /**
   * Data rows of each `Service – …` tab (the caller read them). When absent,
   * a service tab counts as filled when `Actions` holds an action from it.
   */
  readonly lignesParOngletService?: ReadonlyMap<string, number>;
}

type Detecteur = (ctx: DetectionContext) => Detection;

const ROLES_EQUIPE_PROJET = new Set(['Chef de projet', 'Élu référent', 'Membre équipe projet']);
const norm = (s: string | null | undefined) => normalizeKey(s ?? '');

function passees(ctx: DetectionContext, pred: (i: Instance) => boolean = () => true): Instance[] {
  const jour = jourDe(ctx.today);
  return ctx.model.instances.filter((i) => i.date !== null && joursEntre(i.date, jour) >= 0 && pred(i));
}

function texteInstance(i: Instance): string {
  return norm(`${i.intitule} ${i.pointsCles ?? ''} ${i.decisions ?? ''}`);
}

function dateFr(d: Date | null): string | null {
  return d ? formatDateFr(d) : null;
}

const ratio = (ok: number, total: number) => total > 0 && ok === total;

export const DETECTEURS: Readonly<Record<DetecteurId, Detecteur>> = {
  eluReferent: ({ model }) => {
    const noms = membresAvecRole(model, 'Élu référent');
    return { fait: noms.length > 0, preuve: D.eluReferent(noms) };
  },
  portageDechetsEco: ({ model }) => {
    const textes = model.equipe.filter((m) => m.role !== null).map((m) => norm(`${m.service ?? ''} ${m.fonction ?? ''}`));
    const dechets = textes.some((t) => /dechet/.test(t));
    const eco = textes.some((t) => /economique|attractivite|entreprises/.test(t));
    return { fait: dechets && eco, preuve: D.portage(dechets, eco) };
  },
  equipeProjet: ({ model }) => {
    const equipe = model.equipe.filter((m) => m.role !== null && ROLES_EQUIPE_PROJET.has(m.role));
    const services = new Set(equipe.map((m) => norm(m.service)).filter(Boolean));
    return { fait: equipe.length >= 2 && equipe.length <= 4 && services.size >= 2, preuve: D.equipe(equipe.length, services.size) };
  },
  lettreMission: ({ model }) => {
    const equipe = model.equipe.filter((m) => m.role !== null && ROLES_EQUIPE_PROJET.has(m.role));
    const avec = equipe.filter((m) => m.lettreMission === true).length;
    return { fait: ratio(avec, equipe.length), preuve: D.lettreMission(avec, equipe.length) };
  },
  chefDeProjet: ({ model }) => {
    const noms = membresAvecRole(model, 'Chef de projet');
    return { fait: noms.length > 0, preuve: D.chefDeProjet(noms) };
  },
  deliberation: ({ model, today }) => {
    const acte = acteEngagement(model.instances, today);
    const ok = acte?.passe === true;
    return { fait: ok, preuve: D.deliberation(ok ? acte!.instance.intitule : null, ok ? dateFr(acte!.instance.date) : null) };
  },
  portageDirection: ({ model }) => {
    const elu = membresAvecRole(model, 'Élu référent').length > 0;
    const direction = membresAvecRole(model, 'Direction').length > 0;
    return { fait: elu && direction, preuve: D.direction(elu, direction) };
  },
  reunionsEquipe: (ctx) => {
    const n = passees(ctx, (i) => i.type === "Réunion d'équipe projet" || i.type === 'COTECH').length;
    return { fait: n >= 3, preuve: D.reunions(n) };
  },
  plpdma: ({ model }) => {
    const plpdma = model.plans.filter((p) => p.type === 'PLPDMA');
    const enVigueur = plpdma.find((p) => p.statut === 'En vigueur');
    return { fait: !!enVigueur, preuve: D.plpdma(enVigueur ? `« ${enVigueur.intitule} » en vigueur` : plpdma[0] ? `« ${plpdma[0].intitule} » ${plpdma[0].statut ? plpdma[0].statut.toLowerCase() : 'sans statut'}` : null) };
  },
  plansRecenses: ({ model }) => {
    const colores = model.plans.filter((p) => p.niveauEc !== null).length;
    return { fait: model.plans.length >= 2 && colores === model.plans.length, preuve: D.plans(model.plans.length, colores) };
  },
  consultations: (ctx) => {
    const list = passees(ctx, (i) => i.type === 'Entretien bilatéral' || i.type === 'Atelier' || i.type === 'Webinaire');
    const types = [...new Set(list.map((i) => i.type as string))];
    return { fait: types.length >= 2, preuve: D.consultations(list.length, types) };
  },
  servicesRemplis: ({ model, lignesParOngletService }) => {
    const tabs = model.serviceTabs;
    const filled = (tab: string) =>
      lignesParOngletService
        ? (lignesParOngletService.get(tab) ?? 0) > 0
        : model.actions.some((a) => (a.origine ?? '').includes(tab));
    const vides = tabs.filter((t) => !filled(t));
    return { fait: tabs.length > 0 && vides.length === 0, preuve: D.services(tabs.length - vides.length, tabs.length, vides) };
  },
  actionsCategorisees: ({ model }) => {
    const ok = model.actions.filter((a) => a.pilier && a.temporalite && (a.plans.length > 0 || a.mesure)).length;
    return { fait: ratio(ok, model.actions.length), preuve: D.categories(ok, model.actions.length) };
  },
  acteursRepertories: ({ model }) => {
    const ok = model.acteurs.filter((a) => a.categorie && a.localisation && a.relation).length;
    return { fait: ratio(ok, model.acteurs.length), preuve: D.acteurs(ok, model.acteurs.length) };
  },
  acteursClasses: ({ model }) => {
    const ok = model.acteurs.filter((a) => a.impact !== null && a.facilite !== null).length;
    return { fait: ratio(ok, model.acteurs.length), preuve: D.acteursClasses(ok, model.acteurs.length) };
  },
  actionsCentralisees: ({ model }) => {
    const services = new Set(model.actions.map((a) => norm(a.service)).filter(Boolean));
    return { fait: model.actions.length > 0 && services.size >= 2, preuve: D.centralisees(model.actions.length, services.size) };
  },
  budgetsVisibles: ({ model }) => {
    const avec = model.actions.filter((a) => a.budget !== null && a.budget > 0);
    const montant = avec.reduce((s, a) => s + (a.budget ?? 0), 0);
    return { fait: model.actions.length > 0 && avec.length * 2 >= model.actions.length, preuve: D.budgets(avec.length, model.actions.length, montant) };
  },
  afomComplet: ({ model }) => {
    const manquants = TYPES_AFOM.filter((t) => !model.afom.some((x) => x.type === t)).map((t) => t.toLowerCase());
    return { fait: manquants.length === 0, preuve: D.afom(manquants, model.afom.length) };
  },
  diagnosticPartage: (ctx) => {
    const hit = passees(ctx, (i) => /diagnostic|etat des lieux|afom/.test(texteInstance(i))).sort((a, b) => a.date!.getTime() - b.date!.getTime())[0];
    return { fait: !!hit, preuve: D.diagnosticPartage(hit?.intitule ?? null, dateFr(hit?.date ?? null)) };
  },
  atelierTransversal: (ctx) => {
    const hit = passees(ctx, (i) => i.type === 'Atelier')[0];
    return { fait: !!hit, preuve: D.atelier(hit?.intitule ?? null) };
  },
  entretiensBilateraux: (ctx) => {
    const n = passees(ctx, (i) => i.type === 'Entretien bilatéral').length;
    return { fait: n > 0, preuve: D.bilateraux(n) };
  },
  engagementsSuivis: (ctx) => {
    const cles = passees(ctx, (i) => i.type === 'Atelier' || i.type === 'COPIL');
    const suivies = cles.filter((i) => ctx.model.engagements.some((e) => e.instance === i.numero && e.echeance !== null)).length;
    return { fait: ratio(suivies, cles.length), preuve: D.engagements(suivies, cles.length) };
  },
  elusPresents: (ctx) => {
    const cles = passees(ctx, (i) => i.type === 'COPIL' || i.type === 'Atelier');
    const avec = cles.filter((i) => i.eluPresent === true).length;
    return { fait: ratio(avec, cles.length), preuve: D.elus(avec, cles.length) };
  },
  structuresRepresentatives: ({ model }) => {
    const noms = model.acteurs
      .filter((a) => (a.categorie === 'Chambre consulaire' || a.categorie === 'Fédération / cluster / club') && a.relation !== null && a.relation !== 'Aucune')
      .map((a) => a.nom);
    return { fait: noms.length > 0, preuve: D.representatives(noms) };
  },
  tiersDeConfiance: ({ model }) => {
    const noms = model.acteurs
      .filter((a) => norm(a.categorie).startsWith('tiers de confiance') && a.relation !== null && a.relation !== 'Aucune')
      .map((a) => a.nom);
    return { fait: noms.length > 0, preuve: D.tiers(noms) };
  },
  validationPolitique: (ctx) => {
    const hit = passees(ctx, (i) => {
      if (i.type !== 'Conseil communautaire' && i.type !== 'COPIL') return false;
      const t = norm(`${i.intitule} ${i.decisions ?? ''}`);
      return /plan d'actions?|strategie/.test(t) && /valid|adopt|approuv|vot/.test(t);
    }).sort((a, b) => a.date!.getTime() - b.date!.getTime())[0];
    return { fait: !!hit, preuve: D.validation(hit?.intitule ?? null, dateFr(hit?.date ?? null)) };
  },
  dizaineActionsPhares: ({ model }) => {
    const n = model.planActions.length;
    const axes = new Set(model.planActions.map(axeDeFiche).filter((x) => x !== null)).size;
    return { fait: n >= 8 && n <= 12 && axes >= 3, preuve: n ? D.dizaine(n, axes) : D.aucuneFiche };
  },
  actionsRepondentAfom: ({ model }) => {
    const ok = model.planActions.filter((f) => afomFaiblesseOuAtout(f, model.afom).length > 0).length;
    return { fait: ratio(ok, model.planActions.length), preuve: model.planActions.length ? D.repondentAfom(ok, model.planActions.length) : D.aucuneFiche };
  },
  jalons: ({ model }) => {
    const ok = model.planActions.filter((f) => model.jalons.some((j) => norm(j.fiche) === norm(f.numero) && j.echeance !== null)).length;
    return { fait: ratio(ok, model.planActions.length), preuve: model.planActions.length ? D.jalons(ok, model.planActions.length) : D.aucuneFiche };
  },
  rolesDefinis: ({ model }) => {
    const ok = model.planActions.filter((f) => f.personnePilote || f.servicePilote).length;
    return { fait: ratio(ok, model.planActions.length), preuve: model.planActions.length ? D.roles(ok, model.planActions.length) : D.aucuneFiche };
  },
  budgetsDefinis: ({ model }) => {
    const ok = model.planActions.filter((f) => f.budgetTotal !== null).length;
    return { fait: ratio(ok, model.planActions.length), preuve: model.planActions.length ? D.budgetsFiches(ok, model.planActions.length) : D.aucuneFiche };
  },
  actionsMultiPlans: ({ model }) => {
    const rattachees = model.actions.filter((a) => a.plans.length > 0).length;
    const multi = model.actions.filter((a) => a.plans.length >= 2).length;
    return { fait: multi > 0, preuve: D.multiPlans(rattachees, multi) };
  },
  indicateursSuivis: ({ model, today }) => {
    const annee = today.getFullYear();
    const n = model.indicateurs.filter((i) => i.valeurs.some((v) => v.annee === annee || v.annee === annee - 1)).length;
    return { fait: n > 0, preuve: D.indicateurs(n, annee) };
  },
  preuvesSuivies: ({ model }) => {
    const suivies = model.preuves.filter((p) => p.etat !== null && (estPrete(p) || !!p.responsable)).length;
    return { fait: ratio(suivies, model.preuves.length), preuve: D.preuves(suivies, model.preuves.length) };
  },
  calendrierAudit: ({ model }) => {
    const a = alertesCalendrier(model);
    const n = Object.values(a.parEtape).reduce((s, xs) => s + xs.length, 0);
    return { fait: n === 0, preuve: D.calendrier(n) };
  },
};

export function detecter(id: DetecteurId, ctx: DetectionContext): Detection {
  return DETECTEURS[id](ctx);
}
