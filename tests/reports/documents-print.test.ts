/**
 * The Word documents fit to print, on the sample and on a workbook that is
 * not the sample: checked in the generated .docx XML (cover, numbered
 * footer, TOC field, headings kept with what follows, fr-FR, participants,
 * flagged links, to-do table) and, when LibreOffice is installed, in the PDF
 * it renders (page count, cover without a number, a filled table of contents
 * whose page numbers are those where the headings are printed). Set
 * CAP_DOCS_OUT=<folder> to keep the .docx, PDF and PNG files to look at.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { linkReach } from '../../src/domain/reports/remote-links';
import { docxParts, otherDocuments, paragraphs, sampleDocuments, type PrintedDocument } from './documents-print.support';

function which(name: string): string | null {
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : null;
}
const libreoffice = which('libreoffice') ?? which('soffice');
const pdftotext = which('pdftotext');
const pdftoppm = which('pdftoppm');
if (!libreoffice || !pdftotext) console.warn('Rendu PDF des documents ignoré : libreoffice ou pdftotext introuvable dans le PATH.');

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let docs: PrintedDocument[] = [];
const byFile = (f: string) => docs.find((d) => d.file === f)!;

beforeAll(async () => {
  docs = [...(await sampleDocuments()), ...(await otherDocuments())];
}, 120_000);

describe('the .docx of every document', () => {
  it('opens on a cover page: collectivité, title, date, version, then a page break; no number on the cover', () => {
    for (const d of docs) {
      const parts = docxParts(d.bytes);
      const ps = paragraphs(parts['word/document.xml']);
      expect(ps.slice(0, 4).map((p) => p.text), d.file).toEqual([d.model.collectivite, d.model.title, d.model.subtitle, d.model.version]);
      expect(ps[3].xml, d.file).toContain('<w:br w:type="page"/>');
      expect(d.model.version).toMatch(/^Version du \d\d\/\d\d\/\d{4} à \d+\u00a0h\u00a0\d\d/);
      // The section has a distinct first page: the cover's footer is empty, every other page is numbered.
      expect(parts['word/document.xml']).toContain('<w:titlePg/>');
      const footers = Object.entries(parts).filter(([n]) => /^word\/footer\d+\.xml$/.test(n)).map(([, x]) => x);
      const numbered = footers.filter((x) => /PAGE/.test(x));
      expect(numbered, d.file).toHaveLength(1);
      expect(numbered[0]).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
      expect(numbered[0]).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);
      expect(paragraphs(numbered[0]).map((p) => p.text).join('')).toMatch(new RegExp(`^${escape(d.model.footer)} · page\\s*sur\\s*\\d*$`));
    }
  });

  it('is French: every style and run is tagged fr-FR, nothing en-US', () => {
    for (const d of docs) {
      const parts = docxParts(d.bytes);
      const styles = parts['word/styles.xml'];
      expect(styles, d.file).toMatch(/<w:docDefaults>[\s\S]*<w:lang w:val="fr-FR"\/>[\s\S]*<\/w:docDefaults>/);
      for (const [name, xml] of Object.entries(parts)) expect(xml, `${d.file} ${name}`).not.toMatch(/w:val="en-(US|GB)"/);
      // Runs we write carry the tag themselves; the entries of the table of contents get it from the TOC styles.
      const body = paragraphs(parts['word/document.xml']).filter((p) => !/^TOC\d$/.test(p.style ?? '')).map((p) => p.xml).join('');
      for (const n of [1, 2, 3]) expect(styles).toMatch(new RegExp(`w:styleId="TOC${n}"[\\s\\S]*?<w:lang w:val="fr-FR"/>[\\s\\S]*?</w:style>`));
      const runs = [...body.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].filter((r) => /<w:t[ >]/.test(r[1]));
      expect(runs.length).toBeGreaterThan(3);
      for (const r of runs) expect(r[1], d.file).toContain('<w:lang w:val="fr-FR"/>');
    }
  });

  it('keeps every heading with its next paragraph, and labels with the table they introduce', () => {
    for (const d of docs) {
      const parts = docxParts(d.bytes);
      const headings = paragraphs(parts['word/document.xml']).filter((p) => /^Heading\d$/.test(p.style ?? ''));
      expect(headings.length, d.file).toBe(d.model.blocks.filter((b) => b.kind === 'heading').length);
      for (const h of headings) expect(h.xml, `${d.file}: ${h.text}`).toContain('<w:keepNext/>');
      // The heading styles keep with next too (a heading typed later in Word does).
      for (const n of [1, 2, 3]) expect(parts['word/styles.xml']).toMatch(new RegExp(`<w:style [^>]*w:styleId="Heading${n}"[\\s\\S]*?<w:keepNext/>[\\s\\S]*?</w:style>`));
    }
    const audit = paragraphs(docxParts(byFile('exemple-audit.docx').bytes)['word/document.xml']);
    const labels = audit.filter((p) => p.text === 'Preuves');
    expect(labels.length).toBeGreaterThan(15);
    for (const l of labels) expect(l.xml).toContain('<w:keepNext/>');
  });

  it('gives the audit file a real table of contents (a TOC field, filled, that Word refreshes on open); the others none', () => {
    for (const d of docs) {
      const parts = docxParts(d.bytes);
      const hasToc = /TOC \\h \\o &quot;1-3&quot;|TOC \\o &quot;1-3&quot; \\h/.test(parts['word/document.xml']);
      expect(hasToc, d.file).toBe(d.model.tableOfContents);
      expect(d.model.tableOfContents).toBe(d.file.endsWith('-audit.docx'));
      if (!d.model.tableOfContents) continue;
      expect(parts['word/settings.xml']).toMatch(/<w:updateFields(\s+w:val="true")?\/>/);
      // The entries are written with their page numbers, linked to bookmarks on the headings.
      const toc = paragraphs(parts['word/document.xml']).filter((p) => /^TOC[123]$/.test(p.style ?? ''));
      const headings = paragraphs(parts['word/document.xml']).filter((p) => /^Heading[123]$/.test(p.style ?? ''));
      expect(toc.map((p) => p.text.replace(/\d+$/, ''))).toEqual(headings.map((h) => h.text));
      for (const p of toc) expect(p.text, p.text).toMatch(/\D\d+$/);
      expect(toc.map((p) => p.xml).join('')).toMatch(/PAGEREF _Toc\d+ \\h/);
    }
  });

  it('lists the participants of the meeting in the bilan', () => {
    const other = paragraphs(docxParts(byFile('autre-bilan-1.docx').bytes)['word/document.xml']).map((p) => p.text);
    expect(other).toEqual(expect.arrayContaining(['Participants', 'Anne Vidal, présidente', 'Luc Perrin, vice-président déchets', 'Jeanne Martin, DGS', 'Paul Roche, directeur financier']));
    const sample = paragraphs(docxParts(byFile('exemple-bilan-10.docx').bytes)['word/document.xml']).map((p) => p.text);
    expect(sample).toContain('Participants');
  });

  it('lists what is left to do by service in the audit file, and flags the links a remote auditor cannot open', () => {
    const other = byFile('autre-audit.docx');
    const xml = docxParts(other.bytes)['word/document.xml'];
    const text = paragraphs(xml).map((p) => p.text);
    expect(text).toContain('À faire avant l’audit');
    expect(text).toEqual(expect.arrayContaining(['Service', 'Preuves à fournir', 'Sans responsable', 'Liens à rendre accessibles']));
    // Every internal link of the other workbook is listed with why it will not open.
    const flagged = ['\\\\srv-ged\\finances\\budget-2027.xlsx', 'http://ged/rh/fiches-de-poste', 'file:///C:/Users/jmartin/Documents/deliberation.pdf', 'http://192.168.10.4/actes/delib-elu.pdf'];
    for (const l of flagged) expect(text, l).toContain(l);
    expect(text).toEqual(expect.arrayContaining(['Dossier partagé du réseau interne', 'Adresse de l’intranet', 'Fichier sur un poste (file:)', 'Adresse IP du réseau interne']));
    expect(text.filter((t) => t === 'Non accessible depuis l’extérieur').length).toBe(flagged.length);
    // The public link is a link, and is not flagged.
    expect(xml).toContain('https://www.trois-vallees.fr/organigramme.pdf');
    // Owners to designate appear as such in the to-do list.
    expect(text).toContain('À désigner');
  });
});

describe('which links a remote auditor can open', () => {
  it('tells intranet hosts, private addresses, shares, local paths and files from public addresses', () => {
    const reason = (l: string) => {
      const r = linkReach(l);
      return r.kind === 'unreachable' ? r.reason : r.kind;
    };
    expect(reason('https://www.agglo.fr/doc.pdf')).toBe('public');
    expect(reason('https://drive.google.com/file/d/abc')).toBe('public');
    expect(reason('http://8.8.8.8/x')).toBe('public');
    expect(reason('https://intranet.agglo.fr/ged/x.pdf')).toBe('intranet');
    expect(reason('http://ged/x')).toBe('intranet');
    expect(reason('http://sharepoint.mairie.local/sites/eci')).toBe('intranet');
    expect(reason('https://wiki.lan/x')).toBe('intranet');
    expect(reason('https://portail.intra/x')).toBe('intranet');
    expect(reason('http://10.2.3.4/x')).toBe('private-ip');
    expect(reason('http://172.20.0.1:8080/x')).toBe('private-ip');
    expect(reason('http://192.168.1.10/x')).toBe('private-ip');
    expect(reason('http://172.32.0.1/x')).toBe('public');
    expect(reason('http://[fd00::1]/x')).toBe('private-ip');
    expect(reason('http://localhost:3000/x')).toBe('local-host');
    expect(reason('file:///C:/x.pdf')).toBe('file');
    expect(reason('\\\\serveur\\partage\\x.pdf')).toBe('network-share');
    expect(reason('//serveur/partage/x.pdf')).toBe('network-share');
    expect(reason('C:\\Users\\moi\\x.pdf')).toBe('local-path');
    expect(reason('D:/Dossiers/x.pdf')).toBe('local-path');
    expect(reason('Classeur des délibérations, p. 12')).toBe('text');
    expect(reason('')).toBe('text');
  });

  it('never flags a public host, always flags a private address (property)', () => {
    const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/).filter((l) => l !== 'intranet' && l !== 'intra');
    const path = fc.stringMatching(/^(\/[A-Za-z0-9._-]{0,12}){0,3}$/);
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 3 }), fc.constantFrom('fr', 'com', 'org', 'eu', 'gouv.fr'), fc.constantFrom('http', 'https'), path, (labels, tld, scheme, p) => {
        expect(linkReach(`${scheme}://${labels.join('.')}.${tld}${p}`).kind).toBe('public');
      }),
    );
    const byte = fc.integer({ min: 0, max: 255 });
    fc.assert(
      fc.property(byte, byte, byte, fc.constantFrom('10.{a}.{b}.{c}', '192.168.{b}.{c}', '172.{s}.{b}.{c}'), fc.integer({ min: 16, max: 31 }), path, (a, b, c, pattern, sixteen, p) => {
        const host = pattern.replace('{a}', String(a)).replace('{b}', String(b)).replace('{c}', String(c)).replace('{s}', String(sixteen));
        const r = linkReach(`http://${host}${p}`);
        expect(r.kind === 'unreachable' && r.reason).toBe('private-ip');
      }),
    );
  });
});

describe.skipIf(!libreoffice || !pdftotext)('the documents printed by LibreOffice', () => {
  const dir = process.env.CAP_DOCS_OUT ? (mkdirSync(process.env.CAP_DOCS_OUT, { recursive: true }), process.env.CAP_DOCS_OUT) : mkdtempSync(join(tmpdir(), 'cap-docs-'));
  const profile = mkdtempSync(join(tmpdir(), 'cap-docs-lo-'));
  const pages = new Map<string, string[]>();

  beforeAll(() => {
    for (const d of docs) writeFileSync(join(dir, d.file), d.bytes);
    execFileSync(libreoffice!, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...docs.map((d) => join(dir, d.file))], {
      stdio: 'pipe',
      timeout: 240_000,
    });
    for (const d of docs) {
      const pdf = join(dir, d.file.replace(/\.docx$/, '.pdf'));
      pages.set(d.file, execFileSync(pdftotext!, ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1));
      if (pdftoppm) execFileSync(pdftoppm, ['-png', '-r', '50', pdf, join(dir, d.file.replace(/\.docx$/, ''))]);
    }
  }, 300_000);

  it('prints a cover without a page number, then numbers every page « page N sur M »', () => {
    for (const d of docs) {
      const ps = pages.get(d.file)!;
      expect(ps.length, d.file).toBeGreaterThan(1);
      expect(ps[0]).toContain(d.model.collectivite);
      expect(ps[0]).not.toMatch(/page \d+ sur \d+/);
      ps.slice(1).forEach((p, i) => expect(p, `${d.file} page ${i + 2}`).toContain(`page ${i + 2} sur ${ps.length}`));
    }
    expect(pages.get('exemple-audit.docx')!.length).toBeGreaterThan(20);
    if (pdftoppm) expect(readdirSync(dir).filter((f) => f.endsWith('.png')).length).toBeGreaterThan(docs.length);
  });

  it('fills the audit file’s table of contents with the pages its headings are printed on', () => {
    for (const file of ['exemple-audit.docx', 'autre-audit.docx']) {
      const ps = pages.get(file)!;
      expect(ps[1]).toContain('Sommaire');
      const entries: Array<{ title: string; page: number }> = [];
      for (const p of ps.slice(1, 4)) {
        for (const line of p.split('\n')) {
          const m = /^\s*(\S.*?)\s*\.{3,}\s*(\d+)\s*$/.exec(line);
          if (m) entries.push({ title: m[1], page: Number(m[2]) });
        }
      }
      expect(entries.length, file).toBeGreaterThan(25);
      // The numbers are Word's layout (docx/layout); LibreOffice's is a few points taller at times, and may push a
      // heading that Word keeps at the foot of a page to the top of the next one. Allowed, rarely, never further.
      const slips: string[] = [];
      const flat = (t: string) => t.replace(/\s+/g, ' ');
      for (const e of entries) {
        // A long title wraps in the table; its start is on its page.
        const start = flat(e.title).slice(0, 40);
        if (flat(ps[e.page - 1] ?? '').includes(start)) continue;
        const next = (ps[e.page] ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
        expect(flat(next.slice(0, 2).join(' ')), `${file}: « ${e.title} » announced on page ${e.page}`).toContain(start);
        slips.push(`${e.title} (${e.page} → ${e.page + 1})`);
      }
      if (slips.length) console.info(`${file} : titre(s) repoussé(s) d’une page par LibreOffice : ${slips.join(' ; ')}`);
      expect(slips.length, slips.join(' ; ')).toBeLessThanOrEqual(2);
    }
  });
});
