import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parse as parseIni } from 'ini';
import { isRecord } from '../parse/json.js';
import type { JsonSchema } from '../http/response-shape.js';
import { jsonBody } from './registry-json.js';
import { PypiJsonSchema, PypiSimpleSchema } from './response-schemas.js';
import { canonicalName } from '../typosquat/name-forms.js';
import type { RegistryFetcher } from './registry-fetcher.js';
import { earliestPublish, type PackageMetadata, type RegistryClient, type VersionMetadata } from './types.js';

/** pip's built-in index when neither `PIP_INDEX_URL` nor a pip.conf names one. */
export const PIP_DEFAULT_INDEX = 'https://pypi.org/simple/';

/**
 * The index pip would use: `PIP_INDEX_URL`, else `index-url` from the pip configuration files (`PIP_CONFIG_FILE`,
 * then the site, user and legacy user files, later ones winning), else pip's default.
 */
export function resolvePipIndexUrl(env: Record<string, string | undefined>, home = homedir()): string {
  if (env.PIP_INDEX_URL) return env.PIP_INDEX_URL;
  const files = ['/etc/pip.conf', join(home, '.pip', 'pip.conf'), join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'pip', 'pip.conf')];
  if (env.PIP_CONFIG_FILE) files.push(env.PIP_CONFIG_FILE);
  let found: string | undefined;
  for (const file of files) {
    if (!existsSync(file)) continue;
    try {
      const conf = parseIni(readFileSync(file, 'utf8')) as Record<string, unknown>;
      for (const section of ['global', 'install']) {
        const s = conf[section];
        if (isRecord(s) && typeof s['index-url'] === 'string') found = s['index-url'];
      }
    } catch {
      // An unreadable pip.conf is pip's problem to report; keep the previous value.
    }
  }
  return found ?? PIP_DEFAULT_INDEX;
}

/**
 * A Python package index: the JSON API (`/pypi/<name>/json`, richest: licences, project URLs, upload times, yanks)
 * when the index offers one, with the PEP 691 simple API as the fallback that every index (devpi, Artifactory,
 * a plain directory server) speaks. Credentials embedded in the index URL are sent as Basic auth to that host only.
 */
export class PypiRegistryClient implements RegistryClient {
  readonly ecosystem = 'PyPI' as const;
  private readonly index: string;
  private readonly headers: Record<string, string>;

  constructor(
    indexUrl: string,
    private readonly fetcher: RegistryFetcher,
  ) {
    const u = new URL(indexUrl.endsWith('/') ? indexUrl : `${indexUrl}/`);
    this.headers = {};
    if (u.username) {
      const cred = `${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`;
      this.headers.authorization = `Basic ${Buffer.from(cred).toString('base64')}`;
      u.username = '';
      u.password = '';
    }
    this.index = u.toString();
  }

  async getPackage(rawName: string): Promise<PackageMetadata> {
    const name = canonicalName('PyPI', rawName);
    const base = { ecosystem: this.ecosystem, name, registry: this.index };
    const jsonUrl = this.jsonApiUrl(name);
    if (jsonUrl) {
      const res = await this.fetcher.get(jsonUrl, 'PyPI', { accept: 'application/json', ...this.headers }, check(name, PypiJsonSchema));
      if (res.status === 200) return parsePypiJson(name, res.doc as Record<string, unknown>, this.index);
    }
    // No JSON API, or it does not know the name: the simple API is the index's own answer.
    const simpleUrl = `${this.index}${name}/`;
    const res = await this.fetcher.get(simpleUrl, 'PyPI', { accept: 'application/vnd.pypi.simple.v1+json', ...this.headers }, check(name, PypiSimpleSchema));
    if (res.status === 404) return { ...base, exists: false, versions: [] };
    return parseSimpleJson(name, res.doc as Record<string, unknown>, this.index);
  }

  /** `<host>/pypi/<name>/json` for indexes laid out like the public one (`…/simple/`); none otherwise. */
  private jsonApiUrl(name: string): string | undefined {
    const m = /^(.*\/)simple\/$/.exec(this.index);
    return m ? `${m[1]}pypi/${name}/json` : undefined;
  }
}

function check(name: string, schema: JsonSchema): (body: string) => Promise<unknown> {
  return jsonBody(schema, 'PyPI', `the metadata of ${name}`);
}

