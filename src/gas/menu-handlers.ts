/**
 * Type-level check, imported by nothing: every handler a menu item may name
 * is a function main.ts exports (so Apps Script finds it as a top-level
 * function). Kept apart so that menu.ts never imports main.ts.
 */
import type * as Main from './main';
import type { HandlerName } from './menu';

type Exported = { [K in keyof typeof Main]: (typeof Main)[K] extends (...args: never[]) => unknown ? K : never }[keyof typeof Main];

/** `true` only when no HandlerName is missing from main.ts; a compile error names the missing one. */
export const MENU_HANDLERS_EXPORTED: [Exclude<HandlerName, Exported>] extends [never] ? true : Exclude<HandlerName, Exported> = true;
