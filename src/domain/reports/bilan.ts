/**
 * The follow-up of an instance (Bilan d'une instance): key points, decisions,
 * commitments (qui / quoi / échéance) and the next dates.
 */
import { formatDateFr, formatNumberFr } from '../format';
import { REPORT_MESSAGES } from '../messages/reports';
import type { Instance, WorkbookModel } from '../model/types';
import { COLOURS } from '../schema/colours';
import type { DocBlock, DocRun, DocTableCell, ReportDocument } from './document';
import { printedDocument, safeLink } from './document';
import { echeances } from '../plan-actions/echeances';
import { isoJour, jourDe } from '../plan-actions/jours';
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

/**
 * The day the bilan counts from: the meeting's date (« next dates » are the
 * ones after the meeting, « late » is late at the meeting), or the day of
 * generation for an instance without a date.
 */
function jourDeReference(input: ReportInput, instance: Instance): Date {
  return instance.date ? new Date(Date.UTC(instance.date.getUTCFullYear(), instance.date.getUTCMonth(), instance.date.getUTCDate())) : jourDe(input.today);
}

export function bilanInstanceDocument(input: ReportInput, instance: Instance): ReportDocument {
  const collectivite = collectiviteName(input);
  const { model, dashboard: d } = input;
  const reference = jourDeReference(input, instance);
  const today = reference.getTime();
  const referenceLibelle = formatDateFr(reference);
  const date = instance.date ? referenceLibelle : reportDate(input.today);
  // echeances() takes an instant and uses its local calendar day: noon of the reference day, in any time zone.
  const ech = echeances(model.jalons, model.engagements, new Date(reference.getUTCFullYear(), reference.getUTCMonth(), reference.getUTCDate(), 12), model.seuils.horizonMois);
  const quand = instance.date ? formatDateFr(instance.date) : REPORT_MESSAGES.nonDate;
  const blocks: DocBlock[] = [];
  const ouiNon = (b: boolean | null) => (b === true ? REPORT_MESSAGES.oui : b === false ? REPORT_MESSAGES.non : '–');

  blocks.push({ kind: 'heading', level: 1, text: M.informations });
  const lien = safeLink(instance.lienCompteRendu);
  const info: [string, DocRun[]][] = [
    [M.intitule, [txt(instance.intitule || '–')]],
    [M.numero, [txt(String(instance.numero))]],
    [M.date, [txt(quand)]],
    [M.type, [txt(instance.type ?? '–')]],
    [M.public, [txt(instance.public ?? '–')]],
    [M.nombreParticipants, [txt(instance.participants === null ? '–' : formatNumberFr(instance.participants))]],
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

  blocks.push({ kind: 'heading', level: 1, text: M.listeParticipants });
  const participants = splitItems(instance.listeParticipants ?? null);
  blocks.push(participants.length ? { kind: 'list', ordered: false, items: participants.map((p) => [txt(p)]) } : { kind: 'paragraph', runs: [txt(M.aucunParticipant, { italic: true })] });

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

  const mois = model.seuils.horizonMois;
  blocks.push({ kind: 'heading', level: 2, text: M.echeancesDepuis(mois, referenceLibelle) });
  blocks.push(
    ech.aVenir.length
      ? { kind: 'list', ordered: false, items: ech.aVenir.map((e) => [txt(M.echeance(e.echeanceLibelle, e.libelle, e.qui))]) }
      : { kind: 'paragraph', runs: [txt(M.aucuneEcheanceDepuis(mois, referenceLibelle), { italic: true })] },
  );
  if (ech.enRetard.length) {
    blocks.push({ kind: 'heading', level: 2, text: M.retardsAu(referenceLibelle) });
    blocks.push({ kind: 'list', ordered: false, items: ech.enRetard.map((e) => [txt(M.echeance(e.echeanceLibelle, e.libelle, e.qui))]) });
  }
  const audit = d.audit.calendrier.filter((l) => l.date !== null && l.date >= isoJour(reference));
  if (audit.length) {
    blocks.push({ kind: 'heading', level: 2, text: M.calendrierAudit });
    blocks.push({ kind: 'list', ordered: false, items: audit.map((l) => [txt(M.etapeAudit(l.dateLibelle, l.libelle))]) });
  }
  blocks.push({ kind: 'paragraph', runs: [txt(M.sourcesDocument)], style: 'note' });
  const titre = M.titre(instance.type, quand);
  const subtitle = instance.intitule && instance.intitule !== titre ? instance.intitule : M.couvertureDate(quand);
  return printedDocument({ title: titre, subtitle, collectivite, date, generatedAt: input.today, footerTitle: M.pied(titre) }, blocks);
}
