/**
 * The sample territory (CA du Val de Loue) in sheets-templates/val-de-loue/:
 * every file must speak the workbook schema exactly (tab names, headers, list
 * values, types) and be internally consistent, so that the demo can load it.
 * The only imperfections allowed are the ones each file declares in `_defauts`
 * (the engine must report them as warnings).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CATEGORIES_ACTEURS,
  FILIERES,
  INDICATOR_YEARS,
  MAX_TAB_NAME_LENGTH,
  PILIERS,
  SERVICE_TAB,
  SERVICE_TAB_PREFIX,
  TABS,
  tabSpec,
} from '../../src/domain/schema';
import type { ColumnSpec, TabSpec } from '../../src/domain/schema';
import eci from '../../src/domain/referentiel/data/eci.json';
import indicateursEci from '../../src/domain/referentiel/data/indicateurs-eci.json';

type Value = string | number | boolean | null;
type Row = Record<string, Value>;
interface Defaut { 'Réf.': string; colonne: string; valeur: Value; anomalie: string }
interface SampleFile {
  tab: string;
  rows?: Row[];
  identite?: Row;
  feuilleDeRoute?: Row[];
  services?: Row[];
  filieres?: Row[] | null;
  categories?: Row[] | null;
  seuils?: Row[] | null;
  calendrier?: Row[];
  _defauts?: Defaut[];
}

const HERE = dirname(fileURLToPath(import.meta.url));
const DIR = join(HERE, '../../sheets-templates/val-de-loue');
/** "Today" for the sample's dates (overdue milestones and commitments). */
const TODAY = '2026-11-28';

const files = new Map<string, SampleFile>();
for (const name of readdirSync(DIR).filter((f) => f.endsWith('.json')).sort()) {
  files.set(name, JSON.parse(readFileSync(join(DIR, name), 'utf8')) as SampleFile);
}
function file(name: string): SampleFile {
  const f = files.get(name);
  if (!f) throw new Error(`Fichier manquant : ${name}`);
  return f;
}
const rows = (name: string): Row[] => file(name).rows ?? [];
const serviceFiles = [...files.keys()].filter((n) => /^service-[a-z]+\.json$/.test(n));
const allActions = serviceFiles.flatMap((n) => rows(n).map((r) => ({ file: n, row: r })));

// ---------------------------------------------------------------- référentiel
interface Node { id: string; subActions?: Node[]; actions?: Node[]; sousAxes?: Node[]; preuves?: { id: string }[] }
const axes = eci.axes as unknown as Node[];
const mesures = axes.flatMap((a) => a.sousAxes ?? []);
const sousMesures = mesures.flatMap((m) => m.actions ?? []);
const taches = sousMesures.flatMap((s) => s.subActions ?? []);
const eciIds = new Set([...axes, ...mesures, ...sousMesures, ...taches].map((n) => n.id));
const statusIds = new Set([...sousMesures, ...taches].map((n) => n.id));
const preuveIds = new Set(sousMesures.flatMap((s) => (s.preuves ?? []).map((p) => p.id)));
const indicatorIds = new Set((indicateursEci.indicateurs as { id: string }[]).map((i) => i.id));
const binaryQuestions = (eci.questionsPersonnalisation as { id: string; type: string }[]).filter((q) => q.type === 'binaire');

// -------------------------------------------------------------------- helpers
const split = (v: Value): string[] =>
  v === null || v === undefined || v === '' ? [] : String(v).split(',').map((s) => s.trim()).filter(Boolean);
const isBlank = (v: Value | undefined): boolean => v === undefined || v === null || v === '';
const isIsoDate = (v: Value): boolean =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
  new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
const EMAIL = /^[^\s@,]+@[^\s@,]+\.[a-z]{2,}$/i;

/** Headers the sample uses as a matching key although the engine computes or prefills the column. */
const KEY_COLUMNS = new Set(['Accueil|Pratique', 'Audit|Étape du calendrier', 'Actions|Réf.']);

