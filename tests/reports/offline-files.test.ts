/**
 * The offline files read back: the .pptx (slides, native charts and tables,
 * notes) and the .docx (headings, tables, links, page numbers). Where
 * LibreOffice is installed they are also converted to PDF and PNG; set
 * CAP_RENDER_DIR to keep the pictures (that is how docs/images/ is made).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditDocument } from '../../src/domain/reports/audit';
import { copilDeck } from '../../src/domain/reports/copil';
import { para } from '../../src/domain/reports/deck-kit';
import type { Deck } from '../../src/domain/reports/deck';
import type { ReportDocument } from '../../src/domain/reports/document';
import type { ReportInput } from '../../src/domain/reports/input';
import { documentToDocx } from '../../src/files/reports/docx';
import { deckToPptx } from '../../src/files/reports/pptx';
import { tempDir } from '../node/helpers';
import { sampleInput } from './support';

function which(name: string): string | null {
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : null;
}
const libreoffice = which('libreoffice') ?? which('soffice');
const pdftoppm = which('pdftoppm');
const pdfinfo = which('pdfinfo');
if (!libreoffice) console.warn('Rendu PDF ignoré : libreoffice introuvable dans le PATH.');

const files = (zip: JSZip, re: RegExp) => Object.keys(zip.files).filter((f) => re.test(f));
const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const texts = (xml: string, tag: string) => [...xml.matchAll(new RegExp(`<${tag}(?: [^>]*)?>([^<]*)</${tag}>`, 'g'))].map((m) => decode(m[1]));

const TRICKY = '=SOMME(A1) <b>gras</b> <img src=x onerror=alert(1)>';

let input: ReportInput;
let deck: Deck;
let pptx: Uint8Array;
let audit: ReportDocument;
let docx: Uint8Array;
beforeAll(async () => {
  input = await sampleInput();
  deck = copilDeck(input);
  // A literal that must stay literal, on the last slide.
  const last = deck.slides[deck.slides.length - 1];
  deck = { ...deck, slides: [...deck.slides.slice(0, -1), { ...last, blocks: [...last.blocks, { kind: 'text', frame: { x: 24, y: 340, w: 400, h: 30 }, paragraphs: [para(TRICKY, 10)] }] }] };
  pptx = await deckToPptx(deck, 'Présentation COPIL');
  audit = auditDocument(input);
  audit = { ...audit, blocks: [...audit.blocks, { kind: 'paragraph', runs: [{ text: TRICKY }] }] };
  docx = await documentToDocx(audit, "Dossier d'audit");
});

describe('the .pptx', () => {
  it('has one slide per slide of the deck, native charts and tables, notes, and real text', async () => {
    const zip = await JSZip.loadAsync(pptx);
    const slides = files(zip, /^ppt\/slides\/slide\d+\.xml$/);
    expect(slides).toHaveLength(deck.slides.length);
    // Scores per axe, progression since the previous COPILs, budget per year.
    expect(files(zip, /^ppt\/charts\/chart\d+\.xml$/).length).toBeGreaterThanOrEqual(3);
    const xml = await Promise.all(slides.sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0])).map((f) => zip.file(f)!.async('string')));
    expect(xml.filter((x) => x.includes('<a:tbl>')).length).toBeGreaterThanOrEqual(5);
    // Every slide's footer: the collectivité and the date, and its number.
    xml.forEach((x, i) => {
      const t = texts(x, 'a:t');
      expect(t).toContain('Communauté d’agglomération du Val de Loue · COPIL du 28/11/2026');
      expect(t).toContain(`${i + 1} / ${deck.slides.length}`);
    });
    expect(xml.some((x) => texts(x, 'a:t').includes('Label économie circulaire'))).toBe(true);
    expect(texts(xml[xml.length - 1], 'a:t')).toContain(TRICKY);
    expect(xml[xml.length - 1]).not.toContain('<b>gras');
    expect(files(zip, /^ppt\/notesSlides\/notesSlide\d+\.xml$/)).toHaveLength(deck.slides.length);
    const presentation = await zip.file('ppt/presentation.xml')!.async('string');
    // 16:9: 10 × 5.625 in.
    expect(presentation).toMatch(/<p:sldSz cx="9144000" cy="5143500"/);
    const chart = await zip.file(files(zip, /^ppt\/charts\/chart\d+\.xml$/)[0])!.async('string');
    expect(chart).toContain('<c:barChart>');
  });
});

describe('the .docx', () => {
  it('has the cover line, headings, tables with a repeated header, links and page numbers', async () => {
    const zip = await JSZip.loadAsync(docx);
    const doc = await zip.file('word/document.xml')!.async('string');
    const t = texts(doc, 'w:t');
    // The cover (typographic apostrophes: the documents go through the French typography routine).
    expect(t).toContain('Dossier d’audit – label économie circulaire');
    expect(t).toContain('Communauté d’agglomération du Val de Loue');
    expect(t).toContain('Dossier arrêté au 28/11/2026');
    expect(t).toContain(TRICKY);
    expect(doc).toContain('<w:tbl>');
    expect(doc).toContain('<w:tblHeader/>');
    expect(doc).toContain('<w:pStyle w:val="Heading1"/>');
    expect(doc).toContain('<w:hyperlink');
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    expect(rels).toMatch(/Target="https:\/\/[^"]+" TargetMode="External"/);
    const footers = await Promise.all(files(zip, /^word\/footer\d*\.xml$/).map((f) => zip.file(f)!.async('string')));
    const footer = footers.join('');
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
    expect(texts(footer, 'w:t').join('')).toContain('Dossier d’audit · Communauté d’agglomération du Val de Loue · page');
    const settings = await zip.file('word/document.xml')!.async('string');
    expect(settings).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  });
});

describe.skipIf(!libreoffice || !pdftoppm)('rendering with LibreOffice', () => {
  const dir = process.env.CAP_RENDER_DIR ? (mkdirSync(process.env.CAP_RENDER_DIR, { recursive: true }), process.env.CAP_RENDER_DIR) : tempDir('rendu');
  const profile = join(tempDir('lo-profil'), 'p');

  function toPdf(file: string): string {
    execFileSync(libreoffice!, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'pipe', timeout: 110_000 });
    return file.replace(/\.(pptx|docx)$/, '.pdf');
  }

  it('converts the deck to a PDF of one page per slide, and to pictures', () => {
    const file = join(dir, 'presentation-copil.pptx');
    writeFileSync(file, pptx);
    const pdf = toPdf(file);
    expect(existsSync(pdf)).toBe(true);
    if (pdfinfo) {
      const info = execFileSync(pdfinfo, [pdf], { encoding: 'utf8' });
      expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(deck.slides.length);
    }
    execFileSync(pdftoppm!, ['-r', '50', '-png', pdf, join(dir, 'presentation-copil')]);
    expect(readdirSync(dir).filter((f) => /^presentation-copil-\d+\.png$/.test(f))).toHaveLength(deck.slides.length);
  });

  it('converts the dossier d’audit to a PDF', () => {
    const file = join(dir, 'dossier-audit.docx');
    writeFileSync(file, docx);
    const pdf = toPdf(file);
    expect(existsSync(pdf)).toBe(true);
    if (pdfinfo) expect(Number(/Pages:\s+(\d+)/.exec(execFileSync(pdfinfo, [pdf], { encoding: 'utf8' }))![1])).toBeGreaterThan(10);
  });
});
