/**
 * How every menu command runs: under the document lock (two runs must not
 * interleave their reads and writes), with any unexpected error shown in
 * French and logged with its stack (Stackdriver), never swallowed silently.
 *
 * Nobody waits on a person while holding the lock: what the command shows at
 * the end (alerts, dialogs, the sidebar) is queued and shown once the lock is
 * released, so another user's command is never kept waiting by an alert
 * nobody has clicked yet. A command that writes into tabs the person cannot
 * edit (`leadOnly`) says so before doing anything (see access.ts), and so
 * does one that would run into a range protection made by hand (`writes`,
 * write-guard.ts).
 */
import { gasMessages } from '../domain/messages/gas';
import { readAccess } from './access';
import { gasContext, type GasContext } from './context';
import { frenchToast } from './french-ui';
import { rangeBlockersFor, type WriteTarget } from './write-guard';

/** How long a command waits for another one to finish before giving up. */
export const LOCK_WAIT_MS = 30_000;

export interface CommandOptions {
  /** Writes into every tab (install, consolidation…): refused, in French, to a service member. */
  readonly leadOnly?: boolean;
  /**
   * Where the command writes (write-guard.ts): a hand-made range protection the person cannot
   * edit there is named, in French, and the command refused before it writes anything.
   */
  readonly writes?: readonly WriteTarget[];
}

type Ui = GoogleAppsScript.Base.Ui;

/**
 * The command's Ui: `alert` and dialogs are queued until the lock is released (an alert waits
 * for a click); `prompt` has no place under the lock (ask before `runCommand`).
 */
function deferredUi(ui: Ui, queue: Array<() => void>): Ui {
  // A plain object, not a Proxy over Google's Ui: the enums are copied, the rest is queued.
  const deferred = {
    Button: ui.Button,
    ButtonSet: ui.ButtonSet,
    alert: (...args: unknown[]) => {
      queue.push(() => (ui.alert as (...a: unknown[]) => unknown).apply(ui, args));
      return ui.Button.OK;
    },
    showModalDialog: (output: GoogleAppsScript.HTML.HtmlOutput, title: string) => void queue.push(() => ui.showModalDialog(output, title)),
    showModelessDialog: (output: GoogleAppsScript.HTML.HtmlOutput, title: string) => void queue.push(() => ui.showModelessDialog(output, title)),
    showSidebar: (output: GoogleAppsScript.HTML.HtmlOutput) => void queue.push(() => ui.showSidebar(output)),
    prompt: () => {
      throw new Error('prompt under the document lock: ask before runCommand');
    },
    createMenu: (caption: string) => ui.createMenu(caption),
    createAddonMenu: () => ui.createAddonMenu(),
  };
  return deferred as unknown as Ui;
}

function errorDetail(e: unknown): string {
  return e && typeof e === 'object' && 'message' in e ? String((e as { message: unknown }).message) : String(e);
}

/** Runs `body` under the document lock; true when it ran to its end. */
export function runCommand(title: string, body: (ctx: GasContext) => void, options: CommandOptions = {}): boolean {
  const queue: Array<() => void> = [];
  const base = gasContext(queue);
  if (options.leadOnly) {
    // Before the lock and before any write: a member learns at once, and nothing is half-done.
    const closed = base.access().closedTabs;
    if (closed.length > 0) {
      base.ui.alert(title, gasMessages.access.leadOnly(title, closed), base.ui.ButtonSet.OK);
      return false;
    }
  }
  if (!base.lock.tryLock(LOCK_WAIT_MS)) {
    base.ui.alert(title, gasMessages.busy, base.ui.ButtonSet.OK);
    return false;
  }
  const ctx: GasContext = { ...base, ui: deferredUi(base.ui, queue) };
  let ok = false;
  let refusal: string | null = null;
  try {
    // Under the lock: placing the footprint may read tabs through the command's cached workbook,
    // which the body then reuses; read before the lock, they could be stale.
    const blockers = options.writes ? rangeBlockersFor(base.workbook, options.writes, base.rangeBlockers()) : [];
    if (blockers.length > 0) refusal = gasMessages.access.rangeProtected(title, blockers);
    else {
      frenchToast(base.spreadsheet, gasMessages.progress.started(title), title, -1);
      body(ctx);
      ok = true;
    }
  } catch (e) {
    console.error(e);
    // What the command meant to show no longer holds: the error replaces it.
    queue.length = 0;
    queue.push(() => base.ui.alert(title, gasMessages.unexpectedError(errorDetail(e)), base.ui.ButtonSet.OK));
  } finally {
    base.lock.release();
  }
  if (refusal !== null) {
    // Nothing was written: no toast, only the reason.
    base.ui.alert(title, refusal, base.ui.ButtonSet.OK);
    return false;
  }
  // The "en cours" toast stays until replaced: close it, then show what the command queued.
  frenchToast(base.spreadsheet, ok ? gasMessages.progress.finished(title) : gasMessages.progress.stopped(title), title, 3);
  for (const show of queue) show();
  return ok;
}

export { readAccess };
