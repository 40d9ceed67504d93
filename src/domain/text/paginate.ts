/**
 * Pagination: split what does not fit into pages (continuation slides or
 * pages), never truncating. Every item lands on exactly one page, in order.
 */

/**
 * Splits items into pages whose heights add up to at most `available`
 * (the first page may have less room: `firstAvailable`). An item taller than
 * a page gets a page of its own: callers make items small enough first
 * (a table row is split with `splitRows` before).
 */
export function paginate<T>(items: readonly T[], heightOf: (item: T) => number, available: number, firstAvailable = available): T[][] {
  const pages: T[][] = [];
  let page: T[] = [];
  let used = 0;
  let room = firstAvailable;
  for (const item of items) {
    const h = heightOf(item);
    if (page.length > 0 && used + h > room) {
      pages.push(page);
      page = [];
      used = 0;
      room = available;
    }
    page.push(item);
    used += h;
  }
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}

/**
 * Like `paginate`, with the items spread evenly over the same number of
 * pages (9 rows on two slides: 5 and 4, not 8 and 1): the smallest room per
 * page that keeps the page count, found by bisection.
 */
export function paginateEvenly<T>(items: readonly T[], heightOf: (item: T) => number, available: number, firstAvailable = available): T[][] {
  const pages = paginate(items, heightOf, available, firstAvailable);
  if (pages.length <= 1) return pages;
  const total = items.reduce((s, it) => s + heightOf(it), 0);
  let lo = Math.min(available, total / pages.length);
  let hi = available;
  let best = pages;
  for (let i = 0; i < 20 && hi - lo > 0.5; i++) {
    const mid = (lo + hi) / 2;
    const shrink = available - mid;
    const p = paginate(items, heightOf, mid, Math.max(1, firstAvailable - shrink));
    if (p.length === pages.length) {
      best = p;
      hi = mid;
    } else lo = mid;
  }
  return best;
}

/** Pages of at most `n` items (a fixed-size grid, the cells of a matrix). */
export function chunk<T>(items: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += Math.max(1, n)) out.push(items.slice(i, i + Math.max(1, n)));
  return out.length ? out : [[]];
}

/** « (suite) » titles: the first page keeps its title, the next ones say they continue it. */
export function continuationTitles(title: string, pages: number, suite: (title: string, page: number, total: number) => string): string[] {
  return Array.from({ length: pages }, (_, i) => (i === 0 ? title : suite(title, i + 1, pages)));
}
