/** The small ports over Apps Script services: document lock, clock, user. */
import type { ClockPort, LockPort, UserPort } from '../app/ports';

export class GasLock implements LockPort {
  private lock: GoogleAppsScript.Lock.Lock | null = null;

  constructor(private readonly service: GoogleAppsScript.Lock.LockService = LockService) {}

  tryLock(timeoutMs: number): boolean {
    this.lock = this.service.getDocumentLock();
    // A script not bound to a document has no document lock: nothing to serialise against.
    if (!this.lock) return true;
    return this.lock.tryLock(timeoutMs);
  }

  release(): void {
    this.lock?.releaseLock();
    this.lock = null;
  }
}

export class GasClock implements ClockPort {
  now(): Date {
    return new Date();
  }
}

export class GasUser implements UserPort {
  constructor(private readonly session: GoogleAppsScript.Base.Session = Session) {}

  /** '' when Google does not disclose it (consumer accounts, other domains). */
  email(): string {
    try {
      return this.session.getActiveUser().getEmail() ?? '';
    } catch {
      return '';
    }
  }
}
