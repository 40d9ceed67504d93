/**
 * The `Cap Circulaire` menu, declared as data. An item appears only once its
 * command works: to add one, add a line here and export its handler from
 * main.ts (the type below refuses a handler main.ts does not export).
 * Labels come from the message catalogue (PRODUCT.md › The add-on menu).
 *
 * This module imports nothing of main.ts (no import cycle main → on-open →
 * menu → main): menu-handlers.ts checks, at type level, that every
 * `HandlerName` is a function main.ts exports.
 */
import { gasMessages } from '../domain/messages/gas';

/** Functions main.ts exports that a menu item may name (checked in menu-handlers.ts). */
export type HandlerName =
  | 'runInstall'
  | 'runAddService'
  | 'runValidate'
  | 'runConsolidate'
  | 'runCalculerScores'
  | 'runGenererCopil'
  | 'runGenererAfom'
  | 'runGenererAudit'
  | 'runGenererBilan'
  | 'runExportTet'
  | 'runTableauDeBord'
  | 'showHelp';

export type MenuEntry =
  | { readonly label: string; readonly handler: HandlerName }
  | { readonly label: string; readonly submenu: readonly MenuEntry[] }
  | { readonly separator: true };

const M = gasMessages.menu;

export const MENU: readonly MenuEntry[] = [
  { label: M.installer, handler: 'runInstall' },
  { label: M.ajouterService, handler: 'runAddService' },
  { separator: true },
  { label: M.verifier, handler: 'runValidate' },
  { label: M.consolider, handler: 'runConsolidate' },
  { label: M.calculerScores, handler: 'runCalculerScores' },
  // Vérifier les saisies, Consolider les services, Calculer les scores: here, when they work.
  {
    label: M.generer,
    submenu: [
      { label: M.presentationCopil, handler: 'runGenererCopil' },
      { label: M.documentAfom, handler: 'runGenererAfom' },
      { label: M.dossierAudit, handler: 'runGenererAudit' },
      { label: M.bilanInstance, handler: 'runGenererBilan' },
      { label: M.exportTet, handler: 'runExportTet' },
    ],
  },
  { label: M.tableauDeBord, handler: 'runTableauDeBord' },
  { separator: true },
  { label: M.aide, handler: 'showHelp' },
];

interface MenuLike {
  addItem(caption: string, functionName: string): MenuLike;
  addSeparator(): MenuLike;
  addSubMenu(menu: MenuLike): MenuLike;
}

interface UiLike {
  createMenu(caption: string): MenuLike & { addToUi(): void };
}

/**
 * Empty submenus are left out, and separators that would end up leading,
 * trailing or doubled: the menu only shows what works.
 */
export function visibleEntries(entries: readonly MenuEntry[]): MenuEntry[] {
  const out: MenuEntry[] = [];
  for (const e of entries) {
    if ('submenu' in e) {
      const inner = visibleEntries(e.submenu);
      if (inner.length > 0) out.push({ label: e.label, submenu: inner });
    } else if ('separator' in e) {
      if (out.length > 0 && !('separator' in out[out.length - 1])) out.push(e);
    } else {
      out.push(e);
    }
  }
  while (out.length > 0 && 'separator' in out[out.length - 1]) out.pop();
  return out;
}

/** Builds the menu with UI calls only: safe in AuthMode.NONE. */
export function buildMenu(ui: UiLike, entries: readonly MenuEntry[] = MENU): void {
  const menu = ui.createMenu(gasMessages.menuTitle);
  addEntries(ui, menu, visibleEntries(entries));
  menu.addToUi();
}

function addEntries(ui: UiLike, menu: MenuLike, entries: readonly MenuEntry[]): void {
  for (const e of entries) {
    if ('separator' in e) menu.addSeparator();
    else if ('submenu' in e) {
      const sub = ui.createMenu(e.label);
      addEntries(ui, sub, e.submenu);
      menu.addSubMenu(sub);
    } else menu.addItem(e.label, e.handler);
  }
}
