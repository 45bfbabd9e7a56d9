import { createHash, randomUUID } from 'node:crypto';
import type * as Models from '@cyclonedx/cyclonedx-library/Models';
import * as Serialize from '@cyclonedx/cyclonedx-library/Serialize';
import * as Spec from '@cyclonedx/cyclonedx-library/Spec';
import { LockwardenError } from '../errors.js';

/**
 * CycloneDX versions lockwarden writes, newest last. 1.6 is the default because GitLab accepts 1.4-1.6;
 * 1.7 is offered because the CycloneDX library models and validates it. Older versions lack
 * `metadata.tools.components`.
 */
export const SBOM_SPEC_VERSIONS = (['1.6', '1.7'] as const).filter(
  (v) => Spec.SpecVersionDict[v as Spec.Version] !== undefined,
);
export type SbomSpecVersion = '1.6' | '1.7';
export const DEFAULT_SBOM_SPEC_VERSION: SbomSpecVersion = '1.6';

export type SbomFormat = 'json' | 'xml';

export interface SerializeBomOptions {
  specVersion?: SbomSpecVersion | undefined;
  format?: SbomFormat | undefined;
  /**
   * Derive the serial number from the content (a UUID v5 over the BOM without it) instead of a random one,
   * so identical input gives identical bytes. Lists are sorted either way.
   */
  reproducible?: boolean | undefined;
}

/** UUID namespace for lockwarden's content-derived serial numbers (a fixed random UUID). */
const SERIAL_NAMESPACE = '6f1f3a5e-5c1e-4e0b-9f55-2f2b7c0c8d4a';

/**
 * Serializes a BOM with the CycloneDX library's normalizers (JSON or XML) for the given spec version. Always
 * sorts lists; sets `serialNumber` (random, or content-derived when `reproducible`). Mutates `bom.serialNumber`.
 */
export function serializeBom(bom: Models.Bom, options: SerializeBomOptions = {}): string {
  const version = options.specVersion ?? DEFAULT_SBOM_SPEC_VERSION;
  const spec = Spec.SpecVersionDict[version as Spec.Version];
  if (!spec || !(SBOM_SPEC_VERSIONS as readonly string[]).includes(version)) {
    throw new LockwardenError(
      'USAGE_ERROR',
      `unsupported CycloneDX spec version "${version}" (supported: ${SBOM_SPEC_VERSIONS.join(', ')})`,
    );
  }
  const serializer =
    (options.format ?? 'json') === 'xml'
      ? new Serialize.XmlSerializer(new Serialize.XML.Normalize.Factory(spec))
      : new Serialize.JsonSerializer(new Serialize.JSON.Normalize.Factory(spec));
  const render = (): string => `${serializer.serialize(bom, { sortLists: true, space: 2 })}\n`;

  if (options.reproducible) {
    bom.serialNumber = undefined;
    bom.serialNumber = `urn:uuid:${uuidV5(SERIAL_NAMESPACE, render())}`;
  } else {
    bom.serialNumber = `urn:uuid:${randomUUID()}`;
  }
  return render();
}

/** RFC 9562 UUID version 5 (SHA-1 over namespace bytes + name). */
export function uuidV5(namespace: string, name: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const bytes = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
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
