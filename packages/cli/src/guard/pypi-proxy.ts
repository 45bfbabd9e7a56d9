import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { canonicalName, isRecord, parseSimpleJson, SourceUnavailableError, versionFromFilename, type VersionsJudgement } from '@lockwarden/core';
import type { AuditLog } from './audit-log.js';
import { auditFacts, blockingFindings, blockMessage, notFoundMessage, type Judge } from './judge.js';
import { sendBody, sendError } from './responses.js';
import type { UpstreamHttp } from './upstream-http.js';

/** Where the proxy serves the Python simple API. */
export const PYPI_PREFIX = '/-/pypi/';
const JSON_TYPE = 'application/vnd.pypi.simple.v1+json';
const ACCEPT_UPSTREAM = `${JSON_TYPE}, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.1`;

/** One distribution file in PEP 691 JSON shape (HTML pages are read into the same shape). */
interface SimpleFile {
  filename: string;
  url: string;
  hashes: Record<string, string>;
  'requires-python'?: string;
  yanked?: boolean | string;
  'core-metadata'?: boolean | Record<string, string>;
  'upload-time'?: string;
  size?: number;
}

interface Project {
  name: string;
  files: SimpleFile[];
  documentKey: string;
  fetchedAt: number;
}

type Lookup = { kind: 'ok'; project: Project; judgement: VersionsJudgement } | { kind: 'missing'; fetchedAt: number };

export interface PypiProxyOptions {
  /** The upstream simple index base URL (`…/simple/`). */
  index: string;
  http: UpstreamHttp;
  judge: Judge;
  audit: AuditLog;
  freshMs?: number;
}

/**
 * The Python simple repository API (PEP 503 HTML and PEP 691 JSON) in front of the upstream index: the files of
 * releases the policy removes are left out, release age comes from PEP 700 `upload-time`. File URLs point at the
 * upstream (made absolute), so nothing a client records names the proxy's files.
 */
export class PypiProxy {
  private readonly projects = new Map<string, Lookup>();
  private readonly inFlight = new Map<string, Promise<Lookup>>();
  private readonly logged = new WeakSet<VersionsJudgement>();
  private readonly index: string;
  private readonly authorization: Record<string, string>;
  private readonly freshMs: number;

  constructor(private readonly options: PypiProxyOptions) {
    const u = new URL(options.index.endsWith('/') ? options.index : `${options.index}/`);
    this.authorization = {};
    if (u.username) {
      const cred = `${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`;
      this.authorization.authorization = `Basic ${Buffer.from(cred).toString('base64')}`;
      u.username = '';
      u.password = '';
    }
    this.index = u.toString();
    this.freshMs = options.freshMs ?? 30_000;
  }

