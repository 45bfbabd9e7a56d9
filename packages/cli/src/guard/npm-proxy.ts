import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { isRecord, parsePackument, SourceUnavailableError, type NpmRegistryConfig, type VersionsJudgement } from '@lockwarden/core';
import type { AuditLog } from './audit-log.js';
import { auditFacts, blockingFindings, blockMessage, notFoundMessage, type Judge } from './judge.js';
import { sendError, sendBody } from './responses.js';
import type { UpstreamHttp } from './upstream-http.js';

/** Fields of a version manifest in npm's abbreviated ("corgi") metadata, as the public registry serves them. */
const ABBREVIATED_FIELDS = [
  'name', 'version', 'deprecated', 'dependencies', 'optionalDependencies', 'devDependencies', 'bundleDependencies',
  'bundledDependencies', 'peerDependencies', 'peerDependenciesMeta', 'acceptDependencies', 'bin', 'directories',
  'dist', 'engines', 'cpu', 'os', 'libc', '_hasShrinkwrap', 'hasInstallScript', 'funding', 'license',
] as const;
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall'];
export const ABBREVIATED_TYPE = 'application/vnd.npm.install-v1+json';
/** Registry root whose served tarball URLs point at the proxy (for yarn 2+, see `wantsProxiedTarballs`). */
export const PROXIED_TARBALLS_PREFIX = '/-/lw-proxied/';

interface Packument {
  name: string;
  doc: Record<string, unknown>;
  /** Identifies the upstream document for the judgement cache (ETag, else a hash of the body). */
  documentKey: string;
  etag?: string;
  fetchedAt: number;
}

type Lookup = { kind: 'ok'; packument: Packument; judgement: VersionsJudgement } | { kind: 'missing'; fetchedAt: number };

/** Served bytes of one judgement, built once per judgement and reused by every request. */
interface Rendered {
  full: Buffer;
  fullEtag: string;
  abbreviated: Buffer;
  abbreviatedEtag: string;
}

/**
 * Clients that leave a tarball URL out of their lockfile when it is the registry's conventional one (pnpm, and yarn
 * 2+ through `PROXIED_TARBALLS_PREFIX`): they are served tarball URLs on the proxy, so their downloads are judged
 * and their lockfiles name no host at all. Every other client (npm, yarn 1, bun) records `dist.tarball` as served
 * and gets the upstream's URL.
 */
export function wantsProxiedTarballs(userAgent: string | undefined): boolean {
  return /^(pnpm\/|yarn\/(?:[2-9]|\d{2,})\.)/.test(userAgent ?? '');
}

export interface NpmProxyOptions {
  config: NpmRegistryConfig;
  http: UpstreamHttp;
  judge: Judge;
  audit: AuditLog;
  /** How long an upstream packument is used without asking the upstream again. Default 30 s. */
  freshMs?: number;
}

/**
 * The npm registry protocol in front of the configured upstream(s): packuments (full and abbreviated) with the
 * versions the policy removes taken out and dist-tags moved; tarballs judged by version on their way through;
 * `/-/` endpoints (search, audit, ping) passed through. Upstream tarball URLs stay in the served metadata, so a
 * lockfile written through the proxy never contains the proxy's address.
 */
export class NpmProxy {
  private readonly packuments = new Map<string, Lookup>();
  private readonly inFlight = new Map<string, Promise<Lookup>>();
  /** Rendered documents per tarball base URL ('' keeps the upstream's URLs). */
  private readonly rendered = new Map<string, WeakMap<VersionsJudgement, Rendered>>();
  private readonly logged = new WeakSet<VersionsJudgement>();
  /** Upstream tarball path → the version it belongs to, learned from packuments. */
  private readonly tarballs = new Map<string, { name: string; version: string; url: string }>();
  private readonly freshMs: number;
  /** The proxy's own base URL (`http://127.0.0.1:PORT/`), known once the server listens. */
  selfUrl = '';

  constructor(private readonly options: NpmProxyOptions) {
    this.freshMs = options.freshMs ?? 30_000;
  }

