/**
 * CheckStorePort over DocumentProperties: the last check (`LastCheck`, plain
 * JSON) for the sidebar, in chunks when it exceeds one property's 9 KB.
 * Read by the sidebar with `loadLastCheck()`.
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

/** The stored last check, for the sidebar (null when none was recorded). */
export function loadLastCheck(service: GoogleAppsScript.Properties.PropertiesService = PropertiesService): LastCheck | null {
  return new GasCheckStore(service.getDocumentProperties()).load();
}