  async handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const userAgent = req.headers['user-agent'];
    const m = /^\/-\/pypi\/simple\/([^/]+)\/?$/.exec(path);
    if (!m) return sendError(res, 404, 'lockwarden guard serves the simple API per project: /-/pypi/simple/<name>/');
    let raw: string;
    try {
      raw = decodeURIComponent(m[1]!);
    } catch {
      return sendError(res, 400, 'malformed project name');
    }
    const name = canonicalName('PyPI', raw);
    let lookup: Lookup;
    try {
      lookup = await this.lookup(name);
      if (lookup.kind === 'ok' && lookup.judgement.errors.length > 0) {
        throw new SourceUnavailableError('advisories', lookup.judgement.errors.join('; '));
      }
    } catch (err) {
      if (!(err instanceof SourceUnavailableError)) throw err;
      this.options.audit.record({ userAgent, ecosystem: 'PyPI', name, decision: 'unavailable', reason: err.message });
      return sendError(res, 503, `lockwarden: cannot judge ${name}: ${err.message}; refusing to serve unjudged metadata (fail closed)`);
    }
    if (lookup.kind === 'missing') {
      const message = notFoundMessage(name);
      this.options.audit.record({ userAgent, ecosystem: 'PyPI', name, decision: 'not-found', rules: ['nonexistent'], reason: message });
      return sendError(res, 404, message);
    }
    const { project, judgement } = lookup;
    if (judgement.allowed.length === 0) {
      const message = blockMessage(judgement);
      this.options.audit.record({ userAgent, ecosystem: 'PyPI', name, decision: 'block', ...auditFacts(blockingFindings(judgement)), reason: message });
      return sendError(res, 403, message);
    }
    this.logServed(judgement, userAgent);
    const allowed = new Set(judgement.allowed);
    const files = project.files.filter((f) => {
      const v = versionFromFilename(name, f.filename);
      return v !== undefined && allowed.has(v);
    });
    const wantsJson = String(req.headers.accept ?? '').includes(JSON_TYPE);
    const body = wantsJson
      ? Buffer.from(JSON.stringify({ meta: { 'api-version': '1.1' }, name, files, versions: judgement.allowed }))
      : Buffer.from(renderHtml(name, files));
    const etag = `"lw-${createHash('sha1').update(body).digest('base64url')}"`;
    sendBody(req, res, body, wantsJson ? JSON_TYPE : 'text/html; charset=utf-8', etag);
  }

  private lookup(name: string): Promise<Lookup> {
    const cached = this.projects.get(name);
    const fetchedAt = cached ? (cached.kind === 'ok' ? cached.project.fetchedAt : cached.fetchedAt) : 0;
    if (cached && Date.now() - fetchedAt < this.freshMs) {
      return cached.kind === 'missing' ? Promise.resolve(cached) : this.judgeProject(cached.project);
    }
    let pending = this.inFlight.get(name);
    if (!pending) {
      pending = this.fetchProject(name).finally(() => this.inFlight.delete(name));
      this.inFlight.set(name, pending);
    }
    return pending;
  }

  private async fetchProject(name: string): Promise<Lookup> {
    const url = `${this.index}${name}/`;
    const res = await this.options.http.get(url, `Python index at ${new URL(this.index).origin}`, { accept: ACCEPT_UPSTREAM, ...this.authorization });
    let lookup: Lookup;
    if (res.status === 404) {
      lookup = { kind: 'missing', fetchedAt: Date.now() };
    } else {
      const type = res.headers.get('content-type') ?? '';
      const text = res.body.toString('utf8');
      const files = type.includes(JSON_TYPE) ? filesFromJson(text, name, res.url) : filesFromHtml(text, res.url);
      const documentKey = res.headers.get('etag') ?? createHash('sha1').update(res.body).digest('hex');
      const project: Project = { name, files, documentKey, fetchedAt: Date.now() };
      lookup = await this.judgeProject(project);
    }
    this.projects.set(name, lookup);
    return lookup;
  }

  private async judgeProject(project: Project): Promise<Lookup> {
    const metadata = parseSimpleJson(project.name, { files: project.files }, this.index);
    const judgement = await this.options.judge.judge(metadata, project.documentKey);
    const lookup: Lookup = { kind: 'ok', project, judgement };
    this.projects.set(project.name, lookup);
    return lookup;
  }

  private logServed(j: VersionsJudgement, userAgent: string | undefined): void {
    if (this.logged.has(j)) return;
    this.logged.add(j);
    const latest = j.safeVersion;
    if (j.removed.length === 0) {
      this.options.audit.record({ userAgent, ecosystem: 'PyPI', name: j.name, ...(latest ? { version: latest } : {}), decision: 'allow' });
      return;
    }
    const findings = j.removed.flatMap((v) => v.findings.filter((f) => f.action === 'block' || f.action === 'quarantine'));
    this.options.audit.record({
      userAgent, ecosystem: 'PyPI', name: j.name, ...(latest ? { version: latest } : {}), decision: 'filter',
      ...auditFacts(findings), removed: j.removed.map((v) => v.version),
    });
  }
}