  /** Answers one request whose path is npm's (everything outside `/-/pypi/`). */
  async handle(req: IncomingMessage, res: ServerResponse, rawPath: string, query: string): Promise<void> {
    const userAgent = req.headers['user-agent'];
    // yarn 2+ sends no user agent of its own, so the wrapper gives it a registry URL under this prefix instead.
    const prefixed = rawPath.startsWith(PROXIED_TARBALLS_PREFIX);
    const path = prefixed ? rawPath.slice(PROXIED_TARBALLS_PREFIX.length - 1) : rawPath;
    if (path.startsWith('/-/')) return this.passThrough(req, res, path + query);
    if (path.includes('/-/')) return this.tarball(req, res, path, userAgent);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendError(res, 405, 'lockwarden guard serves installs only; publish to the upstream registry directly');
    }
    const { name, rest } = splitName(path);
    if (!name) return sendError(res, 404, 'not found');
    const lookup = await this.lookup(name, userAgent, res);
    if (!lookup) return;
    if (lookup.kind === 'missing') return this.notFound(res, name, userAgent);
    const { judgement } = lookup;
    if (judgement.allowed.length === 0) {
      const findings = blockingFindings(judgement);
      this.options.audit.record({ userAgent, ecosystem: 'npm', name, decision: 'block', ...auditFacts(findings), reason: blockMessage(judgement) });
      return sendError(res, 403, blockMessage(judgement));
    }
    this.logServed(judgement, userAgent);
    if (rest) return this.versionDocument(req, res, lookup.packument, judgement, rest);
    const tarballBase = !this.selfUrl ? '' : prefixed ? `${this.selfUrl}${PROXIED_TARBALLS_PREFIX.slice(1)}` : wantsProxiedTarballs(userAgent) ? this.selfUrl : '';
    const rendered = this.render(lookup.packument, judgement, tarballBase);
    const abbreviated = String(req.headers.accept ?? '').includes(ABBREVIATED_TYPE);
    sendBody(req, res, abbreviated ? rendered.abbreviated : rendered.full, abbreviated ? `${ABBREVIATED_TYPE}; charset=utf-8` : 'application/json; charset=utf-8', abbreviated ? rendered.abbreviatedEtag : rendered.fullEtag);
  }

  /** The packument and its judgement; answers 503 itself (and returns undefined) when the upstream is down. */
  private async lookup(name: string, userAgent: string | undefined, res: ServerResponse): Promise<Lookup | undefined> {
    try {
      const lookup = await this.fetchPackument(name);
      if (lookup.kind === 'ok' && lookup.judgement.errors.length > 0) {
        throw new SourceUnavailableError('advisories', lookup.judgement.errors.join('; '));
      }
      return lookup;
    } catch (err) {
      if (!(err instanceof SourceUnavailableError)) throw err;
      const reason = `lockwarden: cannot judge ${name}: ${err.message}; refusing to serve unjudged metadata (fail closed)`;
      this.options.audit.record({ userAgent, ecosystem: 'npm', name, decision: 'unavailable', reason: err.message });
      sendError(res, 503, reason);
      return undefined;
    }
  }

  private fetchPackument(name: string): Promise<Lookup> {
    const cached = this.packuments.get(name);
    const fetchedAt = cached ? (cached.kind === 'ok' ? cached.packument.fetchedAt : cached.fetchedAt) : 0;
    if (cached && Date.now() - fetchedAt < this.freshMs) return this.rejudge(cached);
    let pending = this.inFlight.get(name);
    if (!pending) {
      pending = this.revalidate(name, cached).finally(() => this.inFlight.delete(name));
      this.inFlight.set(name, pending);
    }
    return pending;
  }

  /** A fresh document whose judgement expired is judged again without asking the upstream. */
  private async rejudge(cached: Lookup): Promise<Lookup> {
    if (cached.kind === 'missing') return cached;
    const judgement = await this.judgePackument(cached.packument);
    const next: Lookup = { kind: 'ok', packument: cached.packument, judgement };
    this.packuments.set(cached.packument.name, next);
    return next;
  }

  private async revalidate(name: string, cached: Lookup | undefined): Promise<Lookup> {
    const registry = this.options.config.registryFor(name);
    // The packument path encodes a scoped name's slash, as the npm CLI does.
    const url = `${registry}${name.startsWith('@') ? `@${encodeURIComponent(name.slice(1))}` : encodeURIComponent(name)}`;
    const previous = cached?.kind === 'ok' ? cached.packument : undefined;
    const headers: Record<string, string> = { accept: 'application/json', ...this.options.config.authHeaders(url) };
    if (previous?.etag) headers['if-none-match'] = previous.etag;
    const res = await this.options.http.get(url, `npm registry at ${new URL(registry).origin}`, headers);
    let lookup: Lookup;
    if (res.status === 404) {
      lookup = { kind: 'missing', fetchedAt: Date.now() };
    } else if (res.status === 304 && previous) {
      const packument = { ...previous, fetchedAt: Date.now() };
      lookup = { kind: 'ok', packument, judgement: await this.judgePackument(packument) };
    } else {
      let doc: unknown;
      try {
        doc = JSON.parse(res.body.toString('utf8'));
      } catch {
        throw new SourceUnavailableError('npm registry', `the packument of ${name} from ${registry} is not JSON`);
      }
      if (!isRecord(doc)) throw new SourceUnavailableError('npm registry', `the packument of ${name} from ${registry} is not an object`);
      const etag = res.headers.get('etag') ?? undefined;
      const documentKey = etag ?? createHash('sha1').update(res.body).digest('hex');
      const packument: Packument = { name, doc, documentKey, ...(etag ? { etag } : {}), fetchedAt: Date.now() };
      this.learnTarballs(packument);
      lookup = { kind: 'ok', packument, judgement: await this.judgePackument(packument) };
    }
    this.packuments.set(name, lookup);
    return lookup;
  }

  private judgePackument(p: Packument): Promise<VersionsJudgement> {
    const registry = this.options.config.registryFor(p.name);
    const metadata = parsePackument(p.name, p.doc, registry);
    const tags = isRecord(p.doc['dist-tags']) ? p.doc['dist-tags'] : {};
    const distTags: Record<string, string> = {};
    for (const [tag, v] of Object.entries(tags)) if (typeof v === 'string') distTags[tag] = v;
    return this.options.judge.judge(metadata, p.documentKey, distTags);
  }

  private learnTarballs(p: Packument): void {
    const versions = isRecord(p.doc.versions) ? p.doc.versions : {};
    for (const [version, manifest] of Object.entries(versions)) {
      const dist = isRecord(manifest) && isRecord(manifest.dist) ? manifest.dist : undefined;
      if (typeof dist?.tarball !== 'string') continue;
      try {
        const entry = { name: p.name, version, url: dist.tarball };
        this.tarballs.set(new URL(dist.tarball).pathname, entry);
        this.tarballs.set(new URL(conventionalTarballUrl('http://proxy/', p.name, version)).pathname, entry);
      } catch {
        // A tarball field that is not a URL cannot be fetched by any client either.
      }
    }
  }

  private render(p: Packument, j: VersionsJudgement, tarballBase: string): Rendered {
    let cache = this.rendered.get(tarballBase);
    if (!cache) this.rendered.set(tarballBase, (cache = new WeakMap()));
    const hit = cache.get(j);
    if (hit) return hit;
    const allowed = new Set(j.allowed);
    const versions = isRecord(p.doc.versions) ? p.doc.versions : {};
    const time = isRecord(p.doc.time) ? p.doc.time : {};
    const keptVersions: Record<string, unknown> = {};
    const abbreviatedVersions: Record<string, unknown> = {};
    for (const [v, manifest] of Object.entries(versions)) {
      if (!allowed.has(v) || !isRecord(manifest)) continue;
      const served = tarballBase && isRecord(manifest.dist)
        ? { ...manifest, dist: { ...manifest.dist, tarball: conventionalTarballUrl(tarballBase, p.name, v) } }
        : manifest;
      keptVersions[v] = served;
      abbreviatedVersions[v] = abbreviate(served);
    }
    const keptTime: Record<string, unknown> = {};
    for (const [k, t] of Object.entries(time)) if (k === 'created' || k === 'modified' || allowed.has(k)) keptTime[k] = t;
    const full = Buffer.from(JSON.stringify({ ...p.doc, 'dist-tags': j.distTags, versions: keptVersions, time: keptTime }));
    const abbreviated = Buffer.from(JSON.stringify({
      name: p.doc.name ?? p.name,
      ...(typeof time.modified === 'string' ? { modified: time.modified } : {}),
      'dist-tags': j.distTags,
      versions: abbreviatedVersions,
    }));
    const rendered = { full, fullEtag: etagOf(full), abbreviated, abbreviatedEtag: etagOf(abbreviated) };
    cache.set(j, rendered);
    return rendered;
  }

  /** `GET /name/version-or-tag`: one manifest (npm view, some older clients). */
  private versionDocument(req: IncomingMessage, res: ServerResponse, p: Packument, j: VersionsJudgement, spec: string): void {
    const version = j.distTags[spec] ?? spec;
    const verdict = j.versions.find((v) => v.version === version);
    if (!verdict) return sendError(res, 404, `lockwarden: ${p.name} has no version or tag ${spec} that passes the policy`);
    if (!verdict.allowed) return sendError(res, 403, blockMessage(j, version));
    const versions = isRecord(p.doc.versions) ? p.doc.versions : {};
    const body = Buffer.from(JSON.stringify(versions[version]));
    sendBody(req, res, body, 'application/json; charset=utf-8', etagOf(body));
  }

  private async tarball(req: IncomingMessage, res: ServerResponse, path: string, userAgent: string | undefined): Promise<void> {
    let known = this.tarballs.get(path);
    const parsed = parseTarballPath(path);
    if (!known && parsed) {
      // A lockfile install asks for tarballs without fetching packuments first: learn this package now.
      const lookup = await this.lookup(parsed.name, userAgent, res);
      if (!lookup) return;
      if (lookup.kind === 'missing') return this.notFound(res, parsed.name, userAgent);
      known = this.tarballs.get(path) ?? this.tarballByFile(lookup.packument, parsed.file);
    }
    if (!known) return sendError(res, 404, `lockwarden: no version of any package known to the upstream has the tarball ${path}`);
    const lookup = await this.lookup(known.name, userAgent, res);
    if (!lookup) return;
    if (lookup.kind === 'missing') return this.notFound(res, known.name, userAgent);
    const verdict = lookup.judgement.versions.find((v) => v.version === known.version);
    if (!verdict?.allowed) {
      const message = blockMessage(lookup.judgement, known.version);
      this.options.audit.record({
        userAgent, ecosystem: 'npm', name: known.name, version: known.version, decision: 'block',
        ...auditFacts(blockingFindings(lookup.judgement, known.version)), reason: message,
      });
      return sendError(res, 403, message);
    }
    this.options.audit.record({ userAgent, ecosystem: 'npm', name: known.name, version: known.version, decision: 'allow' });
    let upstream: Response;
    try {
      upstream = await this.options.http.open(known.url, 'npm tarball', this.options.config.authHeaders(known.url));
    } catch (err) {
      if (!(err instanceof SourceUnavailableError)) throw err;
      this.options.audit.record({ userAgent, ecosystem: 'npm', name: known.name, version: known.version, decision: 'unavailable', reason: err.message });
      return sendError(res, 503, `lockwarden: ${err.message}`);
    }
    if (!upstream.ok || !upstream.body) return sendError(res, upstream.status === 404 ? 404 : 502, `lockwarden: upstream answered HTTP ${upstream.status} for ${known.name}@${known.version}`);
    const headers: Record<string, string> = { 'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream' };
    const length = upstream.headers.get('content-length');
    if (length) headers['content-length'] = length;
    res.writeHead(200, headers);
    if (req.method === 'HEAD') {
      await upstream.body.cancel();
      res.end();
      return;
    }
    Readable.fromWeb(upstream.body as WebReadableStream).on('error', () => res.destroy()).pipe(res);
  }

  private tarballByFile(p: Packument, file: string): { name: string; version: string; url: string } | undefined {
    for (const entry of this.tarballs.values()) if (entry.name === p.name && entry.url.endsWith(`/${file}`)) return entry;
    return undefined;
  }

  private notFound(res: ServerResponse, name: string, userAgent: string | undefined): void {
    const message = notFoundMessage(name);
    this.options.audit.record({ userAgent, ecosystem: 'npm', name, decision: 'not-found', rules: ['nonexistent'], reason: message });
    sendError(res, 404, message);
  }

  private logServed(j: VersionsJudgement, userAgent: string | undefined): void {
    if (this.logged.has(j)) return;
    this.logged.add(j);
    if (j.removed.length === 0) {
      this.options.audit.record({ userAgent, ecosystem: 'npm', name: j.name, ...(j.distTags.latest ? { version: j.distTags.latest } : {}), decision: 'allow' });
      return;
    }
    const findings = j.removed.flatMap((v) => v.findings.filter((f) => f.action === 'block' || f.action === 'quarantine'));
    const moved = j.movedTags.map((t) => `${t.tag} ${t.from} → ${t.to ?? 'dropped'}`).join(', ');
    this.options.audit.record({
      userAgent, ecosystem: 'npm', name: j.name, ...(j.distTags.latest ? { version: j.distTags.latest } : {}), decision: 'filter',
      ...auditFacts(findings), removed: j.removed.map((v) => v.version), ...(moved ? { reason: `dist-tags moved: ${moved}` } : {}),
    });
  }

  /** Search, audit and other `/-/` endpoints: not judged, forwarded to the default registry with its credentials. */
  private async passThrough(req: IncomingMessage, res: ServerResponse, pathAndQuery: string): Promise<void> {
    const registry = this.options.config.registry;
    const url = new URL(pathAndQuery.slice(1), registry).toString();
    const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readBody(req);
    const headers: Record<string, string> = { ...this.options.config.authHeaders(url) };
    for (const h of ['content-type', 'accept', 'content-encoding', 'npm-command', 'user-agent']) {
      const v = req.headers[h];
      if (typeof v === 'string') headers[h] = v;
    }
    let upstream: Response;
    try {
      upstream = await fetch(url, { method: req.method ?? 'GET', headers, ...(body ? { body } : {}), signal: AbortSignal.timeout(60_000) });
    } catch (err) {
      return sendError(res, 503, `lockwarden: upstream unavailable for ${pathAndQuery}: ${err instanceof Error ? err.message : String(err)}`);
    }
    const out = Buffer.from(await upstream.arrayBuffer());
    res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
    res.end(out);
  }
}

