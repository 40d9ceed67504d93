/** Menu *Générer ▸ Document AFOM*: a new Google Doc. */
import { runGenerate } from '../reports/generate';

export function runGenererAfom(): void {
  runGenerate('afom');
}
