import { createHash } from 'node:crypto';
import { LockwardenError } from '../errors.js';

/**
 * CycloneDX versions lockwarden writes, newest last. 1.6 is the default because GitLab accepts 1.4-1.6;
 * 1.7 is offered because the CycloneDX library models and validates it (a test checks that it still does).
 * Older versions lack `metadata.tools.components`.
 */
export const SBOM_SPEC_VERSIONS = ['1.6', '1.7'] as const;
export type SbomSpecVersion = (typeof SBOM_SPEC_VERSIONS)[number];
export const DEFAULT_SBOM_SPEC_VERSION: SbomSpecVersion = '1.6';

export type SbomFormat = 'json' | 'xml';

/** The `$schema` each JSON version declares (the CycloneDX library's JSON normalizer writes the same). */
export const JSON_SCHEMA_URLS: Readonly<Record<SbomSpecVersion, string>> = {
  '1.6': 'http://cyclonedx.org/schema/bom-1.6.schema.json',
  '1.7': 'http://cyclonedx.org/schema/bom-1.7.schema.json',
};

/** `version` if lockwarden writes it; throws USAGE_ERROR otherwise. */
export function supportedSpecVersion(version: string | undefined): SbomSpecVersion {
  const v = version ?? DEFAULT_SBOM_SPEC_VERSION;
  if (!(SBOM_SPEC_VERSIONS as readonly string[]).includes(v)) {
    throw new LockwardenError(
      'USAGE_ERROR',
      `unsupported CycloneDX spec version "${v}" (supported: ${SBOM_SPEC_VERSIONS.join(', ')})`,
    );
  }
  return v as SbomSpecVersion;
}

/** UUID namespace for lockwarden's content-derived serial numbers (a fixed random UUID). */
export const SERIAL_NAMESPACE = '6f1f3a5e-5c1e-4e0b-9f55-2f2b7c0c8d4a';

/** RFC 9562 UUID version 5 (SHA-1 over namespace bytes + name). */
export function uuidV5(namespace: string, name: string): string {
  const hasher = uuidV5Hasher(namespace);
  hasher.update(name);
  return hasher.uuid();
}

/** A UUID v5 over a name given in parts, so that a long name (a whole document) is never one string. */
export function uuidV5Hasher(namespace: string): { update(part: string): void; uuid(): string } {
  const hash = createHash('sha1').update(Buffer.from(namespace.replace(/-/g, ''), 'hex'));
  return {
    update: (part) => {
      hash.update(part, 'utf8');
    },
    uuid: () => {
      const bytes = hash.digest().subarray(0, 16);
      bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50;
      bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
      const hex = bytes.toString('hex');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    },
  };
}

/**
 * The fixed time a reproducible BOM records: `SOURCE_DATE_EPOCH` (seconds) when set, else the Unix epoch.
 * Throws USAGE_ERROR when the variable is not a non-negative integer, as reproducible-builds.org asks.
 */
export function reproducibleTimestamp(sourceDateEpoch: string | undefined): Date {
  if (sourceDateEpoch === undefined || sourceDateEpoch === '') return new Date(0);
  if (!/^\d+$/.test(sourceDateEpoch)) {
    throw new LockwardenError('USAGE_ERROR', `SOURCE_DATE_EPOCH must be whole seconds, got "${sourceDateEpoch}"`);
  }
  return new Date(Number(sourceDateEpoch) * 1000);
}
