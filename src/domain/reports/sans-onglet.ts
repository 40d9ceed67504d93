/**
 * The dashboard's wording names the workbook's tabs for the team
 * (« (onglet Équipe) », « dans l'onglet Instances »); élus and auditors have
 * no use for them: a parenthesis naming a tab goes, « l'onglet X » becomes
 * « le classeur ». (Shared by the deck; the audit file has the same rule.)
 */
import { TAB } from '../schema/tabs';

const TAB_NAMES = Object.values(TAB)
  .sort((a, b) => b.length - a.length)
  .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]"))
  .join('|');

export function sansOnglet(text: string): string {
  return text
    .replace(/\s*\((?:onglets?|voir l['’]onglet) [^)]*\)/gi, '')
    .replace(new RegExp(`\\bl['’]onglets? (?:«\\s*)?(?:${TAB_NAMES})(?:\\s*»)?`, 'g'), 'le classeur')
    .trim();
}
