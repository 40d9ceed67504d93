/**
 * The COPIL deck of the sample territory and of a territory that is not the
 * sample (territory-b.ts), asserted on the generated .pptx read back (XML)
 * and on its LibreOffice rendering: the meeting's date everywhere, every
 * section in order, nothing cut, nothing outside its box, fr-FR on every run,
 * French typography, figures that reconcile.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCopilReport, readReportInput } from '../../src/app/generate-report';
import { buildCopil, verifierDeck, type CopilDeck } from '../../src/domain/reports/copil';
import { blocHistorique, lireHistorique } from '../../src/domain/reports/copil/historique';
import { resoudreSeance } from '../../src/domain/reports/copil/seance';
import { parseSeanceDate } from '../../src/node/commands/generate';
import { statutIndicateur } from '../../src/domain/reports/copil/indicators';
import type { ReportInput } from '../../src/domain/reports/input';
import type { Slide } from '../../src/domain/reports/deck';
import { TAB } from '../../src/domain/schema/tabs';
import { typographie } from '../../src/domain/text/typography';
import { formatEuroHT } from '../../src/domain/text/numbers';
import { deckToPptx } from '../../src/files/reports/pptx';
import { tempDir } from '../node/helpers';
import { checkDeck } from './deck-checks';
import { sampleWorkbook, NOW } from './support';
import { NOM_B, NOW_B, territoireB } from './territory-b';
import { grandTerritoire } from './grand-territoire';

const SECTIONS = ['couverture', 'ordre', 'decisions', 'essentiel', 'depuis', 'suivi', 'scores', 'budget', 'phares', 'echeances', 'indicateurs', 'preuves', 'acteurs', 'afom', 'releve'];
const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
/** Paragraph texts of an XML part (runs of a paragraph joined). */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map((m) => [...m[1].matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => decode(t[1])).join(''));
}
const runs = (xml: string) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => decode(m[1]));

interface Read {
  readonly slides: string[];
  readonly parts: Record<string, string>;
}
async function readPptx(bytes: Uint8Array): Promise<Read> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (name.endsWith('.xml') || name.endsWith('.rels')) parts[name] = await zip.file(name)!.async('string');
  const slides = Object.keys(parts)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]))
    .map((n) => parts[n]);
  return { slides, parts };
}

function which(name: string): string | null {
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : null;
}
const libreoffice = which('libreoffice') ?? which('soffice');
const pdftotext = which('pdftotext');

interface Case {
  readonly name: string;
  readonly input: () => Promise<ReportInput>;
  readonly options: { instance?: number; date?: Date };
  readonly collectivite: string;
  readonly date: string;
}
const CASES: Case[] = [
  { name: 'the sample territory', input: async () => readReportInput(await sampleWorkbook(), NOW).input, options: { date: day(2026, 12, 15) }, collectivite: "Communauté d'agglomération du Val de Loue", date: '15/12/2026' },
  { name: 'another territory (not the sample)', input: async () => readReportInput(territoireB(), NOW_B).input, options: {}, collectivite: NOM_B, date: '04/02/2027' },
  // A synthetic territory whose lists are four times the sample's (272 actions, 136 acteurs, 64 AFOM items, 40 fiches).
  { name: 'a large territory', input: async () => readReportInput(await grandTerritoire(4), NOW).input, options: {}, collectivite: 'Syndicat intercommunal de collecte Portes d’Ardèche', date: '13/11/2026' },
];

