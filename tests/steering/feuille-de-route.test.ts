import { describe, expect, it } from 'vitest';
import { DETECTEURS, type DetectionContext } from '../../src/domain/feuille-de-route/detecteurs';
import { ETAPES, PRATIQUES, type DetecteurId } from '../../src/domain/feuille-de-route/pratiques';
import { calculerFeuilleDeRoute, progressionParEtape, trouverPratique } from '../../src/domain/feuille-de-route/feuille-de-route';
import type { ActionRow, Acteur, AfomItem, EtapeCalendrier, FicheAction, Indicateur, Instance, Jalon, MembreEquipe, Plan, PratiqueRow, Preuve, WorkbookModel } from '../../src/domain/model/types';
import { at, day, model } from './helpers';
import { readFileSync } from 'node:fs';

const today = at(2026, 3, 10);
const ctx = (m: Partial<WorkbookModel>, extra: Partial<DetectionContext> = {}): DetectionContext => ({ model: model(m), today, ...extra });

const membre = (nom: string, role: MembreEquipe['role'], service: string, extra: Partial<MembreEquipe> = {}): MembreEquipe => ({ rowNumber: 2, nom, fonction: null, type: null, service, role, lettreMission: true, email: null, depuis: null, ...extra });
const instance = (numero: number, date: Date, type: Instance['type'], intitule: string, extra: Partial<Instance> = {}): Instance => ({
  rowNumber: numero + 1, numero, date, type, intitule, public: null, participants: 10, eluPresent: true, directionPresente: true, pointsCles: null, decisions: null, lienCompteRendu: null, ...extra,
});
const plan = (type: Plan['type'], statut: Plan['statut'], niveauEc: Plan['niveauEc']): Plan => ({ rowNumber: 2, type, intitule: `${type} 2022-2027`, statut, debut: null, fin: null, servicePorteur: null, eluReferent: null, niveauEc });
const action = (service: string, extra: Partial<ActionRow> = {}): ActionRow => ({
  rowNumber: 2, service, ref: 'DEC-001', intitule: 'Action', description: null, pilier: 'Allongement de la durée d\'usage', mesure: 'eci_2.1.1', plans: ['PLPDMA'], filiere: null,
  temporalite: 'En cours', debut: null, fin: null, pilote: null, partenaires: null, budget: 1000, sourceBudget: null, indicateur: null, commentaire: null,
  origine: `Service – ${service}, ligne 2`, anomalies: null, actionPhare: false, retenueAuPlan: false, repondA: [], priorite: null, note: null, ...extra,
});
const acteur = (nom: string, categorie: string, relation: Acteur['relation'], extra: Partial<Acteur> = {}): Acteur => ({
  rowNumber: 2, nom, categorie, filiere: null, localisation: 'Sur le territoire', relation, chaineValeur: null, impact: 3, facilite: 2, serviceReferent: null, contact: null, ...extra,
});
const afom = (id: string, type: AfomItem['type']): AfomItem => ({ rowNumber: 2, id, type, enonce: id, axe: 1, source: null, importance: 1 });
const fiche = (numero: string, extra: Partial<FicheAction> = {}): FicheAction => ({
  rowNumber: 2, numero, axe: `${(Number(numero) % 3) + 1}. Axe`, sousAxe: null, titre: `Fiche ${numero}`, descriptif: null, objectifs: null, indicateurs: null,
  structurePilote: null, servicePilote: 'Déchets', personnePilote: 'Élodie', eluReferent: null, partenaires: null, financeurs: [], budgetTotal: 1000,
  statut: null, priorite: null, debut: null, fin: null, ameliorationContinue: null, mesures: [], actionsLiees: [], afom: ['F1'], piliers: [], participation: null, notes: null, ...extra,
});
const fiches = (n: number, extra: Partial<FicheAction> = {}) => Array.from({ length: n }, (_, i) => fiche(String(i + 1), extra));
const jalon = (fiche: string, echeance: Date | null): Jalon => ({ rowNumber: 2, fiche, jalon: 'Lancement', echeance, responsable: null, statut: null, commentaire: null });
const indicateur = (annee: number): Indicateur => ({ rowNumber: 2, identifiant: 'i1', intitule: 'i', unite: 't', type: null, objectif: null, anneeCible: null, source: null, service: null, valeurs: [{ annee, valeur: 10 }] });
const preuve = (etat: Preuve['etat'], responsable: string | null): Preuve => ({ rowNumber: 2, identifiant: null, mesures: [], preuve: 'p', type: null, etat, responsable, service: null, echeance: null, lien: null, page: null, commentaire: null });
const etape = (label: string, date: Date | null, elu: boolean | null = null, direction: boolean | null = null): EtapeCalendrier => ({ rowNumber: 2, etape: label, date, eluPresent: elu, directionPresente: direction, commentaire: null });

