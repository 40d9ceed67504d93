import { describe, expect, it } from 'vitest';
import { alertesCalendrier, checklistAudit } from '../../src/domain/audit/preparation';
import { CHECKLIST_CRITERES } from '../../src/domain/audit/checklist';
import { computeScores, type ScoreResult } from '../../src/domain/referentiel/score';
import { CONTEXTE_VIDE } from '../../src/domain/referentiel/personnalisation';
import { nodesAtLevel } from '../../src/domain/referentiel/tree';
import { STATUT, type Statut } from '../../src/domain/referentiel/statut';
import type { EtapeCalendrier, Instance, MembreEquipe, Preuve, WorkbookModel } from '../../src/domain/model/types';
import { readinessGlobale, readinessParMesure, readinessParPersonne } from '../../src/domain/preuves/readiness';
import { at, day, model } from './helpers';

function scoresWhere(statut: (id: string, i: number) => Statut | null): ScoreResult {
  const statuts = new Map<string, Statut>();
  nodesAtLevel('sous-mesure').forEach((n, i) => {
    const s = statut(n.id, i);
    if (s) statuts.set(n.id, s);
  });
  return computeScores({ statuts, personnalisation: CONTEXTE_VIDE });
}
const toutFait = scoresWhere(() => STATUT.fait);
const rien = scoresWhere(() => null);

const membre = (nom: string, role: MembreEquipe['role']): MembreEquipe => ({ rowNumber: 2, nom, fonction: null, type: null, service: 'Déchets', role, lettreMission: true, email: null, depuis: null });
const instance = (numero: number, date: Date, type: Instance['type'], intitule: string, decisions: string | null = null, extra: Partial<Instance> = {}): Instance => ({
  rowNumber: numero + 1, numero, date, type, intitule, public: null, participants: 20, eluPresent: true, directionPresente: true, pointsCles: null, decisions, lienCompteRendu: null, ...extra,
});
const preuve = (mesures: string[], etat: Preuve['etat'], responsable: string | null = 'Élodie'): Preuve => ({
  rowNumber: 2, identifiant: null, mesures, preuve: 'Délibération', type: null, etat, responsable, service: null, echeance: null, lien: null, page: null, commentaire: null,
});
const etape = (etapeLabel: string, date: Date | null, elu: boolean | null = null, direction: boolean | null = null): EtapeCalendrier => ({
  rowNumber: 10, etape: etapeLabel, date, eluPresent: elu, directionPresente: direction, commentaire: null,
});

function readyModel(): WorkbookModel {
  return model({
    equipe: [membre('Martine Vuillemin', 'Élu référent'), membre('Élodie Bourgeois', 'Chef de projet')],
    instances: [instance(1, day(2024, 3, 21), 'Conseil communautaire', 'Conseil du 21 mars 2024', "Délibération n° 2024-037 : engagement dans la démarche ECi")],
    preuves: [preuve(['eci_1.1.1'], 'Prête'), preuve(['eci_1.1.1', 'eci_2.1.1'], 'Déposée')],
  });
}

describe('audit checklist', () => {
  it('is all « Prêt » on a ready workbook, with a French detail per line', () => {
    const lines = checklistAudit(readyModel(), toutFait, at(2026, 3, 10));
    expect(lines.map((l) => l.id)).toEqual(CHECKLIST_CRITERES.map((c) => c.id));
    expect(lines.map((l) => l.etat)).toEqual(Array(7).fill('Prêt'));
    const byId = Object.fromEntries(lines.map((l) => [l.id, l.detail]));
    expect(byId.eluReferent).toContain('Martine Vuillemin');
    expect(byId.referentTechnique).toContain('Élodie Bourgeois');
    expect(byId.acteEngagement).toContain('21/03/2024');
    expect(byId.completude).toContain('entièrement renseigné');
    expect(byId.preuves).toContain('2 / 2');
  });

  it('says what to do on an unready workbook', () => {
    const m = model({ preuves: [preuve(['eci_1.1.1'], 'À créer', null), preuve(['eci_1.1.1'], 'En cours')] });
    const lines = checklistAudit(m, rien, at(2026, 3, 10));
    expect(lines.map((l) => [l.id, l.etat])).toEqual([
      ['completude', 'À faire'],
      ['eluReferent', 'À faire'],
      ['referentTechnique', 'À faire'],
      ['acteEngagement', 'À faire'],
      ['premiereEtoile', 'À faire'],
      ['scoreSeuil', 'À faire'],
      ['preuves', 'À faire'],
    ]);
    const byId = Object.fromEntries(lines.map((l) => [l.id, l.detail]));
    expect(byId.eluReferent).toContain('Élu référent');
    expect(byId.acteEngagement).toContain('Conseil communautaire');
    expect(byId.scoreSeuil).toContain('il manque');
    expect(byId.preuves).toContain('1 preuve à créer sans responsable');
  });

  it('watches a délibération still to come', () => {
    const m = model({ ...readyModel(), instances: [instance(1, day(2026, 4, 2), 'Conseil communautaire', "Délibération d'engagement ECi")] });
    const l = checklistAudit(m, toutFait, at(2026, 3, 10)).find((x) => x.id === 'acteEngagement')!;
    expect(l.etat).toBe('À surveiller');
    expect(l.detail).toContain('02/04/2026');
    // the day after the conseil, it is done
    expect(checklistAudit(m, toutFait, at(2026, 4, 3)).find((x) => x.id === 'acteEngagement')!.etat).toBe('Prêt');
  });

  it.each([
    // [current star, score réalisé, expected]: the audited star is the current one (the second at least),
    // its threshold + the 3-point margin of Paramètres
    [1, 30, 'À faire'],
    [1, 36.5, 'À surveiller'],
    [2, 37.9, 'À surveiller'],
    [2, 38, 'Prêt'],
    [3, 52, 'À surveiller'],
    [3, 53.4, 'Prêt'],
  ] as const)('star %s at %s %% réalisé → %s', (actuelle, scoreRealise, attendu) => {
    const s: ScoreResult = { ...toutFait, etoiles: { ...toutFait.etoiles, actuelle, scoreRealise } };
    const l = checklistAudit(readyModel(), s, at(2026, 3, 10)).find((x) => x.id === 'scoreSeuil')!;
    expect(l.etat).toBe(attendu);
    expect(l.detail).toMatch(/^Score réalisé /);
  });

  it('uses the margin typed in Paramètres', () => {
    const m = model({ ...readyModel(), seuils: { ...readyModel().seuils, margePoints: 5 } });
    const s: ScoreResult = { ...toutFait, etoiles: { ...toutFait.etoiles, actuelle: 2, scoreRealise: 39 } };
    expect(checklistAudit(m, s, at(2026, 3, 10)).find((x) => x.id === 'scoreSeuil')!.etat).toBe('À surveiller');
  });

  it('does not take a COPIL or an unrelated conseil for the acte d\'engagement', () => {
    const m = model({ instances: [instance(1, day(2024, 1, 1), 'COPIL', 'Délibération préparée'), instance(2, day(2024, 2, 1), 'Conseil communautaire', 'Budget primitif', 'Vote du budget')] });
    expect(checklistAudit(m, rien, at(2026, 3, 10)).find((l) => l.id === 'acteEngagement')!.etat).toBe('À faire');
  });
});