for (const c of CASES) {
  describe(`COPIL deck of ${c.name}`, () => {
    let input: ReportInput;
    let built: CopilDeck & { name: string };
    let read: Read;
    let bytes: Uint8Array;
    beforeAll(async () => {
      input = await c.input();
      built = buildCopilReport(input, c.options);
      bytes = await deckToPptx(built.deck, built.name);
      read = await readPptx(bytes);
    });

    it('is prepared for the meeting: its date on the cover, in the file name and on every footer', () => {
      expect(built.name).toBe(`Présentation COPIL – ${typographie(c.collectivite)} – ${c.date}`.replace(typographie(c.collectivite), c.collectivite));
      expect(paragraphs(read.slides[0]).join('\n')).toContain(`Séance du ${c.date}`);
      read.slides.forEach((xml, i) => expect(paragraphs(xml).join('\n'), `diapositive ${i + 1}`).toContain(`COPIL du ${c.date}`));
      expect(read.slides).toHaveLength(built.deck.slides.length);
    });

    it('has every section, in the committee’s order, each with content, and an agenda that gives their slides', () => {
      const order = [...new Set(built.deck.slides.map((s) => s.section))];
      expect(order).toEqual(SECTIONS);
      const agenda = paragraphs(read.slides[1]).join('\n');
      for (const s of built.sections.slice(2)) {
        const first = built.deck.slides.findIndex((x) => x.section === s.id) + 1;
        expect(agenda).toContain(typographie(`${s.label} — diapositive ${first}`));
      }
      expect(built.ready).toEqual({ ok: true, slides: built.deck.slides.length, problems: [] });
    });

    it('passes the layout checks (inside the page, no overlap, fonts ≥ 12 pt, tables that fit)', () => {
      checkDeck(built.deck);
    });

    it('never cuts a text, and drops nothing silently: each name is on its section’s slides or in their notes, and the slide counts what it leaves out', () => {
      for (const t of read.slides.flatMap(runs)) {
        expect(t.trim(), t).not.toMatch(/…$|\.\.\.$/);
        expect(t, t).not.toMatch(/^\+ ?\d+ autres?/);
      }
      const expected: Array<[string, string[]]> = [
        ['acteurs', input.model.acteurs.filter((a) => a.impact !== null && a.facilite !== null).map((a) => a.nom)],
        ['afom', input.model.afom.map((a) => a.enonce)],
        ['budget', input.model.planActions.filter((f) => (f.budgetTotal ?? 0) > 0).map((f) => f.titre)],
        ['phares', input.model.actions.filter((a) => a.actionPhare).map((a) => a.intitule)],
      ];
      for (const [id, texts] of expected) {
        const shown = built.deck.slides.map((s, i) => (s.section === id ? paragraphs(read.slides[i]).join('\n') : '')).join('\n');
        const notes = built.deck.slides.filter((s) => s.section === id).map((s) => s.notes).join('\n');
        for (const text of texts) {
          if (shown.includes(typographie(text))) continue;
          // Named in the notes, or (past 30 names) counted there with where to find them.
          if (!notes.includes(typographie(text))) expect(notes, `${id} : « ${text} »`).toMatch(/et \d+ autres, dans le classeur/);
          expect(shown, `${id} : « ${text} » ni affiché ni compté`).toMatch(/\b[Ee]t \d+ autres?\b/);
        }
      }
    });

    it('summarises rather than continues: at most two slides per list, the slide count stays within a sitting', () => {
      expect(built.deck.slides.length).toBeLessThanOrEqual(24);
      const perTitle = new Map<string, number>();
      for (const s of built.deck.slides) {
        const base = s.title.replace(/ \(suite\)$/, '');
        perTitle.set(base, (perTitle.get(base) ?? 0) + 1);
      }
      for (const [title, n] of perTitle) expect(n, title).toBeLessThanOrEqual(2);
    });

    it('tags every run of every part fr-FR, and never en-US', () => {
      for (const [name, xml] of Object.entries(read.parts)) {
        expect(xml, name).not.toMatch(/lang="en-US"/);
        for (const m of xml.matchAll(/<a:(?:rPr|endParaRPr|defRPr)\b[^>]*>/g)) if (/\blang=/.test(m[0])) expect(m[0], name).toMatch(/lang="fr-FR"/);
      }
      for (const xml of read.slides) for (const m of xml.matchAll(/<a:rPr\b[^>]*>/g)) expect(m[0]).toMatch(/lang="fr-FR"/);
    });

    it('sets every text in French typography, at 12 pt at least, in Calibri', () => {
      for (const t of read.slides.flatMap(runs)) {
        expect(t, t).not.toMatch(/ [;:!?%€»]|« /);
        expect(t, t).not.toMatch(/\p{L}'\p{L}/u);
        expect(t, t).not.toMatch(/\bEconomie|\bEtape|\bEchéance/);
        expect(typographie(t)).toBe(t);
      }
      for (const xml of read.slides) {
        for (const m of xml.matchAll(/\bsz="(\d+)"/g)) expect(Number(m[1])).toBeGreaterThanOrEqual(1200);
        expect(xml).not.toMatch(/typeface="Arial"/);
        expect(xml).toMatch(/typeface="Calibri"/);
      }
    });

    it('has one budget total, HT, the same on the summary and on the budget slides', () => {
      const total = typographie(formatEuroHT(built.context.budget.total));
      const fiches = input.model.planActions.reduce((s, f) => s + Math.max(0, f.budgetTotal ?? 0), 0);
      expect(built.context.budget.total).toBe(fiches);
      const slidesOf = (id: string) => built.deck.slides.map((s, i) => (s.section === id ? paragraphs(read.slides[i]).join('\n') : '')).join('\n');
      expect(slidesOf('essentiel')).toContain(total);
      expect(slidesOf('budget')).toContain(total);
      // Every amount on a slide says HT.
      for (const t of read.slides.flatMap(runs)) if (/\d\s?€(?!\/)/.test(t)) expect(t, t).toMatch(/€\u00a0HT|k€/);
    });

    it('never shows a tab name or a raw référentiel id on a slide (they go to the notes)', () => {
      for (const t of read.slides.flatMap(paragraphs)) {
        expect(t, t).not.toMatch(/\b(eci|cae)_\d/);
        expect(t, t).not.toMatch(/\(onglet|onglet (Actions|Référentiel|Jalons|Engagements|Preuves|Instances|Plan d)/);
      }
      const notes = Object.entries(read.parts).filter(([n]) => /notesSlide\d+\.xml$/.test(n)).map(([, x]) => runs(x).join(' '));
      expect(notes.some((n) => /onglet/.test(n))).toBe(true);
    });

    describe.skipIf(!libreoffice || !pdftotext)('rendered by LibreOffice', () => {
      let pdf: string;
      beforeAll(() => {
        const dir = tempDir(`copil-${c.date.replace(/\//g, '-')}`);
        const file = join(dir, 'copil.pptx');
        writeFileSync(file, bytes);
        const profile = join(dir, 'profile');
        mkdirSync(profile, { recursive: true });
        execFileSync(libreoffice!, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'pipe', timeout: 170_000 });
        pdf = join(dir, 'copil.pdf');
        if (process.env.CAP_RENDER_DIR && c.name.startsWith('the sample')) execFileSync('pdftoppm', ['-png', '-r', '96', pdf, join(process.env.CAP_RENDER_DIR, 'copil')]);
      }, 180_000);

      it('puts every word inside the box it belongs to, on one page per slide', () => {
        const html = execFileSync(pdftotext!, ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
        const pages = [...html.matchAll(/<page [^>]*>([\s\S]*?)<\/page>/g)].map((m) => m[1]);
        expect(pages).toHaveLength(read.slides.length);
        const EMU = 12700;
        pages.forEach((page, i) => {
          const xml = read.slides[i];
          // Frames of the elements that carry text: text shapes, tables, charts.
          const frames = [...xml.matchAll(/<p:(sp|graphicFrame)>([\s\S]*?)<\/p:\1>/g)]
            .filter((m) => m[1] === 'graphicFrame' || /<a:t>[^<]/.test(m[2]))
            .map((m) => {
              const off = /<a:off x="(\d+)" y="(\d+)"\/>/.exec(m[2])!;
              const ext = /<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(m[2])!;
              return { x: Number(off[1]) / EMU, y: Number(off[2]) / EMU, w: Number(ext[1]) / EMU, h: Number(ext[2]) / EMU };
            });
          const T = 2;
          for (const w of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
            const [x0, y0, x1, y1] = [1, 2, 3, 4].map((k) => Number(w[k]));
            const cx = (x0 + x1) / 2;
            const home = frames.some((f) => x0 >= f.x - T && x1 <= f.x + f.w + T && y0 >= f.y - T - 2 && y1 <= f.y + f.h + T && cx >= f.x && cx <= f.x + f.w);
            expect(home, `diapositive ${i + 1} : « ${decode(w[5])} » (${x0.toFixed(0)}, ${y0.toFixed(0)}) hors de son cadre`).toBe(true);
          }
        });
      }, 60_000);
    });
  });
}

describe('the meeting drives the deck', () => {
  it('counts late and coming items at the meeting’s date, and a commitment made for a milestone once', () => {
    const { input } = readReportInput(territoireB(), NOW_B);
    const atCopil = buildCopil({ ...input, seance: { date: day(2027, 2, 4), instance: null } }).context;
    const early = buildCopil({ ...input, seance: { date: day(2026, 11, 25), instance: null } }).context;
    // The FEDER file is both a milestone of fiche 2 and a commitment of COPIL n° 3: one item.
    expect(atCopil.enRetard.map((i) => i.quoi)).toEqual(['Dossier FEDER de la recyclerie déposé', 'Convention avec les scieries signée']);
    expect(atCopil.enRetard[0].sources).toHaveLength(2);
    expect(atCopil.enRetard[0].jours).toBe(65);
    expect(early.enRetard).toHaveLength(0);
  });

  it('uses the next COPIL by default, the N° or the date asked, and says what to do when there is none', () => {
    const { input } = readReportInput(territoireB(), NOW_B);
    expect(resoudreSeance(input.model, NOW_B, {})).toMatchObject({ instance: { numero: 4 } });
    expect(resoudreSeance(input.model, NOW_B, { instance: 3 })).toMatchObject({ date: day(2026, 9, 17) });
    expect(resoudreSeance(input.model, NOW_B, { date: day(2027, 6, 10) })).toMatchObject({ instance: { numero: 5 } });
    expect(resoudreSeance(input.model, NOW_B, { instance: 9 })).toMatch(/^Instance n° 9 introuvable .* COPIL enregistrés : 1 \(12\/03\/2026\), 3 \(17\/09\/2026\), 4 \(04\/02\/2027\), 5 \(10\/06\/2027\)\.$/);
    // No COPIL to come: the last one recorded (PRODUCT.md: « the next COPIL, else the last »).
    expect(resoudreSeance(input.model, new Date(2027, 11, 1), {})).toMatchObject({ date: day(2027, 6, 10), instance: { numero: 5 } });
    // No COPIL recorded at all: dated today (the faces say how to choose another meeting).
    expect(resoudreSeance({ instances: [] }, new Date(2027, 11, 1), {})).toEqual({ date: day(2027, 12, 1), instance: null });
  });

  it('reads --date as AAAA-MM-JJ (PRODUCT.md) or JJ/MM/AAAA, and refuses an impossible day in French', () => {
    expect(parseSeanceDate('2027-06-10')).toEqual(day(2027, 6, 10));
    expect(parseSeanceDate('10/06/2027')).toEqual(day(2027, 6, 10));
    expect(parseSeanceDate(undefined)).toBeUndefined();
    expect(() => parseSeanceDate('2027-02-30')).toThrow(/--date attend une date AAAA-MM-JJ ou JJ\/MM\/AAAA/);
    expect(() => parseSeanceDate('demain')).toThrow(/pas « demain »/);
  });

  it('follows up the previous COPIL: each decision with the commitments made for it and their state', () => {
    const { input } = readReportInput(territoireB(), NOW_B);
    const deck = buildCopil(input).deck;
    const suivi = deck.slides.filter((s) => s.section === 'suivi');
    expect(suivi[0].title).toBe(typographie('Décisions du COPIL du 17/09/2026 : 1 engagement tenu sur 3'));
    const table = suivi.flatMap((s) => s.blocks).find((b) => b.kind === 'table');
    if (table?.kind !== 'table') throw new Error('pas de tableau');
    expect(table.rows.map((r) => [r[0].text, r[r.length - 1].text])).toEqual([
      [typographie('Déposer le dossier FEDER pour la recyclerie de montagne avant décembre.'), 'En retard de 65 j'],
      [typographie('Ouvrir la plateforme de broyage des déchets verts au printemps.'), 'À faire'],
      [typographie('Réunir les entreprises du bois autour des connexes de scierie.'), 'Fait'],
    ]);
  });
});

describe('decisions built from the data', () => {
  it('never asks to adopt a plan the assembly adopted, and asks when no adoption is recorded', async () => {
    const wb = territoireB();
    const { input } = readReportInput(wb, NOW_B);
    const ids = (i: ReportInput) => buildCopil(i).deck.slides.filter((s) => s.section === 'decisions').flatMap((s) => s.blocks).flatMap((b) => (b.kind === 'table' ? b.rows.map((r) => r[0].text) : []));
    expect(ids(input).join('\n')).not.toMatch(/Adopter le plan/);
    const sans = { ...input, model: { ...input.model, instances: input.model.instances.filter((i) => i.numero !== 2) } };
    expect(ids(sans)[0]).toBe('1. Adopter le plan d’actions\u00a0: 14 fiches, 3\u202f745\u202f000\u00a0€\u00a0HT');
  });

  it('names the money to find, the late items, the fiches to decide, the star’s criteria, and a relevé with who and when', () => {
    const { input } = readReportInput(territoireB(), NOW_B);
    const c = buildCopil(input);
    const text = c.deck.slides.filter((s) => s.section === 'decisions').flatMap((s) => [s.title, ...s.blocks.flatMap((b) => (b.kind === 'table' ? b.rows.flatMap((r) => r.map((x) => x.text)) : b.kind === 'text' ? b.paragraphs.map((p) => p.runs.map((r) => r.text).join('')) : []))]).join('\n');
    expect(text).toContain(typographie(`Trouver ${formatEuroHT(c.context.budget.aTrouver)}`));
    expect(text).toContain(typographie('Arbitrer les 2 échéances dépassées : nouvelle date ou abandon'));
    expect(text).toContain(typographie('Trancher la fiche 6, « à discuter »'));
    expect(text).toContain(typographie('Débloquer la fiche 7'));
    // The first star needs no more score here, only its criteria.
    expect(text).toContain(typographie('Remplir les 7 critères manquants de la 1re étoile'));
    const releve = c.deck.slides.filter((s) => s.section === 'releve').flatMap((s) => s.blocks).flatMap((b) => (b.kind === 'table' ? b.rows : []));
    expect(releve.length).toBeGreaterThanOrEqual(5);
    expect(releve.some((r) => r[2].text === typographie('COPIL du 10/06/2027'))).toBe(true);
    for (const t of text.split('\n')) expect(t).not.toMatch(/compléter par l’équipe|à compléter/i);
  });

  it('gives the path to the next star: programmed sous-mesures with their pilot and date, enough to close the gap', async () => {
    const c = buildCopil({ ...readReportInput(await sampleWorkbook(), NOW).input, seance: { date: day(2026, 12, 15), instance: null } });
    const next = c.context.d.etoiles.prochaine!;
    const chemin = c.deck.slides.filter((s) => s.title.startsWith(typographie(`Le chemin vers la ${next.etoile}e étoile`)));
    expect(chemin.length, c.deck.slides.map((s) => s.title).join(' | ')).toBeGreaterThan(0);
    const rows = chemin.flatMap((s) => s.blocks).flatMap((b) => (b.kind === 'table' ? b.rows : []));
    for (const r of rows) {
      expect(r[0].text).toMatch(/^sous-mesure \d+\.\d+\.\d+ — /);
      expect(r[3].text).toMatch(/^\d\d\/\d\d\/\d{4}$|^Avant l’audit/);
    }
    const points = rows.reduce((s, r) => s + Number(r[2].text.replace(',', '.')), 0);
    expect(points).toBeGreaterThanOrEqual(next.pointsManquantsAvecMarge - 0.1);
  });
});

describe('indicators: the direction is asked, never guessed', () => {
  it('does not call a cost above its target reached, and does not judge an indicator without Sens', () => {
    expect(statutIndicateur({ valeurs: [{ annee: 2024, valeur: 104 }, { annee: 2025, valeur: 101 }], objectif: 95, sens: 'Baisse' })).toBe('progres');
    expect(statutIndicateur({ valeurs: [{ annee: 2024, valeur: 90 }], objectif: 95, sens: 'Baisse' })).toBe('atteint');
    expect(statutIndicateur({ valeurs: [{ annee: 2024, valeur: 101 }, { annee: 2025, valeur: 104 }], objectif: 95, sens: 'Baisse' })).toBe('recul');
    expect(statutIndicateur({ valeurs: [{ annee: 2024, valeur: 210 }, { annee: 2025, valeur: 205 }], objectif: 180, sens: null })).toBe('sansSens');
    expect(statutIndicateur({ valeurs: [{ annee: 2024, valeur: 120 }, { annee: 2025, valeur: 160 }], objectif: 300, sens: 'Hausse' })).toBe('progres');
  });
});

describe('Historique', () => {
  it('records one row per meeting, replaced when the deck is generated again, and the next deck shows the progression', async () => {
    const wb = territoireB();
    const { input } = readReportInput(wb, NOW_B);
    const c = buildCopil(input);
    const grid = wb.grid(TAB.historique);
    const first = blocHistorique(grid, c.context.courant, NOW_B)!;
    wb.write(TAB.historique, first.row, first.col, [first.values]);
    const again = blocHistorique(wb.grid(TAB.historique), c.context.courant, NOW_B)!;
    expect(again.row).toBe(first.row);
    const rows = lireHistorique(wb.grid(TAB.historique));
    expect(rows.map((r) => r.seance)).toEqual([day(2026, 3, 12), day(2026, 9, 17), day(2027, 2, 4)]);
    expect(rows[2].scoreRealise).toBe(c.context.d.etoiles.scoreRealise);
    // Next meeting: the progression slide shows the three COPILs and this one.
    const next = buildCopil({ ...readReportInput(wb, NOW_B).input, seance: { date: day(2027, 6, 10), instance: null } });
    const chart = next.deck.slides.flatMap((s) => s.blocks).find((b) => b.kind === 'chart' && b.chart.categories.some((x) => x.includes('cette séance')));
    expect(chart?.kind === 'chart' && chart.chart.categories).toEqual(['12/03/2026', '17/09/2026', '04/02/2027', typographie('10/06/2027 (cette séance)')]);
  });
});

describe('cap-circulaire generate copil', () => {
  it('dates the deck with --date or --instance, refuses a bad date, and records Historique with --in-place', async () => {
    const { cli } = await import('../node/helpers');
    const { writeXlsxFile } = await import('../../src/node/xlsx-files');
    const dir = tempDir('generate-copil');
    await writeXlsxFile(territoireB(), join(dir, 'b.xlsx'));
    const bad = await cli(dir, 'generate', 'copil', 'b.xlsx', '--out', 'x.pptx', '--date', '31/02/2027');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--date attend une date AAAA-MM-JJ ou JJ/MM/AAAA, pas « 31/02/2027 »');
    const before = readFileSync(join(dir, 'b.xlsx'));
    const r = await cli(dir, 'generate', 'copil', 'b.xlsx', '--out', 'x.pptx', '--instance', '4');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Présentation prête à projeter : \d+ diapositives vérifiées/);
    expect(readFileSync(join(dir, 'b.xlsx')).equals(before)).toBe(true);
    const slides = await readPptx(readFileSync(join(dir, 'x.pptx')));
    expect(paragraphs(slides.slides[0]).join('\n')).toContain('Séance du 04/02/2027');
    const inPlace = await cli(dir, 'generate', 'copil', 'b.xlsx', '--out', 'y.pptx', '--date', '04/02/2027', '--in-place');
    expect(inPlace.code).toBe(0);
    expect(inPlace.stdout).toContain('enregistrés dans l’onglet Historique');
    const { readXlsxFile } = await import('../../src/node/xlsx-files');
    const back = await readXlsxFile(join(dir, 'b.xlsx'));
    expect(lireHistorique(back.workbook.grid(TAB.historique)).map((h) => h.seance)).toEqual([day(2026, 3, 12), day(2026, 9, 17), day(2027, 2, 4)]);
  }, 60_000);
});

describe('Générer ▸ Présentation COPIL in Google Sheets', () => {
  it('reads the answer of the dialog: empty for the next COPIL, a N°, or a date', async () => {
    const { parseCopilAnswer } = await import('../../src/gas/handlers/generer-copil');
    expect(parseCopilAnswer('', 4)).toEqual({ instance: 4 });
    expect(parseCopilAnswer(' n° 3 ', 4)).toEqual({ instance: 3 });
    expect(parseCopilAnswer('04/02/2027', null)).toEqual({ date: day(2027, 2, 4) });
    expect(parseCopilAnswer('', null)).toMatch(/^Aucun COPIL à venir/);
    expect(parseCopilAnswer('31/02/2027', 4)).toBe('« 31/02/2027 » n\'est ni un N° d\'instance ni une date JJ/MM/AAAA.');
  });
});

describe('an almost empty workbook', () => {
  it('still gives every section, each saying in a sentence what is missing, and passes the ready-to-project check', async () => {
    const { almostEmptyInput } = await import('./support');
    const c = buildCopil(almostEmptyInput());
    expect([...new Set(c.deck.slides.map((s) => s.section))]).toEqual(SECTIONS);
    expect(c.ready.ok).toBe(true);
    checkDeck(c.deck);
    const titles = c.deck.slides.map((s) => s.title);
    expect(titles).toContain(typographie('Budget du plan : aucune fiche chiffrée'));
    expect(titles).toContain(typographie('Aucune échéance dans les 3 mois qui suivent la séance'));
    expect(titles.join('\n')).not.toMatch(/\b0 (échéance|fiche|avancée)s?\b(?! dépassée)/);
  });
});

describe('a territory with far more than a slide holds', () => {
  it('keeps the deck bounded, shows the most important rows first and says how many it leaves out', async () => {
    const input = readReportInput(await grandTerritoire(4), NOW).input;
    const c = buildCopilReport(input, {});
    expect(c.deck.slides.length).toBeLessThanOrEqual(24);
    expect(c.ready.ok).toBe(true);
    const text = (id: string) => c.deck.slides.filter((s) => s.section === id);
    const tableRows = (slides: readonly Slide[]) => slides.flatMap((s) => s.blocks).flatMap((b) => (b.kind === 'table' ? b.rows : []));
    const said = (slides: readonly Slide[]) => slides.flatMap((s) => s.blocks).flatMap((b) => (b.kind === 'text' ? b.paragraphs.map((p) => p.runs.map((r) => r.text).join('')) : []));
    const rest = (slides: readonly Slide[]) => {
      const m = said(slides).map((t) => /^Et (\d+) autres?\s/.exec(t)).find(Boolean);
      return m ? Number(m[1]) : 0;
    };
    // Flagship actions: one slide, the coming deadlines first (soonest first), then the passed ones (most recent first), the count of the others.
    const phares = input.model.actions.filter((a) => a.actionPhare);
    const pharesSlides = text('phares');
    expect(pharesSlides).toHaveLength(1);
    const shown = tableRows(pharesSlides);
    expect(shown.length).toBeGreaterThan(2);
    expect(shown.length + rest(pharesSlides)).toBe(phares.length);
    const seance = c.deck.date.split('/').reverse().join('');
    const dates = shown.map((r) => r[3].text).filter((d) => /^\d\d\/\d\d\/\d{4}$/.test(d)).map((d) => d.split('/').reverse().join(''));
    const coming = dates.filter((d) => d >= seance);
    expect(dates.slice(0, coming.length)).toEqual([...coming].sort());
    expect(dates.slice(coming.length)).toEqual([...dates.slice(coming.length)].sort().reverse());
    // Late items: the biggest delays first, the rest counted.
    const late = c.deck.slides.find((s) => s.section === 'echeances')!;
    const lateRows = tableRows([late]);
    expect(lateRows.length + rest([late])).toBe(c.context.enRetard.length);
    const delays = lateRows.map((r) => Number(r[4].text.replace(/\D/g, '')));
    expect(delays).toEqual([...delays].sort((a, b) => b - a));
    expect(Math.max(...c.context.enRetard.map((e) => e.jours))).toBe(delays[0]);
    // Urgent acteurs: every one shown or counted.
    const urgence = text('acteurs').slice(1);
    expect(tableRows(urgence).length + rest(urgence)).toBe(c.context.d.acteurs.aContacterDUrgence.length);
    // AFOM: two slides at most, each quadrant at 12 pt or more, the left-out items counted in the quadrants.
    const afom = text('afom');
    expect(afom.length).toBeLessThanOrEqual(2);
    const cells = afom.flatMap((s) => s.blocks).flatMap((b) => (b.kind === 'matrix' ? b.matrix.cells : []));
    for (const cell of cells) expect(cell.size).toBeGreaterThanOrEqual(12);
    const afomShown = cells.flatMap((x) => x.lines).filter((l) => !/^et \d+ autres?\s/.test(l.text)).length;
    const afomCounted = cells.flatMap((x) => x.lines).map((l) => /^et (\d+) autres?\s/.exec(l.text)).reduce((s, m) => s + (m ? Number(m[1]) : 0), 0);
    expect(afomShown + afomCounted).toBe(input.model.afom.length);
    // Budget: the total of every fiche, whatever the rows shown.
    const budgetRows = tableRows(text('budget').slice(0, 1));
    expect(budgetRows[budgetRows.length - 1][1].text).toBe(typographie(formatEuroHT(c.context.budget.total)));
    // The notes name what is left out, 30 at most, then count the others.
    expect(pharesSlides[0].notes).toMatch(/Non affichés sur la diapositive \(\d+\)\s: .*\s; et \d+ autres, dans le classeur\./);
  }, 60_000);
});

describe('the ready-to-project check', () => {
  it('reports a slide without « À dire » / « À décider » notes, and a slide that leaves items out without saying so', async () => {
    const c = buildCopil({ ...readReportInput(await sampleWorkbook(), NOW).input, seance: { date: day(2026, 12, 15), instance: null } });
    expect(c.ready.ok).toBe(true);
    const phares = c.deck.slides.findIndex((s) => s.section === 'phares');
    expect(c.deck.slides[phares].notes).toMatch(/Non affichés sur la diapositive/);
    const slides = c.deck.slides.map((s, i) =>
      i === 2 ? { ...s, notes: 'Sources : onglet Jalons.' } : i === phares ? { ...s, blocks: s.blocks.filter((b) => b.kind !== 'text') } : s,
    );
    const report = verifierDeck({ ...c.deck, slides }, c.sections);
    expect(report.ok).toBe(false);
    expect(report.problems).toContain('diapositive 3 : notes de l’orateur sans « À dire » ni « À décider »');
    expect(report.problems.some((p) => p.startsWith(`diapositive ${phares + 1} : `) && /éléments? omis sans que la diapositive le dise/.test(p))).toBe(true);
  });
});