const equipeOk = [membre('Martine', 'Élu référent', 'Délégation déchets'), membre('Laurent', 'Membre équipe projet', 'Délégation développement économique'), membre('Élodie', 'Chef de projet', 'Déchets et économie circulaire'), membre('JB', 'Direction', 'DGA')];
const calendrierOk = [etape('Dépôt de candidature', day(2027, 3, 1)), etape("Réunion d'audit n° 1", day(2027, 5, 1), true, true), etape("Réunion d'audit n° 2", day(2027, 6, 1)), etape('Commission nationale du label', day(2027, 10, 1))];

/** One workbook where the practice is in place, one where it is not. */
const CASES: Record<DetecteurId, [DetectionContext, DetectionContext]> = {
  eluReferent: [ctx({ equipe: equipeOk }), ctx({ equipe: [membre('Élodie', 'Chef de projet', 'Déchets')] })],
  portageDechetsEco: [ctx({ equipe: equipeOk }), ctx({ equipe: [membre('Martine', 'Élu référent', 'Délégation déchets'), membre('Élodie', 'Chef de projet', 'Déchets et économie circulaire')] })],
  equipeProjet: [ctx({ equipe: equipeOk }), ctx({ equipe: [...equipeOk, membre('A', 'Membre équipe projet', 'Achats'), membre('B', 'Membre équipe projet', 'Finances')] })],
  lettreMission: [ctx({ equipe: equipeOk }), ctx({ equipe: [membre('Élodie', 'Chef de projet', 'Déchets', { lettreMission: false })] })],
  chefDeProjet: [ctx({ equipe: equipeOk }), ctx({ equipe: [membre('Martine', 'Élu référent', 'Déchets')] })],
  deliberation: [
    ctx({ instances: [instance(1, day(2024, 3, 21), 'Conseil communautaire', 'Conseil', { decisions: 'Délibération 2024-037' })] }),
    ctx({ instances: [instance(1, day(2026, 6, 1), 'Conseil communautaire', 'Délibération ECi')] }),
  ],
  portageDirection: [ctx({ equipe: equipeOk }), ctx({ equipe: equipeOk.filter((m) => m.role !== 'Direction') })],
  reunionsEquipe: [
    ctx({ instances: [1, 2, 3].map((n) => instance(n, day(2025, n, 1), "Réunion d'équipe projet", `Réunion ${n}`)) }),
    ctx({ instances: [instance(1, day(2025, 1, 1), 'COTECH', 'COTECH'), instance(2, day(2026, 5, 1), 'COTECH', 'futur'), instance(3, day(2026, 6, 1), 'COTECH', 'futur')] }),
  ],
  plpdma: [ctx({ plans: [plan('PLPDMA', 'En vigueur', 3)] }), ctx({ plans: [plan('PLPDMA', 'En stand-by', 3), plan('PCAET', 'En vigueur', 1)] })],
  plansRecenses: [ctx({ plans: [plan('PLPDMA', 'En vigueur', 3), plan('PCAET', 'En vigueur', 1)] }), ctx({ plans: [plan('PLPDMA', 'En vigueur', 3), plan('PCAET', 'En vigueur', null)] })],
  consultations: [
    ctx({ instances: [instance(1, day(2025, 1, 1), 'Entretien bilatéral', 'Service déchets'), instance(2, day(2025, 2, 1), 'Atelier', 'Fresque')] }),
    ctx({ instances: [instance(1, day(2025, 1, 1), 'Entretien bilatéral', 'a'), instance(2, day(2025, 2, 1), 'Entretien bilatéral', 'b')] }),
  ],
  servicesRemplis: [
    ctx({ serviceTabs: ['Service – Déchets', 'Service – Achats'] }, { lignesParOngletService: new Map([['Service – Déchets', 4], ['Service – Achats', 1]]) }),
    ctx({ serviceTabs: ['Service – Déchets', 'Service – Achats'] }, { lignesParOngletService: new Map([['Service – Déchets', 4], ['Service – Achats', 0]]) }),
  ],
  actionsCategorisees: [ctx({ actions: [action('Déchets')] }), ctx({ actions: [action('Déchets'), action('Achats', { pilier: null })] })],
  acteursRepertories: [ctx({ acteurs: [acteur('CCI', 'Chambre consulaire', 'Régulière')] }), ctx({ acteurs: [acteur('CCI', 'Chambre consulaire', null)] })],
  acteursClasses: [ctx({ acteurs: [acteur('CCI', 'Chambre consulaire', 'Régulière')] }), ctx({ acteurs: [acteur('CCI', 'Chambre consulaire', 'Régulière', { facilite: null })] })],
  actionsCentralisees: [ctx({ actions: [action('Déchets'), action('Achats')] }), ctx({ actions: [action('Déchets'), action('Déchets')] })],
  budgetsVisibles: [ctx({ actions: [action('Déchets'), action('Achats', { budget: null })] }), ctx({ actions: [action('Déchets', { budget: null }), action('Achats', { budget: null }), action('X')] })],
  afomComplet: [
    ctx({ afom: [afom('A1', 'Atout'), afom('F1', 'Faiblesse'), afom('O1', 'Opportunité'), afom('M1', 'Menace')] }),
    ctx({ afom: [afom('A1', 'Atout'), afom('F1', 'Faiblesse'), afom('O1', 'Opportunité')] }),
  ],
  diagnosticPartage: [
    ctx({ instances: [instance(1, day(2025, 1, 28), 'Atelier', 'Atelier de partage du diagnostic')] }),
    ctx({ instances: [instance(1, day(2026, 4, 28), 'Atelier', 'Partage du diagnostic'), instance(2, day(2025, 1, 1), 'COPIL', 'Lancement')] }),
  ],
  atelierTransversal: [ctx({ instances: [instance(1, day(2024, 10, 8), 'Atelier', 'Fresque')] }), ctx({ instances: [instance(1, day(2024, 10, 8), 'COPIL', 'Fresque')] })],
  entretiensBilateraux: [ctx({ instances: [instance(1, day(2024, 10, 8), 'Entretien bilatéral', 'Achats')] }), ctx({ instances: [] })],
  engagementsSuivis: [
    ctx({ instances: [instance(4, day(2025, 1, 1), 'COPIL', 'COPIL 1')], engagements: [{ rowNumber: 2, instance: 4, qui: 'x', quoi: 'y', echeance: day(2025, 2, 1), statut: null }] }),
    ctx({ instances: [instance(4, day(2025, 1, 1), 'COPIL', 'COPIL 1'), instance(5, day(2025, 2, 1), 'Atelier', 'A')], engagements: [{ rowNumber: 2, instance: 4, qui: 'x', quoi: 'y', echeance: day(2025, 2, 1), statut: null }] }),
  ],
  elusPresents: [
    ctx({ instances: [instance(1, day(2025, 1, 1), 'COPIL', 'COPIL 1')] }),
    ctx({ instances: [instance(1, day(2025, 1, 1), 'COPIL', 'COPIL 1'), instance(2, day(2025, 3, 1), 'COPIL', 'COPIL 2', { eluPresent: false })] }),
  ],
  structuresRepresentatives: [ctx({ acteurs: [acteur('CAPEB', 'Fédération / cluster / club', 'Ponctuelle')] }), ctx({ acteurs: [acteur('CCI', 'Chambre consulaire', 'Aucune')] })],
  tiersDeConfiance: [ctx({ acteurs: [acteur('BE', "Tiers de confiance / bureau d'études", 'Régulière')] }), ctx({ acteurs: [acteur('BE', "Tiers de confiance / bureau d'études", 'Aucune')] })],
  validationPolitique: [
    ctx({ instances: [instance(1, day(2025, 9, 25), 'Conseil communautaire', 'Conseil', { decisions: "Adoption de la stratégie et du plan d'actions" })] }),
    ctx({ instances: [instance(1, day(2025, 9, 25), 'Conseil communautaire', 'Conseil', { decisions: 'Vote du budget' })] }),
  ],
  dizaineActionsPhares: [ctx({ planActions: fiches(10) }), ctx({ planActions: fiches(10, { axe: '2. Axe' }) })],
  actionsRepondentAfom: [
    ctx({ planActions: fiches(2), afom: [afom('F1', 'Faiblesse')] }),
    ctx({ planActions: fiches(2, { afom: ['O1'] }), afom: [afom('F1', 'Faiblesse'), afom('O1', 'Opportunité')] }),
  ],
  jalons: [ctx({ planActions: fiches(2), jalons: [jalon('1', day(2026, 5, 1)), jalon('2', day(2026, 9, 1))] }), ctx({ planActions: fiches(2), jalons: [jalon('1', day(2026, 5, 1)), jalon('2', null)] })],
  rolesDefinis: [ctx({ planActions: fiches(2) }), ctx({ planActions: [fiche('1'), fiche('2', { personnePilote: null, servicePilote: null })] })],
  budgetsDefinis: [ctx({ planActions: fiches(2) }), ctx({ planActions: [fiche('1'), fiche('2', { budgetTotal: null })] })],
  actionsMultiPlans: [ctx({ actions: [action('Déchets', { plans: ['PLPDMA', 'PCAET'] })] }), ctx({ actions: [action('Déchets')] })],
  indicateursSuivis: [ctx({ indicateurs: [indicateur(2025)] }), ctx({ indicateurs: [indicateur(2023)] })],
  preuvesSuivies: [ctx({ preuves: [preuve('Prête', null), preuve('À créer', 'Élodie')] }), ctx({ preuves: [preuve('Prête', null), preuve('À créer', null)] })],
  calendrierAudit: [ctx({ calendrierAudit: calendrierOk }), ctx({ calendrierAudit: calendrierOk.map((e, i) => (i === 1 ? { ...e, directionPresente: false } : e)) })],
};