/** `<registry>/@scope/name/-/name-1.0.0.tgz`: the URL pnpm and yarn build from a registry, name and version. */
export function conventionalTarballUrl(registry: string, name: string, version: string): string {
  const base = name.startsWith('@') ? name.slice(name.indexOf('/') + 1) : name;
  return `${registry}${name}/-/${base}-${version}.tgz`;
}

function abbreviate(manifest: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of ABBREVIATED_FIELDS) if (manifest[f] !== undefined) out[f] = manifest[f];
  const scripts = isRecord(manifest.scripts) ? manifest.scripts : {};
  if (out.hasInstallScript === undefined && INSTALL_SCRIPTS.some((s) => typeof scripts[s] === 'string')) out.hasInstallScript = true;
  return out;
}

/** `/@scope%2fname/1.0.0` → `@scope/name` and `1.0.0`; `/name` → `name`. */
export function splitName(path: string): { name?: string; rest?: string } {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path.slice(1));
  } catch {
    return {};
  }
  const segments = decoded.split('/').filter(Boolean);
  const take = segments[0]?.startsWith('@') ? 2 : 1;
  if (segments.length < take) return {};
  const name = segments.slice(0, take).join('/');
  const rest = segments.slice(take).join('/');
  return { name, ...(rest ? { rest } : {}) };
}

/** `/prefix/@scope/name/-/name-1.0.0.tgz` → the package name and the file name. */
export function parseTarballPath(path: string): { name: string; file: string } | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  const at = decoded.lastIndexOf('/-/');
  if (at < 0) return undefined;
  const file = decoded.slice(at + 3);
  const before = decoded.slice(0, at).split('/').filter(Boolean);
  const last = before[before.length - 1];
  if (!last || file.includes('/')) return undefined;
  const scope = before[before.length - 2];
  const name = scope?.startsWith('@') ? `${scope}/${last}` : last;
  return { name, file };
}

function etagOf(body: Buffer): string {
  return `"lw-${createHash('sha1').update(body).digest('base64url')}"`;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
