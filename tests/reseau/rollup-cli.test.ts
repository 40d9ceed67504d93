/**
 * The network view end to end, through the CLI and real files: territories
 * generated from the sample (some sending a fiche réseau, others their full
 * workbook), plus broken files and a duplicate, rolled up by `reseau`; each
 * territory's row checked against `score --json` of its own workbook, the
 * per-mesure distributions counted again from the fiches, no personal data
 * anywhere in what is shared, and the peer slide's figures recomputed.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../node/helpers';
import { readSampleFolder } from '../../src/node/sample';
import { writeXlsxFile, readXlsxFile } from '../../src/node/xlsx-files';
import { classeurSynthetique, territoiresSynthetiques, type TerritoireSynthetique } from '../../src/app/reseau-synthetique';
import { ficheDuClasseur } from '../../src/app/reseau';
import { ficheVersClasseur } from '../../src/domain/reseau/fiche-classeur';
import { classeurToBuffer } from '../../src/files/xlsx/classeur-export';
import type { MemoryWorkbook } from '../../src/app/memory-workbook';
import { memoSource, readWorkbookModel } from '../../src/domain/model/read';
import { nodesAtLevel } from '../../src/domain/referentiel/tree';
import { quartiles, trancheDe } from '../../src/domain/reseau/stats';
import { COLONNES_TERRITOIRES as C, ONGLETS_RESEAU } from '../../src/domain/reseau/rollup';
import { scoreWorkbook } from '../../src/domain/referentiel/workbook-scores';
import { statutMesure } from '../../src/domain/reseau/fiche';
import { personalStrings } from './personal';

const dir = tempDir('reseau');
const folder = join(dir, 'fiches');
const NOW = new Date(Date.UTC(2026, 10, 28));
const N = 8;

let territoires: TerritoireSynthetique[];
let workbooks: MemoryWorkbook[];
/** File of each territory in the folder, and whether it was sent as a full workbook. */
const fichiers: Array<{ nom: string; fichier: string; complet: boolean; source: string }> = [];

function gridOf(wb: MemoryWorkbook, tab: string) {
  const name = wb.sheetNames().find((n) => n === tab);
  if (!name) throw new Error(`onglet ${tab} absent`);
  return wb.read(name);
}

function records(wb: MemoryWorkbook, tab: string): Array<Record<string, unknown>> {
  const g = gridOf(wb, tab);
  const head = g[0].map((c) => String(c ?? ''));
  return g.slice(1).filter((r) => r.some((c) => c !== null && c !== '')).map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? null])));
}

/** Every text of a .pptx (slides and notes). */
function pptxTexts(path: string): string[] {
  const files = unzipSync(readFileSync(path));
  return Object.entries(files)
    .filter(([n]) => /^ppt\/(slides|notesSlides)\/[^/]+\.xml$/.test(n))
    .flatMap(([, d]) => [...strFromU8(d).matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]));
}

function slideTexts(path: string): string[][] {
  const files = unzipSync(readFileSync(path));
  const slides = Object.keys(files)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(/(\d+)\.xml/.exec(a)![1]) - Number(/(\d+)\.xml/.exec(b)![1]));
  return slides.map((n) => [...strFromU8(files[n]).matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1].replace(/&apos;/g, '’').replace(/&amp;/g, '&')));
}