describe('feuille de route detectors', () => {
  it('has a positive and a negative case for every detector of the catalogue', () => {
    const used = new Set(PRATIQUES.map((p) => p.detecteur).filter(Boolean));
    expect(new Set(Object.keys(CASES))).toEqual(used);
    expect(new Set(Object.keys(DETECTEURS))).toEqual(used);
  });

  for (const [id, [positive, negative]] of Object.entries(CASES) as Array<[DetecteurId, [DetectionContext, DetectionContext]]>) {
    it(`${id}: detects the practice, and not without it`, () => {
      const yes = DETECTEURS[id](positive);
      const no = DETECTEURS[id](negative);
      expect(yes.fait).toBe(true);
      expect(no.fait).toBe(false);
      expect(yes.preuve.length).toBeGreaterThan(10);
      expect(no.preuve.length).toBeGreaterThan(10);
      expect(no.preuve).not.toBe(yes.preuve);
    });
  }

  it('counts a service tab as filled from Actions when the tab sizes are not given', () => {
    const c = ctx({ serviceTabs: ['Service – Déchets'], actions: [action('Déchets')] });
    expect(DETECTEURS.servicesRemplis(c).fait).toBe(true);
    expect(DETECTEURS.servicesRemplis(ctx({ serviceTabs: ['Service – Achats'], actions: [action('Déchets')] })).fait).toBe(false);
  });
});