function filieres(): readonly string[] {
  const f = file('parametres.json').filieres;
  return f ? f.map((r) => String(r['Filière'])) : FILIERES;
}
function categories(): readonly string[] {
  const c = file('parametres.json').categories;
  return c ? c.map((r) => String(r["Catégorie d'acteurs"])) : CATEGORIES_ACTEURS;
}
const planNames = (): Set<string> =>
  new Set(rows('plans.json').flatMap((p) => [String(p['Type']), String(p['Intitulé'])]));
const afomIds = (): Set<string> => new Set(rows('afom.json').map((r) => String(r['Id'])));

/** Allowed values of a list column, the column-sourced lists resolved from the sample itself. */
function allowedValues(c: ColumnSpec): Set<string> | null {
  const list = c.list;
  if (!list) return null;
  if (list.kind === 'fixed') return new Set(list.values);
  const key = `${list.tab}|${list.section}|${list.column}`;
  switch (key) {
    case 'Paramètres|filieres|filiere': return new Set(filieres());
    case 'Paramètres|categories|categorie': return new Set(categories());
    case 'Référentiel|referentiel|identifiant': return eciIds;
    case 'Plans|plans|intitule': return planNames();
    case 'AFOM|afom|id': return afomIds();
    default: throw new Error(`Liste non résolue par le test : ${key}`);
  }
}

/** Every (section columns, rows) pair a sample file fills. */
function sectionsOf(name: string): { label: string; columns: readonly ColumnSpec[]; rows: Row[]; prefilled: boolean }[] {
  const f = file(name);
  const spec: TabSpec = tabSpec(f.tab);
  const out: { label: string; columns: readonly ColumnSpec[]; rows: Row[]; prefilled: boolean }[] = [];
  const table = (id: string) => {
    const s = spec.sections.find((x) => x.id === id);
    if (!s || s.kind !== 'table') throw new Error(`${f.tab} : pas de tableau ${id}`);
    return s;
  };
  for (const key of ['rows', 'feuilleDeRoute', 'services', 'filieres', 'categories', 'seuils', 'calendrier'] as const) {
    const data = f[key];
    if (!Array.isArray(data)) continue;
    const id = key === 'rows' ? spec.sections.find((s) => s.kind === 'table')!.id : key;
    const t = table(id);
    out.push({ label: `${name} › ${id}`, columns: t.columns, rows: data, prefilled: t.prefill !== undefined });
  }
  if (f.identite) {
    const kv = spec.sections.find((s) => s.kind === 'keyValue');
    if (!kv || kv.kind !== 'keyValue') throw new Error(`${f.tab} : pas de section identité`);
    out.push({ label: `${name} › identite`, columns: kv.fields, rows: [f.identite], prefilled: false });
  }
  return out;
}

function isDeclaredDefect(name: string, row: Row, header: string, value: Value): boolean {
  return (file(name)._defauts ?? []).some(
    (d) => d['Réf.'] === (row['Réf.'] ?? '') && d.colonne === header && d.valeur === value,
  );
}

// ====================================================================== tests