beforeAll(async () => {
  const sample = await readSampleFolder('sheets-templates/val-de-loue');
  territoires = territoiresSynthetiques(sample, N, 20261206);
  workbooks = territoires.map((t) => classeurSynthetique(t, NOW));
  const { mkdirSync } = await import('node:fs');
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < N; i++) {
    const complet = i % 2 === 0;
    const fichier = complet ? `classeur-${i}.xlsx` : `fiche-${i}.xlsx`;
    const full = join(complet ? folder : dir, `classeur-${i}.xlsx`);
    await writeXlsxFile(workbooks[i], full);
    if (!complet) {
      // Half of the territories send their fiche: one through the CLI, the others as the engine writes it.
      if (i === 1) {
        const r = await cli(dir, 'export-reseau', full, '--out', join(folder, fichier));
        expect(r.code, r.stderr).toBe(0);
      } else {
        writeFileSync(join(folder, fichier), await classeurToBuffer(ficheVersClasseur(ficheDuClasseur(workbooks[i], NOW).fiche)));
      }
    }
    fichiers.push({ nom: territoires[i].nom, fichier, complet, source: full });
  }
  // Broken and foreign files: listed and skipped, never fatal.
  writeFileSync(join(folder, 'aleatoire.xlsx'), Buffer.from(Array.from({ length: 3000 }, (_, k) => (k * 7919) % 251)));
  writeFileSync(join(folder, 'notes.txt'), 'Compte rendu de la réunion du réseau');
  writeFileSync(join(folder, 'vide.xlsx'), '');
  const { MemoryWorkbook } = await import('../../src/app/memory-workbook');
  const autre = new MemoryWorkbook([['Budget', [['Poste', 'Montant'], ['Études', 12000]]]]);
  await writeXlsxFile(autre, join(folder, 'autre-classeur.xlsx'));
  // The same territory sent twice (a fiche and its copy under another name).
  copyFileSync(join(folder, 'fiche-3.xlsx'), join(folder, 'fiche-3-copie.xlsx'));
}, 240_000);

