/**
 * The French account of an install, for the dialog and the Journal. Section
 * ids become what the user sees in the sheet: the section's title, else its
 * first header.
 */
import type { InstallReport } from '../domain/install/plan';
import { gasMessages } from '../domain/messages/gas';
import { SERVICE_TAB, TABS } from '../domain/schema/tabs';
import type { TabSpec } from '../domain/schema/types';

export interface InstallSummary {
  /** Something was written (tabs, columns, rows) or a spreadsheet setting changed. */
  readonly changed: boolean;
  /** For the dialog: several lines. */
  readonly text: string;
  /** For the Journal: one line. */
  readonly journal: string;
}

function specOf(tab: string): TabSpec | undefined {
  return TABS.find((t) => t.name === tab) ?? (tab.startsWith(SERVICE_TAB.name) ? SERVICE_TAB : undefined);
}

function sectionLabel(tab: string, sectionId: string): string {
  const spec = specOf(tab);
  const section = spec?.sections.find((s) => s.id === sectionId);
  if (!section) return sectionId;
  if (section.title) return section.title;
  return section.kind === 'table' ? section.columns[0].header : sectionId;
}

/** `Paramètres › filieres` → `Paramètres › Filière`; a tab with one section is named alone. */
function prefilledLabel(entry: string): string {
  const [tab, sectionId] = entry.split(' › ');
  if (sectionId === undefined) return entry;
  const spec = specOf(tab);
  if (spec && spec.sections.length === 1) return tab;
  return `${tab} › ${sectionLabel(tab, sectionId)}`;
}

export function summariseInstall(report: InstallReport, settings: readonly string[]): InstallSummary {
  const m = gasMessages.install;
  const facts: string[] = [];
  if (report.createdTabs.length > 0) facts.push(m.createdTabs(report.createdTabs));
  if (report.addedColumns.length > 0) facts.push(m.addedColumns(report.addedColumns));
  if (report.prefilled.length > 0) facts.push(m.prefilled(report.prefilled.map(prefilledLabel)));
  if (settings.length > 0) facts.push(m.settings(settings));
  const changed = facts.length > 0;

  const problems = report.problems.map((p) => {
    const notFound = /^header-not-found:(.+)$/.exec(p.message);
    return notFound ? m.headerNotFound(p.tab, sectionLabel(p.tab, notFound[1])) : m.problem(p.tab, p.message);
  });

  const lines = [changed ? m.done : m.upToDate, ...facts];
  if (problems.length > 0) lines.push('', m.problemsHeading, ...problems.map((p) => `• ${p}`));
  return { changed, text: lines.join('\n'), journal: m.journal([...facts, ...problems]) };
}
