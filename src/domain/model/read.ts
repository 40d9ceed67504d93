/**
 * Reads every tab of the workbook into the typed model, one grid per tab
 * (the caller's `grid` function is called at most once per tab name).
 */
import type { Anomaly } from '../anomaly';
import { parseTable, type ListResolver, type ParsedRow, type ParsedTable, type ParseOptions } from '../parse/rows';
import { readSeuils } from '../parametres/read-seuils';
import { INDICATOR_YEARS, NIVEAUX_EC } from '../schema/lists';
import { isServiceTabName, TAB, TABS, tableSection } from '../schema/tabs';
import type { KeyValueSectionSpec } from '../schema/types';
import type { Grid } from '../table/cell';
import { locateKeyValues } from '../table/key-value';
import { parseCell } from '../parse/rows';
import type * as T from './types';

export interface GridSource {
  readonly sheetNames: readonly string[];
  /** The tab's grid, or null when the tab does not exist. */
  grid(name: string): Grid | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : v instanceof Date || typeof v === 'number' ? String(v) : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const date = (v: unknown): Date | null => (v instanceof Date ? v : null);
const bool = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null);
const list = (v: unknown): readonly string[] => (Array.isArray(v) ? v : typeof v === 'string' && v ? [v] : []);
const multi = (v: unknown): readonly string[] =>
  Array.isArray(v) ? v : typeof v === 'string' ? v.split(/[,;\n]/).map((s) => s.trim()).filter(Boolean) : [];
// List values are canonical after parsing; the cast narrows to the schema's literal union.
const lit = <U extends string>(v: unknown): U | null => (typeof v === 'string' && v !== '' ? (v as U) : null);

/** Memoises grids so each tab is read once whatever the number of consumers. */
export function memoSource(sheetNames: readonly string[], read: (name: string) => Grid): GridSource {
  const cache = new Map<string, Grid | null>();
  return {
    sheetNames,
    grid(name) {
      if (!cache.has(name)) cache.set(name, sheetNames.includes(name) ? read(name) : null);
      return cache.get(name)!;
    },
  };
}

