import type { Finding } from '../findings/finding.js';
import { matchPurlPattern, parsePurlPattern, type PurlPattern } from './purl-pattern.js';
import type { PolicyException } from './types.js';

const DAY_MS = 86_400_000;

/**
 * The instant an exception stops applying. A bare date is valid through that whole day (UTC): `expires: 2027-01-31`
 * still applies on January 31st. Returns NaN for an unreadable value (the loader rejects those).
 */
export function exceptionExpiry(expires: string): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(expires)) {
    const start = Date.parse(`${expires}T00:00:00Z`);
    // Date.parse accepts 2027-02-30 and rolls over; a date that does not round-trip is invalid.
    if (Number.isNaN(start) || new Date(start).toISOString().slice(0, 10) !== expires) return Number.NaN;
    return start + DAY_MS;
  }
  return Date.parse(expires);
}

/** A short label naming an exception in warnings and reports. */
export function describeException(e: PolicyException): string {
  const scope = [e.rule ? `rule ${e.rule}` : undefined, e.id ? `id ${e.id}` : undefined].filter(Boolean).join(', ');
  return `${e.package}${scope ? ` (${scope})` : ''}, expires ${e.expires}${e.origin ? `, ${e.origin}` : ''}`;
}

/** Exceptions with their patterns parsed once and their expiry computed against `now`. */
export class ExceptionMatcher {
  private readonly entries: Array<{ exception: PolicyException; pattern: PurlPattern; expired: boolean }>;

  constructor(exceptions: readonly PolicyException[], now: Date) {
    this.entries = exceptions.map((exception) => ({
      exception,
      pattern: parsePurlPattern(exception.package),
      expired: !(now.getTime() < exceptionExpiry(exception.expires)),
    }));
  }

  /** Every expired exception. */
  expired(): PolicyException[] {
    return this.entries.filter((e) => e.expired).map((e) => e.exception);
  }

  /**
   * The first live exception covering the finding, and the expired ones that would have. A version that cannot
   * be compared with the exception's range is not covered: exceptions fail closed.
   */
  match(finding: Finding): { applied?: PolicyException; expired: PolicyException[] } {
    const expired: PolicyException[] = [];
    let applied: PolicyException | undefined;
    for (const e of this.entries) {
      if (!covers(e.exception, e.pattern, finding)) continue;
      if (e.expired) expired.push(e.exception);
      else applied ??= e.exception;
    }
    return applied ? { applied, expired } : { expired };
  }
}

function covers(e: PolicyException, pattern: PurlPattern, f: Finding): boolean {
  if (e.rule !== undefined && e.rule !== f.rule) return false;
  if (e.id !== undefined) {
    const id = e.id.toUpperCase();
    if (!(f.advisories ?? []).some((a) => a.toUpperCase() === id)) return false;
  }
  if (!f.purl) return false;
  return matchPurlPattern(pattern, { purl: f.purl, ecosystem: f.ecosystem, version: f.version }) === true;
}
