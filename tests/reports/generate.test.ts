/**
 * The commands: the use case (with its Journal row), the CLI verb
 * `generate`, the demo step, and the four *Générer* menu items in Apps Script
 * (against the Sheets, Slides and Docs fakes).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateReport } from '../../src/app/generate-report';
import { demoInstance, reportsDemoStep } from '../../src/app/demo-reports';
import type { DeckRendererPort, DocumentRendererPort, RenderedFile } from '../../src/app/ports-reports';
import type { MemoryWorkbook } from '../../src/app/memory-workbook';
import type { Deck } from '../../src/domain/reports/deck';
import type { ReportDocument } from '../../src/domain/reports/document';
import { TAB, tableSection } from '../../src/domain/schema/tabs';
import { locateTable, tableRows } from '../../src/domain/table/locate';
import { gasMessages } from '../../src/domain/messages/gas';
import { MENU, type MenuEntry } from '../../src/gas/menu';
import { runGenererAfom } from '../../src/gas/handlers/generer-afom';
import { runGenererAudit } from '../../src/gas/handlers/generer-audit';
import { runGenererBilan } from '../../src/gas/handlers/generer-bilan';
import { runGenererCopil } from '../../src/gas/handlers/generer-copil';
import { linkDialogHtml } from '../../src/gas/reports/generate';
import { writeXlsxFile } from '../../src/node/xlsx-files';
import { COMMANDS } from '../../src/node/commands';
import { gasEnv } from '../gas/support';
import { FakeDocsService, FakeSlidesService, documentBody, slideTexts } from '../fakes/gas/reports-fakes';
import { cli, tempDir } from '../node/helpers';
import { clock, readReportInputOf, sampleWorkbook } from './support';

class RecordingRenderers implements DeckRendererPort, DocumentRendererPort {
  readonly rendered: Array<{ name: string; what: Deck | ReportDocument }> = [];
  render(what: Deck | ReportDocument, name: string): RenderedFile {
    this.rendered.push({ name, what });
    return { name, url: `https://docs.google.com/document/d/id${this.rendered.length}/edit` };
  }
}

function journalRows(wb: MemoryWorkbook) {
  const grid = wb.grid(TAB.journal);
  const located = locateTable(grid, tableSection(TAB.journal, 'journal'))!;
  return tableRows(grid, located).map((r) => r.cells);
}

describe('the use case', () => {
  it('builds, renders, and writes the link in Journal', async () => {
    const wb = await sampleWorkbook();
    const before = journalRows(wb).length;
    const r = new RecordingRenderers();
    const { file } = await generateReport('copil', { workbook: wb, clock, user: { email: () => 'cheffe@val-de-loue.fr' }, deckRenderer: r, documentRenderer: r, journal: true }, { date: new Date(Date.UTC(2026, 11, 15)) });
    // Named and dated with the meeting, not with the day of generation.
    expect(file.name).toBe("Présentation COPIL – Communauté d'agglomération du Val de Loue – 15/12/2026");
    const rows = journalRows(wb);
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ utilisateur: 'cheffe@val-de-loue.fr', commande: 'Générer ▸ Présentation COPIL', lien: 'https://docs.google.com/document/d/id1/edit' });
    // The ready-to-project verdict is in the Journal line.
    expect(String(rows.at(-1)!.resultat)).toMatch(new RegExp(`^Document créé : ${file.name} Présentation prête à projeter : \\d+ diapositives vérifiées`));
  });

  it('reads each tab at most once, and writes nothing but the Journal row', async () => {
    const wb = await sampleWorkbook();
    wb.resetCalls();
    const r = new RecordingRenderers();
    await generateReport('audit', { workbook: wb, clock, deckRenderer: r, documentRenderer: r, journal: true });
    const reads = wb.calls.filter((c) => c.op === 'read').map((c) => c.sheet);
    expect(new Set(reads).size).toBe(reads.length);
    expect(wb.calls.filter((c) => c.op === 'write').map((c) => [c.sheet, c.rows])).toEqual([[TAB.journal, 1]]);
  });
});

describe('cap-circulaire generate', () => {
  const dir = tempDir('generate');
  beforeAll(async () => {
    await writeXlsxFile(await sampleWorkbook(), join(dir, 'classeur.xlsx'));
  });

  it('is in the registry', () => {
    expect(COMMANDS.map((c) => c.name)).toContain('generate');
  });

  it('writes the COPIL deck, the AFOM document, the audit file and a bilan, never touching the workbook', async () => {
    const before = readFileSync(join(dir, 'classeur.xlsx'));
    for (const [kind, out, extra] of [
      ['copil', 'copil.pptx', ['--date', '15/12/2026']],
      ['afom', 'afom.docx', []],
      ['audit', 'audit.docx', []],
      ['bilan', 'bilan.docx', ['--instance', '7']],
    ] as const) {
      const r = await cli(dir, 'generate', kind, 'classeur.xlsx', '--out', out, ...extra);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(out);
      expect(statSync(join(dir, out)).size).toBeGreaterThan(5_000);
    }
    expect(readFileSync(join(dir, 'classeur.xlsx')).equals(before)).toBe(true);
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'bilan.docx')));
    expect(await zip.file('word/document.xml')!.async('string')).toContain('COPIL du 24/06/2025');
  });

  it('refuses bad usage with exit code 2 and a French message', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['generate', 'rapport', 'classeur.xlsx', '--out', 'x.docx'], /Document inconnu « rapport » : copil, afom, audit ou bilan\./],
      [['generate', 'copil', 'classeur.xlsx', '--out', 'x.docx'], /doit avoir l’extension \.pptx/],
      [['generate', 'afom', 'classeur.xlsx'], /--out/],
      [['generate', 'bilan', 'classeur.xlsx', '--out', 'b.docx'], /Indiquez l’instance avec --instance N/],
      [['generate', 'bilan', 'classeur.xlsx', '--out', 'b.docx', '--instance', 'deux'], /--instance attend le N° d’une instance/],
      [['generate', 'bilan', 'classeur.xlsx', '--out', 'b.docx', '--instance', '42'], /Instance n° 42 introuvable dans l’onglet Instances\. Numéros disponibles : 1, 2/],
      [['generate', 'afom', 'absent.xlsx', '--out', 'a.docx'], /absent\.xlsx/],
    ];
    for (const [argv, message] of cases) {
      const r = await cli(dir, ...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    expect(existsSync(join(dir, 'x.docx'))).toBe(false);
    expect(existsSync(join(dir, 'b.docx'))).toBe(false);
  });
});

describe('the demo step', () => {
  it('writes the four documents, the bilan of the last COPIL held', async () => {
    const wb = await sampleWorkbook();
    const written: Array<{ name: string; size: number }> = [];
    const state = {
      ports: { workbook: wb, formatter: wb, clock, output: { writeWorkbook: async (n: string) => n, writeFile: async (n: string, d: Uint8Array | string) => (written.push({ name: n, size: d.length }), `out/${n}`) } },
      sample: [],
      leadAnnotations: [],
      files: [] as string[],
      warnings: [] as string[],
      shared: new Map(),
    };
    const step = reportsDemoStep({ deck: async (d) => new TextEncoder().encode(JSON.stringify(d)), document: async (d) => new TextEncoder().encode(JSON.stringify(d)) });
    const line = await step.run(state);
    expect(written.map((w) => w.name)).toEqual(['presentation-copil.pptx', 'document-afom.docx', 'dossier-audit.docx', 'bilan-instance-10.docx']);
    expect(state.files).toEqual(written.map((w) => `out/${w.name}`));
    expect(line).toBe('4 fichiers (bilan de l’instance n° 10)');
    expect(demoInstance(readReportInputOf(wb).model, new Date(2025, 6, 1))?.numero).toBe(7);
  });
});

describe('Générer ▸ … in Google Sheets', () => {
  function env(wb: MemoryWorkbook) {
    const slides = new FakeSlidesService();
    const docs = new FakeDocsService();
    const e = gasEnv({ sheets: wb.sheetNames().map((n) => [n, wb.grid(n)] as const), extraGlobals: { Slides: slides, Docs: docs } });
    return { e, slides, docs };
  }

  it('is in the menu, in PRODUCT.md’s order', () => {
    const generer = MENU.find((m): m is Extract<MenuEntry, { submenu: readonly MenuEntry[] }> => 'submenu' in m && m.label === gasMessages.menu.generer)!;
    expect(generer.submenu.map((m) => ('label' in m ? m.label : '—'))).toEqual([
      'Présentation COPIL',
      'Document AFOM',
      'Dossier d’audit',
      'Bilan d’une instance',
      'Export Territoires en Transitions',
      'Fiche réseau',
    ]);
  });

  it('creates a new deck each time, with a constant number of API calls, logs the link and shows it', async () => {
    const { e, slides } = env(await sampleWorkbook());
    // The dialog lists the COPILs; the user picks n° 10, then types a date.
    e.ui.queuePrompt('10').queuePrompt('15/12/2026');
    runGenererCopil();
    runGenererCopil();
    expect(slides.presentations.size).toBe(2);
    expect(slides.calls.summary()).toEqual({ 'Slides.Presentations.create': 2, 'Slides.Presentations.batchUpdate': 4, 'Slides.Presentations.get': 2 });
    const p = slides.last();
    expect(p.title).toMatch(/^Présentation COPIL – Communauté d'agglomération du Val de Loue – \d\d\/\d\d\/\d{4}$/);
    expect(p.slides.flatMap(slideTexts).join('\n')).toContain('décisions attendues de ce comité');
    expect(p.slides.flatMap(slideTexts).join('\n')).toContain('Séance du 15/12/2026');
    const journal = e.spreadsheet.sheet(TAB.journal).snapshot();
    expect(journal.at(-1)).toEqual(expect.arrayContaining(['Générer ▸ Présentation COPIL', `https://docs.google.com/presentation/d/${p.presentationId}/edit`]));
    expect(e.ui.dialogs.at(-1)).toMatchObject({ title: 'Présentation COPIL' });
    expect(e.calls.count('setValues', TAB.journal)).toBe(2);
    // Each meeting's figures are recorded once in Historique, for the next deck.
    expect(e.calls.count('setValues', TAB.historique)).toBe(2);
    // The workbook itself is only read (and its Journal and Historique appended).
    expect(e.calls.where({ method: 'setValues' }).every((c) => c.sheet === TAB.journal || c.sheet === TAB.historique)).toBe(true);
  });

  it('creates the AFOM document and the audit file as new Google Docs', async () => {
    const { docs } = env(await sampleWorkbook());
    runGenererAfom();
    runGenererAudit();
    // Per document: one batchUpdate for the body, one for the footer (and the audit's table of contents, after one get).
    expect(docs.calls.summary()).toEqual({ 'Docs.Documents.create': 2, 'Docs.Documents.batchUpdate': 4, 'Docs.Documents.get': 1 });
    const titles = [...docs.documents.values()].map((d) => d.title);
    expect(titles[0]).toMatch(/^Document AFOM – /);
    expect(titles[1]).toMatch(/^Dossier d'audit – /);
    const body = documentBody(docs.last());
    expect(body.filter((b) => b.type === 'paragraph' && b.style === 'HEADING_3' && /^\d\.\d /.test(b.text))).toHaveLength(21);
  });

  it('writes the bilan of the instance under the cursor, and explains when the cursor is elsewhere', async () => {
    const wb = await sampleWorkbook();
    const { e, docs } = env(wb);
    runGenererBilan();
    expect(docs.documents.size).toBe(0);
    expect(e.ui.alerts.at(-1)?.message ?? JSON.stringify(e.ui.alerts.at(-1))).toContain("Placez le curseur sur une ligne de l’onglet Instances");
    const sheet = e.spreadsheet.sheet(TAB.instances);
    const row = readReportInputOf(wb).model.instances.find((i) => i.numero === 2)!.rowNumber;
    sheet.setActiveRange(sheet.getRange(row, 3));
    runGenererBilan();
    expect(docs.documents.size).toBe(1);
    expect(docs.last().title).toMatch(/^Bilan d'instance n° 2 – /);
    // The cover: collectivité, then the title.
    expect(documentBody(docs.last())[1]).toMatchObject({ type: 'paragraph', style: 'TITLE', text: 'COPIL du 14/05/2024' });
  });

  it('escapes the dialog’s texts', () => {
    const html = linkDialogHtml('Présentation <img src=x onerror=alert(1)>', 'https://docs.google.com/x"onclick="alert(1)');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('href="https://docs.google.com/x&quot;onclick=&quot;alert(1)"');
  });
});
