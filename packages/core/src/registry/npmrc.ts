import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parse as parseIni } from 'ini';
import { SourceUnavailableError } from '../errors.js';

/** Where npm configuration is read from; tests pass their own. */
export interface NpmConfigSources {
  /** The project directory; its nearest ancestor holding package.json supplies the project `.npmrc`. */
  cwd: string;
  env: Record<string, string | undefined>;
  /** Home directory for `~/.npmrc`. Default: the OS home. */
  home?: string;
  /**
   * Asks npm itself for the registry when no file or variable sets one (npm's built-in default). Called at most
   * once per process. Default: `npm config get registry`.
   */
  askNpm?: () => Promise<string | undefined>;
}

type Settings = Map<string, string>;

let askedNpm: Promise<string | undefined> | undefined;

/** `npm config get registry`, asked once per process. */
function askNpmOnce(cwd: string): Promise<string | undefined> {
  askedNpm ??= new Promise((resolveAsk) => {
    execFile('npm', ['config', 'get', 'registry'], { cwd, timeout: 15_000 }, (err, stdout) => {
      const value = String(stdout ?? '').trim();
      resolveAsk(err || !/^https?:\/\//.test(value) ? undefined : value);
    });
  });
  return askedNpm;
}

/**
 * The npm registry settings as npm resolves them: `npm_config_*` environment variables over the project
 * `.npmrc`, over the user's `~/.npmrc` (or `npm_config_userconfig`), over the global npmrc (or
 * `npm_config_globalconfig`); `${VAR}` expanded from the environment; scoped registries (`@scope:registry=`) and
 * per-host credentials (`//host/path/:_authToken=`). Nothing hard-codes a registry host: with no setting anywhere,
 * npm itself is asked.
 */
export class NpmRegistryConfig {
  private constructor(
    private readonly settings: Settings,
    private readonly defaultRegistry: string,
  ) {}

  /** Reads every configuration layer; asks npm only if no layer names a registry. */
  static async load(sources: NpmConfigSources): Promise<NpmRegistryConfig> {
    const env = sources.env;
    const settings: Settings = new Map();
    const layers: Settings[] = [];
    const envLayer = fromEnv(env);
    const home = sources.home ?? homedir();
    const userFile = envLayer.get('userconfig') ?? join(home, '.npmrc');
    const prefix = envLayer.get('prefix') ?? dirname(dirname(process.execPath));
    const globalFile = envLayer.get('globalconfig') ?? join(prefix, 'etc', 'npmrc');
    const projectDir = findProjectDir(resolve(sources.cwd));
    // Lowest precedence first; later layers overwrite.
    layers.push(readNpmrc(globalFile, env), readNpmrc(userFile, env));
    if (projectDir) layers.push(readNpmrc(join(projectDir, '.npmrc'), env));
    layers.push(envLayer);
    for (const layer of layers) for (const [k, v] of layer) settings.set(k, v);

    let registry = settings.get('registry');
    if (!registry) registry = await (sources.askNpm ?? (() => askNpmOnce(sources.cwd)))();
    if (!registry) {
      throw new SourceUnavailableError('npm configuration', 'no registry is configured and `npm config get registry` gave no answer');
    }
    return new NpmRegistryConfig(settings, withSlash(registry));
  }

  /** Builds a configuration from explicit settings (npmrc keys), for callers that already resolved them. */
  static fromSettings(entries: Record<string, string>, defaultRegistry: string): NpmRegistryConfig {
    return new NpmRegistryConfig(new Map(Object.entries(entries)), withSlash(defaultRegistry));
  }

  /** The registry a package is fetched from: its scope's registry if configured, else the default. */
  registryFor(packageName: string): string {
    if (packageName.startsWith('@')) {
      const scope = packageName.slice(0, packageName.indexOf('/'));
      const scoped = this.settings.get(`${scope}:registry`);
      if (scoped) return withSlash(scoped);
    }
    return this.defaultRegistry;
  }

  /** The scopes that have a registry of their own (`@scope:registry=`), with it; a proxy must stand in for each. */
  scopedRegistries(): Map<string, string> {
    const out = new Map<string, string>();
    for (const [k, v] of this.settings) {
      const m = /^(@[^:]+):registry$/.exec(k);
      if (m) out.set(m[1]!, withSlash(v));
    }
    return out;
  }

  /** The registry for unscoped packages. */
  get registry(): string {
    return this.defaultRegistry;
  }

  /**
   * The credentials npm would send with a request to `url`: the `//host/path/:` keys that are the longest prefix
   * of the URL's host and path. Nothing is sent to a host that has no credentials of its own.
   */
  authHeaders(url: string): Record<string, string> {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return {};
    }
    const segments = u.pathname.split('/').filter(Boolean);
    for (let n = segments.length; n >= 0; n--) {
      const key = `//${u.host}/${segments.slice(0, n).map((s) => `${s}/`).join('')}`;
      const token = this.settings.get(`${key}:_authToken`);
      if (token) return { authorization: `Bearer ${token}` };
      const auth = this.settings.get(`${key}:_auth`);
      if (auth) return { authorization: `Basic ${auth}` };
      const user = this.settings.get(`${key}:username`);
      const password = this.settings.get(`${key}:_password`);
      if (user && password) {
        const plain = Buffer.from(password, 'base64').toString('utf8');
        return { authorization: `Basic ${Buffer.from(`${user}:${plain}`).toString('base64')}` };
      }
    }
    return {};
  }
}

/** `npm_config_*` variables (any case), as npmrc keys. */
function fromEnv(env: Record<string, string | undefined>): Settings {
  const out: Settings = new Map();
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || !/^npm_config_/i.test(name)) continue;
    const key = name.slice('npm_config_'.length);
    // npm maps `_` to `-` in env keys except for keys that start with `//` or `_` (credentials).
    const normalised = key.startsWith('//') || key.startsWith('_') ? key : key.toLowerCase().replace(/_/g, '-');
    out.set(normalised, value);
  }
  return out;
}

function readNpmrc(file: string, env: Record<string, string | undefined>): Settings {
  const out: Settings = new Map();
  if (!existsSync(file)) return out;
  let parsed: Record<string, unknown>;
  try {
    parsed = parseIni(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return out;
  }
  for (const [k, v] of Object.entries(parsed)) {
    if (typeof v !== 'string') continue;
    out.set(expandEnv(k, env), expandEnv(v, env));
  }
  return out;
}

/**
 * npm's `${VAR}` substitution: a defined variable is replaced, `${VAR?}` becomes empty when undefined, and an
 * undefined `${VAR}` stays literal (so the failure is visible instead of sending an empty token).
 */
export function expandEnv(value: string, env: Record<string, string | undefined>): string {
  return value.replace(/(\\*)\$\{([^${}?]+)(\?)?\}/g, (whole, slashes: string, name: string, optional?: string) => {
    if (slashes.length % 2 === 1) return whole.slice(1);
    const v = env[name];
    if (v !== undefined) return slashes + v;
    return optional ? slashes : whole;
  });
}

function findProjectDir(start: string): string | undefined {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) || existsSync(join(dir, '.npmrc'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
