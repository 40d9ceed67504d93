/**
 * The dossier d'audit: for each of the 21 mesures and its sous-mesures, the
 * status, points réalisés / potentiel, explanation and pilote, then the
 * preuves (attendues, état, lien, page); the missing preuves by person
 * responsible; the readiness checklist and the calendar of `Audit`.
 */
import { formatDateFr } from '../format';
import { REPORT_MESSAGES } from '../messages/reports';
import type { Preuve, ReferentielRow } from '../model/types';
import { ETAT_PREUVE_COLOURS, STATUT_REFERENTIEL_COLOURS } from '../schema/colours';
import type { LineScore } from '../referentiel/score';
import { getNode, nodesAtLevel, resolveNodeId, type ReferentielNode } from '../referentiel/tree';
import type { DocBlock, DocRun, DocTableCell, ReportDocument } from './document';
import { printedDocument, safeLink } from './document';
import { linkReach, type UnreachableReason } from './remote-links';
import { COLOURS } from '../schema/colours';
import { TAB } from '../schema/tabs';
import { estPrete } from '../preuves/readiness';
import { preuvesAttenduesDe, prochaineEtoile } from './copil';
import { collectiviteName, reportDate, type ReportInput } from './input';

const M = REPORT_MESSAGES.audit;
const txt = (text: string, o: Omit<DocRun, 'text'> = {}): DocRun => ({ text, ...o });
const c = (text: string, o: Omit<DocTableCell, 'runs'> = {}): DocTableCell => ({ runs: [txt(text)], ...o });
const colourOf = (rules: readonly { equals: string; background: string }[], v: string | null) => rules.find((r) => r.equals === v)?.background;

/** The sous-mesure (or mesure) ids a preuve is attached to, resolved (`1.1.1` → `eci_1.1.1`). */
function preuveLines(p: Preuve): string[] {
  return p.mesures.map((m) => resolveNodeId(m) ?? m);
}

/** Statut label of a line, with the détaillé fractions when there are some. */
export function statutLabel(score: LineScore | undefined, row: ReferentielRow | undefined): string {
  const eff = score?.statutEffectif ?? null;
  if (eff === 'detaille' && row && row.faitPct !== null && row.programmePct !== null && row.pasFaitPct !== null) {
    return M.detaille(row.faitPct, row.programmePct, row.pasFaitPct);
  }
  if (score && !score.concerne) return M.statuts.non_concerne;
  return eff ? M.statuts[eff] : M.statuts.non_renseigne;
}

function statutFill(score: LineScore | undefined): string | undefined {
  const eff = score?.statutEffectif ?? null;
  if (score && !score.concerne) return colourOf(STATUT_REFERENTIEL_COLOURS, 'Non concerné');
  const label = eff === 'fait' ? 'Fait' : eff === 'programme' ? 'Programmé' : eff === 'pas_fait' ? 'Pas fait' : eff === 'detaille' ? 'Détaillé au %' : null;
  return colourOf(STATUT_REFERENTIEL_COLOURS, label);
}

/** The link cell of a preuve: the address (linked when http(s)), flagged when a remote auditor cannot open it. */
function lienCell(lien: string | null): DocTableCell {
  if (!lien?.trim()) return c('–');
  const reach = linkReach(lien);
  const url = safeLink(lien);
  const address = url ? txt(url, { link: url }) : txt(reach.kind === 'unreachable' ? lien.trim() : M.lienNonValide(lien.trim()));
  if (reach.kind !== 'unreachable') return { runs: [address] };
  return { runs: [address, txt(`\n${M.lienInterne}`, { bold: true })], fill: COLOURS.red };
}

/**
 * The dashboard's wording names the workbook's tabs for the team (« (onglet Équipe) », « dans l'onglet Instances »);
 * the auditor has no use for them: a parenthesis naming a tab goes, « l'onglet X » becomes « le classeur ».
 */
const TAB_NAMES = Object.values(TAB)
  .sort((a, b) => b.length - a.length)
  .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]"))
  .join('|');