/** Reads the JSON API document (`info` + `releases`). */
export function parsePypiJson(name: string, doc: Record<string, unknown>, registry: string): PackageMetadata {
  const info = isRecord(doc.info) ? doc.info : {};
  const releases = isRecord(doc.releases) ? doc.releases : {};
  const license = typeof info.license_expression === 'string' && info.license_expression
    ? info.license_expression
    : typeof info.license === 'string' && info.license && info.license.length < 100
      ? info.license
      : undefined;
  const repository = projectRepository(info);
  const versions: VersionMetadata[] = [];
  for (const [version, files] of Object.entries(releases)) {
    const list = Array.isArray(files) ? files.filter(isRecord) : [];
    versions.push(versionFromFiles(version, list, 'upload_time_iso_8601', 'yanked', 'yanked_reason'));
  }
  const meta: PackageMetadata = { ecosystem: 'PyPI', name, exists: true, registry, versions };
  if (typeof info.version === 'string') meta.latest = info.version;
  const first = earliestPublish(versions);
  if (first) meta.firstPublishedAt = first;
  if (repository) meta.repository = repository;
  if (license) meta.license = license;
  const latest = versions.find((v) => v.version === meta.latest);
  if (latest) {
    if (license) latest.license = license;
    if (repository) latest.repository = repository;
  }
  return meta;
}

/** Reads a PEP 691 JSON simple page; versions come from PEP 700 `versions` or the file names. */
export function parseSimpleJson(name: string, doc: Record<string, unknown>, registry: string): PackageMetadata {
  const files = Array.isArray(doc.files) ? doc.files.filter(isRecord) : [];
  const byVersion = new Map<string, Record<string, unknown>[]>();
  for (const v of Array.isArray(doc.versions) ? doc.versions : []) if (typeof v === 'string') byVersion.set(v, []);
  for (const f of files) {
    const version = typeof f.filename === 'string' ? versionFromFilename(name, f.filename) : undefined;
    if (!version) continue;
    const list = byVersion.get(version) ?? [];
    list.push(f);
    byVersion.set(version, list);
  }
  const versions = [...byVersion].map(([version, list]) => versionFromFiles(version, list, 'upload-time', 'yanked', 'yanked'));
  const meta: PackageMetadata = { ecosystem: 'PyPI', name, exists: true, registry, versions };
  const first = earliestPublish(versions);
  if (first) meta.firstPublishedAt = first;
  return meta;
}

/** A release's publish time is its earliest file upload; it is yanked when every file is. */
function versionFromFiles(
  version: string,
  files: Record<string, unknown>[],
  timeKey: string,
  yankKey: string,
  reasonKey: string,
): VersionMetadata {
  const v: VersionMetadata = { version, publishing: { level: 'none' } };
  let earliest: string | undefined;
  for (const f of files) {
    const t = f[timeKey];
    if (typeof t === 'string' && (earliest === undefined || Date.parse(t) < Date.parse(earliest))) earliest = t;
  }
  if (earliest) v.publishedAt = earliest;
  if (files.length > 0 && files.every((f) => f[yankKey] !== undefined && f[yankKey] !== false && f[yankKey] !== null)) {
    v.yanked = true;
    const reason = files.map((f) => f[reasonKey]).find((r) => typeof r === 'string' && r !== '');
    if (typeof reason === 'string') v.yankedReason = reason;
  }
  return v;
}

/** The version part of an sdist or wheel file name (`name-1.2.3.tar.gz`, `name-1.2.3-py3-none-any.whl`). */
export function versionFromFilename(name: string, filename: string): string | undefined {
  const stem = filename.replace(/\.(tar\.gz|tar\.bz2|zip|whl|egg|tgz)$/i, '');
  // Compared in PEP 503 form rather than through a pattern built from the name: the name is registry data.
  const canonical = (s: string): string => s.replace(/[-_.]/g, '-').toLowerCase();
  if (stem.length <= name.length || stem[name.length] !== '-' || canonical(stem.slice(0, name.length)) !== canonical(name)) {
    return undefined;
  }
  const rest = stem.slice(name.length + 1);
  const dash = rest.indexOf('-');
  const version = dash < 0 ? rest : rest.slice(0, dash);
  return version === '' ? undefined : version;
}

function projectRepository(info: Record<string, unknown>): string | undefined {
  const urls = isRecord(info.project_urls) ? info.project_urls : {};
  for (const [label, url] of Object.entries(urls)) {
    if (typeof url === 'string' && /source|repository|code|github/i.test(label)) return url;
  }
  for (const url of Object.values(urls)) {
    if (typeof url === 'string' && /github\.com|gitlab\.com|bitbucket\.org/.test(url)) return url;
  }
  return typeof info.home_page === 'string' && /github\.com|gitlab\.com/.test(info.home_page) ? info.home_page : undefined;
}
