/** Menu *Générer ▸ Présentation COPIL*: a new Google Slides deck. */
import { runGenerate } from '../reports/generate';

export function runGenererCopil(): void {
  runGenerate('copil');
}