const sansOnglet = (text: string) =>
  text
    .replace(/\s*\((?:onglets?|voir l['’]onglet) [^)]*\)/gi, '')
    .replace(new RegExp(`\\bl['’]onglets? (?:«\\s*)?(?:${TAB_NAMES})(?:\\s*»)?`, 'g'), 'le classeur')
    .trim();

/** The service a preuve is expected from (column Service of the preuve), or « Service non renseigné ». */
const serviceOf = (p: Preuve) => p.service?.trim() || '';
const byService = (a: string, b: string) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'fr'));
const mesuresOf = (p: Preuve) => preuveLines(p).map((id) => id.replace(/^eci_/, '')).join(', ') || '–';

interface LienInaccessible {
  readonly preuve: Preuve;
  readonly reason: UnreachableReason;
}

function liensInaccessibles(preuves: readonly Preuve[]): LienInaccessible[] {
  const out: LienInaccessible[] = [];
  for (const p of preuves) {
    const r = linkReach(p.lien);
    if (r.kind === 'unreachable') out.push({ preuve: p, reason: r.reason });
  }
  return out;
}

function etatCell(p: Preuve): DocTableCell {
  return c(p.etat ?? REPORT_MESSAGES.nonRenseigne, { fill: colourOf(ETAT_PREUVE_COLOURS, p.etat) });
}

const pourcentage = (s: LineScore | undefined) => (s && s.pointPotentiel > 0 ? (s.pointFait / s.pointPotentiel) * 100 : 0);

export function auditDocument(input: ReportInput): ReportDocument {
  const collectivite = collectiviteName(input);
  const date = reportDate(input.today);
  const { model, scores, dashboard: d } = input;
  const blocks: DocBlock[] = [];
  const score = (id: string): LineScore | undefined => scores.scores[id];
  const rows = new Map<string, ReferentielRow>();
  for (const r of model.referentiel) {
    const id = resolveNodeId(r.identifiant);
    if (id && !rows.has(id)) rows.set(id, r);
  }

  // Synthesis.
  const total = scores.total;
  blocks.push({ kind: 'heading', level: 1, text: M.synthese });
  blocks.push({
    kind: 'list',
    ordered: false,
    items: [
      [txt(M.score(total.pointFait, total.pointPotentiel, d.etoiles.scoreRealise))],
      [txt(M.programme(total.pointProgramme, d.etoiles.scorePrevisionnel))],
      [txt(M.etoiles(d.etoiles.actuelle, d.etoiles.atteignable), { bold: true })],
      ...(d.etoiles.prochaine ? [[txt(prochaineEtoile(d))]] : []),
      [txt(M.completude(d.completude.libelle))],
      [txt(M.preuves(d.preuves.libelle))],
    ],
  });

  // What the team still has to do, by service (missing preuves, missing owners, links an auditor cannot open).
  const attendues = preuvesAttenduesDe(input);
  const missing = attendues.filter((p) => !estPrete(p));
  const liens = liensInaccessibles(model.preuves);
  if (model.preuves.length > 0) {
    blocks.push({ kind: 'heading', level: 1, text: M.aFaire });
    const sansResponsable = missing.filter((p) => !p.responsable?.trim());
    blocks.push({ kind: 'paragraph', runs: [txt(M.aFaireIntro(missing.length, attendues.length, sansResponsable.length, liens.length))], keepWithNext: true });
    const services = [...new Set([...missing.map(serviceOf), ...liens.map((l) => serviceOf(l.preuve))])].sort(byService);
    if (services.length > 0) {
      blocks.push({
        kind: 'table',
        headers: [...M.colonnesAFaire],
        widths: [40, 20, 20, 20],
        rows: services.map((sv) => {
          const n = missing.filter((p) => serviceOf(p) === sv).length;
          const sans = missing.filter((p) => serviceOf(p) === sv && !p.responsable?.trim()).length;
          const l = liens.filter((x) => serviceOf(x.preuve) === sv).length;
          const count = (v: number, fill: string) => (v > 0 ? { runs: [txt(String(v), { bold: true })], fill } : c('0'));
          return [{ runs: [txt(sv || M.sansService, { bold: true })] }, count(n, COLOURS.orange), count(sans, COLOURS.red), count(l, COLOURS.red)];
        }),
      });
    }
  }

  // Checklist and calendar.
  blocks.push({ kind: 'heading', level: 1, text: M.checklist });
  blocks.push({
    kind: 'table',
    headers: [...M.colonnesChecklist],
    widths: [38, 14, 48],
    rows: d.audit.checklist.map((l) => [c(sansOnglet(l.libelle)), { runs: [txt(l.etat, { bold: true })], fill: l.couleur.fond }, c(sansOnglet(l.detail) || '–')]),
  });
  blocks.push({ kind: 'heading', level: 1, text: M.calendrier });
  const ouiNon = (b: boolean | null | undefined) => (b === true ? REPORT_MESSAGES.oui : b === false ? REPORT_MESSAGES.non : '–');
  blocks.push({
    kind: 'table',
    headers: [...M.colonnesCalendrier],
    widths: [26, 14, 11, 11, 38],
    rows: d.audit.calendrier.map((l) => {
      const row = model.calendrierAudit.find((r) => r.etape === l.libelle);
      return [
        { runs: [txt(l.libelle, { bold: true })] },
        c(l.date ? l.dateLibelle : REPORT_MESSAGES.deck.calendrier.aFixer),
        c(ouiNon(row?.eluPresent)),
        c(ouiNon(row?.directionPresente)),
        c(l.alertes.length ? l.alertes.join(' ') : '–'),
      ];
    }),
  });

  // Mesures.
  blocks.push({ kind: 'heading', level: 1, text: M.mesures });
  blocks.push({ kind: 'paragraph', runs: [txt(M.mesuresIntroAuditeur)] });
  const preuvesByLine = new Map<string, Preuve[]>();
  for (const p of model.preuves) {
    for (const id of new Set(preuveLines(p))) {
      const list = preuvesByLine.get(id) ?? [];
      list.push(p);
      preuvesByLine.set(id, list);
    }
  }
  for (const axe of nodesAtLevel('axe')) {
    blocks.push({ kind: 'heading', level: 2, text: M.axe(axe.identifiant, axe.title) });
    for (const mesureId of axe.children) {
      const mesure = getNode(mesureId);
      blocks.push(...mesureBlocks(mesure, score, rows, preuvesByLine));
    }
  }

  // Missing preuves by service: the to-do list, each with its owner (or « À désigner »).
  blocks.push({ kind: 'heading', level: 1, text: M.manquantesParService });
  if (model.preuves.length === 0) {
    blocks.push({ kind: 'paragraph', runs: [txt(M.aucunePreuve)] });
  } else {
    blocks.push({ kind: 'paragraph', runs: [txt(M.manquantesIntro(missing.length, attendues.length))] });
    const groups = new Map<string, Preuve[]>();
    for (const p of missing) groups.set(serviceOf(p), [...(groups.get(serviceOf(p)) ?? []), p]);
    for (const sv of [...groups.keys()].sort(byService)) {
      const list = [...groups.get(sv)!].sort((a, b) => Number(!!a.responsable?.trim()) - Number(!!b.responsable?.trim()) || mesuresOf(a).localeCompare(mesuresOf(b), 'fr', { numeric: true }));
      blocks.push({ kind: 'heading', level: 2, text: M.service(sv || M.sansService, list.length) });
      blocks.push({
        kind: 'table',
        headers: [...M.colonnesAFaireDetail],
        widths: [40, 12, 14, 20, 14],
        rows: list.map((p) => [
          c(p.preuve || REPORT_MESSAGES.nonRenseigne),
          c(mesuresOf(p)),
          etatCell(p),
          p.responsable?.trim() ? c(p.responsable.trim()) : { runs: [txt(M.aDesigner, { bold: true })], fill: COLOURS.red },
          c(p.echeance ? formatDateFr(p.echeance) : REPORT_MESSAGES.nonDate),
        ]),
      });
    }
  }

  // Links a remote auditor cannot open.
  if (model.preuves.some((p) => p.lien?.trim())) {
    blocks.push({ kind: 'heading', level: 1, text: M.liensInaccessibles });
    if (liens.length === 0) {
      blocks.push({ kind: 'paragraph', runs: [txt(M.tousLiensAccessibles)] });
    } else {
      blocks.push({ kind: 'paragraph', runs: [txt(M.liensInaccessiblesIntro)], keepWithNext: true });
      blocks.push({
        kind: 'table',
        headers: [...M.colonnesLiens],
        widths: [30, 10, 30, 15, 15],
        rows: [...liens]
          .sort((a, b) => byService(serviceOf(a.preuve), serviceOf(b.preuve)) || mesuresOf(a.preuve).localeCompare(mesuresOf(b.preuve), 'fr', { numeric: true }))
          .map(({ preuve: p, reason }) => [
            c(p.preuve || REPORT_MESSAGES.nonRenseigne),
            c(mesuresOf(p)),
            c(p.lien!.trim()),
            c(M.raisonLien[reason]),
            c(serviceOf(p) || M.sansService),
          ]),
      });
    }
  }
  blocks.push({ kind: 'paragraph', runs: [txt(M.sourcesAuditeur)], style: 'note' });
  return printedDocument({ title: M.titre, subtitle: M.couvertureDate(date), collectivite, date, generatedAt: input.today, footerTitle: M.pied, tableOfContents: true }, blocks);
}

function mesureBlocks(
  mesure: ReferentielNode,
  score: (id: string) => LineScore | undefined,
  rows: ReadonlyMap<string, ReferentielRow>,
  preuvesByLine: ReadonlyMap<string, Preuve[]>,
): DocBlock[] {
  const out: DocBlock[] = [];
  const s = score(mesure.id);
  out.push({ kind: 'heading', level: 3, text: M.mesure(mesure.identifiant, mesure.title) });
  if (s && !s.concerne) out.push({ kind: 'paragraph', runs: [txt(M.nonConcernee, { italic: true })] });
  else out.push({ kind: 'paragraph', runs: [txt(M.resumeMesure(s?.pointFait ?? 0, s?.pointPotentiel ?? 0, pourcentage(s), s?.pointProgramme ?? 0), { bold: true })], keepWithNext: true });
  const sous = mesure.children.map(getNode);
  out.push({
    kind: 'table',
    headers: [...M.colonnesSousMesures],
    widths: [29, 13, 9, 13, 36],
    rows: sous.flatMap((sm) => {
      const line = (node: ReferentielNode, tache: boolean): DocTableCell[] => {
        const ss = score(node.id);
        const row = rows.get(node.id);
        return [
          tache ? { runs: [txt(`${node.identifiant} ${node.title}`, { italic: true })] } : { runs: [txt(`${node.identifiant} ${node.title}`, { bold: true })] },
          c(statutLabel(ss, row), { fill: statutFill(ss) }),
          c(M.pointsSur(ss?.pointFait ?? 0, ss?.pointPotentiel ?? 0)),
          c(row?.pilote ?? '–'),
          c(row?.explication ?? '–'),
        ];
      };
      // Tâches are listed when the sous-mesure is scored from them, or when one was filled in.
      const taches = sm.children.map(getNode);
      const detail = score(sm.id)?.statutEffectif === 'detaille_a_la_tache' || taches.some((t) => rows.get(t.id)?.statut || rows.get(t.id)?.explication);
      return [line(sm, false), ...(detail ? taches.map((t) => line(t, true)) : [])];
    }),
  });
  const ids = [mesure.id, ...sous.map((sm) => sm.id)];
  const seen = new Set<Preuve>();
  const preuves: Preuve[] = [];
  for (const id of ids) for (const p of preuvesByLine.get(id) ?? []) if (!seen.has(p)) {
    seen.add(p);
    preuves.push(p);
  }
  out.push({ kind: 'paragraph', runs: [txt(M.preuvesDeLaMesure, { bold: true })], keepWithNext: true });
  if (preuves.length === 0) {
    out.push({ kind: 'paragraph', runs: [txt(M.aucunePreuveAttendue, { italic: true })] });
  } else {
    out.push({
      kind: 'table',
      headers: [...M.colonnesPreuves],
      widths: [36, 11, 12, 27, 14],
      rows: preuves.map((p) => [
        c(p.preuve || REPORT_MESSAGES.nonRenseigne),
        c(preuveLines(p).filter((id) => ids.includes(id)).map((id) => id.replace(/^eci_/, '')).join(', ') || '–'),
        etatCell(p),
        lienCell(p.lien),
        c(p.page ?? '–'),
      ]),
    });
  }
  return out;
}
