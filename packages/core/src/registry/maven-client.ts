import { XMLParser } from 'fast-xml-parser';
import { SourceUnavailableError } from '../errors.js';
import { isRecord } from '../parse/json.js';
import type { RegistryFetcher } from './registry-fetcher.js';
import type { PackageMetadata, RegistryClient, VersionMetadata } from './types.js';

/** Maven's default remote repository. */
export const MAVEN_CENTRAL_DEFAULT = 'https://repo.maven.apache.org/maven2/';

// Untrusted XML: no entity expansion, no attribute processing.
/** Built on first use: importing the client constructs nothing. */
let parser: XMLParser | undefined;
function metadataParser(): XMLParser {
  parser ??= new XMLParser({ processEntities: false, ignoreAttributes: true, parseTagValue: false });
  return parser;
}

/**
 * A Maven repository laid out as Maven Central: `maven-metadata.xml` lists an artifact's versions; a version's
 * publish time is the `Last-Modified` of its POM, which is what the repository itself records.
 * Names are `groupId:artifactId`.
 */
export class MavenRegistryClient implements RegistryClient {
  readonly ecosystem = 'Maven' as const;

  constructor(
    private readonly repository: string,
    private readonly fetcher: RegistryFetcher,
  ) {}

  async getPackage(name: string): Promise<PackageMetadata> {
    const base = { ecosystem: this.ecosystem, name, registry: this.repository };
    const path = this.artifactPath(name);
    if (!path) return { ...base, exists: false, versions: [] };
    const res = await this.fetcher.get(`${this.repository}${path}/maven-metadata.xml`, 'Maven repository');
    if (res.status === 404) return { ...base, exists: false, versions: [] };
    let doc: unknown;
    try {
      doc = metadataParser().parse(res.body);
    } catch {
      throw new SourceUnavailableError('Maven repository', `maven-metadata.xml of ${name} is not XML`);
    }
    const versioning = isRecord(doc) && isRecord(doc.metadata) && isRecord(doc.metadata.versioning) ? doc.metadata.versioning : {};
    const list = isRecord(versioning.versions) ? versioning.versions.version : undefined;
    const versions: VersionMetadata[] = (Array.isArray(list) ? list : list === undefined ? [] : [list]).map((v) => ({
      version: String(v),
      publishing: { level: 'none' },
    }));
    const meta: PackageMetadata = { ...base, exists: true, versions };
    const release = versioning.release ?? versioning.latest;
    if (typeof release === 'string') meta.latest = release;
    return meta;
  }

  /** One version's publish time: the repository's `Last-Modified` for the POM. */
  async getVersion(name: string, version: string): Promise<VersionMetadata | undefined> {
    const path = this.artifactPath(name);
    if (!path || !/^[\w.+-]+$/.test(version)) return undefined;
    const artifact = name.slice(name.indexOf(':') + 1);
    const res = await this.fetcher.get(`${this.repository}${path}/${version}/${artifact}-${version}.pom`, 'Maven repository');
    if (res.status === 404) return undefined;
    const published = res.lastModified ? new Date(res.lastModified) : undefined;
    return {
      version,
      publishing: { level: 'none' },
      ...(published && !Number.isNaN(published.getTime()) ? { publishedAt: published.toISOString() } : {}),
    };
  }

  private artifactPath(name: string): string | undefined {
    const m = /^([\w.-]+):([\w.-]+)$/.exec(name);
    return m ? `${m[1]!.replace(/\./g, '/')}/${m[2]}` : undefined;
  }
}
