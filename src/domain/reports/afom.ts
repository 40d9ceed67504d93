/**
 * The AFOM document: the four quadrants of the diagnostic, by axe of the
 * référentiel, each item with the actions that answer it (Actions › Répond à,
 * Plan d'actions › AFOM traités), then the items no action answers yet.
 */
import { REPORT_MESSAGES } from '../messages/reports';
import type { ActionRow, AfomItem, FicheAction, TypeAfom } from '../model/types';
import { TYPES_AFOM } from '../schema/lists';
import { findNode } from '../referentiel/tree';
import { AFOM_COLOURS, byImportance } from './copil';
import { printedDocument, type DocBlock, type DocRun, type DocTableCell, type ReportDocument } from './document';
import { collectiviteName, reportDate, type ReportInput } from './input';

const M = REPORT_MESSAGES.afom;

const norm = (id: string) => id.trim().toUpperCase();

export interface AfomReponses {
  readonly actions: readonly ActionRow[];
  readonly fiches: readonly FicheAction[];
}

/** Actions and fiches that answer each AFOM id (normalised upper case). */
export function reponsesAfom(input: Pick<ReportInput, 'model'>): Map<string, AfomReponses> {
  const out = new Map<string, { actions: ActionRow[]; fiches: FicheAction[] }>();
  const get = (id: string) => {
    const k = norm(id);
    let e = out.get(k);
    if (!e) out.set(k, (e = { actions: [], fiches: [] }));
    return e;
  };
  for (const a of input.model.actions) for (const id of new Set(a.repondA.map(norm))) if (id) get(id).actions.push(a);
  for (const f of input.model.planActions) for (const id of new Set(f.afom.map(norm))) if (id) get(id).fiches.push(f);
  return out;
}

function axeTitre(axe: number | null): string | null {
  return axe === null ? null : findNode(`eci_${axe}`)?.title ?? null;
}

const txt = (text: string, o: Omit<DocRun, 'text'> = {}): DocRun => ({ text, ...o });
const c = (text: string, o: Omit<DocTableCell, 'runs'> = {}): DocTableCell => ({ runs: [txt(text)], ...o });