describe('échantillon Val de Loue : forme des fichiers', () => {
  it('contient tous les fichiers attendus', () => {
    for (const n of [
      'accueil.json', 'parametres.json', 'equipe.json', 'plans.json', 'acteurs.json', 'afom.json', 'actions-lead.json',
      'referentiel.json', 'personnalisation.json', 'plan-actions.json', 'jalons.json', 'indicateurs.json',
      'preuves.json', 'instances.json', 'engagements.json', 'audit.json',
    ]) expect(files.has(n), n).toBe(true);
    expect(serviceFiles.length).toBeGreaterThanOrEqual(4);
  });

  it('nomme des onglets existants, de 31 caractères au plus', () => {
    for (const [name, f] of files) {
      expect(() => tabSpec(f.tab), name).not.toThrow();
      expect(f.tab.length, name).toBeLessThanOrEqual(MAX_TAB_NAME_LENGTH);
      if (name.startsWith('service-')) expect(tabSpec(f.tab)).toBe(SERVICE_TAB);
      else expect(TABS.some((t) => t.name === f.tab), name).toBe(true);
    }
  });

  it("n'utilise que des en-têtes du schéma, et seulement des colonnes saisies (ou des clés de rapprochement)", () => {
    const problems: string[] = [];
    for (const name of files.keys()) {
      const tab = file(name).tab;
      for (const s of sectionsOf(name)) {
        const byHeader = new Map(s.columns.map((c) => [c.header, c]));
        for (const r of s.rows) {
          for (const h of Object.keys(r)) {
            const c = byHeader.get(h);
            if (!c) { problems.push(`${s.label} : en-tête inconnu « ${h} »`); continue; }
            const role = c.role ?? 'input';
            const tabKey = tab.startsWith(SERVICE_TAB_PREFIX) ? 'Service' : tab;
            if (role === 'computed' && !KEY_COLUMNS.has(`${tabKey}|${h}`)) problems.push(`${s.label} : colonne calculée « ${h} » fournie`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('respecte les listes, les types et les bornes, hors défauts déclarés', () => {
    const problems: string[] = [];
    for (const name of files.keys()) {
      for (const s of sectionsOf(name)) {
        const byHeader = new Map(s.columns.map((c) => [c.header, c]));
        s.rows.forEach((r, i) => {
          for (const [h, v] of Object.entries(r)) {
            const c = byHeader.get(h);
            if (!c || isBlank(v)) continue;
            if (isDeclaredDefect(name, r, h, v)) continue;
            const where = `${s.label} ligne ${i + 1} « ${h} » = ${JSON.stringify(v)}`;
            const allowed = allowedValues(c);
            if (allowed) {
              const values = c.type === 'multilist' ? split(v) : [String(v)];
              for (const x of values) {
                if (!allowed.has(x) && !isDeclaredDefect(name, r, h, x)) problems.push(`${where} : « ${x} » hors liste`);
              }
            }
            switch (c.type) {
              case 'date': if (!isIsoDate(v)) problems.push(`${where} : date non ISO`); break;
              case 'integer': case 'year':
                if (typeof v !== 'number' || !Number.isInteger(v)) problems.push(`${where} : entier attendu`); break;
              case 'number': case 'money': case 'percent':
                if (typeof v !== 'number') problems.push(`${where} : nombre attendu`); break;
              case 'email': if (!EMAIL.test(String(v))) problems.push(`${where} : email invalide`); break;
              case 'emails': for (const e of split(v)) if (!EMAIL.test(e)) problems.push(`${where} : email invalide ${e}`); break;
              case 'url': if (!/^https:\/\/\S+$/.test(String(v))) problems.push(`${where} : URL invalide`); break;
              case 'text': case 'longtext': case 'list': case 'multilist': case 'ouiNon':
                if (typeof v !== 'string' && !(c.list && typeof v === 'number')) {
                  if (!(c.header === 'N°' || c.header === 'Fiche (N°)')) problems.push(`${where} : texte attendu`);
                }
                break;
            }
            if (typeof v === 'number') {
              if (c.min !== undefined && v < c.min) problems.push(`${where} : < ${c.min}`);
              if (c.max !== undefined && v > c.max) problems.push(`${where} : > ${c.max}`);
            }
          }
        });
      }
    }
    expect(problems).toEqual([]);
  });

  it('remplit les colonnes obligatoires des onglets non pré-remplis', () => {
    const problems: string[] = [];
    for (const name of files.keys()) {
      for (const s of sectionsOf(name)) {
        if (s.prefilled) continue;
        const required = s.columns.filter((c) => c.required && (c.role ?? 'input') !== 'computed');
        s.rows.forEach((r, i) => {
          for (const c of required) if (isBlank(r[c.header])) problems.push(`${s.label} ligne ${i + 1} : « ${c.header} » vide`);
        });
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('échantillon Val de Loue : services et actions', () => {
  const services = file('parametres.json').services ?? [];

  it('déclare au moins 5 services, chacun avec un onglet et un fichier', () => {
    expect(services.length).toBeGreaterThanOrEqual(5);
    expect(file('parametres.json').filieres).toBeNull();
    expect(file('parametres.json').categories).toBeNull();
    expect(file('parametres.json').seuils).toBeNull();
    const tabs = serviceFiles.map((n) => file(n).tab);
    for (const s of services) {
      const onglet = String(s['Onglet']);
      expect(onglet.startsWith(SERVICE_TAB_PREFIX), onglet).toBe(true);
      expect(onglet.length, onglet).toBeLessThanOrEqual(MAX_TAB_NAME_LENGTH);
      expect(tabs, onglet).toContain(onglet);
      expect(serviceFiles, onglet).toContain(`service-${String(s['Code']).toLowerCase()}.json`);
    }
    expect(services.map((s) => s['Code'])).toEqual(expect.arrayContaining(['DEC', 'DEV', 'ACH', 'AME', 'STP']));
  });

  it('compte au moins 60 actions, 12 à 16 par service', () => {
    expect(allActions.length).toBeGreaterThanOrEqual(60);
    for (const n of serviceFiles) {
      expect(rows(n).length, n).toBeGreaterThanOrEqual(12);
      expect(rows(n).length, n).toBeLessThanOrEqual(16);
    }
  });

  it('attribue des Réf. uniques au préfixe du service, 3 ou 4 restant à attribuer', () => {
    const refs = allActions.map((a) => String(a.row['Réf.'] ?? '')).filter(Boolean);
    expect(new Set(refs).size).toBe(refs.length);
    const blanks = allActions.filter((a) => isBlank(a.row['Réf.']));
    expect(blanks.length).toBeGreaterThanOrEqual(3);
    expect(blanks.length).toBeLessThanOrEqual(4);
    for (const n of serviceFiles) {
      const code = services.find((s) => s['Onglet'] === file(n).tab)?.['Code'];
      expect(code, n).toBeTruthy();
      for (const r of rows(n)) if (!isBlank(r['Réf.'])) expect(String(r['Réf.'])).toMatch(new RegExp(`^${String(code)}-\\d{3}$`));
    }
  });

  it('rattache chaque action à une sous-mesure du référentiel et à un pilier', () => {
    const smIds = new Set(sousMesures.map((s) => s.id));
    for (const { row } of allActions) {
      expect(smIds.has(String(row['Mesure du référentiel'])), String(row["Intitulé de l'action"])).toBe(true);
      if (!isBlank(row['Pilier EC'])) expect(PILIERS).toContain(row['Pilier EC']);
    }
    expect(allActions.filter(({ row }) => !isBlank(row['Pilier EC'])).length).toBeGreaterThan(allActions.length * 0.8);
  });

  it('ne contient que les imperfections déclarées dans _defauts, et toutes celles-ci', () => {
    const detected: string[] = [];
    const fil = new Set(filieres());
    const plans = planNames();
    for (const n of serviceFiles) {
      const seen = new Map<string, number>();
      for (const r of rows(n)) {
        const ref = String(r['Réf.'] ?? '');
        const d = r['Date de début'], e = r['Date de fin'];
        if (typeof d === 'string' && typeof e === 'string' && e < d) detected.push(`${ref}|Date de fin|${e}`);
        if (!isBlank(r['Filière']) && !fil.has(String(r['Filière']))) detected.push(`${ref}|Filière|${r['Filière']}`);
        for (const p of split(r['Plans de rattachement'])) if (!plans.has(p)) detected.push(`${ref}|Plans de rattachement|${p}`);
        if (!isBlank(r['Budget (€ HT)']) && typeof r['Budget (€ HT)'] !== 'number') detected.push(`${ref}|Budget (€ HT)|${r['Budget (€ HT)']}`);
        const title = String(r["Intitulé de l'action"]).toLowerCase();
        if (seen.has(title)) detected.push(`${ref}|Intitulé de l'action|${r["Intitulé de l'action"]}`);
        seen.set(title, 1);
      }
    }
    const declared = serviceFiles.flatMap((n) => (file(n)._defauts ?? []).map((d) => `${d['Réf.']}|${d.colonne}|${d.valeur}`));
    expect(detected.sort()).toEqual(declared.sort());
    const columns = new Set(declared.map((d) => d.split('|')[1]));
    for (const c of ['Date de fin', 'Filière', 'Plans de rattachement', "Intitulé de l'action", 'Budget (€ HT)']) expect(columns).toContain(c);
    expect(declared).toContain("DEV-009|Filière|Textil");
    expect(declared.some((d) => d.endsWith('|12 500 €'))).toBe(true);
  });

  it('annote une quinzaine d\'actions existantes, dont une dizaine retenues au plan', () => {
    const lead = rows('actions-lead.json');
    const refs = new Set(allActions.map((a) => String(a.row['Réf.'] ?? '')));
    expect(lead.length).toBeGreaterThanOrEqual(12);
    expect(lead.length).toBeLessThanOrEqual(18);
    for (const r of lead) {
      expect(refs.has(String(r['Réf.'])), String(r['Réf.'])).toBe(true);
      for (const id of split(r['Répond à'])) expect(afomIds().has(id), id).toBe(true);
    }
    const retenues = lead.filter((r) => r['Retenue au plan'] === 'Oui');
    expect(retenues.length).toBeGreaterThanOrEqual(9);
    expect(retenues.length).toBeLessThanOrEqual(12);
  });
});

describe('échantillon Val de Loue : diagnostic', () => {
  it('a une identité cohérente et une feuille de route courte', () => {
    const a = file('accueil.json');
    expect(a.identite?.['Type']).toBe('EPCI');
    expect(a.identite?.['Population']).toBe(85400);
    expect(split(a.identite?.['Compétences'] ?? '')).toEqual(expect.arrayContaining(['Collecte des déchets', 'Traitement des déchets', 'Développement économique']));
    const fdr = a.feuilleDeRoute ?? [];
    expect(fdr.length).toBeGreaterThanOrEqual(6);
    expect(fdr.length).toBeLessThanOrEqual(10);
    for (const r of fdr) expect(String(r['Pratique']).length).toBeLessThanOrEqual(90);
  });

  it("a une équipe avec élu référent, chef de projet et direction", () => {
    const roles = rows('equipe.json').map((r) => r['Rôle']);
    for (const r of ['Élu référent', 'Chef de projet', 'Direction', 'Référent service']) expect(roles).toContain(r);
    expect(rows('equipe.json').length).toBeGreaterThanOrEqual(7);
  });

  it('liste 6 plans couvrant les quatre niveaux EC', () => {
    const plans = rows('plans.json');
    expect(plans).toHaveLength(6);
    expect(new Set(plans.map((p) => p['Niveau EC'])).size).toBe(4);
    expect(plans.map((p) => p['Type'])).toEqual(expect.arrayContaining(['PLPDMA', 'PCAET', 'PAT', 'CODEC', 'SPASER', 'Projet de territoire']));
  });

  it('recense au moins 25 acteurs de toutes les catégories et des trois classes de priorité', () => {
    const acteurs = rows('acteurs.json');
    expect(acteurs.length).toBeGreaterThanOrEqual(25);
    expect(new Set(acteurs.map((a) => a['Catégorie']))).toEqual(new Set(categories()));
    // Default thresholds of Paramètres: impact élevé from 3, relations établies = Régulière, Partenaire.
    const high = (a: Row) => Number(a['Impact sur le territoire']) >= 3;
    const weak = (a: Row) => a['Relation actuelle'] === 'Aucune' || a['Relation actuelle'] === 'Ponctuelle';
    expect(acteurs.filter((a) => high(a) && weak(a)).length).toBeGreaterThanOrEqual(3); // à contacter d'urgence
    expect(acteurs.filter((a) => high(a) && !weak(a)).length).toBeGreaterThanOrEqual(3); // lien à entretenir
    expect(acteurs.filter((a) => !high(a)).length).toBeGreaterThanOrEqual(3); // rester en veille
    expect(new Set(acteurs.map((a) => a['Relation actuelle'])).size).toBe(4);
  });

  it('a une AFOM d\'au moins 12 éléments, 3 par type, aux Id conformes', () => {
    const afom = rows('afom.json');
    expect(afom.length).toBeGreaterThanOrEqual(12);
    const letter: Record<string, string> = { Atout: 'A', Faiblesse: 'F', Opportunité: 'O', Menace: 'M' };
    for (const t of Object.keys(letter)) expect(afom.filter((r) => r['Type'] === t).length, t).toBeGreaterThanOrEqual(3);
    for (const r of afom) expect(String(r['Id'])).toMatch(new RegExp(`^${letter[String(r['Type'])]}\\d+$`));
    expect(new Set(afom.map((r) => r['Id'])).size).toBe(afom.length);
  });
});

describe('échantillon Val de Loue : référentiel, personnalisation, preuves, indicateurs', () => {
  const ref = rows('referentiel.json');
  const byId = new Map(ref.map((r) => [String(r['Identifiant']), r]));

  it('ne saisit des statuts que sur des sous-mesures et des tâches existantes, une fois chacune', () => {
    for (const r of ref) expect(statusIds.has(String(r['Identifiant'])), String(r['Identifiant'])).toBe(true);
    expect(byId.size).toBe(ref.length);
  });

  it('couvre chacune des 80 sous-mesures, par son statut ou par ceux de toutes ses tâches', () => {
    expect(sousMesures).toHaveLength(80);
    const missing: string[] = [];
    let viaTaches = 0;
    for (const sm of sousMesures) {
      const own = byId.get(sm.id);
      const tasks = sm.subActions ?? [];
      const taskRows = tasks.filter((t) => byId.has(t.id));
      if (own && !isBlank(own['Statut'])) {
        expect(taskRows, `${sm.id} : statut propre et statuts de tâches`).toHaveLength(0);
      } else if (tasks.length > 0 && taskRows.length === tasks.length && taskRows.every((t) => !isBlank(byId.get(t.id)!['Statut']))) {
        viaTaches++;
      } else missing.push(sm.id);
    }
    expect(missing).toEqual([]);
    expect(viaTaches).toBeGreaterThanOrEqual(8);
  });

  it('donne des fractions cohérentes aux lignes détaillées au %, et seulement à elles', () => {
    const detailles = ref.filter((r) => r['Statut'] === 'Détaillé au %');
    expect(detailles.length).toBeGreaterThanOrEqual(5);
    for (const r of ref) {
      const f = ['Fait %', 'Programmé %', 'Pas fait %'].map((h) => r[h]);
      if (r['Statut'] === 'Détaillé au %') {
        for (const x of f) expect(typeof x).toBe('number');
        expect((f as number[]).reduce((s, x) => s + x, 0)).toBeCloseTo(1, 6);
      } else for (const x of f) expect(x, String(r['Identifiant'])).toBeUndefined();
    }
    expect(ref.filter((r) => r['Statut'] === 'Non concerné').length).toBeGreaterThanOrEqual(2);
  });

  it('explique chaque statut saisi', () => {
    for (const r of ref) expect(String(r['Explication'] ?? '').length, String(r['Identifiant'])).toBeGreaterThan(30);
  });

  it('remplit les critères de la première étoile et vise la deuxième (script check-score.mjs)', () => {
    const out = execFileSync(process.execPath, [join(DIR, 'check-score.mjs')], { encoding: 'utf8' });
    const realise = Number(/Score réalisé : ([\d.]+) %/.exec(out)?.[1]);
    const programme = Number(/Score programmé : ([\d.]+) %/.exec(out)?.[1]);
    expect(realise).toBeGreaterThanOrEqual(40);
    expect(realise).toBeLessThanOrEqual(45);
    expect(programme).toBeGreaterThanOrEqual(15);
    expect(programme).toBeLessThanOrEqual(20);
    expect(out).not.toMatch(/Étoile 1 .* NON/);
    for (const id of ['eci_1.1.1.1', 'eci_1.1.1.3', 'eci_1.1.3.1', 'eci_2.1.0', 'eci_2.2.0', 'eci_2.3.0', 'eci_2.4.0', 'eci_3.2.0', 'eci_4.1.0']) {
      expect(byId.get(id)?.['Statut'], id).toBe('Fait');
    }
  });

  it('répond à toutes les questions binaires de personnalisation', () => {
    const p = rows('personnalisation.json');
    const answers = new Map(p.map((r) => [String(r['Identifiant']), r['Réponse']]));
    for (const q of binaryQuestions) expect(answers.has(q.id), q.id).toBe(true);
    for (const id of answers.keys()) expect(binaryQuestions.some((q) => q.id === id), id).toBe(true);
    expect(answers.get('REOM')).toBe('Non');
    expect(answers.get('SPASER')).toBe('Oui');
    for (const id of ['dechets_1', 'dechets_2', 'dechets_3', 'dev_eco_1']) expect(answers.get(id), id).toBe('Oui');
  });

  it('suit l\'état d\'une soixantaine de preuves existantes, confiées à l\'équipe', () => {
    const preuves = rows('preuves.json');
    const team = new Set(rows('equipe.json').map((r) => r['Nom']));
    expect(preuves.length).toBeGreaterThanOrEqual(55);
    expect(new Set(preuves.map((r) => r['Identifiant'])).size).toBe(preuves.length);
    for (const r of preuves) {
      expect(preuveIds.has(String(r['Identifiant'])), String(r['Identifiant'])).toBe(true);
      expect(team.has(r['Responsable']), String(r['Responsable'])).toBe(true);
    }
    expect(new Set(preuves.map((r) => r['État'])).size).toBe(5);
  });

  it('renseigne au moins 8 indicateurs ECi et 2 indicateurs propres, sur au moins 4 années', () => {
    const ind = rows('indicateurs.json');
    const years = INDICATOR_YEARS.map(String);
    const eciRows = ind.filter((r) => indicatorIds.has(String(r['Identifiant'])));
    const custom = ind.filter((r) => /^VDL-\d+$/.test(String(r['Identifiant'])));
    expect(eciRows.length).toBeGreaterThanOrEqual(8);
    expect(custom.length).toBeGreaterThanOrEqual(2);
    expect(eciRows.length + custom.length).toBe(ind.length);
    for (const r of custom) for (const h of ['Intitulé', 'Unité', 'Type']) expect(isBlank(r[h]), `${r['Identifiant']} ${h}`).toBe(false);
    for (const r of ind) {
      const filled = years.filter((y) => typeof r[y] === 'number');
      expect(filled.length, String(r['Identifiant'])).toBeGreaterThanOrEqual(4);
      for (const h of ['Objectif', 'Année cible', 'Source', 'Service']) expect(isBlank(r[h]), `${r['Identifiant']} ${h}`).toBe(false);
    }
  });
});

describe('échantillon Val de Loue : plan d\'actions et suivi', () => {
  const fiches = rows('plan-actions.json');
  const numeros = new Set(fiches.map((f) => String(f['N°'])));

  it('compte 10 fiches numérotées 1 à 10 sur au moins 4 axes', () => {
    expect(fiches).toHaveLength(10);
    expect([...numeros].sort((a, b) => Number(a) - Number(b))).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(new Set(fiches.map((f) => f['Axe (x)'])).size).toBeGreaterThanOrEqual(4);
    for (const f of fiches) expect(String(f['Axe (x)'])).toMatch(/^\d\. /);
  });

  it('relie les fiches au référentiel, aux piliers, à l\'AFOM et aux actions retenues', () => {
    const retenues = new Set(rows('actions-lead.json').filter((r) => r['Retenue au plan'] === 'Oui').map((r) => String(r['Réf.'])));
    const linked = new Set<string>();
    for (const f of fiches) {
      for (const id of split(f['Mesures liées'])) expect(eciIds.has(id), id).toBe(true);
      for (const p of split(f['Piliers EC'])) expect(PILIERS).toContain(p);
      for (const id of split(f['AFOM traités'])) expect(afomIds().has(id), id).toBe(true);
      for (const ref of split(f['Actions liées'])) { expect(retenues.has(ref), ref).toBe(true); linked.add(ref); }
      const financed = [1, 2, 3].reduce((s, i) => s + (Number(f[`Montant financeur ${i} (€ HT)`]) || 0), 0);
      expect(financed).toBeLessThanOrEqual(Number(f['Budget prévisionnel total € HT']));
    }
    expect([...retenues].sort()).toEqual([...linked].sort());
  });

  it('pose une trentaine de jalons : en retard, faits et à venir dans les trois mois', () => {
    const jalons = rows('jalons.json');
    expect(jalons.length).toBeGreaterThanOrEqual(25);
    for (const j of jalons) expect(numeros.has(String(j['Fiche (N°)'])), String(j['Fiche (N°)'])).toBe(true);
    const inThreeMonths = '2027-02-28';
    expect(jalons.filter((j) => j['Statut'] === 'À faire' && String(j['Échéance']) < TODAY).length).toBeGreaterThanOrEqual(3);
    expect(jalons.filter((j) => j['Statut'] === 'Fait').length).toBeGreaterThanOrEqual(5);
    expect(jalons.filter((j) => j['Statut'] === 'À faire' && String(j['Échéance']) >= TODAY && String(j['Échéance']) <= inThreeMonths).length).toBeGreaterThanOrEqual(3);
  });

  it('trace au moins 5 instances et 12 engagements qui s\'y rattachent', () => {
    const inst = rows('instances.json');
    expect(inst.length).toBeGreaterThanOrEqual(5);
    expect(inst.map((r) => r['N°'])).toEqual(inst.map((_, i) => i + 1));
    for (const t of ['Conseil communautaire', 'COPIL', 'Atelier', 'Entretien bilatéral', 'COTECH']) expect(inst.map((r) => r['Type'])).toContain(t);
    const eng = rows('engagements.json');
    expect(eng.length).toBeGreaterThanOrEqual(12);
    for (const e of eng) expect(inst.some((i) => i['N°'] === e['Instance']), String(e['Instance'])).toBe(true);
    expect(eng.some((e) => e['Statut'] === 'À faire' && String(e['Échéance']) < TODAY)).toBe(true);
    expect(eng.some((e) => e['Statut'] === 'Fait')).toBe(true);
  });

  it("cale le calendrier d'audit en 2027, avec élu et direction à une réunion au moins", () => {
    const cal = file('audit.json').calendrier ?? [];
    expect(cal.map((r) => r['Étape du calendrier'])).toEqual([
      'Dépôt de candidature', "Réunion d'audit n° 1", "Réunion d'audit n° 2", 'Commission nationale du label',
    ]);
    for (const r of cal) expect(String(r['Date prévue'])).toMatch(/^2027-/);
    const audits = cal.filter((r) => String(r['Étape du calendrier']).startsWith("Réunion d'audit"));
    expect(audits.some((r) => r['Élu·e présent·e'] === 'Oui' && r['Direction présente'] === 'Oui')).toBe(true);
    const days = (Date.parse(String(audits[1]['Date prévue'])) - Date.parse(String(audits[0]['Date prévue']))) / 86_400_000;
    expect(days).toBeGreaterThan(0);
    expect(days).toBeLessThanOrEqual(60); // default « Écart maximal entre les deux réunions d'audit »
  });
});
