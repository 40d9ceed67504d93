/**
 * `buildDashboard(model, scores, today)`: the ONE function behind the
 * `Tableau de bord` tab, the sidebar and the COPIL deck. Pure; plain JSON out
 * (see ./types.ts for the contract).
 */
import type { WorkbookModel } from '../model/types';
import type { ScoreResult, ResumeLigne } from '../referentiel/score';
import { SEUILS_ETOILES } from '../referentiel/score';
import { COLOURS, PRIORITE_ACTEUR_COLOURS, ETAT_PREUVE_COLOURS, scoreColour } from '../schema/colours';
import { PILIERS, PRIORITES_ACTEUR, TEMPORALITES } from '../schema/lists';
import { formatDateFr } from '../format';
import { normalizeKey } from '../table/normalize';
import { calculerActeurs, matriceActeurs, A_CONTACTER } from '../acteurs/priorite';
import { budgetTotalActions, couleurNiveauEc } from '../plans/plans';
import { budgetsByPlan } from '../consolidation/budgets';
import { budgetsParAnnee, budgetsParFinanceur } from '../plan-actions/budgets';
import { echeances } from '../plan-actions/echeances';
import { isoJour, jourDe } from '../plan-actions/jours';
import { analyserIndicateur } from '../indicateurs/analyse';
import { estPrete, preuvesAttendues, preuvesParEtat } from '../preuves/readiness';
import { alertesCalendrier, checklistAudit, COULEUR_ETAT_AUDIT } from '../audit/preparation';
import { CALENDRIER_ETAPES } from '../audit/checklist';
import { calculerFeuilleDeRoute, progressionParEtape } from '../feuille-de-route/feuille-de-route';
import { STEERING_MESSAGES as M } from '../messages/steering';
import type {
  BandeScore, Compte, Couleur, CouleurBande, DashboardData, EtapeFeuilleDeRoute, FichePhare, IndicateurSuivi, ScoreAxe,
} from './types';

export interface DashboardOptions {
  /** Data rows of each `Service – …` tab, for the feuille de route detector (see detecteurs.ts). */
  readonly lignesParOngletService?: ReadonlyMap<string, number>;
}

const r1 = (n: number) => Math.round(n * 10) / 10;
const r3 = (n: number) => Math.round(n * 1000) / 1000;
const eur = (n: number) => Math.round(n);
const safe = (n: number) => (Number.isFinite(n) ? n : 0);

export function bandeScore(pourcentage: number): CouleurBande {
  const c = scoreColour(pourcentage / 100);
  const bande: BandeScore = c.background === COLOURS.green ? 'vert' : c.background === COLOURS.orange ? 'orange' : 'rouge';
  return { bande, fond: c.background, texte: c.font };
}

function scoreAxe(l: ResumeLigne, id: string): ScoreAxe {
  const pr = safe(l.pourcentageFait);
  return {
    id,
    numero: l.identifiant,
    titre: l.titre,
    potentiel: r1(safe(l.pointPotentiel)),
    fait: r1(safe(l.pointFait)),
    programme: r1(safe(l.pointProgramme)),
    pourcentageRealise: r1(pr),
    pourcentageProgramme: r1(safe(l.pourcentageProgramme)),
    couleur: bandeScore(pr),
  };
}

function couleurDe(rules: ReadonlyArray<{ equals: string; background: string; font: string }>, v: string): Couleur | null {
  const r = rules.find((x) => x.equals === v);
  return r ? { fond: r.background, texte: r.font } : null;
}

/** Counts by key in the given order, then any other key, then « (non renseigné) ». */
function compter<T>(items: readonly T[], key: (t: T) => string | null, ordre: readonly string[], budget: (t: T) => number = () => 0, couleur: (k: string) => Couleur | null = () => null): Compte[] {
  const m = new Map<string, { libelle: string; nombre: number; budget: number }>();
  const NR = M.dashboard.nonRenseigne;
  for (const o of ordre) m.set(normalizeKey(o), { libelle: o, nombre: 0, budget: 0 });
  for (const t of items) {
    const raw = key(t)?.trim() || NR;
    const k = normalizeKey(raw);
    const e = m.get(k) ?? m.set(k, { libelle: raw, nombre: 0, budget: 0 }).get(k)!;
    e.nombre++;
    e.budget += safe(budget(t));
  }
  const out = [...m.values()];
  const ordered = [
    ...out.filter((e) => ordre.includes(e.libelle)),
    ...out.filter((e) => !ordre.includes(e.libelle) && e.libelle !== NR).sort((a, b) => b.nombre - a.nombre || a.libelle.localeCompare(b.libelle, 'fr')),
    ...out.filter((e) => e.libelle === NR),
  ];
  return ordered.map((e) => ({ cle: e.libelle, libelle: e.libelle, nombre: e.nombre, budget: eur(e.budget), couleur: couleur(e.libelle) }));
}

