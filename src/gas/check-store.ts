/**
 * CheckStorePort over a property store: the last check (`LastCheck`, plain
 * JSON) for the sidebar, in chunks when it exceeds one property's 9 KB.
 * Read by the sidebar with `loadLastCheck()`.
 *
 * Bounded: `buildLastCheck` caps a check at LAST_CHECK_MAX_BYTES (250 kB,
 * truncated with a French note), i.e. at most 32 chunks, half of the 500 kB
 * a property store holds (https://developers.google.com/apps-script/guides/services/quotas).
 * It is the only thing the add-on keeps in properties: the colours under the
 * marks live with each tab (cell-marker.ts). The project lead's check goes to
 * the document's store (shared); a service member's check of her own tabs to
 * her user store, so she never overwrites the lead's.
 */
import type { CheckStorePort } from '../app/ports';
import { parseLastCheck, type LastCheck } from '../domain/validation/last-check';
import { readChunked, writeChunked } from './chunked-properties';

/** Property key of the last check (chunks are `<key>.0`, `<key>.1`…). */
export const LAST_CHECK_KEY = 'capCirculaire.derniereVerification';

export class GasCheckStore implements CheckStorePort {
  constructor(private readonly properties: GoogleAppsScript.Properties.Properties) {}

  load(): LastCheck | null {
    return parseLastCheck(readChunked(this.properties, LAST_CHECK_KEY));
  }

  save(check: LastCheck): void {
    writeChunked(this.properties, LAST_CHECK_KEY, JSON.stringify(check));
  }
}

/**
 * The stored last check, for the sidebar (null when none was recorded): the project lead's
 * (document properties, shared) or the person's own check of her tabs (user properties, a
 * service member's Vérifier), whichever is newer.
 */
export function loadLastCheck(service: GoogleAppsScript.Properties.PropertiesService = PropertiesService): LastCheck | null {
  const shared = new GasCheckStore(service.getDocumentProperties()).load();
  let own: LastCheck | null = null;
  try {
    own = new GasCheckStore(service.getUserProperties()).load();
  } catch {
    own = null;
  }
  if (!own) return shared;
  if (!shared) return own;
  return own.date > shared.date ? own : shared;
}
