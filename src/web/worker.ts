/**
 * The page's Web Worker: parsing, consolidation, scoring and generation run
 * here, off the page's thread, so the page stays responsive on large
 * workbooks. Requests are handled one at a time, in order; each reports its
 * progress, then its result (file bytes transferred, not copied) or a French
 * error message.
 */
import './shims/node-globals';
import { WEB_MESSAGES as M } from '../domain/messages/web';
import { UserError, WebEngine } from './engine';
import type { Reply, RequestEnvelope, Result } from './protocol';

interface WorkerScope {
  postMessage(message: Reply, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<RequestEnvelope>) => void) | null;
}
const scope = self as unknown as WorkerScope;
const engine = new WebEngine();
let queue: Promise<void> = Promise.resolve();

function transferables(result: Result): Transferable[] {
  return 'downloads' in result ? result.downloads.map((d) => d.bytes) : [];
}

function describe(e: unknown): string {
  if (e instanceof RangeError && /memory|allocation|array buffer/i.test(e.message)) return M.erreurs.memoire;
  return M.erreurs.inattendue(e instanceof Error ? e.message : String(e));
}

scope.onmessage = (event) => {
  const { id, request } = event.data;
  queue = queue.then(async () => {
    try {
      const result = await engine.handle(request, (label, step, steps) => scope.postMessage({ id, kind: 'progress', label, step, steps }));
      scope.postMessage({ id, kind: 'done', result }, transferables(result));
    } catch (e) {
      scope.postMessage({ id, kind: 'error', message: e instanceof UserError ? e.message : describe(e) });
      if (!(e instanceof UserError)) console.error(e);
    }
  });
};
