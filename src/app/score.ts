/**
 * Use case *Calculer les scores* (and `cap-circulaire score classeur.xlsx`):
 * reads the workbook once per tab, scores the référentiel, writes the
 * `Référentiel` computed columns and the `Personnalisation` effects in one
 * block each, logs to `Journal`.
 */
import type { Anomaly } from '../domain/anomaly';
import { memoSource, readWorkbookModel } from '../domain/model/read';
import type { WorkbookModel } from '../domain/model/types';
import { effetsPersonnalisation } from '../domain/referentiel/personnalisation';
import { referentielComputedWrites } from '../domain/referentiel/referentiel-tab';
import { scoreTexte } from '../domain/referentiel/score-report';
import type { ScoreResult } from '../domain/referentiel/score';
import { preuvesParLigne, scoreWorkbook } from '../domain/referentiel/workbook-scores';
import { TAB, tableSection } from '../domain/schema/tabs';
import { cellText, type Cell } from '../domain/table/cell';
import { columnWrites } from '../domain/table/column-writes';
import { locateTable } from '../domain/table/locate';
import { appendJournal } from './journal';
import type { ClockPort, UserPort, WorkbookPort } from './ports';

export interface ScoreRun {
  readonly result: ScoreResult;
  readonly model: WorkbookModel;
  /** Anomalies of the référentiel entries (and of reading the tabs involved). */
  readonly anomalies: readonly Anomaly[];
  readonly summary: string;
}

export interface ScorePorts {
  readonly workbook: WorkbookPort;
  readonly clock: ClockPort;
  readonly user?: UserPort;
  /** When false, computes without writing (CLI `score` never modifies its input). */
  readonly write: boolean;
}

export function runScores({ workbook, clock, user, write }: ScorePorts): ScoreRun {
  const names = workbook.sheetNames();
  const src = memoSource(names, (n) => workbook.read(n));
  const { model, anomalies: readAnomalies } = readWorkbookModel(src);
  const scored = scoreWorkbook(model);
  const summary = scoreTexte(scored.result);
  const anomalies = [
    ...readAnomalies.filter((a) => a.onglet === TAB.referentiel || a.onglet === TAB.personnalisation || a.onglet === TAB.accueil),
    ...scored.anomalies,
  ];
  if (write) {
    const refGrid = src.grid(TAB.referentiel);
    const refLocated = refGrid ? locateTable(refGrid, tableSection(TAB.referentiel, 'referentiel')) : null;
    const persoGrid = src.grid(TAB.personnalisation);
    const persoLocated = persoGrid ? locateTable(persoGrid, tableSection(TAB.personnalisation, 'personnalisation')) : null;
    const journal = src.grid(TAB.journal);
    // Everything is computed before the first write.
    const refWrites = refGrid && refLocated ? referentielComputedWrites(refGrid, refLocated, scored.result, preuvesParLigne(model)) : [];
    const persoWrites = (() => {
      if (!persoGrid || !persoLocated) return [];
      const effets = new Map(effetsPersonnalisation(scored.context).map((e) => [e.questionId, e.effet]));
      const idCol = persoLocated.columns.get('identifiant');
      const rows = new Map<number, Record<string, Cell>>();
      if (idCol === undefined) return [];
      for (let r = persoLocated.dataStart; r < persoLocated.dataEnd; r++) {
        const id = cellText(persoGrid[r]?.[idCol]);
        const e = effets.get(id);
        if (e !== undefined) rows.set(r, { effet: e });
      }
      return columnWrites(persoLocated, ['effet'], rows);
    })();
    for (const w of refWrites) workbook.write(TAB.referentiel, w.row, w.col, w.values);
    for (const w of persoWrites) workbook.write(TAB.personnalisation, w.row, w.col, w.values);
    const e = scored.result.etoiles;
    appendJournal(workbook, journal, {
      date: clock.now(),
      utilisateur: user?.email() ?? '',
      commande: 'Calculer les scores',
      resultat: `Score réalisé ${e.scoreRealise.toFixed(1).replace('.', ',')} %, ${e.actuelle} étoile(s), ${e.potentielle} à portée ; ${anomalies.length} anomalie(s).`,
    });
  }
  return { result: scored.result, model, anomalies, summary };
}
