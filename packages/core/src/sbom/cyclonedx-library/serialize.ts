import { randomUUID } from 'node:crypto';
import type * as Models from '@cyclonedx/cyclonedx-library/Models';
import * as Serialize from '@cyclonedx/cyclonedx-library/Serialize';
import * as Spec from '@cyclonedx/cyclonedx-library/Spec';
import { SERIAL_NAMESPACE, supportedSpecVersion, uuidV5, type SbomFormat, type SbomSpecVersion } from '../spec.js';

export interface SerializeBomOptions {
  specVersion?: SbomSpecVersion | undefined;
  format?: SbomFormat | undefined;
  /**
   * Derive the serial number from the content (a UUID v5 over the BOM without it) instead of a random one,
   * so identical input gives identical bytes. Lists are sorted either way.
   */
  reproducible?: boolean | undefined;
}

/**
 * Serializes a BOM with the CycloneDX library's normalizers (JSON or XML) for the given spec version. Always
 * sorts lists; sets `serialNumber` (random, or content-derived when `reproducible`). Mutates `bom.serialNumber`.
 */
export function serializeBom(bom: Models.Bom, options: SerializeBomOptions = {}): string {
  const spec = Spec.SpecVersionDict[supportedSpecVersion(options.specVersion) as Spec.Version];
  if (!spec) throw new Error(`the CycloneDX library does not model spec version ${String(options.specVersion)}`);
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
