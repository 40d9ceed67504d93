/**
 * The sidebar's dashboard, kept in the document cache so that opening the
 * sidebar does not re-read every tab (some 400,000 cells at 20 services ×
 * 500 rows): the commands that compute the dashboard anyway (*Tableau de
 * bord*, *Calculer les scores*) leave it there, those that change what it
 * counts (*Consolider*, *Installer*) drop it, and the sidebar's *Actualiser*
 * button recomputes it. The dashboard shows when it was computed.
 *
 * Bounded by Google: 100 KB per entry, 6 hours at most
 * (https://developers.google.com/apps-script/reference/cache/cache); the JSON
 * is cut into entries of CHUNK_CHARS characters (at most 3 UTF-8 bytes each
 * for the Basic Multilingual Plane), and a dashboard over MAX_CHUNKS entries is
 * simply not cached. A cache may forget at any time: then the sidebar computes.
 */
import type { DashboardData } from '../domain/dashboard/types';

export const DASHBOARD_CACHE_KEY = 'capCirculaire.tableau';
const CHUNK_CHARS = 30_000;
const MAX_CHUNKS = 20;
/** Six hours, the longest Google keeps an entry. */
export const DASHBOARD_CACHE_SECONDS = 21_600;

type Cache = GoogleAppsScript.Cache.Cache;

function documentCache(): Cache | null {
  try {
    return CacheService.getDocumentCache();
  } catch {
    return null;
  }
}

export function cacheDashboard(data: DashboardData, cache: Cache | null = documentCache()): void {
  if (!cache) return;
  const json = JSON.stringify(data);
  const n = Math.ceil(json.length / CHUNK_CHARS);
  if (n > MAX_CHUNKS) return forgetDashboard(cache);
  const entries: Record<string, string> = { [DASHBOARD_CACHE_KEY]: String(n) };
  for (let i = 0; i < n; i++) entries[`${DASHBOARD_CACHE_KEY}.${i}`] = json.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS);
  cache.putAll(entries, DASHBOARD_CACHE_SECONDS);
}

export function loadCachedDashboard(cache: Cache | null = documentCache()): DashboardData | null {
  if (!cache) return null;
  const keys = [DASHBOARD_CACHE_KEY, ...Array.from({ length: MAX_CHUNKS }, (_, i) => `${DASHBOARD_CACHE_KEY}.${i}`)];
  const all = cache.getAll(keys) as Record<string, string>;
  const n = Number(all[DASHBOARD_CACHE_KEY]);
  if (!Number.isInteger(n) || n <= 0 || n > MAX_CHUNKS) return null;
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const part = all[`${DASHBOARD_CACHE_KEY}.${i}`];
    // One entry forgotten (caches evict): the whole is unusable.
    if (part === undefined) return null;
    parts.push(part);
  }
  try {
    const data = JSON.parse(parts.join('')) as DashboardData;
    return data && data.version === 1 ? data : null;
  } catch {
    return null;
  }
}

export function forgetDashboard(cache: Cache | null = documentCache()): void {
  cache?.remove(DASHBOARD_CACHE_KEY);
}