export function readWorkbookModel(src: GridSource): T.ModelRead {
  const anomalies: Anomaly[] = [];
  const tables = new Map<string, ParsedTable>();
  const empty: Grid = [];

  // Lists fed by other tabs are resolved first, so they can validate the rest.
  const table = (tab: string, section: string, opts: ParseOptions = {}): ParsedTable => {
    const key = `${tab}›${section}`;
    const cached = tables.get(key);
    if (cached) return cached;
    const grid = src.grid(tab) ?? empty;
    const t = parseTable(tab, grid, tableSection(tab, section), { requireHeader: src.grid(tab) !== null, ...opts });
    tables.set(key, t);
    anomalies.push(...t.anomalies);
    return t;
  };

  const filieres = table(TAB.parametres, 'filieres').rows.map((r) => str(r.values.filiere)).filter((x): x is string => !!x);
  const categories = table(TAB.parametres, 'categories').rows.map((r) => str(r.values.categorie)).filter((x): x is string => !!x);
  const plansTable = table(TAB.plans, 'plans');
  const afomTable = table(TAB.afom, 'afom');
  const refTable = table(TAB.referentiel, 'referentiel');
  // Each list is built once: the list matcher indexes a list by its identity, so a new array per
  // cell would rebuild the index for every row (seconds on an Actions of 20,000 rows).
  const once = <T>(build: () => T) => {
    let value: T | undefined;
    return () => (value ??= build());
  };
  const plansList = once(() => plansTable.rows.flatMap((r) => [str(r.values.intitule), str(r.values.type)]).filter((x): x is string => !!x));
  const afomList = once(() => afomTable.rows.map((r) => str(r.values.id)).filter((x): x is string => !!x));
  const refList = once(() => refTable.rows.map((r) => str(r.values.identifiant)).filter((x): x is string => !!x));
  const lists: ListResolver = (s) => {
    if (s.tab === TAB.parametres && s.section === 'filieres') return filieres;
    if (s.tab === TAB.parametres && s.section === 'categories') return categories;
    if (s.tab === TAB.plans) return plansList();
    if (s.tab === TAB.afom) return afomList();
    if (s.tab === TAB.referentiel) return refList();
    return null;
  };
  const opts: ParseOptions = { lists, skipRoles: ['computed'] };

  const seuilsRead = readSeuils(table(TAB.parametres, 'seuils').rows, TAB.parametres);
  anomalies.push(...seuilsRead.anomalies);

  const rows = (tab: string, section: string, o: ParseOptions = opts): readonly ParsedRow[] => table(tab, section, o).rows;

  const model: T.WorkbookModel = {
    identite: readIdentite(src.grid(TAB.accueil) ?? empty, anomalies),
    feuilleDeRoute: rows(TAB.accueil, 'feuilleDeRoute').map((r) => ({
      rowNumber: r.rowNumber,
      etape: str(r.values.etape) ?? '',
      pratique: str(r.values.pratique) ?? '',
      statut: lit(r.values.statut),
      detecte: str(r.values.detecte),
      date: date(r.values.date),
      commentaire: str(r.values.commentaire),
    })),
    services: rows(TAB.parametres, 'services').map((r) => ({
      rowNumber: r.rowNumber,
      service: str(r.values.service) ?? '',
      onglet: str(r.values.onglet),
      code: str(r.values.code),
      editeurs: list(r.values.editeurs),
      referent: str(r.values.referent),
      dernierNumero: num(r.raw.dernierNumero),
    })),
    filieres,
    categoriesActeurs: categories,
    seuils: seuilsRead.seuils,
    equipe: rows(TAB.equipe, 'equipe').map((r) => ({
      rowNumber: r.rowNumber,
      nom: str(r.values.nom) ?? '',
      fonction: str(r.values.fonction),
      type: lit(r.values.type),
      service: str(r.values.service),
      role: lit(r.values.role),
      lettreMission: bool(r.values.lettreMission),
      email: str(r.values.email),
      depuis: date(r.values.depuis),
    })),
    plans: plansTable.rows.map((r) => ({
      rowNumber: r.rowNumber,
      type: lit(r.values.type),
      intitule: str(r.values.intitule) ?? '',
      statut: lit(r.values.statut),
      debut: date(r.values.debut),
      fin: date(r.values.fin),
      servicePorteur: str(r.values.servicePorteur),
      eluReferent: str(r.values.eluReferent),
      niveauEc: niveauEc(r.values.niveauEc),
    })),
    actions: rows(TAB.actions, 'actions', { lists, skipRoles: [] , requireHeader: src.grid(TAB.actions) !== null }).map((r) => ({
      rowNumber: r.rowNumber,
      service: str(r.values.service),
      ref: str(r.values.ref),
      intitule: str(r.values.intitule) ?? '',
      description: str(r.values.description),
      pilier: str(r.values.pilier),
      mesure: str(r.values.mesure),
      plans: multi(r.values.plans),
      filiere: str(r.values.filiere),
      temporalite: lit(r.values.temporalite),
      debut: date(r.values.debut),
      fin: date(r.values.fin),
      pilote: str(r.values.pilote),
      partenaires: str(r.values.partenaires),
      budget: num(r.values.budget),
      sourceBudget: str(r.values.sourceBudget),
      indicateur: str(r.values.indicateur),
      commentaire: str(r.values.commentaire),
      origine: str(r.values.origine),
      anomalies: str(r.values.anomalies),
      actionPhare: bool(r.values.actionPhare) ?? false,
      retenueAuPlan: bool(r.values.retenueAuPlan) ?? false,
      repondA: multi(r.values.repondA),
      priorite: lit(r.values.priorite),
      note: str(r.values.note),
    })),
    acteurs: rows(TAB.acteurs, 'acteurs').map((r) => ({
      rowNumber: r.rowNumber,
      nom: str(r.values.nom) ?? '',
      categorie: str(r.values.categorie),
      filiere: str(r.values.filiere),
      localisation: lit(r.values.localisation),
      relation: lit(r.values.relation),
      chaineValeur: str(r.values.chaineValeur),
      impact: num(r.values.impact),
      facilite: num(r.values.facilite),
      serviceReferent: str(r.values.serviceReferent),
      contact: str(r.values.contact),
    })),
    afom: afomTable.rows.map((r) => ({
      rowNumber: r.rowNumber,
      id: str(r.values.id) ?? '',
      type: lit(r.values.type),
      enonce: str(r.values.enonce) ?? '',
      axe: num(r.values.axe),
      source: str(r.values.source),
      importance: num(r.values.importance),
    })),
    referentiel: refTable.rows.map((r) => ({
      rowNumber: r.rowNumber,
      identifiant: str(r.values.identifiant) ?? '',
      statut: lit(r.values.statut),
      faitPct: num(r.values.faitPct),
      programmePct: num(r.values.programmePct),
      pasFaitPct: num(r.values.pasFaitPct),
      pilote: str(r.values.pilote),
      services: str(r.values.services),
      explication: str(r.values.explication),
    })),
    personnalisation: rows(TAB.personnalisation, 'personnalisation').map((r) => ({
      rowNumber: r.rowNumber,
      identifiant: str(r.values.identifiant) ?? '',
      reponse: r.values.reponse === 'Oui' ? true : r.values.reponse === 'Non' ? false : null,
    })),
    planActions: rows(TAB.planActions, 'planActions').map((r) => ({
      rowNumber: r.rowNumber,
      numero: str(r.values.numero) ?? '',
      axe: str(r.values.axe),
      sousAxe: str(r.values.sousAxe),
      titre: str(r.values.titre) ?? '',
      descriptif: str(r.values.descriptif),
      objectifs: str(r.values.objectifs),
      indicateurs: str(r.values.indicateurs),
      structurePilote: str(r.values.structurePilote),
      servicePilote: str(r.values.servicePilote),
      personnePilote: str(r.values.personnePilote),
      eluReferent: str(r.values.eluReferent),
      partenaires: str(r.values.partenaires),
      financeurs: ([1, 2, 3] as const)
        .map((i) => ({ nom: str(r.values[`financeur${i}`]) ?? '', montant: num(r.values[`montant${i}`]) }))
        .filter((f) => f.nom !== '' || f.montant !== null),
      budgetTotal: num(r.values.budgetTotal),
      statut: lit(r.values.statut),
      priorite: lit(r.values.priorite),
      debut: date(r.values.debut),
      fin: date(r.values.fin),
      ameliorationContinue: bool(r.values.ameliorationContinue),
      mesures: multi(r.values.mesures),
      actionsLiees: multi(r.values.actionsLiees),
      afom: multi(r.values.afom),
      piliers: multi(r.values.piliers),
      participation: str(r.values.participation),
      notes: str(r.values.notes),
    })),
    jalons: rows(TAB.jalons, 'jalons').map((r) => ({
      rowNumber: r.rowNumber,
      fiche: str(r.values.fiche) ?? '',
      jalon: str(r.values.jalon) ?? '',
      echeance: date(r.values.echeance),
      responsable: str(r.values.responsable),
      statut: lit(r.values.statut),
      commentaire: str(r.values.commentaire),
    })),
    indicateurs: rows(TAB.indicateurs, 'indicateurs').map((r) => ({
      rowNumber: r.rowNumber,
      identifiant: str(r.values.identifiant) ?? '',
      intitule: str(r.values.intitule) ?? '',
      unite: str(r.values.unite),
      type: lit(r.values.type),
      objectif: num(r.values.objectif),
      sens: lit<NonNullable<T.Indicateur['sens']>>(r.values.sens),
      anneeCible: num(r.values.anneeCible),
      source: str(r.values.source),
      service: str(r.values.service),
      valeurs: INDICATOR_YEARS.flatMap((annee) => {
        const v = num(r.values[`annee${annee}`]);
        return v === null ? [] : [{ annee, valeur: v }];
      }),
    })),
    preuves: rows(TAB.preuves, 'preuves').map((r) => ({
      rowNumber: r.rowNumber,
      identifiant: str(r.values.identifiant),
      mesures: multi(r.values.mesure),
      preuve: str(r.values.preuve) ?? '',
      type: lit(r.values.type),
      etat: lit(r.values.etat),
      responsable: str(r.values.responsable),
      service: str(r.values.service),
      echeance: date(r.values.echeance),
      lien: str(r.values.lien),
      page: str(r.values.page),
      commentaire: str(r.values.commentaire),
    })),
    instances: rows(TAB.instances, 'instances').map((r) => ({
      rowNumber: r.rowNumber,
      numero: num(r.values.numero) ?? 0,
      date: date(r.values.date),
      type: lit(r.values.type),
      intitule: str(r.values.intitule) ?? '',
      public: str(r.values.public),
      participants: num(r.values.participants),
      listeParticipants: str(r.values.listeParticipants),
      eluPresent: bool(r.values.eluPresent),
      directionPresente: bool(r.values.directionPresente),
      pointsCles: str(r.values.pointsCles),
      decisions: str(r.values.decisions),
      lienCompteRendu: str(r.values.lienCompteRendu),
    })),
    engagements: rows(TAB.engagements, 'engagements').map((r) => ({
      rowNumber: r.rowNumber,
      instance: num(r.values.instance),
      qui: str(r.values.qui) ?? '',
      quoi: str(r.values.quoi) ?? '',
      echeance: date(r.values.echeance),
      statut: lit(r.values.statut),
    })),
    calendrierAudit: rows(TAB.audit, 'calendrier').map((r) => ({
      rowNumber: r.rowNumber,
      etape: str(r.values.etape) ?? '',
      date: date(r.values.date),
      eluPresent: bool(r.values.eluPresent),
      directionPresente: bool(r.values.directionPresente),
      commentaire: str(r.values.commentaire),
    })),
    serviceTabs: src.sheetNames.filter(isServiceTabName),
  };
  return { model, anomalies, tables };
}

function niveauEc(v: unknown): T.NiveauEc | null {
  const i = NIVEAUX_EC.indexOf(v as (typeof NIVEAUX_EC)[number]);
  return i < 0 ? null : (i as T.NiveauEc);
}

function readIdentite(grid: Grid, anomalies: Anomaly[]): T.Identite {
  const section = TABS.find((t) => t.name === TAB.accueil)!.sections.find((s) => s.id === 'identite') as KeyValueSectionSpec;
  const { found } = locateKeyValues(grid, section);
  const values: Record<string, unknown> = {};
  for (const f of found) {
    const r = parseCell(f.value, f.spec);
    values[f.spec.key] = r.value;
    for (const p of r.problems) {
      if (p.code === 'obligatoire') continue;
      anomalies.push({ onglet: TAB.accueil, ligne: f.row + 1, colonne: f.spec.header, cellule: null, ...p });
    }
  }
  return {
    nom: str(values.nom),
    type: lit(values.type),
    population: num(values.population),
    competences: multi(values.competences),
    siren: str(values.siren)?.replace(/\s+/g, '') || null,
  };
}