describe('audit calendar alerts', () => {
  const cal = (rows: EtapeCalendrier[]) => alertesCalendrier(model({ calendrierAudit: rows }));

  it('has no alert on a sound calendar', () => {
    const a = cal([
      etape('Dépôt de candidature', day(2027, 3, 1)),
      etape("Réunion d'audit n° 1", day(2027, 5, 10), true, false),
      etape("Réunion d'audit n° 2", day(2027, 6, 20), true, true),
      etape('Commission nationale du label', day(2027, 10, 15)),
    ]);
    expect(a.parEtape).toEqual({ candidature: [], audit1: [], audit2: [], commission: [] });
  });

  it('warns on missing dates, order, gap, presence and commission', () => {
    const a = cal([
      etape('Dépôt de candidature', day(2027, 6, 1)),
      etape("Réunion d'audit n° 1", day(2027, 5, 10), true, false),
      etape("Réunion d'audit n° 2", day(2027, 8, 20), false, true),
      etape('Commission nationale du label', day(2027, 8, 1)),
    ]);
    expect(a.parEtape.candidature.join(' ')).toContain('précéder la première réunion');
    expect(a.parEtape.audit1.join(' ')).toContain('avant le dépôt');
    expect(a.parEtape.audit2.join(' ')).toContain('102 jours');
    expect(a.parEtape.audit1.join(' ')).toContain('élu·e et la direction');
    expect(a.parEtape.commission.join(' ')).toContain('suivre les réunions');
    const b = cal([etape('Dépôt de candidature', null), etape("Réunion d'audit n° 1", null), etape("Réunion d'audit n° 2", day(2027, 1, 1), true, true)]);
    expect(b.parEtape.candidature).toEqual(['Date à renseigner.']);
    expect(b.parEtape.commission).toEqual(['Date à renseigner.']);
    expect(b.parEtape.audit2).toEqual([]);
  });

  it('flags meeting n° 2 dated before n° 1', () => {
    const a = cal([etape("Réunion d'audit n° 1", day(2027, 5, 10), true, true), etape("Réunion d'audit n° 2", day(2027, 5, 1))]);
    expect(a.parEtape.audit2).toContain('La réunion n° 2 est datée avant la réunion n° 1.');
  });
});

describe('preuves readiness', () => {
  const preuves = [preuve(['eci_1.1.1'], 'Prête', 'Élodie'), preuve(['eci_1.1.1', 'eci_2.1.1'], 'À créer', 'Thomas'), preuve(['eci_2.1.1'], 'Déposée', 'élodie'), preuve([], 'Existante', null)];
  it('counts Prête and Déposée as ready, overall, by mesure and by person', () => {
    expect(readinessGlobale(preuves)).toMatchObject({ pretes: 2, attendues: 4, ratio: 0.5 });
    expect(readinessParMesure(preuves).map((r) => [r.cle, r.pretes, r.attendues])).toEqual([
      ['(non renseigné)', 0, 1],
      ['eci_1.1.1', 1, 2],
      ['eci_2.1.1', 1, 2],
    ]);
    expect(readinessParPersonne(preuves).map((r) => [r.libelle, r.pretes, r.attendues, r.ratio])).toEqual([
      ['Élodie', 2, 2, 1],
      ['Sans responsable', 0, 1, 0],
      ['Thomas', 0, 1, 0],
    ]);
  });
});