export function buildDashboard(model: WorkbookModel, scores: ScoreResult, today: Date, options: DashboardOptions = {}): DashboardData {
  const jour = jourDe(today);
  const e = scores.etoiles;
  const marge = model.seuils.margePoints;

  // Scores and stars.
  const axes = scores.axes.map((a) => scoreAxe(a, a.id));
  const total = scoreAxe({ ...scores.total, identifiant: '' }, scores.total.id);
  const next = SEUILS_ETOILES.find((s) => s.etoile === e.actuelle + 1);
  const prochaine = next
    ? (() => {
        const seuilAvecMarge = next.seuil > 0 ? next.seuil + marge : next.seuil;
        const potentiel = safe(scores.total.pointPotentiel);
        const fait = safe(scores.total.pointFait);
        const manque = (pct: number) => r1(Math.max(0, (pct / 100) * potentiel - fait));
        const ecart = r1(Math.max(0, seuilAvecMarge - e.scoreRealise));
        const criteres = (e.prochaine?.criteresManquants ?? []).map((c) => c.formulation);
        return {
          etoile: next.etoile,
          seuil: next.seuil,
          marge,
          seuilAvecMarge,
          pointsManquants: manque(next.seuil),
          pointsManquantsAvecMarge: manque(seuilAvecMarge),
          ecartPourcentage: ecart,
          criteresManquants: criteres,
          libelle: M.dashboard.prochaine(next.etoile, ecart, marge),
        };
      })()
    : null;

  // Actions.
  const actions = model.actions;
  const parPilier = compter(actions, (a) => a.pilier, PILIERS, (a) => a.budget ?? 0);
  const parService = compter(actions, (a) => a.service, [], (a) => a.budget ?? 0);
  const parTemporalite = compter(actions, (a) => a.temporalite, TEMPORALITES, (a) => a.budget ?? 0);

  // Plans and budgets.
  const parPlan = budgetsByPlan(model.actions, model.plans);
  const plans = [
    ...parPlan.parPlan.map((p) => {
      const c = couleurNiveauEc(p.plan.niveauEc);
      return {
        plan: p.plan.intitule,
        type: p.plan.type,
        statut: p.plan.statut,
        niveauEc: p.plan.niveauEc,
        niveauEcLibelle: c.libelle,
        couleur: { fond: c.fond, texte: c.texte },
        nbActions: p.nbActions,
        budget: eur(p.budget),
        absentDePlans: false,
      };
    }),
    ...parPlan.nonRattaches.map((u) => {
      const c = couleurNiveauEc(null);
      return { plan: u.libelle, type: null, statut: null, niveauEc: null, niveauEcLibelle: c.libelle, couleur: { fond: c.fond, texte: c.texte }, nbActions: u.nbActions, budget: eur(u.budget), absentDePlans: true };
    }),
  ];

  // Acteurs.
  const calcules = calculerActeurs(model.acteurs, model.seuils);
  const matrice = matriceActeurs(calcules);
  const parPriorite = compter(calcules, (c) => c.priorite, PRIORITES_ACTEUR, () => 0, (k) => couleurDe(PRIORITE_ACTEUR_COLOURS, k));

  // Preuves.
  const attendues = preuvesAttendues(model.preuves, (id) => scores.scores[id]?.concerne !== false);
  const pretes = attendues.filter(estPrete).length;
  const parEtat = preuvesParEtat(attendues).map((x) => ({ cle: x.etat, libelle: x.etat, nombre: x.nombre, budget: 0, couleur: couleurDe(ETAT_PREUVE_COLOURS, x.etat) }));

  // Échéances.
  const ech = echeances(model.jalons, model.engagements, today, model.seuils.horizonMois);

  // Feuille de route.
  const lignes = calculerFeuilleDeRoute(model.feuilleDeRoute, { model, today, lignesParOngletService: options.lignesParOngletService });
  const parEtape: EtapeFeuilleDeRoute[] = progressionParEtape(lignes).map((p) => ({ etape: p.etape, total: p.total, fait: p.fait, enCours: p.enCours, aFaire: p.aFaire, ratio: p.ratio }));
  const faitFdr = lignes.filter((l) => l.statut === 'Fait').length;

  // Audit.
  const checklist = checklistAudit(model, scores, today).map((l) => ({ id: l.id, libelle: l.libelle, etat: l.etat, detail: l.detail, couleur: COULEUR_ETAT_AUDIT[l.etat] }));
  const cal = alertesCalendrier(model);
  const calendrier = CALENDRIER_ETAPES.map((s) => {
    const d = cal.dates[s.id] ?? null;
    return { id: s.id, libelle: s.label, date: d ? isoJour(d) : null, dateLibelle: d ? formatDateFr(d) : '', alertes: [...cal.parEtape[s.id]] };
  });

  // Fiches.
  const fiches: FichePhare[] = [...model.planActions]
    .sort((a, b) => a.numero.localeCompare(b.numero, 'fr', { numeric: true }))
    .map((f) => ({
      numero: f.numero,
      titre: f.titre,
      axe: f.axe,
      pilote: f.personnePilote ?? f.servicePilote,
      statut: f.statut,
      echeance: f.fin ? isoJour(f.fin) : null,
      echeanceLibelle: f.fin ? formatDateFr(f.fin) : '',
      budget: eur(f.budgetTotal ?? 0),
      ligne: f.rowNumber,
    }));

  const indicateurs: IndicateurSuivi[] = model.indicateurs
    .filter((i) => i.valeurs.length > 0)
    .map((i) => {
      const a = analyserIndicateur(i);
      return {
        identifiant: i.identifiant,
        intitule: i.intitule,
        unite: i.unite,
        ligne: i.rowNumber,
        derniereAnnee: a.derniere?.annee ?? null,
        derniereValeur: a.derniere?.valeur ?? null,
        objectif: i.objectif,
        progression: a.progression,
        tendance: a.tendance,
      };
    });

  const parAnnee = budgetsParAnnee(model.planActions);
  const ratioFdr = lignes.length ? r3(faitFdr / lignes.length) : 0;
  return {
    version: 1,
    collectivite: { nom: model.identite.nom ?? '', type: model.identite.type, population: model.identite.population },
    calculeLe: today.toISOString(),
    calculeLeLibelle: formatDateFr(jour),
    scores: { axes, total },
    etoiles: {
      actuelle: e.actuelle,
      atteignable: e.potentielle,
      libelleActuelle: M.dashboard.etoiles(e.actuelle),
      libelleAtteignable: M.dashboard.etoiles(e.potentielle),
      scoreRealise: r1(safe(e.scoreRealise)),
      scorePrevisionnel: r1(safe(e.scorePrevisionnel)),
      prochaine,
      criteresPremiereEtoile: e.criteresPremiereEtoile.map((c) => ({ etoile: c.etoile, mesure: c.actionId, formulation: c.formulation, atteint: c.atteint })),
    },
    completude: {
      ratio: r3(safe(scores.completude)),
      lignesRenseignees: scores.completudeDetail.lignesRenseignees,
      lignesTotal: scores.completudeDetail.lignesTotal,
      libelle: M.dashboard.completude(safe(scores.completude), scores.completudeDetail.lignesRenseignees, scores.completudeDetail.lignesTotal),
    },
    actions: {
      total: actions.length,
      retenues: actions.filter((a) => a.retenueAuPlan).length,
      phares: actions.filter((a) => a.actionPhare).length,
      budgetTotal: eur(budgetTotalActions(actions)),
      parPilier,
      parService,
      parTemporalite,
    },
    budgets: {
      parPlan: plans,
      parAnnee: parAnnee.filter((b) => b.annee !== null).map((b) => ({ annee: b.annee!, budget: eur(b.budget) })),
      budgetNonDate: eur(parAnnee.filter((b) => b.annee === null).reduce((s, b) => s + b.budget, 0)),
      parFinanceur: budgetsParFinanceur(model.planActions).map((b) => ({ financeur: b.financeur, montant: eur(b.montant) })),
      totalPlanActions: eur(model.planActions.reduce((s, f) => s + (f.budgetTotal ?? 0), 0)),
    },
    acteurs: {
      total: model.acteurs.length,
      parPriorite,
      matrice,
      aContacterDUrgence: matrice.filter((p) => p.priorite === A_CONTACTER).map((p) => p.nom),
    },
    preuves: {
      attendues: attendues.length,
      pretes,
      ratio: attendues.length ? r3(pretes / attendues.length) : 0,
      libelle: M.preuvesLibelle(pretes, attendues.length),
      parEtat,
    },
    echeances: { enRetard: ech.enRetard, aVenir: ech.aVenir, horizonMois: model.seuils.horizonMois },
    feuilleDeRoute: { parEtape, total: lignes.length, fait: faitFdr, ratio: ratioFdr },
    audit: { checklist, calendrier, prets: checklist.filter((c) => c.etat === 'Prêt').length },
    fiches,
    indicateurs,
  };
}