describe('cap-circulaire reseau', () => {
  let regional: MemoryWorkbook;
  let run: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    run = await cli(dir, 'reseau', folder, '--out', 'reseau.xlsx', '--deck', 'reseau.pptx');
    regional = (await readXlsxFile(join(dir, 'reseau.xlsx'))).workbook;
  }, 240_000);

  it('rolls up every territory and lists the files it could not read, with why', () => {
    expect(run.code, run.stderr).toBe(0);
    const rows = records(regional, ONGLETS_RESEAU.territoires);
    expect(rows).toHaveLength(N + 1);
    expect(new Set(rows.map((r) => r[C.territoire]))).toEqual(new Set(territoires.map((t) => t.nom)));
    const ecartes = records(regional, ONGLETS_RESEAU.ecartes);
    expect(ecartes.map((e) => e['Fichier']).sort()).toEqual(['aleatoire.xlsx', 'autre-classeur.xlsx', 'notes.txt', 'vide.xlsx']);
    for (const e of ecartes) expect(String(e['Raison'])).toMatch(/[a-zé]/);
    expect(run.stdout).toMatch(/9 territoires consolidés depuis 13 fichiers ; 4 fichiers écartés/);
    expect(run.stderr).toMatch(/Écarté : notes\.txt/);
  });

  it('reports the territory sent twice as a duplicate, by name and by SIREN, and keeps both rows', () => {
    const d = records(regional, ONGLETS_RESEAU.doublons);
    expect(d.map((x) => x['Motif']).sort()).toEqual(['même SIREN', 'même nom']);
    for (const x of d) expect(String(x['Fichiers'])).toMatch(/fiche-3\.xlsx.*fiche-3-copie\.xlsx|fiche-3-copie\.xlsx.*fiche-3\.xlsx/);
    const rows = records(regional, ONGLETS_RESEAU.territoires).filter((r) => r[C.territoire] === territoires[3].nom);
    expect(rows.map((r) => r[C.doublon])).toEqual(['Oui', 'Oui']);
  });

  it('gives each territory the figures `score --json` computes on its own workbook', async () => {
    const rows = records(regional, ONGLETS_RESEAU.territoires);
    for (const f of fichiers) {
      const r = await cli(dir, 'score', f.source, '--json');
      const json = JSON.parse(r.stdout);
      const row = rows.find((x) => x[C.fichier] === f.fichier)!;
      expect(row, f.fichier).toBeDefined();
      expect(row[C.source]).toBe(f.complet ? 'Classeur complet' : 'Fiche réseau');
      expect(row[C.etoile]).toBe(json.etoiles.actuelle);
      expect(row[C.etoilePotentielle]).toBe(json.etoiles.potentielle);
      for (const axe of nodesAtLevel('axe')) {
        const s = json.scores[axe.id];
        const pct = s.pointPotentiel > 0 ? (s.pointFait / s.pointPotentiel) * 100 : 0;
        expect(row[C.axe(Number(axe.identifiant))], `${f.fichier} axe ${axe.identifiant}`).toBeCloseTo(pct, 0);
      }
      expect(Number(row[C.completude]) / 100).toBeCloseTo(json.completude, 2);
      // Counts straight from the workbook.
      const model = readWorkbookModel(memoSource(workbooks[fichiers.indexOf(f)].sheetNames(), (n) => workbooks[fichiers.indexOf(f)].read(n))).model;
      expect(row[C.fiches]).toBe(model.planActions.length);
      expect(row[C.type]).toBe(model.identite.type);
      expect(row[C.population]).toBe(model.identite.population);
      expect(String(row[C.siren])).toBe(model.identite.siren);
    }
  }, 120_000);

  it('counts each mesure’s statuses across territories, and names who has it fait', () => {
    const mesures = records(regional, ONGLETS_RESEAU.mesures);
    expect(mesures).toHaveLength(nodesAtLevel('mesure').length);
    // Recount from each territory's own scores (the duplicate counts twice, as its two rows do).
    const all = [...fichiers.map((_, i) => i), 3];
    const expected = new Map<string, Record<string, number>>();
    const faitePar = new Map<string, string[]>();
    for (const i of all) {
      const model = readWorkbookModel(memoSource(workbooks[i].sheetNames(), (n) => workbooks[i].read(n))).model;
      const { result } = scoreWorkbook(model);
      for (const m of nodesAtLevel('mesure')) {
        const s = result.scores[m.id];
        const st = statutMesure({ potentiel: Math.round(s.pointPotentiel * 1000) / 1000, fait: Math.round(s.pointFait * 1000) / 1000, programme: Math.round(s.pointProgramme * 1000) / 1000, concerne: s.concerne, pasFait: s.pointPasFait });
        const e = expected.get(m.identifiant) ?? {};
        e[st] = (e[st] ?? 0) + 1;
        expected.set(m.identifiant, e);
        if (st === 'fait') faitePar.set(m.identifiant, [...(faitePar.get(m.identifiant) ?? []), territoires[i].nom]);
      }
    }
    const label: Record<string, string> = { fait: 'Fait', enPartie: 'En partie fait', programme: 'Programmé', pasFait: 'Pas fait', nonRenseigne: 'Non renseigné', nonConcerne: 'Non concerné' };
    for (const row of mesures) {
      const e = expected.get(String(row['Mesure']))!;
      for (const [k, l] of Object.entries(label)) expect(row[l] ?? 0, `${row['Mesure']} ${l}`).toBe(e[k] ?? 0);
      const sum = Object.values(label).reduce((t, l) => t + Number(row[l] ?? 0), 0);
      expect(sum).toBe(N + 1);
      const names = String(row['Faite par'] ?? '').split(', ').filter(Boolean).sort();
      expect(names).toEqual((faitePar.get(String(row['Mesure'])) ?? []).sort());
    }
  });

  it('lists every plan action of every territory, with its service and never its pilot', () => {
    const actions = records(regional, ONGLETS_RESEAU.actions);
    const fromFiches = fichiers.reduce((t, f, i) => t + readWorkbookModel(memoSource(workbooks[i].sheetNames(), (n) => workbooks[i].read(n))).model.planActions.length, 0);
    const dup = readWorkbookModel(memoSource(workbooks[3].sheetNames(), (n) => workbooks[3].read(n))).model.planActions.length;
    expect(actions).toHaveLength(fromFiches + dup);
    expect(Object.keys(actions[0])).not.toContain('Personne pilote');
  });

  it('lets no personal data of any workbook reach the regional workbook or deck', () => {
    const personal = new Set(workbooks.flatMap((wb) => personalStrings(wb)));
    expect(personal.size).toBeGreaterThan(20);
    const texts: string[] = [];
    for (const tab of regional.sheetNames()) for (const row of regional.read(tab)) for (const c of row) if (typeof c === 'string') texts.push(c);
    texts.push(...pptxTexts(join(dir, 'reseau.pptx')));
    for (const t of texts) {
      for (const p of personal) expect(t.includes(p), `« ${p} » dans « ${t.slice(0, 80)} »`).toBe(false);
      expect(t).not.toMatch(/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z]{2,}/);
    }
  });

  it('writes the network deck: by axe, close to the next star, most and least advanced mesures, filières, types and sizes', () => {
    const slides = slideTexts(join(dir, 'reseau.pptx'));
    const titles = slides.map((s) => s.join(' '));
    expect(titles[0]).toMatch(/Réseau économie circulaire/);
    expect(titles.some((t) => /score réalisé par axe, 9 territoires/.test(t))).toBe(true);
    expect(titles.some((t) => /étoile suivante/.test(t))).toBe(true);
    expect(titles.some((t) => /mesures les plus avancées/.test(t))).toBe(true);
    expect(titles.some((t) => /moins avancées/.test(t))).toBe(true);
    expect(titles.some((t) => /filières/.test(t))).toBe(true);
    expect(titles.some((t) => /par type et par taille/.test(t))).toBe(true);
    for (const t of titles) expect(t).not.toMatch(/undefined|NaN|\bnull\b|eci_/);
  });

  it('adds a peer slide to a territory’s COPIL deck with the network’s median and quartiles', async () => {
    const i = 0;
    // The deck is prepared for a meeting (issue 11): these territories record no COPIL to come.
    const r = await cli(dir, 'generate', 'copil', fichiers[i].source, '--out', 'copil-pairs.pptx', '--reseau', 'reseau.xlsx', '--date', '15/12/2026');
    expect([0, 1]).toContain(r.code);
    const slides = slideTexts(join(dir, 'copil-pairs.pptx'));
    const peer = slides.find((s) => s.join(' ').includes('parmi les territoires du réseau'));
    expect(peer, slides.map((s) => s[0]).join(' | ')).toBeDefined();
    // Recompute the network's median of axe 1 without the territory itself.
    const rows = records(regional, ONGLETS_RESEAU.territoires).filter((x) => x[C.territoire] !== territoires[i].nom);
    const q = quartiles(rows.map((x) => Number(x[C.axe(1)])))!;
    const text = peer!.join(' ');
    expect(text).toContain(`${Math.round(q.mediane)}\u00a0%`);
    expect(text).toContain(`${rows.length} territoires`);
    const tranche = trancheDe(readWorkbookModel(memoSource(workbooks[i].sheetNames(), (n) => workbooks[i].read(n))).model.identite.population);
    const sameGroup = rows.filter((x) => x[C.type] === readWorkbookModel(memoSource(workbooks[i].sheetNames(), (n) => workbooks[i].read(n))).model.identite.type && trancheDe(Number(x[C.population])) === tranche);
    expect(text).toMatch(new RegExp(`aux ${sameGroup.length} territoires?`));
    // The slide comes before the deck's last slide.
    expect(slides.indexOf(peer!)).toBe(slides.length - 2);
  }, 120_000);

  it('refuses --reseau with a file that is not a regional workbook, in French, exit 2', async () => {
    const r = await cli(dir, 'generate', 'copil', fichiers[0].source, '--out', 'x.pptx', '--reseau', join(folder, 'fiche-1.xlsx'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Classeur régional .* illisible/);
  });

  it('refuses a folder that does not exist and a file given as the folder, exit 2', async () => {
    expect((await cli(dir, 'reseau', join(dir, 'absent'), '--out', 'r.xlsx')).code).toBe(2);
    const r = await cli(dir, 'reseau', join(folder, 'notes.txt'), '--out', 'r.xlsx');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/n’est pas un dossier/);
  });
});

describe('cap-circulaire export-reseau', () => {
  it('prints what is shared and what never is, and writes no personal data', async () => {
    const src = fichiers[0].source;
    const r = await cli(dir, 'export-reseau', src, '--out', 'ma-fiche.xlsx');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Ce qui est partagé : /);
    expect(r.stdout).toMatch(/Jamais partagé : noms de personnes/);
    const fiche = (await readXlsxFile(join(dir, 'ma-fiche.xlsx'))).workbook;
    const personal = personalStrings(workbooks[0]);
    for (const tab of fiche.sheetNames())
      for (const row of fiche.read(tab))
        for (const c of row) if (typeof c === 'string') for (const p of personal) expect(c.includes(p), `${p} in ${tab}`).toBe(false);
  });

  it('never writes over its input', async () => {
    const before = readFileSync(fichiers[0].source);
    const r = await cli(dir, 'export-reseau', fichiers[0].source, '--out', fichiers[0].source);
    expect(r.code).toBe(2);
    expect(readFileSync(fichiers[0].source).equals(before)).toBe(true);
  });
});
