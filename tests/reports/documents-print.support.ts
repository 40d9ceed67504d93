/**
 * Printed documents for the tests: the sample territory's and those of a
 * workbook that is not the sample (another collectivité, other services,
 * links of every kind, another meeting with its participants), as .docx
 * bytes, plus readers of their XML parts.
 */
import { strFromU8, unzipSync } from 'fflate';
import { buildReport } from '../../src/app/generate-report';
import type { MemoryWorkbook } from '../../src/app/memory-workbook';
import type { ReportDocument } from '../../src/domain/reports/document';
import type { ReportInput } from '../../src/domain/reports/input';
import { TAB } from '../../src/domain/schema/tabs';
import { documentToDocx } from '../../src/files/reports/docx';
import { addRows, day, setRow } from '../steering/helpers';
import { almostEmptyWorkbook, readReportInputOf, sampleInput } from './support';

/** Generation instant of the other territory: 9 March 2027, 9:05 local time (not the sample's date). */
export const OTHER_NOW = new Date(2027, 2, 9, 9, 5);

/** A workbook that is not the sample: another collectivité, a few services, preuves with every kind of link, two meetings. */
export function otherWorkbook(): MemoryWorkbook {
  const wb = almostEmptyWorkbook();
  const g = wb.grid(TAB.accueil).map((r) => r.slice());
  const r = g.findIndex((row) => row[0] === 'Nom de la collectivité');
  g[r][1] = 'Syndicat mixte des Trois Vallées';
  wb.setGrid(TAB.accueil, g);
  const preuve = (id: string, values: Record<string, string | Date | null>) => setRow(wb, TAB.preuves, 'preuves', 'Identifiant', id, values);
  preuve('organigramme_eci', { État: 'Prête', Responsable: 'Jeanne Martin', Service: 'Direction générale', Lien: 'https://www.trois-vallees.fr/organigramme.pdf' });
  preuve('budget_eci', { État: 'En cours', Responsable: 'Paul Roche', Service: 'Finances', Lien: '\\\\srv-ged\\finances\\budget-2027.xlsx', Échéance: day(2027, 4, 30) });
  preuve('fiches_equipe_maj', { État: 'À créer', Service: 'Ressources humaines', Lien: 'http://ged/rh/fiches-de-poste' });
  preuve('delib_engagement_politique_eci', { État: 'Existante', Service: 'Direction générale', Lien: 'file:///C:/Users/jmartin/Documents/deliberation.pdf' });
  preuve('delib_elu_eci', { État: 'Existante', Responsable: 'Jeanne Martin', Service: 'Direction générale', Lien: 'http://192.168.10.4/actes/delib-elu.pdf' });
  // Statuses and explanations with characters the page layout does not know (an emoji, CJK, maths): the table of
  // contents still gets its numbers.
  setRow(wb, TAB.referentiel, 'referentiel', 'Identifiant', 'eci_1.1.1', { Statut: 'Fait', Explication: 'Objectif ≥ 50 % atteint 🎯 ; charte signée (签署) en 2026.', Pilote: 'Jeanne Martin' });
  setRow(wb, TAB.referentiel, 'referentiel', 'Identifiant', 'eci_2.1.1', { Statut: 'Programmé', Explication: 'Étude lancée ; résultats attendus au 2ᵉ semestre.' });
  addRows(wb, TAB.instances, 'instances', [
    {
      'N°': 1,
      Date: day(2027, 1, 12),
      Type: 'COPIL',
      Intitulé: 'Premier comité de pilotage',
      Public: 'Élus du bureau, direction générale',
      Participants: 'Anne Vidal, présidente\nLuc Perrin, vice-président déchets\nJeanne Martin, DGS\nPaul Roche, directeur financier',
      'Nb de participants': 4,
      'Élu·e présent·e': 'Oui',
      'Direction présente': 'Oui',
      'Points clés': 'Lancement de la démarche.\nCalendrier validé.',
      Décisions: 'Candidature au label en 2028.',
    },
    { 'N°': 2, Date: day(2027, 6, 8), Type: 'COPIL', Intitulé: 'Deuxième comité de pilotage' },
  ]);
  addRows(wb, TAB.engagements, 'engagements', [
    { Instance: 1, Qui: 'Paul Roche', Quoi: 'Chiffrer la ligne budgétaire', Échéance: day(2027, 2, 15), Statut: 'À faire' },
    { Instance: 1, Qui: 'Jeanne Martin', Quoi: 'Présenter la démarche en bureau', Échéance: day(2027, 1, 5), Statut: 'À faire' },
  ]);
  return wb;
}

export function otherInput(): ReportInput {
  return readReportInputOf(otherWorkbook(), OTHER_NOW);
}

export interface PrintedDocument {
  readonly file: string;
  readonly model: ReportDocument;
  readonly bytes: Uint8Array;
}

async function printed(input: ReportInput, prefix: string, instance: number): Promise<PrintedDocument[]> {
  const out: PrintedDocument[] = [];
  for (const [kind, file] of [['afom', 'afom'], ['audit', 'audit'], ['bilan', `bilan-${instance}`]] as const) {
    const built = buildReport(kind, input, kind === 'bilan' ? { instance } : {});
    out.push({ file: `${prefix}-${file}.docx`, model: built.document!, bytes: await documentToDocx(built.document!, built.name) });
  }
  return out;
}

export async function sampleDocuments(): Promise<PrintedDocument[]> {
  return printed(await sampleInput(), 'exemple', 10);
}

export async function otherDocuments(): Promise<PrintedDocument[]> {
  return printed(otherInput(), 'autre', 1);
}

/** The XML parts of a .docx, by path. */
export function docxParts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(files)) if (name.endsWith('.xml') || name.endsWith('.rels')) out[name] = strFromU8(data);
  return out;
}

/** The body's paragraphs (`<w:p>…</w:p>`), in order, each with its properties and text. */
export function paragraphs(documentXml: string): Array<{ xml: string; style: string | null; text: string }> {
  const out: Array<{ xml: string; style: string | null; text: string }> = [];
  for (const m of documentXml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)) {
    const xml = m[0];
    const style = /<w:pStyle w:val="([^"]+)"/.exec(xml)?.[1] ?? null;
    const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
    out.push({ xml, style, text: decodeXml(text) });
  }
  return out;
}

export function decodeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}
