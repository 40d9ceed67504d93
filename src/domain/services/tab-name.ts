/**
 * The tab of a service: `Service – <Nom>`, within Excel's 31 characters. A
 * long name is cut (the full name stays in the registry); a cut that lands on
 * an existing tab gets a numeric suffix so two services never share a tab.
 */
import { MAX_TAB_NAME_LENGTH, SERVICE_TAB_PREFIX } from '../schema/tabs';

export interface ServiceTabName {
  readonly tab: string;
  /** The name did not fit and was cut (the suffix, if any, keeps it unique). */
  readonly truncated: boolean;
}

/** The tab name before any cut. */
export function fullServiceTabName(name: string): string {
  return SERVICE_TAB_PREFIX + name;
}

/**
 * Sheets compares tab names without regard to case; so do we. `taken` holds
 * the workbook's tab names and the registry's Onglet values.
 */
export function serviceTabName(name: string, taken: Iterable<string>): ServiceTabName {
  const full = fullServiceTabName(name);
  if (full.length <= MAX_TAB_NAME_LENGTH) return { tab: full, truncated: false };
  const used = new Set([...taken].map((t) => t.toLowerCase()));
  const base = cut(full, MAX_TAB_NAME_LENGTH);
  if (!used.has(base.toLowerCase())) return { tab: base, truncated: true };
  for (let n = 2; ; n++) {
    const suffix = ` ${n}`;
    const candidate = cut(full, MAX_TAB_NAME_LENGTH - suffix.length) + suffix;
    if (!used.has(candidate.toLowerCase())) return { tab: candidate, truncated: true };
  }
}

/**
 * Cuts to `max` UTF-16 units (Excel's count), never inside a surrogate pair,
 * and drops what would look odd or be refused at the end: blanks, dashes,
 * apostrophes (Excel refuses a name ending with one).
 */
function cut(s: string, max: number): string {
  let out = s.slice(0, max);
  if (/[\ud800-\udbff]$/.test(out)) out = out.slice(0, -1);
  return out.replace(/[\s\-–—'’,.;]+$/u, '');
}
