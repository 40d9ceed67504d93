/** Menu *Générer ▸ Dossier d'audit*: a new Google Doc. */
import { runGenerate } from '../reports/generate';

export function runGenererAudit(): void {
  runGenerate('audit');
}