function filesFromJson(text: string, name: string, pageUrl: string): SimpleFile[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new SourceUnavailableError('Python index', `the simple page of ${name} is not JSON`);
  }
  if (!isRecord(doc) || !Array.isArray(doc.files)) throw new SourceUnavailableError('Python index', `the simple page of ${name} has no files list`);
  const out: SimpleFile[] = [];
  for (const f of doc.files) {
    if (!isRecord(f) || typeof f.filename !== 'string' || typeof f.url !== 'string') continue;
    const file: SimpleFile = { ...(f as unknown as SimpleFile), url: absolute(f.url, pageUrl), hashes: isRecord(f.hashes) ? (f.hashes as Record<string, string>) : {} };
    out.push(file);
  }
  return out;
}

/** Reads a PEP 503 page: one anchor per file, hashes in the URL fragment, PEP 592/658/714 data attributes. */
export function filesFromHtml(html: string, pageUrl: string): SimpleFile[] {
  const out: SimpleFile[] = [];
  for (const m of html.matchAll(/<a\s([^>]*)>([^<]*)<\/a>/gi)) {
    const attrs = new Map<string, string>();
    for (const a of m[1]!.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs.set(a[1]!.toLowerCase(), unescapeHtml(a[2] ?? a[3] ?? ''));
    const href = attrs.get('href');
    if (!href) continue;
    const url = new URL(href, pageUrl);
    const hashes: Record<string, string> = {};
    const frag = /^#(\w+)=([0-9a-f]+)$/i.exec(url.hash);
    if (frag) hashes[frag[1]!.toLowerCase()] = frag[2]!.toLowerCase();
    url.hash = '';
    const file: SimpleFile = { filename: unescapeHtml(m[2]!.trim()), url: url.toString(), hashes };
    const rp = attrs.get('data-requires-python');
    if (rp) file['requires-python'] = rp;
    if (attrs.has('data-yanked')) file.yanked = attrs.get('data-yanked') || true;
    const meta = attrs.get('data-core-metadata') ?? attrs.get('data-dist-info-metadata');
    if (meta !== undefined) {
      const h = /^(\w+)=([0-9a-f]+)$/i.exec(meta);
      file['core-metadata'] = h ? { [h[1]!.toLowerCase()]: h[2]! } : true;
    }
    out.push(file);
  }
  return out;
}

function renderHtml(name: string, files: readonly SimpleFile[]): string {
  const links = files.map((f) => {
    const hash = Object.entries(f.hashes).find(([alg]) => alg === 'sha256') ?? Object.entries(f.hashes)[0];
    const href = hash ? `${f.url}#${hash[0]}=${hash[1]}` : f.url;
    const attrs = [`href="${escapeHtml(href)}"`];
    if (f['requires-python']) attrs.push(`data-requires-python="${escapeHtml(f['requires-python'])}"`);
    if (f.yanked) attrs.push(`data-yanked="${escapeHtml(typeof f.yanked === 'string' ? f.yanked : '')}"`);
    const meta = f['core-metadata'];
    if (meta) {
      const v = typeof meta === 'object' ? Object.entries(meta).map(([k, h]) => `${k}=${h}`)[0] ?? 'true' : 'true';
      attrs.push(`data-core-metadata="${escapeHtml(v)}"`, `data-dist-info-metadata="${escapeHtml(v)}"`);
    }
    return `<a ${attrs.join(' ')}>${escapeHtml(f.filename)}</a><br/>`;
  });
  return `<!DOCTYPE html>\n<html><head><meta name="pypi:repository-version" content="1.1"><title>Links for ${escapeHtml(name)}</title></head><body><h1>Links for ${escapeHtml(name)}</h1>\n${links.join('\n')}\n</body></html>\n`;
}

function absolute(url: string, base: string): string {
  try {
    return new URL(url, base).toString();
  } catch {
    return url;
  }
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function unescapeHtml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}
