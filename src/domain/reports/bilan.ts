/**
 * The follow-up of an instance (Bilan d'une instance): key points, decisions,
 * commitments (qui / quoi / échéance) and the next dates.
 */
import { formatDateFr, formatNumberFr } from '../format';
import { REPORT_MESSAGES } from '../messages/reports';
import type { Instance, WorkbookModel } from '../model/types';
import { COLOURS } from '../schema/colours';
import type { DocBlock, DocRun, DocTableCell, ReportDocument } from './document';
import { plain, safeLink } from './document';
import { jourDe } from '../plan-actions/jours';
import { collectiviteName, reportDate, type ReportInput } from './input';

const M = REPORT_MESSAGES.bilan;
const txt = (text: string, o: Omit<DocRun, 'text'> = {}): DocRun => ({ text, ...o });
const c = (text: string, o: Omit<DocTableCell, 'runs'> = {}): DocTableCell => ({ runs: [txt(text)], ...o });

export function findInstance(model: WorkbookModel, numero: number): Instance | null {
  return model.instances.find((i) => i.numero === numero) ?? null;
}

/** Splits a multi-line cell into items: one per line, `;` or bullet sign. */
export function splitItems(text: string | null): string[] {
  if (!text) return [];
  return text
    .split(/\r?\n|;\s+|\s•\s/)
    .map((s) => s.replace(/^\s*(?:[-–•*]|\d+[.)])\s+/, '').trim())
    .filter(Boolean);
}

export function bilanInstanceDocument(input: ReportInput, instance: Instance): ReportDocument {
  const collectivite = collectiviteName(input);
  const date = reportDate(input.today);
  const { model, dashboard: d } = input;
  const today = jourDe(input.today).getTime();
  const quand = instance.date ? formatDateFr(instance.date) : REPORT_MESSAGES.nonDate;
  const blocks: DocBlock[] = [];
  const ouiNon = (b: boolean | null) => (b === true ? REPORT_MESSAGES.oui : b === false ? REPORT_MESSAGES.non : '–');

  blocks.push({ kind: 'heading', level: 1, text: instance.intitule || M.titre(instance.type, quand) });
  blocks.push({ kind: 'paragraph', runs: [txt(M.informations, { bold: true })] });
  const lien = safeLink(instance.lienCompteRendu);
  const info: [string, DocRun[]][] = [
    [M.numero, [txt(String(instance.numero))]],
    [M.date, [txt(quand)]],
    [M.type, [txt(instance.type ?? '–')]],
    [M.public, [txt(instance.public ?? '–')]],
    [M.participants, [txt(instance.participants === null ? '–' : formatNumberFr(instance.participants))]],
    [M.elu, [txt(ouiNon(instance.eluPresent))]],
    [M.direction, [txt(ouiNon(instance.directionPresente))]],
    [M.compteRendu, lien ? [txt(lien, { link: lien })] : [txt(instance.lienCompteRendu ?? '–')]],
  ];
  blocks.push({
    kind: 'table',
    headers: [],
    widths: [30, 70],
    rows: info.map(([k, v]) => [{ runs: [txt(k, { bold: true })] }, { runs: v }]),
  });

  blocks.push({ kind: 'heading', level: 1, text: M.pointsCles });
  const points = splitItems(instance.pointsCles);
  blocks.push(points.length ? { kind: 'list', ordered: false, items: points.map((p) => [txt(p)]) } : { kind: 'paragraph', runs: [txt(M.aucunPoint, { italic: true })] });

  blocks.push({ kind: 'heading', level: 1, text: M.decisions });
  const decisions = splitItems(instance.decisions);
  blocks.push(decisions.length ? { kind: 'list', ordered: true, items: decisions.map((p) => [txt(p)]) } : { kind: 'paragraph', runs: [txt(M.aucuneDecision, { italic: true })] });

  blocks.push({ kind: 'heading', level: 1, text: M.engagements });
  const engagements = model.engagements.filter((e) => e.instance === instance.numero);
  if (engagements.length === 0) {
    blocks.push({ kind: 'paragraph', runs: [txt(M.aucunEngagement, { italic: true })] });
  } else {
    blocks.push({
      kind: 'table',
      headers: [...M.colonnesEngagements],
      widths: [22, 50, 14, 14],
      rows: [...engagements]
        .sort((a, b) => (a.echeance?.getTime() ?? Infinity) - (b.echeance?.getTime() ?? Infinity) || a.rowNumber - b.rowNumber)
        .map((e) => {
          const late = e.statut !== 'Fait' && e.echeance !== null && e.echeance.getTime() < today;
          const statut = e.statut === 'Fait' ? M.fait : late ? M.enRetard : M.aFaire;
          const fill = e.statut === 'Fait' ? COLOURS.green : late ? COLOURS.red : undefined;
          return [c(e.qui || '–'), c(e.quoi || '–'), c(e.echeance ? formatDateFr(e.echeance) : REPORT_MESSAGES.nonDate), { runs: [txt(statut, { bold: late })], fill }];
        }),
    });
  }

  blocks.push({ kind: 'heading', level: 1, text: M.prochainesDates });
  blocks.push({ kind: 'heading', level: 2, text: M.prochainesInstances });
  const after = model.instances
    .filter((i) => i !== instance && i.date !== null && i.date.getTime() >= today)
    .sort((a, b) => a.date!.getTime() - b.date!.getTime());
  blocks.push(
    after.length
      ? { kind: 'list', ordered: false, items: after.map((i) => [txt(M.instance(formatDateFr(i.date!), i.type, i.intitule || '–'))]) }
      : { kind: 'paragraph', runs: [txt(M.aucuneInstance, { italic: true })] },
  );

  const mois = d.echeances.horizonMois;
  blocks.push({ kind: 'heading', level: 2, text: M.echeances(mois) });
  blocks.push(
    d.echeances.aVenir.length
      ? { kind: 'list', ordered: false, items: d.echeances.aVenir.map((e) => [txt(M.echeance(e.echeanceLibelle, e.libelle, e.qui))]) }
      : { kind: 'paragraph', runs: [txt(M.aucuneEcheance(mois), { italic: true })] },
  );
  if (d.echeances.enRetard.length) {
    blocks.push({ kind: 'heading', level: 2, text: M.retards });
    blocks.push({ kind: 'list', ordered: false, items: d.echeances.enRetard.map((e) => [txt(M.echeance(e.echeanceLibelle, e.libelle, e.qui))]) });
  }
  const audit = d.audit.calendrier.filter((l) => l.date !== null && l.date >= jourDe(input.today).toISOString().slice(0, 10));
  if (audit.length) {
    blocks.push({ kind: 'heading', level: 2, text: M.calendrierAudit });
    blocks.push({ kind: 'list', ordered: false, items: audit.map((l) => [txt(M.etapeAudit(l.dateLibelle, l.libelle))]) });
  }
  blocks.push({ kind: 'paragraph', runs: [txt(M.sources)], style: 'note' });
  return plain({
    title: M.titre(instance.type, quand),
    subtitle: M.sousTitre(collectivite, date),
    collectivite,
    date,
    blocks,
  });
}
