/** Demo step: scores the sample's référentiel, fills the Référentiel tab, prints the French summary. */
import { scoreJson } from '../domain/referentiel/score-report';
import { formatPercentFr } from '../domain/format';
import type { DemoStep } from './demo-types';
import { runScores } from './score';

export const scoreStep: DemoStep = {
  id: 'scores',
  label: 'Calcul des scores du référentiel',
  async run(state) {
    const run = runScores({ workbook: state.ports.workbook, clock: state.ports.clock, write: true });
    state.shared.set('scores', run.result);
    for (const a of run.anomalies) state.warnings.push(`${a.onglet}, ligne ${a.ligne ?? '–'} : ${a.message}`);
    state.files.push(await state.ports.output.writeFile('scores.json', JSON.stringify(scoreJson(run.result), null, 2)));
    const e = run.result.etoiles;
    const head = `score réalisé ${formatPercentFr(e.scoreRealise / 100)}, ${e.actuelle} étoile(s), ${e.potentielle} à portée si le programmé est réalisé`;
    return `${head}\n\n${run.summary.replace(/^/gm, '    ')}\n`;
  },
};