export function afomDocument(input: ReportInput): ReportDocument {
  const collectivite = collectiviteName(input);
  const date = reportDate(input.today);
  const items = input.model.afom.filter((a) => a.id || a.enonce);
  const blocks: DocBlock[] = [];
  const doc = (b: DocBlock[]): ReportDocument =>
    printedDocument({ title: M.titre, subtitle: M.couvertureDate(date), collectivite, date, generatedAt: input.today, footerTitle: M.pied }, b);

  if (items.length === 0) {
    blocks.push({ kind: 'paragraph', runs: [txt(M.vide)] });
    blocks.push({ kind: 'paragraph', runs: [txt(M.sourcesDocument)], style: 'note' });
    return doc(blocks);
  }

  const reponses = reponsesAfom(input);
  const repondu = (a: AfomItem) => {
    const r = reponses.get(norm(a.id));
    return !!r && (r.actions.length > 0 || r.fiches.length > 0);
  };
  const count = (t: TypeAfom) => items.filter((a) => a.type === t).length;
  const avec = items.filter(repondu).length;

  blocks.push({ kind: 'paragraph', runs: [txt(M.intro(items.length, count('Atout'), count('Faiblesse'), count('Opportunité'), count('Menace')))] });
  blocks.push({ kind: 'paragraph', runs: [txt(M.couverture(avec, items.length))] });
  if (input.model.actions.length === 0 && input.model.planActions.length === 0) {
    blocks.push({ kind: 'paragraph', runs: [txt(M.aucuneAction, { italic: true })] });
  }

  // Synthesis by axe.
  const axes = [...new Set(items.map((a) => a.axe))].sort((x, y) => (x ?? 99) - (y ?? 99));
  blocks.push({ kind: 'heading', level: 1, text: M.synthese });
  blocks.push({
    kind: 'table',
    headers: [...M.colonnesSynthese],
    widths: [34, 12, 13, 15, 12, 14],
    rows: axes.map((axe) => {
      const of = items.filter((a) => a.axe === axe);
      const n = (t: TypeAfom) => String(of.filter((a) => a.type === t).length);
      const sans = of.filter((a) => !repondu(a)).length;
      return [
        c(M.axe(axe, axeTitre(axe))),
        c(n('Atout')),
        c(n('Faiblesse')),
        c(n('Opportunité')),
        c(n('Menace')),
        sans ? { runs: [txt(String(sans), { bold: true })], fill: AFOM_COLOURS.Faiblesse.background } : c('0'),
      ];
    }),
  });

  // The four quadrants, by axe.
  const types: (TypeAfom | null)[] = [...TYPES_AFOM, null];
  for (const t of types) {
    const of = items.filter((a) => a.type === t);
    if (of.length === 0) continue;
    blocks.push({ kind: 'heading', level: 1, text: t ? `${M.quadrants[t]} (${of.length})` : M.sansType });
    for (const axe of axes) {
      const here = byImportance(of.filter((a) => a.axe === axe));
      if (here.length === 0) continue;
      blocks.push({ kind: 'heading', level: 2, text: M.axe(axe, axeTitre(axe)) });
      for (const a of here) {
        blocks.push({ kind: 'heading', level: 3, text: M.element(a.id || '–', a.enonce || REPORT_MESSAGES.nonRenseigne) });
        blocks.push({ kind: 'paragraph', runs: [txt(M.meta(a.importance, a.source))], style: 'note' });
        const r = reponses.get(norm(a.id));
        const lines: DocRun[][] = [
          ...(r?.actions ?? []).map((x) => [txt(M.action(x.ref ?? '–', x.intitule || REPORT_MESSAGES.nonRenseigne, x.service, x.temporalite))]),
          ...(r?.fiches ?? []).map((f) => [txt(M.fiche(f.numero, f.titre || REPORT_MESSAGES.nonRenseigne, f.statut), { bold: true })]),
        ];
        if (lines.length) {
          blocks.push({ kind: 'paragraph', runs: [txt(M.actionsQuiRepondent)], keepWithNext: true });
          blocks.push({ kind: 'list', ordered: false, items: lines });
        } else {
          blocks.push({ kind: 'paragraph', runs: [txt(M.aucuneReponse, { italic: true })] });
        }
      }
    }
  }

  // What no action answers yet.
  const sans = items.filter((a) => !repondu(a));
  blocks.push({ kind: 'heading', level: 1, text: M.sansReponse });
  if (sans.length === 0) {
    blocks.push({ kind: 'paragraph', runs: [txt(M.toutCouvert)] });
  } else {
    blocks.push({ kind: 'paragraph', runs: [txt(M.sansReponseIntro)], keepWithNext: true });
    const order = (a: AfomItem) => (a.type ? TYPES_AFOM.indexOf(a.type) : 9);
    blocks.push({
      kind: 'table',
      headers: ['Id', 'Type', 'Énoncé', 'Axe', 'Importance'],
      widths: [7, 14, 55, 10, 14],
      rows: [...sans]
        .sort((x, y) => order(x) - order(y) || (y.importance ?? 0) - (x.importance ?? 0) || x.rowNumber - y.rowNumber)
        .map((a) => [
          { runs: [txt(a.id || '–', { bold: true })] },
          a.type ? { runs: [txt(a.type)], fill: AFOM_COLOURS[a.type].background } : c('–'),
          c(a.enonce || REPORT_MESSAGES.nonRenseigne),
          c(M.axeCourt(a.axe)),
          c(a.importance === null ? '–' : `${a.importance} / 3`),
        ]),
    });
  }
  blocks.push({ kind: 'paragraph', runs: [txt(M.sourcesDocument)], style: 'note' });
  return doc(blocks);
}
