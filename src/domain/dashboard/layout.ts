/**
 * The `Tableau de bord` tab drawn from `DashboardData`: a grid of values
 * (written in one block; computed figures are values, never formulas) and a
 * description of its look that each adapter applies:
 * - styles (section titles, table headers, colours per score band, état…);
 * - links to the rows of other tabs (overdue milestones…);
 * - charts described as data (`{ type: 'bar', range, title }`): Google Sheets
 *   draws them with `sheet.newChart()` (src/gas/dashboard-charts.ts);
 * - data bars on figure columns: exceljs conditional formatting in .xlsx
 *   (src/node/xlsx/dashboard-bars.ts); Google Sheets shows the charts instead.
 *
 * All positions are 0-based (row, col) in the grid.
 */
import { contentColumnWidths } from '../install/format';
import type { Cell, Grid } from '../table/cell';
import { COLOURS } from '../schema/colours';
import { STEERING_MESSAGES as M } from '../messages/steering';
import type { Couleur, DashboardData } from './types';

export interface ZoneDashboard {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

export interface StyleDashboard extends ZoneDashboard {
  readonly background?: string;
  readonly font?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly fontSize?: number;
  /** Spreadsheet number format (same syntax in Sheets and Excel). */
  readonly numberFormat?: string;
  readonly wrap?: boolean;
  readonly align?: 'left' | 'center' | 'right';
}

export interface GraphiqueDashboard {
  readonly type: 'bar' | 'column' | 'pie';
  readonly title: string;
  /** Data, header row included; first column = categories, next ones = series. */
  readonly range: ZoneDashboard;
  /** Offsets (within `range`, ≥ 1) of the series columns to draw; all the others when absent. */
  readonly series?: readonly number[];
  readonly stacked?: boolean;
  /** Top-left cell where the chart is placed. */
  readonly anchor: { readonly row: number; readonly col: number };
  readonly width: number;
  readonly height: number;
  /** One colour per series. */
  readonly colours: readonly string[];
}

export interface BarreDashboard {
  /** Cells (one column) carrying a data bar. */
  readonly zone: ZoneDashboard;
  readonly colour: string;
  /** Bounds of the bar: fixed (percentages: 0–1) or the column's own min/max when absent. */
  readonly min?: number;
  readonly max?: number;
}

export interface LienDashboard {
  readonly row: number;
  readonly col: number;
  /** Target tab and 1-based row. */
  readonly sheet: string;
  readonly targetRow: number;
}

export interface DashboardLayout {
  readonly grid: Grid;
  /** Column widths in pixels. */
  readonly widths: readonly number[];
  readonly frozenRows: number;
  readonly styles: readonly StyleDashboard[];
  readonly merges: readonly ZoneDashboard[];
  readonly charts: readonly GraphiqueDashboard[];
  readonly dataBars: readonly BarreDashboard[];
  readonly links: readonly LienDashboard[];
}

export const DASHBOARD_WIDTH = 8;
const WIDTHS = [230, 280, 110, 110, 110, 110, 110, 260];
const CHART_COL = DASHBOARD_WIDTH + 1;
const FMT = { pct: '0.0%', eur: '#,##0 "€"', pts: '0.0', int: '0', date: 'dd/mm/yyyy' };
const D = M.dashboard;

class Builder {
  readonly grid: Cell[][] = [];
  readonly styles: StyleDashboard[] = [];
  readonly merges: ZoneDashboard[] = [];
  readonly charts: GraphiqueDashboard[] = [];
  readonly dataBars: BarreDashboard[] = [];
  readonly links: LienDashboard[] = [];
  row = 0;

