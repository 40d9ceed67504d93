/**
 * Progress toasts (bottom right of the sheet) for runs that last more than a few seconds:
 * a toast every few tabs, through the ports the use cases already call once per tab.
 */
import type { FormatterPort } from '../app/ports';
import { gasMessages } from '../domain/messages/gas';
import type { GasContext } from './context';

/** A toast every few tabs while marking (a check of 20 services marks 20 tabs or more). */
export function progressPerTab(ctx: Pick<GasContext, 'progress'>, every = 5): (tab: string) => void {
  let n = 0;
  return () => {
    n++;
    if (n % every === 0) ctx.progress(gasMessages.progress.marking(n));
  };
}

/** The formatter, with a progress toast every `every` tabs. */
export function withProgress(ctx: Pick<GasContext, 'formatter' | 'progress' | 'workbook'>, every = 8): FormatterPort {
  const total = ctx.workbook.sheetNames().length;
  let done = 0;
  return {
    applyFormat(sheet, format) {
      ctx.formatter.applyFormat(sheet, format);
      done++;
      if (done % every === 0) ctx.progress(gasMessages.progress.formatting(done, Math.max(done, total)));
    },
  };
}