describe('practices catalogue', () => {
  const guide = readFileSync(new URL('../fixtures/guide/guide-methodologique-drec.txt', import.meta.url), 'utf8');
  const toc = guide.slice(guide.indexOf('TABLE DES MATIÈRES'), guide.indexOf('1 MISE EN PLACE DES PERSONNES MOTEURS ET DES CONDITIONS FAVORABLES\n\nLes premières'));
  const norm = (s: string) => s.normalize('NFC').toUpperCase().replace(/\s+/g, ' ').replace(/' /g, "'");

  it('has the 7 steps of the guide, titles as in its table of contents', () => {
    expect(ETAPES).toHaveLength(7);
    for (const e of ETAPES) expect(norm(toc)).toContain(`${e.numero} ${norm(e.titre)}`);
  });

  it('has about forty practices with unique stable ids, every step covered, wordings from the guide', () => {
    expect(PRATIQUES.length).toBeGreaterThanOrEqual(38);
    expect(PRATIQUES.length).toBeLessThanOrEqual(50);
    expect(new Set(PRATIQUES.map((p) => p.id)).size).toBe(PRATIQUES.length);
    for (const e of ETAPES) expect(PRATIQUES.some((p) => p.etape === e.libelle)).toBe(true);
    const flat = guide.replace(/\*\*/g, '').replace(/\s+/g, ' ').replace(/[’]/g, "'").toLowerCase();
    for (const p of PRATIQUES) {
      // the first words of each wording are the guide's own
      const head = p.pratique.split(/ : |…/)[0].replace(/\s+/g, ' ').toLowerCase();
      expect(flat, p.id).toContain(head.slice(0, 40));
    }
  });
});

describe('feuille de route rows', () => {
  const row = (rowNumber: number, pratique: string, statut: PratiqueRow['statut']): PratiqueRow => ({ rowNumber, etape: '', pratique, statut, detecte: null, date: null, commentaire: null });
  const m = { equipe: equipeOk };
  const elu = PRATIQUES.find((p) => p.detecteur === 'eluReferent')!.pratique;
  const plpdma = PRATIQUES.find((p) => p.detecteur === 'plpdma')!.pratique;
  const echanger = PRATIQUES.find((p) => p.id === 'p1-echanger')!.pratique;

  it('ticks a detected practice only when its Statut is empty or À faire, never downgrades', () => {
    const lignes = calculerFeuilleDeRoute(
      [row(5, elu, 'À faire'), row(6, elu, null), row(7, elu, 'En cours'), row(8, plpdma, 'Fait'), row(9, echanger, 'À faire')],
      ctx(m),
    );
    expect(lignes.map((l) => [l.rowNumber, l.ecrireStatut, l.statut])).toEqual([
      [5, true, 'Fait'],
      [6, true, 'Fait'],
      [7, false, 'En cours'],
      // no PLPDMA in Plans, but the user said Fait: kept
      [8, false, 'Fait'],
      [9, false, 'À faire'],
    ]);
    expect(lignes[0].detecte).toMatch(/^Détecté : Élu·e référent·e : Martine/);
    expect(lignes[3].detecte).toMatch(/^Pas encore : /);
    expect(lignes[4].detecte).toBeNull();
  });

  it('finds a practice from a shortened wording (the sample writes substrings)', () => {
    expect(trouverPratique('Faire voter une délibération en conseil communautaire')?.id).toBe('p1-deliberation');
    expect(trouverPratique("Anticiper le calendrier d'audit")?.id).toBe('p7-calendrier');
    expect(trouverPratique('Une pratique ajoutée par la collectivité')).toBeNull();
  });

  it('gives progress by step in the guide order', () => {
    const p = progressionParEtape([
      { etape: ETAPES[1].libelle, statut: 'Fait' },
      { etape: ETAPES[0].libelle, statut: 'Fait' },
      { etape: ETAPES[0].libelle, statut: 'En cours' },
      { etape: ETAPES[0].libelle, statut: null },
    ]);
    expect(p.map((e) => [e.etape, e.fait, e.enCours, e.aFaire, e.ratio])).toEqual([
      [ETAPES[0].libelle, 1, 1, 1, 0.333],
      [ETAPES[1].libelle, 1, 0, 0, 1],
    ]);
  });
});
