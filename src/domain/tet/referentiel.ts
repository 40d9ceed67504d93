/**
 * The référentiel in the layout of TeT's `export_eci.xlsx` (sheet
 * `Export référentiel ECi`): A1 the collectivité's name, C2/D2 the export
 * date, row 4 the group « Evaluation dans la plateforme » over E–J, row 5 the
 * 11 headers, row 6 TOTAL, then one row per axe / mesure / sous-mesure /
 * tâche with N° (`1.1.1`), Intitulé, Phase (TeT's words: Base, mise en œuvre,
 * Effet), Potentiel max, Potentiel collectivité, Points réalisés, % réalisé,
 * Points programmés, % programmés, Statut and the explanation typed in
 * `Référentiel`. Percentages are fractions formatted `0.0%`.
 *
 * It is the SECOND sheet of the export file: TeT's plan importer takes the
 * first sheet whose A2 is `Axe (x)`, and this sheet's A2 is empty.
 */
import type { WorkbookModel } from '../model/types';
import type { ScoreResult, StatutEffectif } from '../referentiel/score';
import { REFERENTIEL_LINES } from '../referentiel/catalogue';
import { ROOT_ID } from '../referentiel/tree';
import type { Cell, Grid } from '../table/cell';
import type { FeuilleExport } from './classeur';

export const TET_ECI_SHEET = 'Export référentiel ECi';
export const TET_ECI_HEADERS = [
  'N°', 'Intitulé', 'Phase', 'Potentiel max', 'Potentiel collectivité', 'Points réalisés', '% réalisé',
  'Points programmés', '% programmés', 'Statut', 'Champt texte Explications',
] as const;

const PHASES: Readonly<Record<string, string>> = { "S'engager": 'Base', 'Concrétiser': 'mise en œuvre', 'Mesurer les effets': 'Effet' };

const STATUTS: Readonly<Record<StatutEffectif, string>> = {
  fait: 'Fait',
  programme: 'Programmé',
  pas_fait: 'Pas fait',
  detaille: 'Détaillé',
  non_concerne: 'Non concerné',
  non_renseigne: 'Non renseigné',
  non_renseignable: '',
  detaille_a_la_tache: 'Détaillé à la tâche',
};

const r3 = (n: number) => Math.round(n * 1000) / 1000;

export function feuilleReferentielTet(model: Pick<WorkbookModel, 'identite' | 'referentiel'>, scores: ScoreResult, today: Date): FeuilleExport {
  const explications = new Map(model.referentiel.map((r) => [r.identifiant, r.explication]));
  const blank = (): Cell[] => new Array(TET_ECI_HEADERS.length).fill(null);
  const r1 = blank();
  r1[0] = model.identite.nom || 'Nom de la collectivité';
  const r2 = blank();
  r2[2] = "Date d'export";
  r2[3] = new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate()));
  const r4 = blank();
  for (let c = 4; c <= 9; c++) r4[c] = 'Evaluation dans la plateforme';
  const rows: Grid = [r1, r2, blank(), r4, [...TET_ECI_HEADERS]];
  const line = (n: string, titre: string | null, phase: string | null, id: string): Cell[] => {
    const s = scores.scores[id];
    return [
      n, titre, phase,
      s ? r3(s.pointReferentiel) : null,
      s ? r3(s.pointPotentiel) : null,
      s ? r3(s.pointFait) : null,
      s ? r3(s.pourcentageFait / 100) : null,
      s ? r3(s.pointProgramme) : null,
      s ? r3(s.pourcentageProgramme / 100) : null,
      s?.statutEffectif ? STATUTS[s.statutEffectif] || null : null,
      explications.get(id) ?? null,
    ];
  };
  rows.push(line('TOTAL', null, null, ROOT_ID));
  for (const l of REFERENTIEL_LINES) rows.push(line(l.identifiant, l.title, l.phase ? PHASES[l.phase] ?? l.phase : null, l.id));
  const n = rows.length - 5;
  return {
    name: TET_ECI_SHEET,
    rows,
    merges: [{ row: 3, col: 4, rows: 1, cols: 6 }],
    widths: [8, 65, 14, 11, 14, 14, 14, 14, 13, 13, 98],
    formats: [
      { row: 1, col: 3, rows: 1, cols: 1, numberFormat: 'dd/mm/yyyy' },
      { row: 5, col: 6, rows: n, cols: 1, numberFormat: '0.0%' },
      { row: 5, col: 8, rows: n, cols: 1, numberFormat: '0.0%' },
    ],
    boldRows: [0, 4],
    frozenRows: 5,
  };
}
