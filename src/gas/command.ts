/**
 * How every menu command runs: under the document lock (two runs must not
 * interleave their reads and writes), with any unexpected error shown in
 * French and logged with its stack (Stackdriver), never swallowed silently.
 */
import { gasMessages } from '../domain/messages/gas';
import { gasContext, type GasContext } from './context';

/** How long a command waits for another one to finish before giving up. */
export const LOCK_WAIT_MS = 30_000;

export function runCommand(title: string, body: (ctx: GasContext) => void): void {
  const ctx = gasContext();
  if (!ctx.lock.tryLock(LOCK_WAIT_MS)) {
    ctx.ui.alert(title, gasMessages.busy, ctx.ui.ButtonSet.OK);
    return;
  }
  try {
    body(ctx);
  } catch (e) {
    console.error(e);
    const detail = e && typeof e === 'object' && 'message' in e ? String((e as { message: unknown }).message) : String(e);
    ctx.ui.alert(title, gasMessages.unexpectedError(detail), ctx.ui.ButtonSet.OK);
  } finally {
    ctx.lock.release();
  }
}