  line(values: readonly Cell[]): number {
    const r = this.row++;
    const line: Cell[] = new Array(DASHBOARD_WIDTH).fill(null);
    values.slice(0, DASHBOARD_WIDTH).forEach((v, i) => (line[i] = v));
    this.grid[r] = line;
    return r;
  }
  blank(): void {
    this.line([]);
  }
  style(s: StyleDashboard): void {
    this.styles.push(s);
  }
  title(text: string): number {
    const r = this.line([text]);
    this.merges.push({ row: r, col: 0, rows: 1, cols: DASHBOARD_WIDTH });
    this.style({ row: r, col: 0, rows: 1, cols: DASHBOARD_WIDTH, background: COLOURS.brand, font: COLOURS.headerText, bold: true, fontSize: 12 });
    return r;
  }
  header(labels: readonly string[]): number {
    const r = this.line(labels);
    this.style({ row: r, col: 0, rows: 1, cols: labels.length, background: COLOURS.brandLight, font: COLOURS.brand, bold: true, wrap: true });
    return r;
  }
  colour(r: number, c: number, couleur: Couleur | null): void {
    if (couleur) this.style({ row: r, col: c, rows: 1, cols: 1, background: couleur.fond, font: couleur.texte });
  }
  format(r: number, c: number, rows: number, numberFormat: string): void {
    if (rows > 0) this.style({ row: r, col: c, rows, cols: 1, numberFormat });
  }
  chart(c: Omit<GraphiqueDashboard, 'anchor' | 'width' | 'height'> & { anchorRow: number; height?: number }): void {
    this.charts.push({ type: c.type, title: c.title, range: c.range, series: c.series, stacked: c.stacked, colours: c.colours, anchor: { row: c.anchorRow, col: CHART_COL }, width: 560, height: c.height ?? 300 });
  }
  /** A `Libellé | Nombre | Budget` table with a bar chart. */
  counts(title: string, rows: DashboardData['actions']['parPilier'], withBudget: boolean, chartType: GraphiqueDashboard['type'] = 'bar'): void {
    const t = this.title(title);
    const h = this.header(withBudget ? ['', 'Nombre', 'Budget (€ HT)'] : ['', 'Nombre']);
    const first = this.row;
    for (const x of rows) {
      const r = this.line(withBudget ? [x.libelle, x.nombre, x.budget] : [x.libelle, x.nombre]);
      this.colour(r, 0, x.couleur);
    }
    if (rows.length === 0) this.line([D.aucun]);
    if (withBudget) this.format(first, 2, rows.length, FMT.eur);
    if (rows.length) {
      this.dataBars.push({ zone: { row: first, col: 1, rows: rows.length, cols: 1 }, colour: COLOURS.brand });
      this.chart({ type: chartType, title, range: { row: h, col: 0, rows: rows.length + 1, cols: 2 }, colours: [COLOURS.brand], anchorRow: t });
    }
    this.blank();
  }
}

const pctFraction = (p: number) => Math.round(p * 10) / 1000;

export function layoutDashboard(d: DashboardData): DashboardLayout {
  const b = new Builder();
  // Title.
  const t0 = b.line([D.titre(d.collectivite.nom || 'Collectivité')]);
  b.merges.push({ row: t0, col: 0, rows: 1, cols: DASHBOARD_WIDTH });
  b.style({ row: t0, col: 0, rows: 1, cols: DASHBOARD_WIDTH, bold: true, fontSize: 16, font: COLOURS.brand });
  const t1 = b.line([D.calcule(d.calculeLeLibelle)]);
  b.merges.push({ row: t1, col: 0, rows: 1, cols: DASHBOARD_WIDTH });
  b.style({ row: t1, col: 0, rows: 1, cols: DASHBOARD_WIDTH, italic: true, font: COLOURS.greyText });
  b.blank();

  // Scores per axe.
  const ts = b.title(D.sections.scores);
  const hs = b.header(['Axe', 'Intitulé', 'Potentiel', 'Points faits', 'Points programmés', '% réalisé', '% programmé']);
  const firstAxe = b.row;
  for (const a of [...d.scores.axes, d.scores.total]) {
    const isTotal = a === d.scores.total;
    const r = b.line([isTotal ? 'Total' : `Axe ${a.numero}`, isTotal ? 'Référentiel ECi' : a.titre, a.potentiel, a.fait, a.programme, pctFraction(a.pourcentageRealise), pctFraction(a.pourcentageProgramme)]);
    b.colour(r, 5, { fond: a.couleur.fond, texte: a.couleur.texte });
    if (isTotal) b.style({ row: r, col: 0, rows: 1, cols: 7, bold: true });
  }
  const nAxes = d.scores.axes.length + 1;
  b.format(firstAxe, 2, nAxes, FMT.pts);
  b.format(firstAxe, 3, nAxes, FMT.pts);
  b.format(firstAxe, 4, nAxes, FMT.pts);
  b.format(firstAxe, 5, nAxes, FMT.pct);
  b.format(firstAxe, 6, nAxes, FMT.pct);
  b.dataBars.push({ zone: { row: firstAxe, col: 5, rows: nAxes, cols: 1 }, colour: COLOURS.greenText, min: 0, max: 1 });
  b.dataBars.push({ zone: { row: firstAxe, col: 6, rows: nAxes, cols: 1 }, colour: COLOURS.blueText, min: 0, max: 1 });
  // Chart of the axes (total excluded): categories in column 0, series % réalisé and % programmé.
  b.charts.push({
    type: 'bar', title: 'Score réalisé et programmé par axe (%)', stacked: true,
    range: { row: hs, col: 0, rows: d.scores.axes.length + 1, cols: 7 }, series: [5, 6],
    anchor: { row: ts, col: CHART_COL }, width: 560, height: 300, colours: [COLOURS.greenText, COLOURS.blueText],
  });
  b.blank();

  // Stars and completeness.
  b.title(D.sections.etoiles);
  const kv = (label: string, value: Cell, fmt?: string, couleur?: Couleur | null) => {
    const r = b.line([label, value]);
    b.style({ row: r, col: 0, rows: 1, cols: 1, bold: true });
    if (fmt) b.format(r, 1, 1, fmt);
    if (couleur) b.colour(r, 1, couleur);
    return r;
  };
  kv('Étoile actuelle', d.etoiles.libelleActuelle);
  kv('Étoile à portée (si le programmé est fait)', d.etoiles.libelleAtteignable);
  kv('Score réalisé', pctFraction(d.etoiles.scoreRealise), FMT.pct);
  kv('Score prévisionnel (réalisé + programmé)', pctFraction(d.etoiles.scorePrevisionnel), FMT.pct);
  if (d.etoiles.prochaine) {
    kv('Prochaine étoile', d.etoiles.prochaine.libelle);
    if (d.etoiles.prochaine.criteresManquants.length) kv('Critères à remplir', d.etoiles.prochaine.criteresManquants.join(' ; '));
  }
  const rc = kv('Complétude du référentiel', d.completude.libelle);
  b.colour(rc, 1, d.completude.ratio >= 1 ? { fond: COLOURS.green, texte: COLOURS.greenText } : { fond: COLOURS.orange, texte: COLOURS.orangeText });
  b.blank();

  // Feuille de route.
  const tf = b.title(D.sections.feuille);
  const hf = b.header(['Étape', 'Fait', 'En cours', 'À faire', 'Avancement']);
  const firstF = b.row;
  for (const e of d.feuilleDeRoute.parEtape) b.line([e.etape, e.fait, e.enCours, e.aFaire, e.ratio]);
  const rt = b.line(['Total', d.feuilleDeRoute.fait, null, null, d.feuilleDeRoute.ratio]);
  b.style({ row: rt, col: 0, rows: 1, cols: 5, bold: true });
  b.format(firstF, 4, d.feuilleDeRoute.parEtape.length + 1, FMT.pct);
  if (d.feuilleDeRoute.parEtape.length) {
    b.dataBars.push({ zone: { row: firstF, col: 4, rows: d.feuilleDeRoute.parEtape.length + 1, cols: 1 }, colour: COLOURS.brand, min: 0, max: 1 });
    b.chart({ type: 'bar', stacked: true, title: 'Feuille de route par étape', range: { row: hf, col: 0, rows: d.feuilleDeRoute.parEtape.length + 1, cols: 4 }, colours: [COLOURS.greenText, COLOURS.orangeText, COLOURS.grey], anchorRow: tf });
  }
  b.blank();

  // Actions.
  b.counts(`${D.sections.actions} par pilier (${d.actions.total} actions, ${d.actions.retenues} retenues au plan)`, d.actions.parPilier, true);
  b.counts(`${D.sections.actions} par service`, d.actions.parService, true);
  b.counts(`${D.sections.actions} par temporalité`, d.actions.parTemporalite, true, 'pie');

  // Budgets by plan.
  const tb = b.title(D.sections.budgets);
  const hb = b.header(['Plan', 'Type', 'Niveau EC', "Nb d'actions EC", 'Budget EC (€ HT)']);
  const firstB = b.row;
  for (const p of d.budgets.parPlan) {
    const r = b.line([p.plan, p.type, p.niveauEcLibelle, p.nbActions, p.budget]);
    b.colour(r, 2, p.couleur);
    if (p.absentDePlans) b.style({ row: r, col: 0, rows: 1, cols: 1, italic: true, font: COLOURS.redText });
  }
  if (!d.budgets.parPlan.length) b.line([D.aucun]);
  b.format(firstB, 4, d.budgets.parPlan.length, FMT.eur);
  if (d.budgets.parPlan.length) {
    b.dataBars.push({ zone: { row: firstB, col: 4, rows: d.budgets.parPlan.length, cols: 1 }, colour: COLOURS.accent });
    b.charts.push({ type: 'bar', title: 'Budget EC par plan (€ HT)', range: { row: hb, col: 0, rows: d.budgets.parPlan.length + 1, cols: 5 }, series: [4], anchor: { row: tb, col: CHART_COL }, width: 560, height: 300, colours: [COLOURS.accent] });
  }
  const note = b.line(["Le budget d'une action rattachée à plusieurs plans compte dans chacun d'eux."]);
  b.style({ row: note, col: 0, rows: 1, cols: 1, italic: true, font: COLOURS.greyText });
  b.blank();

  // Plan d'actions budgets by year / financeur.
  b.title("Budget du plan d'actions par année (réparti au prorata des jours entre début et fin)");
  b.header(['Année', 'Budget (€ HT)']);
  const firstY = b.row;
  for (const y of d.budgets.parAnnee) b.line([String(y.annee), y.budget]);
  if (d.budgets.budgetNonDate) b.line([M.nonDate, d.budgets.budgetNonDate]);
  const nY = d.budgets.parAnnee.length + (d.budgets.budgetNonDate ? 1 : 0);
  if (!nY) b.line([D.aucun]);
  b.format(firstY, 1, nY, FMT.eur);
  if (nY) b.dataBars.push({ zone: { row: firstY, col: 1, rows: nY, cols: 1 }, colour: COLOURS.accent });
  b.blank();
  b.title("Financements du plan d'actions");
  b.header(['Financeur', 'Montant (€ HT)']);
  const firstFi = b.row;
  for (const f of d.budgets.parFinanceur) b.line([f.financeur, f.montant]);
  if (!d.budgets.parFinanceur.length) b.line([D.aucun]);
  b.format(firstFi, 1, d.budgets.parFinanceur.length, FMT.eur);
  b.blank();

  // Acteurs.
  b.counts(`${D.sections.acteurs} (${d.acteurs.total} acteurs)`, d.acteurs.parPriorite, false, 'pie');
  if (d.acteurs.aContacterDUrgence.length) {
    const r = b.line(["À contacter d'urgence", d.acteurs.aContacterDUrgence.join(', ')]);
    b.merges.push({ row: r, col: 1, rows: 1, cols: DASHBOARD_WIDTH - 1 });
    b.style({ row: r, col: 0, rows: 1, cols: DASHBOARD_WIDTH, bold: false, wrap: true });
    b.style({ row: r, col: 0, rows: 1, cols: 1, bold: true, font: COLOURS.redText });
    b.blank();
  }

  // Preuves.
  b.counts(`${D.sections.preuves} : ${d.preuves.libelle}`, d.preuves.parEtat, false, 'pie');

  // Échéances.
  b.title(D.sections.echeances);
  const echeancesTable = (label: string, items: DashboardData['echeances']['enRetard'], joursLabel: string, couleur: Couleur | null) => {
    const r = b.line([label]);
    b.style({ row: r, col: 0, rows: 1, cols: 1, bold: true, font: couleur?.texte });
    b.header(['Onglet', 'Réf.', 'Quoi', 'Qui', 'Échéance', joursLabel, 'Ligne']);
    const first = b.row;
    for (const it of items) {
      const row = b.line([it.onglet, it.reference, it.libelle, it.qui, new Date(`${it.echeance}T00:00:00Z`), it.jours, `${it.onglet} › ligne ${it.ligne}`]);
      b.links.push({ row, col: 6, sheet: it.onglet, targetRow: it.ligne });
      if (couleur) b.colour(row, 5, couleur);
    }
    if (!items.length) b.line([D.aucun]);
    b.format(first, 4, items.length, FMT.date);
    b.format(first, 5, items.length, FMT.int);
  };
  echeancesTable(D.enRetard, d.echeances.enRetard, 'Jours de retard', { fond: COLOURS.red, texte: COLOURS.redText });
  echeancesTable(D.aVenir(d.echeances.horizonMois), d.echeances.aVenir, 'Dans (jours)', null);
  b.blank();

  // Audit.
  b.title(D.sections.audit);
  b.header(['Critère', 'État', 'Détail']);
  for (const c of d.audit.checklist) {
    const r = b.line([c.libelle, c.etat, c.detail]);
    b.colour(r, 1, c.couleur);
    b.merges.push({ row: r, col: 2, rows: 1, cols: DASHBOARD_WIDTH - 2 });
    b.style({ row: r, col: 0, rows: 1, cols: DASHBOARD_WIDTH, wrap: true });
  }
  b.header(["Étape du calendrier", 'Date prévue', 'Alertes']);
  const firstCal = b.row;
  for (const c of d.audit.calendrier) {
    const r = b.line([c.libelle, c.date ? new Date(`${c.date}T00:00:00Z`) : null, c.alertes.join(' ')]);
    b.merges.push({ row: r, col: 2, rows: 1, cols: DASHBOARD_WIDTH - 2 });
    if (c.alertes.length) b.style({ row: r, col: 2, rows: 1, cols: 1, font: COLOURS.redText, wrap: true });
  }
  b.format(firstCal, 1, d.audit.calendrier.length, FMT.date);
  b.blank();

  // Fiches.
  b.title(D.sections.fiches);
  b.header(['N°', 'Titre', 'Pilote', 'Statut', 'Échéance', 'Budget (€ HT)', 'Ligne']);
  const firstFiche = b.row;
  for (const f of d.fiches) {
    const r = b.line([f.numero, f.titre, f.pilote, f.statut, f.echeance ? new Date(`${f.echeance}T00:00:00Z`) : null, f.budget, `Plan d'actions › ligne ${f.ligne}`]);
    b.links.push({ row: r, col: 6, sheet: "Plan d'actions", targetRow: f.ligne });
  }
  if (!d.fiches.length) b.line([D.aucun]);
  b.format(firstFiche, 4, d.fiches.length, FMT.date);
  b.format(firstFiche, 5, d.fiches.length, FMT.eur);
  b.blank();

  // Indicators.
  b.title(D.sections.indicateurs);
  b.header(['Identifiant', 'Intitulé', 'Unité', 'Dernière année', 'Dernière valeur', 'Objectif', 'Progression', 'Tendance']);
  const firstI = b.row;
  for (const i of d.indicateurs) b.line([i.identifiant, i.intitule, i.unite, i.derniereAnnee, i.derniereValeur, i.objectif, i.progression, i.tendance]);
  if (!d.indicateurs.length) b.line([D.aucun]);
  b.format(firstI, 6, d.indicateurs.length, FMT.pct);
  if (d.indicateurs.length) b.dataBars.push({ zone: { row: firstI, col: 6, rows: d.indicateurs.length, cols: 1 }, colour: COLOURS.brand, min: 0, max: 1 });

  // Columns as wide as the texts that would be cut (Excel, LibreOffice and Sheets all clip at a filled neighbour).
  const inZone = (z: ZoneDashboard, r: number, c: number) => r >= z.row && r < z.row + z.rows && c >= z.col && c < z.col + z.cols;
  const widths = contentColumnWidths(b.grid, WIDTHS, {
    merged: (r, c) => b.merges.some((m) => inZone(m, r, c)),
    bold: (r, c) => b.styles.some((st) => st.bold === true && inZone(st, r, c)),
  });
  return { grid: b.grid, widths, frozenRows: 2, styles: b.styles, merges: b.merges, charts: b.charts, dataBars: b.dataBars, links: b.links };
}
